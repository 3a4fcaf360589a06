import {
  PERIOD_LENGTH,
  isCountryCode,
  isEmail,
  isHttpUrl,
  parseDate,
  parseDateTime,
  parseDecimalDegree,
  parseNumericList,
  splitList,
  type MetricKey,
} from "./values.js";
import { normaliseClass, type PropertySpec } from "./properties.js";

/**
 * Facts a check result carries for its localised text (the value read, the key as written…):
 * results are stored as a code and these, never as a sentence, so every page renders them in its
 * own language.
 */
export type CheckParams = Readonly<Partial<Record<CheckParam, string>>>;
export type CheckParam =
  | "value"
  | "raw"
  | "section"
  | "class"
  | "declared"
  | "count"
  | "start"
  | "startValue"
  | "endValue"
  | "line"
  | "url"
  | "owner"
  | "depth";

/** What is wrong with one value. `detail` is a stable code the pages translate. */
export interface ValueProblem {
  detail:
    | "url"
    | "email"
    | "date"
    | "datetime"
    | "decimal-degree"
    | "country-code"
    | "enum"
    | "enum-case"
    | "class"
    | "class-nonstandard"
    | "protocol"
    | "list-length"
    | "list-number"
    | "negative"
    | "date-format";
  /** Facts for the localised text (the value read…), never a sentence. */
  params?: CheckParams;
  hint?: string;
  /** Defaults to "error". */
  severity?: "error" | "warning";
}

function checkEnum(spec: PropertySpec, raw: string): ValueProblem | undefined {
  const allowed = spec.values ?? [];
  const v = raw.trim();
  if (allowed.includes(v)) return undefined;
  const insensitive = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  const list = allowed.join(", ");
  // Upstream case rules are unknown [U]: a case difference is a warning, not an error.
  if (insensitive)
    return {
      detail: "enum-case",
      params: { value: v },
      hint: insensitive,
      severity: "warning",
    };
  return { detail: "enum", params: { value: v.slice(0, 60) }, hint: list };
}

function checkMetricList(value: string, mk: MetricKey): ValueProblem[] {
  const list = parseNumericList(value);
  const max = PERIOD_LENGTH[mk.period];
  const problems: ValueProblem[] = [];
  if (list.invalid.length > 0) {
    const positions = list.invalid.slice(0, 5).map((i) => i + 1);
    problems.push({
      detail: "list-number",
      hint: positions.join(", "),
    });
  }
  if (list.values.length > max)
    problems.push({
      detail: "list-length",
      params: { count: String(list.values.length) },
      hint: String(max),
    });
  const negative = list.values.findIndex((n) => n !== null && n < 0);
  if (negative >= 0)
    problems.push({
      detail: "negative",
      hint: String(negative + 1),
      severity: "warning",
    });
  return problems;
}

/** Every problem of one value; an empty list means the value is valid. */
export function checkValue(spec: PropertySpec, value: string, metric?: MetricKey): ValueProblem[] {
  if (metric) return checkMetricList(value, metric);
  const problem = checkSingle(spec, value);
  return problem ? [problem] : [];
}

function checkSingle(spec: PropertySpec, value: string): ValueProblem | undefined {
  const v = value.trim();
  switch (spec.type) {
    case "string":
    case "values":
      return undefined;
    case "url":
      return isHttpUrl(v) ? undefined : { detail: "url", params: { value: v.slice(0, 80) } };
    case "email":
      return isEmail(v) ? undefined : { detail: "email", params: { value: v.slice(0, 80) } };
    case "date": {
      const d = parseDate(v);
      if (!d) return { detail: "date", params: { value: v.slice(0, 40) } };
      return undefined;
    }
    case "datetime": {
      const d = parseDateTime(v);
      if (!d) return { detail: "datetime", params: { value: v.slice(0, 40) } };
      if (d.dateOnly)
        return {
          detail: "date-format",
          params: { value: v.slice(0, 40) },
          hint: d.iso,
          severity: "warning",
        };
      return undefined;
    }
    case "decimal-degree":
      return parseDecimalDegree(v) === undefined
        ? { detail: "decimal-degree", params: { value: v.slice(0, 40) } }
        : undefined;
    case "country-code":
      return isCountryCode(v) ? undefined : { detail: "country-code", params: { value: v.slice(0, 40) } };
    case "enum":
      return checkEnum(spec, v);
    case "enum-list": {
      for (const item of splitList(v)) {
        const problem = checkEnum(spec, item);
        if (problem) return problem;
      }
      return undefined;
    }
    case "file-class": {
      const cls = normaliseClass(v);
      if (!cls)
        return {
          detail: "class",
          params: { value: v.slice(0, 40) },
        };
      if (cls === "metrics")
        return {
          detail: "class-nonstandard",
          params: { value: v.slice(0, 40) },
          severity: "warning",
        };
      return undefined;
    }
    case "protocol":
      return /^(chatonsinfos|statoolinfos)-\d+(\.\d+)*$/i.test(v)
        ? undefined
        : {
            detail: "protocol",
            params: { value: v.slice(0, 40) },
            severity: "warning",
          };
  }
}
