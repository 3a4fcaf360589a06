import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { normalise } from "../fuzzy.js";

/**
 * France's communes from the Code officiel géographique (@etalab/decoupage-administratif, Licence
 * Ouverte): official names, postcodes, region, arrondissement and population. Positions come from
 * GeoNames (gazetteer.ts); the files are read with JSON.parse, not require, so that the parsed
 * arrays are not kept alive by the module cache.
 */

/** A commune as the gazetteer keeps it: only what placing it needs (35,000 of them stay in memory). */
export interface Commune {
  name: string;
  /** INSEE region code ("84"). */
  region: string;
  /** INSEE arrondissement code ("691"): GeoNames gives it too, which ties a commune to its town. */
  arrondissement: string;
  population: number;
}

function file(name: string): unknown {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}`), "utf8"));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function records(name: string): Record<string, unknown>[] {
  const value = file(name);
  if (!Array.isArray(value)) throw new Error(`decoupage-administratif: ${name} is not a list`);
  return value.filter(isRecord);
}

export interface Communes {
  /** Normalised name → communes of that name. */
  byKey: Map<string, Commune[]>;
  byPostcode: Map<string, Commune[]>;
  /** Arrondissement code → its chief town (where a commune too small for GeoNames is placed). */
  chiefTowns: Map<string, Commune>;
}

export function loadCommunes(): Communes {
  const byKey = new Map<string, Commune[]>();
  const byPostcode = new Map<string, Commune[]>();
  const byCode = new Map<string, Commune>();
  const codes = new Map<string, string>();
  const share = (s: string) => {
    const known = codes.get(s);
    if (known !== undefined) return known;
    codes.set(s, s);
    return s;
  };
  for (const r of records("communes.json")) {
    if (r.type !== "commune-actuelle") continue;
    const commune: Commune = {
      name: str(r.nom),
      region: share(str(r.region)),
      arrondissement: share(str(r.arrondissement)),
      population: typeof r.population === "number" ? r.population : 0,
    };
    byCode.set(str(r.code), commune);
    const key = normalise(commune.name);
    byKey.set(key, [...(byKey.get(key) ?? []), commune]);
    if (Array.isArray(r.codesPostaux))
      for (const p of r.codesPostaux.map(str))
        if (p) byPostcode.set(p, [...(byPostcode.get(p) ?? []), commune]);
  }
  const chiefTowns = new Map<string, Commune>();
  for (const r of records("arrondissements.json")) {
    const chief = byCode.get(str(r.chefLieu));
    if (chief) chiefTowns.set(str(r.code), chief);
  }
  return { byKey, byPostcode, chiefTowns };
}

let regionNames: Map<string, string> | undefined;

/** French region names by INSEE code ("84" → "Auvergne-Rhône-Alpes"). */
export function frenchRegions(): Map<string, string> {
  regionNames ??= new Map(records("regions.json").map((r) => [str(r.code), str(r.nom)]));
  return regionNames;
}
