import type { Lines } from "./chatonsinfos/write.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { checkChatonsInfos, type CheckResult } from "./chatonsinfos/check.js";
import { PERIOD_LENGTH, parseMetricKey, parseNumericList, type Period } from "./chatonsinfos/values.js";
import type { EnteredPeriodKind } from "./stats.tables.js";

/**
 * Metrics entered by hand for a service whose file the platform generates (pure): periods as
 * stored, the `metrics.*` lines of the generated file, and the reading of an uploaded fragment,
 * checked by the same checker as the validator.
 */

/** The metrics the form offers (labels in charts.messages.ts); an upload may carry any other. */
export const ENTERED_METRICS = [
  "http.hits",
  "http.hits.bots",
  "http.visits",
  "http.visits.humans",
  "http.visitors",
  "service.accounts",
  "service.accounts.active",
  "service.database.bytes",
  "service.files.bytes",
] as const;

export interface EnteredValue {
  metric: string;
  kind: EnteredPeriodKind;
  period: string;
  value: number;
}

const KIND_OF: Record<Period, EnteredPeriodKind> = { months: "month", weeks: "week", days: "day" };
const PERIOD_OF: Record<EnteredPeriodKind, Period> = { month: "months", week: "weeks", day: "days" };
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The stored period of the index-th (0-based) entry of a yearly list; undefined past the year's end. */
export function periodAt(kind: EnteredPeriodKind, year: number, index: number): string | undefined {
  if (index < 0 || index >= PERIOD_LENGTH[PERIOD_OF[kind]]) return undefined;
  if (kind === "month") return `${year}-${pad(index + 1)}`;
  if (kind === "week") return `${year}-W${pad(index + 1)}`;
  const day = new Date(Date.UTC(year, 0, 1 + index));
  return day.getUTCFullYear() === year ? day.toISOString().slice(0, 10) : undefined;
}

/** Year and 0-based index of a stored period (the inverse of periodAt). */
export function indexOf(
  kind: EnteredPeriodKind,
  period: string,
): { year: number; index: number } | undefined {
  const year = Number(period.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  if (kind === "month") return { year, index: Number(period.slice(5, 7)) - 1 };
  if (kind === "week") return { year, index: Number(period.slice(6, 8)) - 1 };
  const time = Date.parse(`${period}T00:00:00Z`);
  return Number.isNaN(time)
    ? undefined
    : { year, index: Math.round((time - Date.UTC(year, 0, 1)) / 86_400_000) };
}

/** Numbers as a list entry: plain digits, never an exponent (the reader's plainest form). */
const entry = (v: number) => (Number.isInteger(v) ? v.toFixed(0) : String(v));

/**
 * The generated file's `metrics.<metric>.<year>.<months|weeks|days>` lines: one list per metric,
 * year and period kind, periods nobody entered left empty, in a stable order.
 */
export function metricsLines(values: readonly EnteredValue[]): Lines {
  const lists = new Map<string, (number | null)[]>();
  for (const v of values) {
    const at = indexOf(v.kind, v.period);
    if (!at || at.index < 0) continue;
    const key = `metrics.${v.metric}.${at.year}.${PERIOD_OF[v.kind]}`;
    const list = lists.get(key) ?? [];
    while (list.length <= at.index) list.push(null);
    list[at.index] = v.value;
    lists.set(key, list);
  }
  return [...lists.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]): [string, string] => [key, list.map((v) => (v === null ? "" : entry(v))).join(",")]);
}

export interface UploadReading {
  values: EnteredValue[];
  /** Problems of the metrics lines, as the validator words them (errors refuse the upload). */
  problems: CheckResult[];
  errors: number;
  /** Properties other than metrics.* and file.*: left out, and said so. */
  ignored: number;
}

/** The most values one upload may carry: ten years of daily lists for a dozen metrics. */
export const MAX_UPLOADED_VALUES = 50_000;

/**
 * An uploaded fragment of a ChatonsInfos file: its `metrics.*` lines become values. The checker
 * reads it as a metrics file; what it says about the missing file.* lines is left out (a fragment
 * need not carry them), everything it says about a metrics line is kept.
 */
export function readUpload(text: string): UploadReading {
  const file = parseChatonsInfos(text);
  const report = checkChatonsInfos(file, "metrics");
  const problems = report.results.filter(
    (r) =>
      (r.severity === "error" || r.severity === "warning") &&
      (r.code === "parse" || r.key.startsWith("metrics.")),
  );
  const values: EnteredValue[] = [];
  let ignored = 0;
  for (const [key, prop] of file.values) {
    const section = key.split(".", 1)[0];
    if (section !== "metrics") {
      if (section !== "file") ignored++;
      continue;
    }
    const mk = parseMetricKey(key);
    if (!mk) continue;
    const kind = KIND_OF[mk.period];
    parseNumericList(prop.value).values.forEach((value, i) => {
      const period = periodAt(kind, mk.year, i);
      if (value !== null && period) values.push({ metric: mk.metric, kind, period, value });
    });
  }
  return { values, problems, errors: problems.filter((p) => p.severity === "error").length, ignored };
}
