import type { ListedService } from "./snapshot.js";

/**
 * The finder's filters and counts as an index over one snapshot's services, built once per
 * snapshot and day (decision 071): services are numbered in the day's fair order, each filter
 * value has a bit mask of the services that carry it, and each kind of filter a compact list of
 * value numbers per service. A request then ORs the masks of the values asked for, ANDs the kinds,
 * and counts by walking only the services that pass, instead of testing every filter of every
 * service. Memory is a few bytes per service and value (about 7 MB for 60,000 services), held only
 * as long as the snapshot.
 */
export interface FacetIndex {
  /** Value names, by value number. */
  names: string[];
  numbers: Map<string, number>;
  /** Services carrying each value, one bit per position. */
  masks: Uint32Array[];
  /** Value numbers of the service at position p: list[start[p]] … list[start[p + 1] - 1]. */
  start: Int32Array;
  list: Int32Array;
  /** Counts with no filter at all. */
  totals: Int32Array;
}

export interface FinderIndex {
  day: string;
  /** Services in the day's fair order. */
  order: ListedService[];
  position: Map<string, number>;
  words: number;
  facets: FacetIndex[];
}

export const wordsFor = (n: number): number => Math.ceil(n / 32);

export function buildFinderIndex(
  ordered: ListedService[],
  day: string,
  valuesOf: (s: ListedService, facet: number) => readonly string[],
  facetCount: number,
): FinderIndex {
  const n = ordered.length;
  const words = wordsFor(n);
  const facets: FacetIndex[] = [];
  // One kind of filter at a time, so that no per-service list of values outlives the loop.
  for (let f = 0; f < facetCount; f++) {
    const perService = ordered.map((s) => valuesOf(s, f));
    const names: string[] = [];
    const numbers = new Map<string, number>();
    const start = new Int32Array(n + 1);
    let size = 0;
    for (let p = 0; p < n; p++) size += perService[p]?.length ?? 0;
    const list = new Int32Array(size);
    let at = 0;
    for (let p = 0; p < n; p++) {
      start[p] = at;
      for (const v of perService[p] ?? []) {
        let k = numbers.get(v);
        if (k === undefined) {
          k = names.length;
          names.push(v);
          numbers.set(v, k);
        }
        list[at++] = k;
      }
    }
    start[n] = at;
    const masks = names.map(() => new Uint32Array(words));
    const totals = new Int32Array(names.length);
    for (let p = 0; p < n; p++)
      for (let i = start[p] ?? 0; i < (start[p + 1] ?? 0); i++) {
        const k = list[i] ?? 0;
        const mask = masks[k];
        if (mask) mask[p >>> 5] = (mask[p >>> 5] ?? 0) | (1 << (p & 31));
        totals[k] = (totals[k] ?? 0) + 1;
      }
    facets.push({ names, numbers, masks, start, list, totals });
  }
  return { day, order: ordered, position: new Map(ordered.map((s, p) => [s.id, p])), words, facets };
}

/** Services having at least one of the values asked for, or null when nothing is asked (all pass). */
export function facetMask(facet: FacetIndex, wanted: readonly string[], words: number): Uint32Array | null {
  if (wanted.length === 0) return null;
  const out = new Uint32Array(words);
  for (const v of wanted) {
    const k = facet.numbers.get(v);
    const mask = k === undefined ? undefined : facet.masks[k];
    if (mask) for (let w = 0; w < words; w++) out[w] = (out[w] ?? 0) | (mask[w] ?? 0);
  }
  return out;
}

/** The AND of the masks given (null ones pass everything); null when all are null. */
export function intersect(masks: readonly (Uint32Array | null)[], words: number): Uint32Array | null {
  let out: Uint32Array | null = null;
  for (const mask of masks) {
    if (!mask) continue;
    if (!out) {
      out = Uint32Array.from(mask);
      continue;
    }
    for (let w = 0; w < words; w++) out[w] = (out[w] ?? 0) & (mask[w] ?? 0);
  }
  return out;
}

/** Calls `visit` with each position set in `mask`, in order. */
export function eachPosition(mask: Uint32Array, visit: (p: number) => void): void {
  for (let w = 0; w < mask.length; w++) {
    let bits = mask[w] ?? 0;
    while (bits !== 0) {
      const low = bits & -bits;
      visit(w * 32 + 31 - Math.clz32(low));
      bits ^= low;
    }
  }
}

/** Counts per value of `facet` among the services of `base` (null: every service). */
export function countValues(facet: FacetIndex, base: Uint32Array | null): Map<string, number> {
  const counts = base ? new Int32Array(facet.names.length) : facet.totals;
  if (base) {
    const { start, list } = facet;
    eachPosition(base, (p) => {
      for (let i = start[p] ?? 0; i < (start[p + 1] ?? 0); i++) {
        const k = list[i] ?? 0;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    });
  }
  const out = new Map<string, number>();
  for (let k = 0; k < facet.names.length; k++) {
    const c = counts[k] ?? 0;
    if (c > 0) out.set(facet.names[k] ?? "", c);
  }
  return out;
}
