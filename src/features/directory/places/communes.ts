import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { normalise } from "../fuzzy.js";

/**
 * France's communes from the Code officiel géographique (@etalab/decoupage-administratif, Licence
 * Ouverte): official names, postcodes, region, arrondissement and population. Positions come from
 * GeoNames (gazetteer.ts); the files are read with JSON.parse, not require, so that the parsed
 * arrays are not kept alive by the module cache.
 */

export interface Commune {
  code: string;
  name: string;
  key: string;
  postcodes: string[];
  region: string;
  department: string;
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

export function loadCommunes() {
  const byKey = new Map<string, Commune[]>();
  const byPostcode = new Map<string, Commune[]>();
  const byCode = new Map<string, Commune>();
  for (const r of records("communes.json")) {
    if (r.type !== "commune-actuelle") continue;
    const name = str(r.nom);
    const commune: Commune = {
      code: str(r.code),
      name,
      key: normalise(name),
      postcodes: Array.isArray(r.codesPostaux) ? r.codesPostaux.map(str).filter(Boolean) : [],
      region: str(r.region),
      department: str(r.departement),
      arrondissement: str(r.arrondissement),
      population: typeof r.population === "number" ? r.population : 0,
    };
    byCode.set(commune.code, commune);
    byKey.set(commune.key, [...(byKey.get(commune.key) ?? []), commune]);
    for (const p of commune.postcodes) byPostcode.set(p, [...(byPostcode.get(p) ?? []), commune]);
  }
  const chiefTowns = new Map<string, string>();
  for (const r of records("arrondissements.json")) chiefTowns.set(str(r.code), str(r.chefLieu));
  return { communes: { byKey, byPostcode, byCode }, chiefTowns };
}

let regionNames: Map<string, string> | undefined;

/** French region names by INSEE code ("84" → "Auvergne-Rhône-Alpes"). */
export function frenchRegions(): Map<string, string> {
  regionNames ??= new Map(records("regions.json").map((r) => [str(r.code), str(r.nom)]));
  return regionNames;
}
