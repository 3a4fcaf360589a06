import type { DB } from "../../db/adapter.js";
import { specsFor, type FileClass } from "./chatonsinfos/properties.js";
import { statsDb } from "./stats.tables.js";
import { perFinishedRun } from "./run-memo.js";

/**
 * Property coverage: for each file class and property, how many files of the latest crawl fill it
 * and how many hold a valid value. Read from the facts each file keeps (stats_files.properties).
 */

export const COVERAGE_CLASSES = [
  "federation",
  "organization",
  "service",
  "metrics",
] as const satisfies readonly FileClass[];
export type CoverageClass = (typeof COVERAGE_CLASSES)[number];

export interface PropertyCoverage {
  key: string;
  requirement: "required" | "recommended" | "optional" | "metric";
  filled: number;
  valid: number;
}

export interface ClassCoverage {
  fileClass: CoverageClass;
  files: number;
  properties: PropertyCoverage[];
}

function states(text: string | null): Record<string, string> {
  if (!text) return {};
  const raw: unknown = JSON.parse(text);
  const out: Record<string, string> = {};
  if (typeof raw === "object" && raw !== null)
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = v;
  return out;
}

/** Kept per finished crawl (run-memo.ts): the files it reads change only when a crawl runs. */
export const propertyCoverage = perFinishedRun(readCoverage);

async function readCoverage(db: DB): Promise<ClassCoverage[]> {
  const run = await statsDb(db)
    .selectFrom("stats_crawl_runs")
    .select("id")
    .where("status", "=", "done")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  const files = run
    ? await statsDb(db)
        .selectFrom("stats_files")
        .select(["class", "properties"])
        .where("last_run_id", "=", run.id)
        .where("properties", "is not", null)
        .execute()
    : [];
  return COVERAGE_CLASSES.map((fileClass) => {
    const mine = files.filter((f) => f.class === fileClass);
    const counts = new Map<string, { filled: number; valid: number }>();
    const specs = specsFor(fileClass).filter((s) => fileClass !== "metrics" || s.key.startsWith("file."));
    for (const s of specs) counts.set(s.key, { filled: 0, valid: 0 });
    for (const f of mine)
      for (const [key, state] of Object.entries(states(f.properties))) {
        const c = counts.get(key) ?? { filled: 0, valid: 0 };
        if (state !== "empty") c.filled++;
        if (state === "valid") c.valid++;
        counts.set(key, c);
      }
    const requirement = new Map(specs.map((s) => [s.key, s.requirement]));
    return {
      fileClass,
      files: mine.length,
      properties: [...counts].map(([key, c]) => ({
        key,
        requirement: requirement.get(key) ?? (key.startsWith("metrics.") ? "metric" : "optional"),
        ...c,
      })),
    };
  });
}

/** "N of M services publish this metric": service and metrics files of the latest crawl. */
export async function metricPublishers(db: DB): Promise<Map<string, { publishers: number; of: number }>> {
  const coverage = await propertyCoverage(db);
  const service = coverage.find((c) => c.fileClass === "service");
  const metrics = coverage.find((c) => c.fileClass === "metrics");
  // A metrics file belongs to a service: M counts services (service files), not files.
  const of = service?.files ?? 0;
  const out = new Map<string, { publishers: number; of: number }>();
  for (const p of [...(service?.properties ?? []), ...(metrics?.properties ?? [])]) {
    if (!p.key.startsWith("metrics.")) continue;
    const name = p.key.slice("metrics.".length);
    out.set(name, { publishers: Math.min(of, (out.get(name)?.publishers ?? 0) + p.filled), of });
  }
  return out;
}
