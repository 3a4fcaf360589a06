import type { ParsedFile, ParsedProperty } from "./parse.js";
import {
  IMPOSSIBLE_HOSTS,
  KNOWN_SOCIAL,
  SECTIONS,
  findSpec,
  specsFor,
  suggestKey,
  type CheckableClass,
  type FileClass,
  type PropertySpec,
  normaliseClass,
} from "./properties.js";
import { checkValue, type CheckParams, type ValueProblem } from "./check-values.js";
import { parseDate, parseMetricKey } from "./values.js";

export { normaliseClass };
export type { CheckParams, CheckParam } from "./check-values.js";

/**
 * The property checker: one result per property of the file (and one per missing required or
 * recommended property), each with a severity, a stable code (pages translate it and say how to
 * fix it) and the facts its text needs (`params`), never a sentence: results are stored, and each
 * page renders them from its own catalogue (check-text.ts). The rules come from the table in
 * properties.ts.
 */

export type Severity = "error" | "warning" | "void" | "ok";

export const CHECK_CODES = [
  "ok",
  "empty-optional",
  "required-missing",
  "required-empty",
  "recommended-missing",
  "recommended-empty",
  "unknown-key",
  "wrong-section",
  "legacy-key",
  "key-case",
  "bad-value",
  "class-mismatch",
  "host-combination",
  "dates-order",
  "metric-key",
  "parse",
  // Added by the crawler, about the links between files:
  "subs-cycle",
  "subs-duplicate",
  "subs-too-deep",
  // Added by the analysis, for a file it refuses to read (too many keys, over its time budget):
  "too-costly",
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const isCheckCode = (value: unknown): value is CheckCode =>
  typeof value === "string" && (CHECK_CODES as readonly string[]).includes(value);

export interface CheckResult {
  severity: Severity;
  key: string;
  /** 1-based line, or null for a property that is missing or a whole-file problem. */
  line: number | null;
  code: CheckCode;
  /** Detail code for "bad-value" and "parse" (e.g. "url", "enum", "html"). */
  detail?: string;
  /** Facts for the localised text: the value read, the key as written… */
  params?: CheckParams;
  /** Extra facts for the fix text: allowed values, suggested key… */
  hint?: string;
}

export interface CheckReport {
  /** The class the file was checked as. */
  fileClass: FileClass | null;
  results: CheckResult[];
  counts: Record<Severity, number>;
}

const MAX_RESULTS = 2_000;

/** A service file that only carries metrics is a metrics file (the 0.4 layout [C S4]). */
function looksLikeMetrics(file: ParsedFile): boolean {
  let metrics = false;
  for (const p of file.properties) {
    const section = p.key.split(".", 1)[0];
    if (section === "metrics") metrics = true;
    else if (section !== "file" && section !== "subs") return false;
  }
  return metrics;
}

/** When file.class is missing or wrong, the sections present tell what the file is meant to be. */
function inferClass(file: ParsedFile): FileClass | null {
  const sections = new Set(file.properties.map((p) => p.key.split(".", 1)[0]));
  if (sections.has("federation")) return "federation";
  if (sections.has("service") || sections.has("software") || sections.has("host")) return "service";
  if (sections.has("organization")) return "organization";
  if (sections.has("metrics")) return "metrics";
  return null;
}

function decideClass(file: ParsedFile, expected: CheckableClass | undefined): FileClass | null {
  const declared = normaliseClass(file.values.get("file.class")?.value);
  if (expected) return expected;
  if (declared === "service" && looksLikeMetrics(file)) return "metrics";
  return declared ?? inferClass(file);
}

/**
 * Suggesting a key compares it with every known one: worth it for the few typos of a real file,
 * not for each of a hostile file's thousands of made-up keys (it made the checker quadratic).
 */
const MAX_SUGGESTIONS = 200;

class Results {
  readonly list: CheckResult[] = [];
  private suggestionsLeft = MAX_SUGGESTIONS;
  add(r: CheckResult): void {
    if (this.list.length < MAX_RESULTS) this.list.push(r);
  }
  /** Whether one more key may be compared with the known ones. */
  maySuggest(): boolean {
    return this.list.length < MAX_RESULTS && this.suggestionsLeft-- > 0;
  }
}

function addValueResults(p: ParsedProperty, problems: ValueProblem[], out: Results): void {
  if (problems.length === 0) out.add(okResult(p));
  for (const problem of problems) out.add(problemResult(p, problem));
}

function problemResult(p: ParsedProperty, problem: ValueProblem): CheckResult {
  return {
    severity: problem.severity ?? "error",
    key: p.key,
    line: p.line,
    code: "bad-value",
    detail: problem.detail,
    ...(problem.params ? { params: problem.params } : {}),
    ...(problem.hint ? { hint: problem.hint } : {}),
  };
}

function checkProperty(p: ParsedProperty, cls: FileClass | null, out: Results, seen: Set<string>) {
  const section = p.key.split(".", 1)[0] ?? "";
  if (section === "metrics") return checkMetric(p, out);
  const match = findSpec(p.key);
  if (!match || (cls && !match.spec.classes.includes(cls))) {
    const allowed = cls ? SECTIONS[cls].includes(section) : true;
    const suggestion = cls && out.maySuggest() ? suggestKey(p.key, cls) : undefined;
    out.add({
      severity: "warning",
      key: p.key,
      line: p.line,
      code: allowed ? "unknown-key" : "wrong-section",
      ...(allowed ? {} : { params: { section, class: cls ?? "" } }),
      ...(suggestion ? { hint: suggestion } : {}),
    });
    return;
  }
  const { spec } = match;
  seen.add(spec.key);
  if (match.legacy)
    out.add({
      severity: "warning",
      key: p.key,
      line: p.line,
      code: "legacy-key",
      params: { raw: p.rawKey },
      hint: spec.key,
    });
  else if (p.rawKey !== p.key && !spec.key.includes("*"))
    out.add({
      severity: "warning",
      key: p.key,
      line: p.line,
      code: "key-case",
      params: { raw: p.rawKey },
      hint: p.key,
    });
  socialTypo(p, out);
  if (p.value === "") return emptyValue(p, spec, out);
  addValueResults(p, checkValue(spec, p.value), out);
}

function okResult(p: ParsedProperty): CheckResult {
  return { severity: "ok", key: p.key, line: p.line, code: "ok" };
}

function emptyValue(p: ParsedProperty, spec: PropertySpec, out: Results) {
  const severity: Severity =
    spec.requirement === "required" ? "error" : spec.requirement === "recommended" ? "warning" : "void";
  out.add({
    severity,
    key: p.key,
    line: p.line,
    code:
      spec.requirement === "required"
        ? "required-empty"
        : spec.requirement === "recommended"
          ? "recommended-empty"
          : "empty-optional",
  });
}

/** `organization.socialnetworks.pixelfeld`: an open-ended name one letter off a known one. */
function socialTypo(p: ParsedProperty, out: Results) {
  const m = /^organization\.socialnetworks\.([a-z0-9_-]+)$/.exec(p.key);
  const name = m?.[1];
  if (!name || (KNOWN_SOCIAL as readonly string[]).includes(name)) return;
  const near = KNOWN_SOCIAL.find((k) => Math.abs(k.length - name.length) <= 1 && sameButOne(k, name));
  if (near)
    out.add({
      severity: "warning",
      key: p.key,
      line: p.line,
      code: "unknown-key",
      hint: `organization.socialnetworks.${near}`,
    });
}

function sameButOne(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function checkMetric(p: ParsedProperty, out: Results) {
  const mk = parseMetricKey(p.key);
  if (!mk) {
    if (/^metrics\.[a-z0-9_.-]+\.(name|description)$/.test(p.key)) {
      out.add(p.value === "" ? { ...okResult(p), severity: "void", code: "empty-optional" } : okResult(p));
      return;
    }
    out.add({
      severity: "warning",
      key: p.key,
      line: p.line,
      code: "metric-key",
    });
    return;
  }
  if (p.value === "") {
    out.add({ ...okResult(p), severity: "void", code: "empty-optional" });
    return;
  }
  addValueResults(
    p,
    checkValue({ key: p.key, classes: [], type: "string", requirement: "optional" }, p.value, mk),
    out,
  );
}

function missing(cls: FileClass | null, present: Set<string>, file: ParsedFile, out: Results) {
  const specs = cls ? specsFor(cls) : specsFor("device").filter((s) => s.key.startsWith("file."));
  // The specs the file's keys match, found once (once per missing pattern was quadratic).
  let matched: Set<PropertySpec | undefined> | undefined;
  const matchedSpecs = () => (matched ??= new Set([...file.values.keys()].map((k) => findSpec(k)?.spec)));
  for (const spec of specs) {
    if (spec.requirement === "optional" || present.has(spec.key)) continue;
    if (spec.key === "subs.*" || (cls === "metrics" && !spec.key.startsWith("file."))) continue;
    if (spec.key.includes("*") && matchedSpecs().has(spec)) continue;
    const required = spec.requirement === "required";
    out.add({
      severity: required ? "error" : "warning",
      key: spec.key,
      line: null,
      code: required ? "required-missing" : "recommended-missing",
    });
  }
}

function crossChecks(
  file: ParsedFile,
  cls: FileClass | null,
  expected: CheckableClass | undefined,
  out: Results,
) {
  const get = (k: string) => file.values.get(k);
  const declaredProp = get("file.class");
  const declared = normaliseClass(declaredProp?.value);
  if (expected && declared && declared !== expected && !(expected === "metrics" && declared === "service"))
    out.add({
      severity: "error",
      key: "file.class",
      line: declaredProp?.line ?? null,
      code: "class-mismatch",
      params: { declared },
      hint: expected,
    });
  if (cls === "service") {
    const server = get("host.server.type");
    const provider = get("host.provider.type");
    const s = server?.value.toUpperCase();
    const pr = provider?.value.toUpperCase();
    if (IMPOSSIBLE_HOSTS.some((h) => h.server === s && h.provider === pr))
      out.add({
        severity: "error",
        key: "host.provider.type",
        line: provider?.line ?? null,
        code: "host-combination",
        hint: `${s ?? ""}/${pr ?? ""}`,
      });
  }
  for (const [start, end] of [
    ["organization.startdate", "organization.enddate"],
    ["service.startdate", "service.enddate"],
  ] as const) {
    const a = parseDate(get(start)?.value ?? "");
    const endProp = get(end);
    const b = parseDate(endProp?.value ?? "");
    if (a && b && b.iso < a.iso)
      out.add({
        severity: "warning",
        key: end,
        line: endProp?.line ?? null,
        code: "dates-order",
        params: { start, startValue: a.iso, endValue: b.iso },
      });
  }
}

export function checkChatonsInfos(file: ParsedFile, expectedClass?: CheckableClass): CheckReport {
  const out = new Results();
  for (const d of file.diagnostics) {
    if (d.severity === "info") continue;
    out.add({
      severity: d.severity === "error" ? "error" : "warning",
      key: d.key ?? "",
      line: d.line === 0 ? null : d.line,
      code: "parse",
      detail: d.code,
      ...(d.params ? { params: d.params } : {}),
    });
  }
  const cls = decideClass(file, expectedClass);
  const present = new Set<string>();
  if (!file.looksLikeHtml) {
    for (const p of file.properties) checkProperty(p, cls, out, present);
    missing(cls, present, file, out);
    crossChecks(file, cls, expectedClass, out);
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, void: 0, ok: 0 };
  for (const r of out.list) counts[r.severity]++;
  return { fileClass: cls, results: out.list, counts };
}
