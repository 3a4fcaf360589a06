import { hashString } from "../../kittens/kitten.js";
import {
  MEMBER_TYPES,
  PRICES,
  SERVICE_ACCESS,
  SERVICE_FAMILIES,
  type MemberType,
  type Price,
  type ServiceAccess,
} from "../directory.tables.js";
import type { ListedMember, ListedService } from "./snapshot.js";
import { byDistance, distancesFrom, type Point } from "./near.js";
import {
  buildFinderIndex,
  countValues,
  eachPosition,
  facetMask,
  intersect,
  type FinderIndex,
} from "./finder.index.js";

/**
 * The service finder as pure functions: read the query string, filter, count per filter value,
 * order fairly, cut into pages. Filters combine with AND across kinds and OR within one kind
 * (access=none&access=open is "no account or open registration").
 */

export const FACETS = [
  "category",
  "family",
  "software",
  "access",
  "price",
  "type",
  "country",
  "region",
  "language",
  "open",
  "alternative",
] as const;
export type Facet = (typeof FACETS)[number];

export interface FinderQuery {
  q: string;
  category: string[];
  family: string[];
  software: string[];
  access: ServiceAccess[];
  price: Price[];
  type: MemberType[];
  country: string[];
  region: string[];
  language: string[];
  /** Only services accepting new users: registration open and status ok. */
  open: boolean;
  /** Catalogue ids of proprietary services to replace (alternative=google-docs). */
  alternative: string[];
  /** A city, a French postcode or "lat,lon": results are then sorted by distance from it. */
  near: string;
  page: number;
}

export const PER_PAGE = 20;

export type QueryInput = Record<string, string[] | undefined>;

function inList<T extends string>(allowed: readonly T[]) {
  return (v: string): v is T => allowed.some((a) => a === v);
}

function clean(values: string[] | undefined, ok: (v: string) => boolean): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v.length > 0 && ok(v)))].slice(0, 20);
}

