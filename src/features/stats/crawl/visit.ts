import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import { decodeBytes, type ParsedFile } from "../chatonsinfos/parse.js";
import type { CheckParams, CheckReport, CheckResult } from "../chatonsinfos/check.js";
import { analyseOffThread } from "../chatonsinfos/pool.js";
import type { FileClass } from "../chatonsinfos/properties.js";
import { isHttpUrl } from "../chatonsinfos/values.js";
import { propertyStates, type PropertyState } from "../chatonsinfos/coverage.js";
import type { Series } from "../metrics.js";
import { factsOf, type FileFacts } from "../facts.js";
import type { StatsFilesTable } from "../stats.tables.js";
import type { FetchOutcome } from "./fetch.js";

/**
 * What the crawler learns from one file (pure once fetched): its content, parse, check, metrics
 * series and the child files its subs.* name.
 */

export type PriorFile = Selectable<StatsFilesTable>;

export interface Content {
  hash: string;
  text: string;
  size: number;
  encoding: string;
  /** True when fetched in this run (not a 304 re-read of the stored copy). */
  fresh: boolean;
}

export interface Child {
  key: string;
  url: string;
  line: number;
}

export interface Visit {
  url: string;
  parentUrl: string | null;
  organizationUrl: string | null;
  depth: number;
  prior: PriorFile | undefined;
  outcome: FetchOutcome;
  content: Content | undefined;
  parsed: ParsedFile | undefined;
  report: CheckReport | undefined;
  /** Problems with this file's subs (cycles, duplicates), shown with its check. */
  links: CheckResult[];
  series: Series[] | undefined;
  cls: FileClass | null;
  name: string | null;
  softwareName: string | null;
  /** service.website or organization.website, when it is a web address. */
  website: string | null;
  /** Which properties the file fills, and whether each is valid (coverage). */
  properties: Record<string, PropertyState> | null;
  /** What the content states and its whole check, stored with the content (facts.ts). */
  facts: FileFacts | undefined;
  children: Child[];
  memberId: string | null;
  serviceId: string | null;
  /** The <id> of the subs.<id> line that led here. */
  subsKey: string | null;
}

/** PostgreSQL text cannot hold NUL; a binary file is kept readable, not rejected by the database. */
const storable = (text: string) => (text.includes("\u0000") ? text.split("\u0000").join("\ufffd") : text);

export function contentOf(body: Uint8Array): Content {
  const { text, encoding } = decodeBytes(body);
  return {
    hash: createHash("sha256").update(body).digest("hex"),
    text: storable(text),
    size: body.length,
    encoding,
    fresh: true,
  };
}

const NAME_KEYS = ["federation.name", "organization.name", "service.name"];

export function childrenOf(parsed: ParsedFile, base: string): Child[] {
  const out: Child[] = [];
  for (const p of parsed.properties) {
    if (!p.key.startsWith("subs.") || p.value === "") continue;
    try {
      const url = new URL(p.value, base);
      if (url.protocol === "http:" || url.protocol === "https:") {
        url.hash = "";
        out.push({ key: p.key, url: url.href, line: p.line });
      }
    } catch {
      // The checker reports the bad URL on this line.
    }
  }
  return out;
}

/** Parses and checks what was fetched (on a worker thread); fills the visit in place. */
export async function analyse(
  visit: Visit,
  stored: string | undefined,
  maxDepth: number,
  federation: string,
): Promise<void> {
  const { outcome, prior } = visit;
  if (outcome.body) {
    visit.content = contentOf(outcome.body);
    // The decoded text is kept; the bytes would only double the memory held until the write.
    visit.outcome = { ...outcome, body: undefined };
    // The same bytes as last time (a server without validators): nothing new to store.
    if (prior?.content_hash === visit.content.hash) visit.content.fresh = false;
  } else if (outcome.result === "not-modified" && stored !== undefined && prior?.content_hash)
    visit.content = {
      hash: prior.content_hash,
      text: stored,
      size: stored.length,
      encoding: "utf-8",
      fresh: false,
    };
  if (!visit.content) return;
  const { parsed, report, series } = await analyseOffThread(visit.content.text, visit.content.fresh);
  visit.parsed = parsed;
  visit.report = report;
  visit.series = series;
  visit.cls = visit.report.fileClass;
  visit.properties = propertyStates(visit.report);
  visit.facts = factsOf(parsed, report, federation);
  visit.name = NAME_KEYS.map((k) => parsed.values.get(k)?.value).find((v) => v) ?? null;
  visit.softwareName = parsed.values.get("software.name")?.value || null;
  const website = (parsed.values.get("service.website") ?? parsed.values.get("organization.website"))?.value;
  visit.website = website && isHttpUrl(website) ? website.trim().slice(0, 500) : null;
  if (visit.cls === "metrics" || visit.cls === "device") return;
  const children = childrenOf(parsed, visit.url);
  if (visit.depth >= maxDepth) {
    for (const c of children) visit.links.push(link(c, "subs-too-deep", { depth: String(maxDepth) }));
    return;
  }
  visit.children = children;
}

export function link(
  child: Child,
  code: "subs-cycle" | "subs-duplicate" | "subs-too-deep",
  extra: CheckParams = {},
): CheckResult {
  return {
    severity: "warning",
    key: child.key,
    line: child.line,
    code,
    params: { url: child.url, ...extra },
  };
}

export function newVisit(
  url: string,
  parentUrl: string | null,
  organizationUrl: string | null,
  depth: number,
  prior: PriorFile | undefined,
  outcome: FetchOutcome,
): Visit {
  return {
    url,
    parentUrl,
    organizationUrl,
    depth,
    prior,
    outcome,
    content: undefined,
    parsed: undefined,
    report: undefined,
    links: [],
    series: undefined,
    cls: null,
    name: null,
    softwareName: null,
    website: null,
    properties: null,
    facts: undefined,
    children: [],
    memberId: null,
    serviceId: null,
    subsKey: null,
  };
}

/**
 * The report stored with the file: its problems and empties plus link problems, counted
 * together. Valid properties are only counted (the page re-checks the stored content to list
 * them), which keeps the stored report a few hundred bytes.
 */
export function finalReport(visit: Visit): CheckReport | undefined {
  if (!visit.report) return undefined;
  const results = [...visit.report.results.filter((r) => r.severity !== "ok"), ...visit.links];
  const counts = { ...visit.report.counts };
  for (const l of visit.links) counts[l.severity]++;
  return { ...visit.report, results, counts };
}
