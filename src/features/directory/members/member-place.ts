import { gazetteer } from "../places/gazetteer.js";
import { resolvePlace } from "../places/resolve.js";

/**
 * A member's position and region, found from its city (or postcode) in the offline gazetteer when
 * the coordinates were not typed by hand. Typed coordinates win, unless the city changed and the
 * coordinates did not (they were the old city's).
 */

export interface PlaceFields {
  city?: string | null | undefined;
  region?: string | null | undefined;
  country_code?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
}

export interface Located {
  latitude: number | null;
  longitude: number | null;
  region: string | null;
  country_code: string | null;
  /** A city was given but not found: the member shows on the map only with coordinates. */
  unknownCity: string | null;
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export function locateMember(next: PlaceFields, before?: PlaceFields): Located {
  const kept: Located = {
    latitude: next.latitude ?? null,
    longitude: next.longitude ?? null,
    region: next.region ?? null,
    country_code: next.country_code ?? null,
    unknownCity: null,
  };
  const city = next.city?.trim();
  if (!city) return kept;
  const typed = kept.latitude !== null && kept.longitude !== null;
  const moved = !!before && !(same(before.city, next.city) && same(before.country_code, next.country_code));
  const stale = moved && same(before.latitude, next.latitude) && same(before.longitude, next.longitude);
  if (typed && !stale) return kept;
  const found = resolvePlace(gazetteer(), city, { country: kept.country_code });
  if (!found.ok) return { ...kept, ...(stale ? { latitude: null, longitude: null } : {}), unknownCity: city };
  const { place } = found;
  // A region typed by hand stays, unless it was the old city's.
  const regionTyped = kept.region !== null && !(moved && same(before.region, next.region));
  return {
    latitude: place.latitude,
    longitude: place.longitude,
    region: regionTyped ? kept.region : (place.region ?? kept.region),
    country_code: kept.country_code ?? (place.countryCode || null),
    unknownCity: null,
  };
}
