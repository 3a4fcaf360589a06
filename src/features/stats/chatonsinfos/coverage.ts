import type { CheckReport } from "./check.js";
import { findSpec } from "./properties.js";
import { parseMetricKey } from "./values.js";

/**
 * Which properties a file fills and whether each is valid (pure), kept with the file at crawl
 * time so the coverage page (the "propriétés" view of StatoolInfos) reads facts, not files. Keys
 * are the rule's key ("organization.socialnetworks.*" for every network); metrics are counted as
 * "metrics.<name>".
 */

export type PropertyState = "valid" | "invalid" | "empty";

const EMPTY = new Set(["empty-optional", "required-empty", "recommended-empty"]);

function ruleKey(key: string): string | null {
  if (key.startsWith("metrics.")) {
    const metric = parseMetricKey(key)?.metric;
    return metric ? `metrics.${metric}` : null;
  }
  return findSpec(key)?.spec.key ?? null;
}

export function propertyStates(report: CheckReport): Record<string, PropertyState> {
  const out: Record<string, PropertyState> = {};
  for (const r of report.results) {
    // Missing properties and whole-file problems have no line: they fill nothing.
    if (r.line === null || !r.key || r.code.startsWith("subs-")) continue;
    const key = ruleKey(r.key);
    if (!key) continue;
    const state: PropertyState = EMPTY.has(r.code) ? "empty" : r.severity === "error" ? "invalid" : "valid";
    const before = out[key];
    // One invalid value makes the property invalid for the file; one filled value fills it.
    if (before === "invalid" || (before === "valid" && state === "empty")) continue;
    out[key] = state;
  }
  return out;
}
