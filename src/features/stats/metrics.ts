import type { ParsedFile } from "./chatonsinfos/parse.js";
import { PERIOD_LENGTH, parseMetricKey, parseNumericList, type Period } from "./chatonsinfos/values.js";

/**
 * Metrics lists as time series (pure). Self-reported numbers are not trusted blindly: a negative
 * value or a sudden hundredfold jump is flagged and left out of every sum, and the pages say so.
 */

export type FlagReason = "negative" | "jump";
export interface Flag {
  i: number;
  reason: FlagReason;
}

export interface Series {
  metric: string;
  year: number;
  period: Period;
  values: (number | null)[];
  flags: Flag[];
}

/** A jump is flagged when a value is at least this many times the previous one. */
export const JUMP_FACTOR = 100;

export function flagImplausible(values: readonly (number | null)[]): Flag[] {
  const flags: Flag[] = [];
  let previous: number | undefined;
  values.forEach((v, i) => {
    if (v === null) return;
    if (v < 0) {
      flags.push({ i, reason: "negative" });
      return;
    }
    if (previous !== undefined && previous > 0 && v >= previous * JUMP_FACTOR)
      flags.push({ i, reason: "jump" });
    previous = v;
  });
  return flags;
}

/** Every well-formed metrics list of a file; malformed entries become null (the checker reports them). */
export function extractSeries(file: ParsedFile): Series[] {
  const out: Series[] = [];
  for (const [key, prop] of file.values) {
    if (!key.startsWith("metrics.")) continue;
    const mk = parseMetricKey(key);
    if (!mk || prop.value.trim() === "") continue;
    const max = PERIOD_LENGTH[mk.period];
    const values = parseNumericList(prop.value).values.slice(0, max);
    if (values.every((v) => v === null)) continue;
    out.push({ ...mk, values, flags: flagImplausible(values) });
  }
  return out;
}

export interface Summed {
  values: (number | null)[];
  contributors: number;
  flagged: number;
}

/** Adds one list into a running sum, skipping its flagged entries (sums can then stream). */
export function addToSum(
  acc: Summed,
  list: { values: readonly (number | null)[]; flags: readonly Flag[] },
): Summed {
  const skip = list.flags.length > 0 ? new Set(list.flags.map((f) => f.i)) : undefined;
  acc.flagged += skip?.size ?? 0;
  let contributed = false;
  list.values.forEach((v, i) => {
    while (acc.values.length <= i) acc.values.push(null);
    if (v === null || skip?.has(i)) return;
    acc.values[i] = (acc.values[i] ?? 0) + v;
    contributed = true;
  });
  if (contributed) acc.contributors++;
  return acc;
}

/** Sums lists entry by entry, skipping flagged entries; an entry nobody reported stays null. */
export function sumSeries(
  list: readonly { values: readonly (number | null)[]; flags: readonly Flag[] }[],
): Summed {
  const acc: Summed = { values: [], contributors: 0, flagged: 0 };
  for (const s of list) addToSum(acc, s);
  return acc;
}

export interface Point {
  /** YYYY-MM for months, YYYY-Www for weeks, YYYY-MM-DD for days. */
  label: string;
  value: number | null;
  flagged: boolean;
}

function dayLabel(year: number, index: number): string | undefined {
  const d = new Date(Date.UTC(year, 0, 1 + index));
  return d.getUTCFullYear() === year ? d.toISOString().slice(0, 10) : undefined;
}

/** Lays yearly lists end to end as one timeline, oldest first. */
export function timeline(
  series: readonly {
    year: number;
    period: Period;
    values: readonly (number | null)[];
    flags?: readonly Flag[];
  }[],
): Point[] {
  const points: Point[] = [];
  for (const s of [...series].sort((a, b) => a.year - b.year)) {
    const flagged = new Set((s.flags ?? []).map((f) => f.i));
    s.values.forEach((value, i) => {
      const label =
        s.period === "months"
          ? `${s.year}-${String(i + 1).padStart(2, "0")}`
          : s.period === "weeks"
            ? `${s.year}-W${String(i + 1).padStart(2, "0")}`
            : dayLabel(s.year, i);
      if (label) points.push({ label, value: flagged.has(i) ? null : value, flagged: flagged.has(i) });
    });
  }
  // Trailing entries nobody has reported yet are not zeros: drop them.
  while (points.length > 0 && points[points.length - 1]?.value === null) points.pop();
  while (points.length > 0 && points[0]?.value === null) points.shift();
  return points;
}

export function parseFlags(text: string): Flag[] {
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((f: unknown) =>
      typeof f === "object" &&
      f !== null &&
      "i" in f &&
      typeof f.i === "number" &&
      "reason" in f &&
      (f.reason === "negative" || f.reason === "jump")
        ? [{ i: f.i, reason: f.reason }]
        : [],
    );
  } catch {
    return [];
  }
}

export function parseValues(text: string): (number | null)[] {
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.map((v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null));
  } catch {
    return [];
  }
}
