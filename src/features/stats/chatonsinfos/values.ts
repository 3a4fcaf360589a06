/**
 * Readers for ChatonsInfos value types (pure). Each is tolerant where real files disagree with
 * the documentation: dates as DD/MM/YYYY or ISO, lists separated by ";" or ",", decimal commas.
 */

export interface DateValue {
  /** YYYY-MM-DD */
  iso: string;
  format: "iso" | "dmy" | "datetime";
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** DD/MM/YYYY, YYYY-MM-DD or an ISO date-time; undefined when not a real calendar date. */
export function parseDate(value: string): DateValue | undefined {
  const v = value.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validYmd(y, mo, d) ? { iso: `${y}-${pad(mo)}-${pad(d)}`, format: "dmy" } : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validYmd(y, mo, d)) return undefined;
    if (m[4] && !validTime(m[4])) return undefined;
    return { iso: `${y}-${pad(mo)}-${pad(d)}`, format: m[4] ? "datetime" : "iso" };
  }
  return undefined;
}

function validTime(t: string): boolean {
  const m = /^T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (!m) return false;
  return Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 61;
}

/** A date-time (file.datetime): ISO date-time, or a plain date accepted with a warning upstream. */
export function parseDateTime(value: string): { iso: string; dateOnly: boolean } | undefined {
  const date = parseDate(value);
  if (!date) return undefined;
  if (date.format !== "datetime") return { iso: `${date.iso}T00:00:00`, dateOnly: true };
  return { iso: value.trim(), dateOnly: false };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) && value.length <= 254;
}

/** DECIMAL_DEGREE: `^[+-]?\d+[,.]\d{1,8}$`; also accepts an integer degree. */
export function parseDecimalDegree(value: string): number | undefined {
  const m = /^([+-]?\d{1,3})(?:[,.](\d{1,8}))?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(`${m[1]}.${m[2] ?? "0"}`);
  return Number.isFinite(n) && Math.abs(n) <= 180 ? n : undefined;
}

/** Plain digits (the usual metrics entry): read without a regular expression. */
function plainInteger(v: string): number | undefined {
  if (v.length === 0 || v.length > 15) return undefined;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

export function parseNumeric(value: string): number | undefined {
  const fast = plainInteger(value);
  if (fast !== undefined) return fast;
  const v = value.trim().replace(/\s+/g, "");
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/.test(v)) return undefined;
  const n = Number(v.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/** Splits a list on ";" (the documented SEPARATOR) or, when there is none, on ",". */
export function splitList(value: string): string[] {
  if (value.trim() === "") return [];
  const separator = value.includes(";") ? ";" : ",";
  return value.split(separator).map((part) => part.trim());
}

export interface NumericList {
  values: (number | null)[];
  /** Indexes (0-based) whose entry is not a number. */
  invalid: number[];
}

/** A metrics list: empty entries are "no data" (null); short lists are padded by the reader. */
export function parseNumericList(value: string): NumericList {
  const values: (number | null)[] = [];
  const invalid: number[] = [];
  const parts = value.includes(";") ? value.split(";") : value.split(",");
  if (value.trim() === "") return { values, invalid };
  parts.forEach((part, index) => {
    const p = part.trim();
    if (p === "" || p.toLowerCase() === "null") {
      values.push(null);
      return;
    }
    const n = parseNumeric(p);
    if (n === undefined) {
      invalid.push(index);
      values.push(null);
    } else values.push(n);
  });
  return { values, invalid };
}

export const PERIOD_LENGTH = { months: 12, weeks: 53, days: 366 } as const;
export type Period = keyof typeof PERIOD_LENGTH;

export interface MetricKey {
  /** e.g. "http.visits.humans" */
  metric: string;
  year: number;
  period: Period;
}

/** `metrics.<path>.<YYYY>.<months|weeks|days>` (case-insensitive); undefined for other keys. */
export function parseMetricKey(key: string): MetricKey | undefined {
  const m = /^metrics\.([a-z0-9_.-]+)\.(\d{4})\.(months|weeks|days)$/i.exec(key);
  if (!m?.[1]) return undefined;
  const period = m[3]?.toLowerCase();
  if (period !== "months" && period !== "weeks" && period !== "days") return undefined;
  return { metric: m[1].toLowerCase(), year: Number(m[2]), period };
}

/** ISO 3166-1 alpha-2 shape (not the full list: new codes appear, the shape is what matters). */
export function isCountryCode(value: string): boolean {
  return /^[A-Za-z]{2}$/.test(value.trim());
}
