import { counted } from "../labels.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { countryName, place } from "../directory.components.js";
import type { BaseMap, Placed } from "./map.js";
import { groupDots, HIT_RADIUS, type Group } from "./map.groups.js";
import { emptyQuery, finderQueryString, type FinderQuery } from "./finder.js";
import type { ListedMember } from "./snapshot.js";

function MemberList({ c, members }: { c: AppContext; members: ListedMember[] }) {
  const locale = c.get("locale");
  return (
    <ul class="plain-list">
      {members.map((m) => (
        <li>
          <a href={href(c, `/members/${m.slug}`)}>{m.name}</a>
          {m.city || m.countryCode ? <span class="muted"> · {place(locale, m)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Members grouped by country: the same information as the map, for every reader. */
function ByCountry({ c, members }: { c: AppContext; members: ListedMember[] }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const groups = new Map<string, ListedMember[]>();
  for (const m of members) {
    const key = m.countryCode ?? "";
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  return (
    <details class="map-list">
      <summary>{t("directory.map.list")}</summary>
      {sorted.map(([code, list]) => (
        <>
          <h3>
            {code ? countryName(locale, code) : t("directory.map.nowhere")} ({list.length})
          </h3>
          <MemberList c={c} members={list} />
        </>
      ))}
    </details>
  );
}

function Dot({ c, group, query }: { c: AppContext; group: Group<ListedMember>; query: FinderQuery | null }) {
  const t = c.get("t");
  const [first] = group.items;
  if (!first) return null;
  const x = String(group.x);
  const y = String(group.y);
  const hit = <circle class="map__hit" cx={x} cy={y} r={String(HIT_RADIUS)} fill="transparent" />;
  if (group.items.length === 1) {
    const label = first.city ? t("directory.map.point", { name: first.name, city: first.city }) : first.name;
    return (
      <a href={href(c, `/members/${first.slug}`)} aria-label={label}>
        <title>{label}</title>
        {hit}
        <circle class="map__point" cx={x} cy={y} r="8" />
      </a>
    );
  }
  const count = group.items.length;
  const label = first.city
    ? t("directory.map.group", { count, city: first.city })
    : t("directory.map.group.nowhere", { count });
  // A group opens the finder around its members, nearest first.
  const centre = meanPosition(group.items);
  const around = { ...(query ?? emptyQuery()), near: centre, page: 1 };
  return (
    <a href={`${href(c, "/services")}${finderQueryString(around)}`} aria-label={label}>
      <title>{label}</title>
      {hit}
      <circle class="map__point map__group" cx={x} cy={y} r="14" />
      <text class="map__count" x={x} y={y} dy="0.35em" text-anchor="middle" aria-hidden="true">
        {String(count)}
      </text>
    </a>
  );
}

function meanPosition(members: readonly ListedMember[]): string {
  const located = members.filter((m) => m.latitude !== null && m.longitude !== null);
  const mean = (f: (m: ListedMember) => number) =>
    Math.round((located.reduce((sum, m) => sum + f(m), 0) / Math.max(1, located.length)) * 100) / 100;
  return `${mean((m) => m.latitude ?? 0)},${mean((m) => m.longitude ?? 0)}`;
}

export function MapSvg({
  c,
  map,
  placed,
  query = null,
}: {
  c: AppContext;
  map: BaseMap;
  placed: Placed<ListedMember>;
  query?: FinderQuery | null;
}) {
  const t = c.get("t");
  return (
    <svg
      class="map"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="group"
      aria-labelledby="map-title"
    >
      <title id="map-title">{t("directory.map.label")}</title>
      <g aria-hidden="true">
        {map.countries.map((country) => (
          <path class={country.focus ? "map__focus" : "map__land"} d={country.d} />
        ))}
      </g>
      <g>
        {groupDots(placed.inside).map((group) => (
          <Dot c={c} group={group} query={query} />
        ))}
      </g>
    </svg>
  );
}

export function MapPage({
  c,
  map,
  placed,
  members,
  query = null,
}: {
  c: AppContext;
  map: BaseMap;
  placed: Placed<ListedMember>;
  members: ListedMember[];
  /** The finder's search the map follows, if any. */
  query?: FinderQuery | null;
}) {
  const t = c.get("t");
  const permalink = query ? finderQueryString(query) : "";
  return (
    <Layout c={c} title={t("directory.map.title")} section="members" wide>
      <h1>{t("directory.map.title")}</h1>
      <p class="lead">{t("directory.map.intro")}</p>
      {query ? <p>{t("directory.map.filtered")}</p> : null}
      <p>
        {counted(t, "directory.members.count", members.length)} ·{" "}
        <a href={`${href(c, "/services")}${permalink}`}>{t("directory.map.finder")}</a>
      </p>
      <div class="map-layout">
        <MapSvg c={c} map={map} placed={placed} query={query} />
        <aside>
          {placed.outside.length > 0 ? (
            <section aria-labelledby="map-outside">
              <h2 id="map-outside">{t("directory.map.outside")}</h2>
              <MemberList c={c} members={placed.outside} />
            </section>
          ) : null}
          {placed.nowhere.length > 0 ? (
            <section aria-labelledby="map-nowhere">
              <h2 id="map-nowhere">{t("directory.map.nowhere")}</h2>
              <MemberList c={c} members={placed.nowhere} />
            </section>
          ) : null}
          <ByCountry c={c} members={members} />
        </aside>
      </div>
    </Layout>
  );
}
