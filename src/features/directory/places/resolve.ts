import { boundedDistance, normalise } from "../fuzzy.js";
import { townPlace, townsNamed, type Gazetteer, type Place } from "./gazetteer.js";
import { FRENCH_OVERSEAS } from "./regions.js";
import type { Commune } from "./communes.js";

/**
 * What someone typed as "near": a city, a French postcode or "lat,lon", turned into a place with
 * the gazetteer, or into suggestions when nothing fits. Homonyms go to the most populous town,
 * those of the collective's own countries counting ten times (Mons in Belgium, not the French
 * villages; Paris in France, not Ontario).
 */

export type Resolution =
  { ok: true; place: Place } | { ok: false; suggestions: { value: string; label: string }[] };

const FOCUS = new Set(["FR", "BE", "CH", "LU"]);
const isFrance = (code: string) => code === "FR" || code in FRENCH_OVERSEAS;

/** Names people write in French, English or German for towns GeoNames spells otherwise. */
const EXONYMS: Record<string, [string, string]> = {
  bruxelles: ["brussels", "BE"],
  brussel: ["brussels", "BE"],
  anvers: ["antwerpen", "BE"],
  antwerp: ["antwerpen", "BE"],
  gand: ["gent", "BE"],
  ghent: ["gent", "BE"],
  geneva: ["geneve", "CH"],
  genf: ["geneve", "CH"],
  bale: ["basel", "CH"],
  basle: ["basel", "CH"],
  berne: ["bern", "CH"],
  cologne: ["koln", "DE"],
  munchen: ["munich", "DE"],
  londres: ["london", "GB"],
};

const COORDINATES = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

function coordinates(text: string): Place | null {
  const m = COORDINATES.exec(text);
  if (!m) return null;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return {
    name: `${latitude}, ${longitude}`,
    countryCode: "",
    region: null,
    latitude,
    longitude,
    population: 0,
  };
}

/** Where a commune is: its GeoNames town (same arrondissement, else region; closest population). */
export function communePlace(g: Gazetteer, commune: Commune, fallback = true): Place | null {
  const { world } = g;
  const towns = townsNamed(world, normalise(commune.name)).filter((i) => isFrance(world.countries[i] ?? ""));
  const sameArr = towns.filter((i) => world.arrondissements[i] === commune.arrondissement);
  const inRegion = (i: number) => {
    const code = world.countries[i] ?? "";
    return (code === "FR" ? world.admins[i] : FRENCH_OVERSEAS[code]) === commune.region;
  };
  const pool = sameArr.length > 0 ? sameArr : towns.filter(inRegion);
  const gap = (i: number) => Math.abs((world.population[i] ?? 0) - commune.population);
  const best = [...pool].sort((a, b) => gap(a) - gap(b))[0];
  if (best !== undefined) {
    const town = townPlace(world, best);
    return { ...town, name: commune.name, population: commune.population, countryCode: "FR" };
  }
  if (!fallback) return null;
  const chief = g.communes.chiefTowns.get(commune.arrondissement);
  const near = chief ? communePlace(g, chief, false) : null;
  return near ? { ...near, name: commune.name, population: commune.population, approximate: true } : null;
}

function byPostcode(g: Gazetteer, code: string, name: string): Resolution {
  const communes = g.communes.byPostcode.get(code) ?? [];
  const key = normalise(name);
  const chosen =
    communes.find((c) => key && normalise(c.name) === key) ??
    [...communes].sort((a, b) => b.population - a.population)[0];
  const place = chosen ? communePlace(g, chosen) : null;
  if (place) return { ok: true, place: { ...place, postcode: code } };
  // The nearest existing postcodes of the same department.
  const number = Number(code);
  const suggestions = [...g.communes.byPostcode.entries()]
    .filter(([p]) => p.slice(0, 2) === code.slice(0, 2))
    .sort((a, b) => Math.abs(Number(a[0]) - number) - Math.abs(Number(b[0]) - number))
    .slice(0, 5)
    .map(([p, list]) => ({ value: p, label: `${p} ${list[0]?.name ?? ""}`.trim() }));
  return { ok: false, suggestions };
}

function candidates(g: Gazetteer, key: string, country: string | null): { place: Place; weight: number }[] {
  const out: { place: Place; weight: number }[] = [];
  if (!country || isFrance(country))
    for (const commune of g.communes.byKey.get(key) ?? []) {
      const place = communePlace(g, commune);
      if (place) out.push({ place, weight: commune.population * 10 });
    }
  for (const i of townsNamed(g.world, key)) {
    const code = g.world.countries[i] ?? "";
    if (isFrance(code) || (country && code !== country)) continue;
    const place = townPlace(g.world, i);
    out.push({ place, weight: place.population * (FOCUS.has(code) ? 10 : 1) });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** Up to five known names within two typos of what was typed, the most populous first. */
export function suggestNames(g: Gazetteer, key: string): { value: string; label: string }[] {
  if (key.length < 3 || key.length > 40) return [];
  const found: { name: string; d: number; weight: number }[] = [];
  const consider = (k: string, name: string, weight: number) => {
    // A typo on both of the first two letters is rare; skipping those keeps the scan cheap.
    if (k[0] !== key[0] && k[1] !== key[1]) return;
    const d = boundedDistance(key, k, 2);
    if (d <= 2) found.push({ name, d, weight });
  };
  for (const [k, list] of g.communes.byKey)
    if (Math.abs(k.length - key.length) <= 2) for (const c of list) consider(k, c.name, c.population * 10);
  for (const [k, first] of g.world.byKey) {
    if (Math.abs(k.length - key.length) > 2 || isFrance(g.world.countries[first] ?? "")) continue;
    const code = g.world.countries[first] ?? "";
    consider(k, g.world.names[first] ?? k, (g.world.population[first] ?? 0) * (FOCUS.has(code) ? 10 : 1));
  }
  const names = [...new Set(found.sort((a, b) => a.d - b.d || b.weight - a.weight).map((f) => f.name))].slice(
    0,
    5,
  );
  return names.map((n) => ({ value: n, label: n }));
}

/**
 * Resolves "Lyon", "69007", "69007 Lyon", "Mons, BE" or "45.76,4.83". `country` narrows the
 * search (the member form knows the structure's country).
 */
export function resolvePlace(
  g: Gazetteer,
  text: string,
  options: { country?: string | null } = {},
): Resolution {
  const exact = coordinates(text);
  if (exact) return { ok: true, place: exact };
  const postcode = /\b(\d{5})\b/.exec(text)?.[1];
  if (postcode && (!options.country || options.country === "FR"))
    return byPostcode(g, postcode, text.replace(postcode, " "));
  const suffix = /^(.*?)[,(]\s*([A-Za-z]{2})\s*\)?\s*$/.exec(text);
  let country = options.country ?? (suffix?.[2] ? suffix[2].toUpperCase() : null);
  let key = normalise(suffix?.[2] ? (suffix[1] ?? "") : text).replace(/\s*\d+$/, "");
  const exonym = EXONYMS[key];
  if (exonym && (!country || country === exonym[1])) [key, country] = [exonym[0], exonym[1]];
  const best = candidates(g, key, country)[0];
  return best ? { ok: true, place: best.place } : { ok: false, suggestions: suggestNames(g, key) };
}
