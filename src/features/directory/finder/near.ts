import type { ListedService } from "./snapshot.js";

/** Distances for "near me": great-circle kilometres from a point to each service's member. */

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Kilometres (one decimal) by service id, for services whose member has a position. */
export function distancesFrom(origin: Point, services: readonly ListedService[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of services) {
    const { latitude, longitude } = s.member;
    if (latitude === null || longitude === null) continue;
    out.set(s.id, Math.round(haversineKm(origin, { latitude, longitude }) * 10) / 10);
  }
  return out;
}

/**
 * Nearest first; services without a position last. The sort is stable, so equal distances (the
 * services of one member) keep the day's fair order.
 */
export function byDistance(
  services: readonly ListedService[],
  distances: Map<string, number>,
): ListedService[] {
  const key = (s: ListedService) => distances.get(s.id) ?? Number.POSITIVE_INFINITY;
  return [...services].sort((a, b) => key(a) - key(b));
}
