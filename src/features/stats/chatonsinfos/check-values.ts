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
  message: string;
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
      message: `"${v}" should be written "${insensitive}"`,
      hint: insensitive,
      severity: "warning",
    };
  return { detail: "enum", message: `"${v.slice(0, 60)}" is not one of ${list}`, hint: list };
}

function checkMetricList(value: string, mk: MetricKey): ValueProblem[] {
  const list = parseNumericList(value);
  const max = PERIOD_LENGTH[mk.period];
  const problems: ValueProblem[] = [];
  if (list.invalid.length > 0) {
    const positions = list.invalid.slice(0, 5).map((i) => i + 1);
    problems.push({
      detail: "list-number",
      message: `entries ${positions.join(", ")} are not numbers`,
      hint: positions.join(", "),
    });
  }
  if (list.values.length > max)
    problems.push({
      detail: "list-length",
      message: `${list.values.length} entries where a ${mk.period} list has at most ${max}`,
      hint: String(max),
    });
  const negative = list.values.findIndex((n) => n !== null && n < 0);
  if (negative >= 0)
    problems.push({
      detail: "negative",
      message: `entry ${negative + 1} is negative`,
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
      return isHttpUrl(v)
        ? undefined
        : { detail: "url", message: `"${v.slice(0, 80)}" is not a web address (http:// or https://)` };
    case "email":
      return isEmail(v)
        ? undefined
        : { detail: "email", message: `"${v.slice(0, 80)}" is not an e-mail address` };
    case "date": {
      const d = parseDate(v);
      if (!d) return { detail: "date", message: `"${v.slice(0, 40)}" is not a valid date` };
      return undefined;
    }
    case "datetime": {
      const d = parseDateTime(v);
      if (!d) return { detail: "datetime", message: `"${v.slice(0, 40)}" is not a date and time` };
      if (d.dateOnly)
        return {
          detail: "date-format",
          message: `"${v}" has no time: write ${d.iso}`,
          hint: d.iso,
          severity: "warning",
        };
      return undefined;
    }
    case "decimal-degree":
      return parseDecimalDegree(v) === undefined
        ? { detail: "decimal-degree", message: `"${v.slice(0, 40)}" is not a coordinate in decimal degrees` }
        : undefined;
    case "country-code":
      return isCountryCode(v)
        ? undefined
        : { detail: "country-code", message: `"${v.slice(0, 40)}" is not a two-letter country code` };
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
          message: `"${v.slice(0, 40)}" is not a file class (Federation, Organization, Service)`,
        };
      if (cls === "metrics")
        return {
          detail: "class-nonstandard",
          message: "Metrics is not a standard class",
          severity: "warning",
        };
      return undefined;
    }
    case "protocol":
      return /^(chatonsinfos|statoolinfos)-\d+(\.\d+)*$/i.test(v)
        ? undefined
        : {
            detail: "protocol",
            message: `"${v.slice(0, 40)}" is not a protocol version like ChatonsInfos-0.5`,
            severity: "warning",
          };
  }
}