/** Reads a finder query; values that cannot match anything known are dropped, not echoed. */
export function parseFinderQuery(
  input: QueryInput,
  known: { categories: string[]; alternatives?: readonly string[] },
): FinderQuery {
  const page = Number(input.page?.[0] ?? "1");
  const alternatives = known.alternatives ?? [];
  return {
    q: (input.q?.[0] ?? "")
      .replace(/\p{Cc}/gu, " ")
      .trim()
      .slice(0, 100),
    category: clean(input.category, (v) => known.categories.includes(v)),
    family: clean(input.family, inList(SERVICE_FAMILIES)),
    software: clean(input.software, (v) => /^[a-z0-9-]{1,60}$/.test(v)),
    access: clean(input.access, inList(SERVICE_ACCESS)).filter(inList(SERVICE_ACCESS)),
    price: clean(input.price, inList(PRICES)).filter(inList(PRICES)),
    type: clean(input.type, inList(MEMBER_TYPES)).filter(inList(MEMBER_TYPES)),
    country: clean(input.country, (v) => /^[A-Z]{2}$/.test(v)),
    region: clean(input.region, (v) => v.length <= 80),
    language: clean(input.language, (v) => /^[a-z]{2,3}$/.test(v)),
    open: ["1", "on", "true"].includes(input.open?.[0] ?? ""),
    alternative: clean(input.alternative, (v) => alternatives.includes(v)),
    near: (input.near?.[0] ?? "")
      .replace(/\p{Cc}/gu, " ")
      .trim()
      .slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function emptyQuery(): FinderQuery {
  return parseFinderQuery({}, { categories: [] });
}

/** The canonical query string of a search (the permalink), without the page unless asked. */
export function finderQueryString(q: FinderQuery, options: { page?: number } = {}): string {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.near) params.set("near", q.near);
  for (const facet of FACETS) {
    if (facet === "open") {
      if (q.open) params.set("open", "1");
      continue;
    }
    for (const v of q[facet]) params.append(facet, v);
  }
  if (options.page && options.page > 1) params.set("page", String(options.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function isEmptyQuery(q: FinderQuery): boolean {
  return !q.q && !q.near && !q.open && FACETS.every((f) => f === "open" || q[f].length === 0);
}

export function accepting(s: Pick<ListedService, "registrationLoad" | "status">): boolean {
  return s.registrationLoad === "open" && s.status === "ok";
}

export function facetValues(s: ListedService, facet: Facet): readonly string[] {
  switch (facet) {
    case "category":
      return [s.categoryId];
    case "family":
      return [s.family];
    case "software":
      return s.softwareSlug ? [s.softwareSlug] : [];
    case "access":
      return [s.access];
    case "price":
      return [s.price];
    case "type":
      return [s.member.type];
    case "country":
      return s.member.countryCode ? [s.member.countryCode] : [];
    case "region":
      return s.member.region ? [s.member.region] : [];
    case "language":
      return s.languages;
    case "open":
      return accepting(s) ? ["1"] : [];
    case "alternative":
      return s.replaces;
  }
}

function selected(q: FinderQuery, facet: Facet): readonly string[] {
  return facet === "open" ? (q.open ? ["1"] : []) : q[facet];
}

// Each service's value per kind of filter, worked out once: the counts visit every service for
// every kind of filter on each request.
const valueCache = new WeakMap<ListedService, readonly (readonly string[])[]>();
function valuesOf(s: ListedService): readonly (readonly string[])[] {
  let values = valueCache.get(s);
  if (!values) {
    values = FACETS.map((f) => facetValues(s, f));
    valueCache.set(s, values);
  }
  return values;
}

function wantedLists(q: FinderQuery): readonly (readonly string[])[] {
  return FACETS.map((f) => selected(q, f));
}

function accepts(values: readonly string[], wanted: readonly string[]): boolean {
  return wanted.length === 0 || values.some((v) => wanted.includes(v));
}

export function matches(s: ListedService, q: FinderQuery, textIds: Set<string> | null): boolean {
  if (textIds && !textIds.has(s.id)) return false;
  const wanted = wantedLists(q);
  const values = valuesOf(s);
  return wanted.every((w, i) => accepts(values[i] ?? [], w));
}

/** For each kind of filter, how many services each value would give with the other filters kept. */
export function facetCounts(
  services: ListedService[],
  q: FinderQuery,
  textIds: Set<string> | null,
): Record<Facet, Map<string, number>> {
  const maps = FACETS.map(() => new Map<string, number>());
  const wanted = wantedLists(q);
  for (const s of services) {
    if (textIds && !textIds.has(s.id)) continue;
    const values = valuesOf(s);
    let failing = -1;
    let failures = 0;
    for (let i = 0; i < FACETS.length && failures < 2; i++)
      if (!accepts(values[i] ?? [], wanted[i] ?? [])) {
        failing = i;
        failures++;
      }
    if (failures > 1) continue;
    // A service counts for a kind of filter when every other kind accepts it.
    for (let i = 0; i < FACETS.length; i++) {
      if (failures === 1 && failing !== i) continue;
      const map = maps[i];
      if (map) for (const v of values[i] ?? []) map.set(v, (map.get(v) ?? 0) + 1);
    }
  }
  return byFacet((f) => maps[FACETS.indexOf(f)] ?? new Map<string, number>());
}

function byFacet(get: (f: Facet) => Map<string, number>): Record<Facet, Map<string, number>> {
  return {
    category: get("category"),
    family: get("family"),
    software: get("software"),
    access: get("access"),
    price: get("price"),
    type: get("type"),
    country: get("country"),
    region: get("region"),
    language: get("language"),
    open: get("open"),
    alternative: get("alternative"),
  };
}

/** The day a fair order is drawn for (UTC), e.g. "2026-11-24". */
export const orderDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * A shuffle that stays the same all day and changes the next: nobody is always first, and a
 * visitor paging through the list does not see it reshuffled between two pages.
 */
export function dailyOrder<T extends { id: string }>(items: readonly T[], day: string): T[] {
  return items
    .map((item) => ({ item, key: hashString(`${day}:${item.id}`) }))
    .sort((a, b) => a.key - b.key || (a.item.id < b.item.id ? -1 : 1))
    .map((x) => x.item);
}

const ranks = new WeakMap<readonly object[], { day: string; rank: Map<string, number> }>();

/** The day's order of a whole list, computed once; filtered subsets keep it by rank. */
function orderedSubset<T extends { id: string }>(all: readonly T[], subset: T[], day: string): T[] {
  let cached = ranks.get(all);
  if (!cached || cached.day !== day) {
    cached = { day, rank: new Map(dailyOrder(all, day).map((item, i) => [item.id, i])) };
    ranks.set(all, cached);
  }
  const rank = cached.rank;
  return subset.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

export function paginate<T>(items: readonly T[], page: number, perPage = PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(1, page), pages);
  return {
    items: items.slice((current - 1) * perPage, current * perPage),
    page: current,
    pages,
    total: items.length,
  };
}

export interface FinderResult {
  page: Page<ListedService>;
  all: ListedService[];
  counts: Record<Facet, Map<string, number>>;
  /** Kilometres from the place asked for, by service id; null when no place was asked for. */
  distances: Map<string, number> | null;
}

export function runFinder(
  services: ListedService[],
  q: FinderQuery,
  textIds: Set<string> | null,
  day: string,
  perPage = PER_PAGE,
  origin: Point | null = null,
): FinderResult {
  const index = finderIndex(services, day);
  const { words, facets } = index;
  const wanted = wantedLists(q);
  const text = textIds ? textMask(index, textIds) : null;
  const masks = facets.map((facet, i) => facetMask(facet, wanted[i] ?? [], words));
  const total = intersect([text, ...masks], words);
  const fair: ListedService[] = [];
  if (total)
    eachPosition(total, (p) => {
      const s = index.order[p];
      if (s) fair.push(s);
    });
  else fair.push(...index.order);
  // A kind of filter counts its values with every other kind applied, not itself.
  const counted = facets.map((facet, i) =>
    countValues(facet, masks[i] ? intersect([text, ...masks.filter((_, j) => j !== i)], words) : total),
  );
  const counts = byFacet((f) => counted[FACETS.indexOf(f)] ?? new Map<string, number>());
  const distances = origin ? distancesFrom(origin, fair) : null;
  const all = distances ? byDistance(fair, distances) : fair;
  return { all, page: paginate(all, q.page, perPage), counts, distances };
}

const indexes = new WeakMap<readonly ListedService[], FinderIndex>();

/** The index of a snapshot's services for a day (rebuilt when the day's fair order changes). */
export function finderIndex(services: ListedService[], day: string): FinderIndex {
  const known = indexes.get(services);
  if (known && known.day === day) return known;
  const index = buildFinderIndex(
    dailyOrder(services, day),
    day,
    (s, f) => facetValues(s, FACETS[f] ?? "category"),
    FACETS.length,
  );
  indexes.set(services, index);
  return index;
}

const textMasks = new WeakMap<Set<string>, { index: FinderIndex; mask: Uint32Array }>();

function textMask(index: FinderIndex, ids: Set<string>): Uint32Array {
  const known = textMasks.get(ids);
  if (known && known.index === index) return known.mask;
  const mask = new Uint32Array(index.words);
  for (const id of ids) {
    const p = index.position.get(id);
    if (p !== undefined) mask[p >>> 5] = (mask[p >>> 5] ?? 0) | (1 << (p & 31));
  }
  textMasks.set(ids, { index, mask });
  return mask;
}

/** The member list: the same query's text, type and place filters, applied to members. */
export function runMemberList(
  members: ListedMember[],
  q: FinderQuery,
  textIds: Set<string> | null,
  day: string,
  perPage = 24,
): { all: ListedMember[]; page: Page<ListedMember> } {
  const all = orderedSubset(
    members,
    members.filter(
      (m) =>
        (!textIds || textIds.has(m.id)) &&
        (q.type.length === 0 || q.type.includes(m.type)) &&
        (q.country.length === 0 || (m.countryCode !== null && q.country.includes(m.countryCode))) &&
        (q.region.length === 0 || (m.region !== null && q.region.includes(m.region))),
    ),
    day,
  );
  return { all, page: paginate(all, q.page, perPage) };
}
