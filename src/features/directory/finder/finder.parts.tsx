import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { describe } from "../alternatives/match.js";
import { finderQueryString, type FinderQuery } from "./finder.js";
import type { Understood } from "./search.js";
import type { DirectorySnapshot, ListedService } from "./snapshot.js";
import { filterChoices } from "./choices.js";

/** Pieces of the finder page for "alternatives to" and "near me". */

/** The names of what a service replaces, the one searched for first. */
export function replacedNames(
  snapshot: DirectorySnapshot,
  service: ListedService,
  searched: string | undefined,
): string[] {
  const ids =
    searched && service.replaces.includes(searched)
      ? [searched, ...service.replaces.filter((id) => id !== searched)]
      : service.replaces;
  return ids.flatMap((id) => {
    const entry = snapshot.alternatives.byId.get(id);
    return entry ? [entry.name] : [];
  });
}

export function AlternativeHeading({
  c,
  search,
  snapshot,
}: {
  c: AppContext;
  search: Understood;
  snapshot: DirectorySnapshot;
}) {
  const entry = search.alternative;
  if (!entry) return null;
  const t = c.get("t");
  const known = new Map(filterChoices(snapshot, c.get("locale")).software);
  const software = entry.software.map((slug) => ({ slug, name: known.get(slug) }));
  return (
    <header class="alternative-heading">
      <h2 id="alternative-title">{t("directory.alternatives.heading", { name: entry.name })}</h2>
      <p>
        {describe(entry, c.get("locale"))} <span class="muted">({entry.vendor})</span>
      </p>
      {search.recognised && search.recognised.distance > 0 ? (
        <p class="muted">
          {t("directory.alternatives.understood", { typed: search.query.q, name: entry.name })}
        </p>
      ) : null}
      {software.some((s) => s.name) ? (
        <p>
          {t("directory.alternatives.software", {
            software: software.flatMap((s) => (s.name ? [s.name] : [])).join(", "),
          })}
        </p>
      ) : null}
    </header>
  );
}

/** Whether results are sorted by distance from a known place, or why not. */
export function NearNotice({ c, query, search }: { c: AppContext; query: FinderQuery; search: Understood }) {
  const near = search.near;
  if (!near) return null;
  const t = c.get("t");
  if (near.ok) {
    const place = [near.place.postcode, near.place.name].filter(Boolean).join(" ");
    return (
      <p class="near-notice">
        {t("directory.near.sorted", { place: near.place.region ? `${place} (${near.place.region})` : place })}
        {near.place.approximate ? <> {t("directory.near.approximate", { place: near.place.name })}</> : null}
      </p>
    );
  }
  const link = (value: string) =>
    `${href(c, "/services")}${finderQueryString({ ...query, near: value, page: 1 })}`;
  return (
    <div class="flash flash--error near-notice" role="alert">
      <p>{t("directory.near.unknown", { place: query.near })}</p>
      {near.suggestions.length > 0 ? (
        <p>
          {t("directory.near.suggestions")}{" "}
          {near.suggestions.map((s, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={link(s.value)}>{s.label}</a>
            </>
          ))}
        </p>
      ) : (
        <p>{t("directory.near.none")}</p>
      )}
    </div>
  );
}

/** No result: said plainly, with the way out (the same alternative without the other filters). */
export function EmptyResults({ c, search }: { c: AppContext; search: Understood }) {
  const t = c.get("t");
  const entry = search.alternative;
  if (!entry)
    return (
      <p class="empty">
        {t("directory.finder.empty")} <a href={href(c, "/guide")}>{t("directory.guide.title")}</a>
      </p>
    );
  return (
    <p class="empty">
      {t("directory.alternatives.empty", { name: entry.name })}{" "}
      <a href={`${href(c, "/services")}?alternative=${encodeURIComponent(entry.id)}`}>
        {t("directory.alternatives.all", { name: entry.name })}
      </a>
    </p>
  );
}

export interface AppliedFilter {
  label: string;
  /** The same search without this one value. */
  href: string;
}

type ListFacet = Exclude<keyof FinderQuery, "q" | "near" | "open" | "page">;

/**
 * Every value the search applies, each with a link that removes it: the chips shown above the
 * results, so that on a phone the filters tucked in their disclosure stay visible and undoable.
 */
export function appliedFilters(
  c: AppContext,
  query: FinderQuery,
  labelOf: (facet: ListFacet, value: string) => string,
): AppliedFilter[] {
  const t = c.get("t");
  const link = (q: FinderQuery) => `${href(c, "/services")}${finderQueryString({ ...q, page: 1 })}`;
  const out: AppliedFilter[] = [];
  if (query.q) out.push({ label: `« ${query.q} »`, href: link({ ...query, q: "" }) });
  if (query.near) out.push({ label: query.near, href: link({ ...query, near: "" }) });
  const facets: ListFacet[] = [
    "alternative",
    "category",
    "family",
    "access",
    "price",
    "country",
    "region",
    "software",
    "type",
    "language",
  ];
  for (const facet of facets) {
    const values: readonly string[] = query[facet];
    for (const value of values)
      out.push({
        label: labelOf(facet, value),
        href: link({ ...query, [facet]: values.filter((v) => v !== value) }),
      });
  }
  if (query.open)
    out.push({ label: t("directory.filters.open.chip"), href: link({ ...query, open: false }) });
  return out;
}

export function FilterChips({ c, filters }: { c: AppContext; filters: AppliedFilter[] }) {
  if (filters.length === 0) return null;
  const t = c.get("t");
  return (
    <nav class="chips" aria-label={t("directory.filters.applied")}>
      <ul>
        {filters.map((f) => (
          <li>
            <a class="chip" href={f.href} aria-label={t("directory.filters.remove", { label: f.label })}>
              {f.label}
              <span class="chip__x" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
