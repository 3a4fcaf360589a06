import { counted } from "../labels.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { countryName, place } from "../directory.components.js";
import type { BaseMap, Placed } from "./map.js";
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

export function MapSvg({ c, map, placed }: { c: AppContext; map: BaseMap; placed: Placed<ListedMember> }) {
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
        {placed.inside.map(({ item, x, y }) => {
          const label = item.city
            ? t("directory.map.point", { name: item.name, city: item.city })
            : item.name;
          return (
            <a href={href(c, `/members/${item.slug}`)} aria-label={label}>
              <title>{label}</title>
              <circle class="map__point" cx={String(x)} cy={String(y)} r="6" />
            </a>
          );
        })}
      </g>
    </svg>
  );
}

export function MapPage({
  c,
  map,
  placed,
  members,
}: {
  c: AppContext;
  map: BaseMap;
  placed: Placed<ListedMember>;
  members: ListedMember[];
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("directory.map.title")} section="members" wide>
      <h1>{t("directory.map.title")}</h1>
      <p class="lead">{t("directory.map.intro")}</p>
      <p>{counted(t, "directory.members.count", members.length)}</p>
      <div class="map-layout">
        <MapSvg c={c} map={map} placed={placed} />
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
