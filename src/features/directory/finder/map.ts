import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoConicConformal, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * The members' map, drawn on the server: country outlines from Natural Earth (the world-atlas
 * package, 1:50m) in a Lambert conformal projection centred on the French-speaking area. The base
 * map is computed once per process; only the members' points change from one request to the next.
 */

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 760;
/** France (with Corsica), Belgium, Switzerland and Luxembourg, by ISO 3166-1 numeric code. */
const FOCUS = new Set(["250", "056", "756", "442"]);
const FRAME: [number, number][] = [
  [-5.3, 41.3],
  [10.6, 41.3],
  [10.6, 51.5],
  [-5.3, 51.5],
];
const MARGIN = 12;

export interface BaseMap {
  width: number;
  height: number;
  countries: { id: string; name: string; d: string; focus: boolean }[];
  project(lon: number, lat: number): [number, number] | null;
}

function isCountries(value: unknown): value is Topology<{ countries: GeometryCollection<{ name: string }> }> {
  if (typeof value !== "object" || value === null) return false;
  if (!("type" in value) || value.type !== "Topology" || !("objects" in value)) return false;
  const objects = value.objects;
  return typeof objects === "object" && objects !== null && "countries" in objects;
}

function loadTopology() {
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const topology: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isCountries(topology)) throw new Error("world-atlas: unexpected countries file");
  return topology;
}

function makeProjection(): GeoProjection {
  return geoConicConformal()
    .parallels([44, 49])
    .rotate([-2.5, 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN],
      ],
      { type: "MultiPoint", coordinates: FRAME },
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
}

let cached: BaseMap | undefined;

export function baseMap(): BaseMap {
  if (cached) return cached;
  const topology = loadTopology();
  const projection = makeProjection();
  const path = geoPath(projection).digits(1);
  const countries = feature(topology, topology.objects.countries).features.flatMap((f) => {
    const d = path(f);
    const id = String(f.id ?? "");
    return d ? [{ id, name: f.properties.name, d, focus: FOCUS.has(id) }] : [];
  });
  // Countries of the frame last, so their borders are drawn above their neighbours'.
  countries.sort((a, b) => Number(a.focus) - Number(b.focus));
  cached = {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    countries,
    project(lon, lat) {
      const point = projection([lon, lat]);
      if (!point) return null;
      const [x, y] = point;
      const inside =
        x >= MARGIN / 2 && x <= MAP_WIDTH - MARGIN / 2 && y >= MARGIN / 2 && y <= MAP_HEIGHT - MARGIN / 2;
      return inside ? [Math.round(x * 10) / 10, Math.round(y * 10) / 10] : null;
    },
  };
  return cached;
}

export interface Placed<T> {
  inside: { item: T; x: number; y: number }[];
  outside: T[];
  nowhere: T[];
}

/** Splits members into those drawn on the map, those outside its frame, and those without a position. */
export function placeOnMap<T extends { latitude: number | null; longitude: number | null }>(
  items: readonly T[],
  project: BaseMap["project"],
): Placed<T> {
  const out: Placed<T> = { inside: [], outside: [], nowhere: [] };
  for (const item of items) {
    if (item.latitude === null || item.longitude === null) {
      out.nowhere.push(item);
      continue;
    }
    const point = project(item.longitude, item.latitude);
    if (point) out.inside.push({ item, x: point[0], y: point[1] });
    else out.outside.push(item);
  }
  return out;
}
