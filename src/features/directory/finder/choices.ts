import type { DirectorySnapshot, ListedMember } from "./snapshot.js";

/**
 * The values the filter forms offer (software, countries, regions, languages), sorted for a
 * locale. Computed once per snapshot and locale: a page render only reads them.
 */
export interface FilterChoices {
  software: [slug: string, name: string][];
  countries: string[];
  regions: string[];
  regionsByCountry: Map<string, string[]>;
  languages: string[];
  membersByName: ListedMember[];
}

const collators = new Map<string, Intl.Collator>();

/** A cached collator: String.localeCompare with a locale builds one on every call. */
export function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale);
    collators.set(locale, found);
  }
  return found;
}

const cache = new WeakMap<DirectorySnapshot, Map<string, FilterChoices>>();

export function filterChoices(snapshot: DirectorySnapshot, locale: string): FilterChoices {
  const perLocale = cache.get(snapshot) ?? new Map<string, FilterChoices>();
  cache.set(snapshot, perLocale);
  const cached = perLocale.get(locale);
  if (cached) return cached;
  const compare = collator(locale).compare;
  const software = new Map<string, string>();
  for (const s of snapshot.services)
    if (s.softwareSlug) software.set(s.softwareSlug, s.softwareName ?? s.softwareSlug);
  const regionsByCountry = new Map<string, Set<string>>();
  for (const m of snapshot.members) {
    if (!m.countryCode) continue;
    const set = regionsByCountry.get(m.countryCode) ?? new Set<string>();
    if (m.region) set.add(m.region);
    regionsByCountry.set(m.countryCode, set);
  }
  const choices: FilterChoices = {
    software: [...software.entries()].sort((a, b) => compare(a[1], b[1])),
    countries: [...regionsByCountry.keys()].sort(),
    regions: [...new Set(snapshot.members.flatMap((m) => (m.region ? [m.region] : [])))].sort(compare),
    regionsByCountry: new Map(
      [...regionsByCountry.entries()]
        // Countries with the most regions (where most members are) first.
        .sort((a, b) => b[1].size - a[1].size)
        .map(([code, set]) => [code, [...set].sort(compare)]),
    ),
    languages: [...new Set(snapshot.services.flatMap((s) => s.languages))].sort(),
    membersByName: [...snapshot.members].sort((a, b) => compare(a.name, b.name)),
  };
  perLocale.set(locale, choices);
  return choices;
}
