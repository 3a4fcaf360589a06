/**
 * Importing, then crawling, a 1,000-member federation: `bench/lib/import-federation.ts` serves
 * (in another process) 1,000 organizations with 1-8 services each, some metrics files and a few
 * broken or slow members on loopback; this process runs, on an empty database, the import the
 * command `chatons import --federation URL` runs (recordedImport), the same import again (nothing
 * changed), then the crawl of the platform's own federation file (which now lists the imported
 * members' files) and a second crawl. Per phase: wall time, CPU time of this process (the
 * importer, its analysis worker threads and, on SQLite, the database), peak RSS, and the SQL
 * statements it sent, by kind and table.
 *
 *   node --expose-gc --import tsx bench/import-scale.ts --orgs 1000
 *   node --expose-gc --import tsx bench/import-scale.ts --orgs 1000 --database postgres://postgres@127.0.0.1:5432/bench_import
 *
 * With --expose-gc the heap is collected between phases, so each phase's peak RSS starts from
 * the live data rather than the previous phase's garbage (one process holds every phase).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { recordedImport } from "../src/features/stats/import/run.js";
import { walkFederation } from "../src/features/stats/import/walk.js";
import { tally } from "../src/features/stats/import/report.js";
import { crawlFederation } from "../src/features/stats/crawl/crawler.js";
import { machine } from "./lib/machine.js";
import { QueryCounter } from "./lib/query-counter.js";
import { opaqueDb, wholeDb } from "../src/db/adapter.js";

const { values } = parseArgs({
  options: {
    orgs: { type: "string", default: "1000" },
    hosts: { type: "string", default: "50" },
    "slow-ms": { type: "string", default: "15000" },
    database: { type: "string" },
    top: { type: "string", default: "8" },
  },
});

const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const compiled = import.meta.url.endsWith(".js");
const generator = fileURLToPath(
  new URL(`./lib/import-federation.${compiled ? "js" : "ts"}`, import.meta.url),
);
const child = spawn(
  process.execPath,
  [
    ...(compiled ? [] : ["--import", "tsx"]),
    generator,
    "--orgs",
    values.orgs,
    "--hosts",
    values.hosts,
    "--slow-ms",
    values["slow-ms"],
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const first = await new Promise<string>((resolve, reject) => {
  child.once("exit", (code) => reject(new Error(`generator exited with ${code}`)));
  createInterface({ input: child.stdout }).once("line", resolve);
});
const served: unknown = JSON.parse(first);
if (typeof served !== "object" || served === null || !("url" in served) || typeof served.url !== "string")
  throw new Error(first);
const federationUrl = served.url;

const dir = mkdtempSync(join(tmpdir(), "chatons-import-"));
const config = loadConfig({
  NODE_ENV: "production",
  BASE_URL: "http://127.0.0.1:1",
  DATABASE_URL: values.database ?? `sqlite:${join(dir, "bench.sqlite")}`,
  OUTBOUND_ALLOW_LOOPBACK: "1",
  LOG_LEVEL: "warn",
  JOBS: "off",
});
const runtime = await createRuntime(config);
const counter = new QueryCounter();
// Every statement of the phases goes through this instance (transactions included).
runtime.deps.db = opaqueDb(wholeDb(runtime.deps.db).withPlugin(counter));

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

interface Phase {
  phase: string;
  wallS: number;
  cpuS: number;
  startRssMiB: number;
  peakRssMiB: number;
  queries: number;
  load: string;
}
const phases: Phase[] = [];

async function measure(phase: string, work: () => Promise<string>): Promise<void> {
  const gc: unknown = Reflect.get(globalThis, "gc");
  if (typeof gc === "function") gc();
  const startRss = process.memoryUsage().rss;
  peak = startRss;
  counter.reset();
  const before = loads();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await work();
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const result: Phase = {
    phase,
    wallS: Number(wallS.toFixed(2)),
    cpuS: Number(((used.user + used.system) / 1e6).toFixed(2)),
    startRssMiB: Math.round(startRss / 2 ** 20),
    peakRssMiB: Math.round(peak / 2 ** 20),
    queries: counter.total,
    load: `${before} → ${loads()}`,
  };
  phases.push(result);
  console.log(
    `${phase}: ${result.wallS} s wall, ${result.cpuS} s CPU, RSS ${result.startRssMiB} → peak ${result.peakRssMiB} MiB, ${result.queries} SQL statements (load ${result.load})\n  ${outcome}\n  top statements: ${counter.top(Number(values.top))}`,
  );
}

const importOnce = async () => {
  const { report } = await recordedImport(runtime.deps, {
    url: federationUrl,
    dryRun: false,
    personId: null,
  });
  if (report.fatal) throw new Error(report.fatal);
  const t = tally(report);
  return `import: ${JSON.stringify(t)}`;
};
const crawlOnce = async () => (await crawlFederation(runtime.deps, { trigger: "cli" })).summary;

try {
  console.log(
    `machine: ${machine()}; ${runtime.deps.dialect}; load average ${loads()}; served: ${first}; concurrency ${config.stats.crawlConcurrency}, ${config.stats.crawlPerHost} per host, outbound timeout ${config.outbound.timeoutMs} ms`,
  );
  await measure("walk only (the import's fetches and reading, nothing written)", async () => {
    const walk = await walkFederation(runtime.deps, federationUrl);
    const files = walk.organizations.reduce((n, o) => n + 1 + o.services.length, 1);
    return `walked ${walk.organizations.length} organizations, ${files} files`;
  });
  await measure("first import (empty directory)", importOnce);
  await measure("second import (nothing changed)", importOnce);
  await measure("first crawl (the platform's federation file)", crawlOnce);
  await measure("second crawl (conditional requests)", crawlOnce);
  console.log(JSON.stringify({ orgs: Number(values.orgs), dialect: runtime.deps.dialect, phases }));
} finally {
  clearInterval(sampler);
  await runtime.close();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
