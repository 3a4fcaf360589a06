/**
 * The ChatonsInfos crawler against a synthetic federation served on loopback by another process:
 * `orgs` organizations × `services` services, each with a metrics file (1 + orgs × (1 + 2 ×
 * services) files). Measures the first crawl (everything fetched, parsed, checked, stored,
 * aggregated), then a second crawl where every file answers 304, with the peak memory (RSS)
 * of this process, which holds the crawler and, on SQLite, the database.
 *
 *   npx tsx bench/stats-crawl.ts --orgs 1000 --services 10
 *   (or compiled: npx tsc -p <a tsconfig emitting bench/> then node --expose-gc dist/bench/stats-crawl.js …)
 *   npx tsx bench/stats-crawl.ts --orgs 10000 --services 10 --hosts 500
 *   npx tsx bench/stats-crawl.ts --orgs 1000 --database postgres://postgres@127.0.0.1:5432/bench
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { crawlFederation } from "../src/features/stats/crawl/crawler.js";
import { toCount } from "../src/db/adapter.js";
import { machine } from "./lib/machine.js";
import { wholeDb } from "../src/db/adapter.js";

const { values } = parseArgs({
  options: {
    orgs: { type: "string", default: "1000" },
    services: { type: "string", default: "10" },
    hosts: { type: "string", default: "100" },
    concurrency: { type: "string", default: "32" },
    "per-host": { type: "string", default: "2" },
    database: { type: "string" },
    // SQLite only: pages in the WAL before a checkpoint (SQLite's default is 1000).
    "wal-autocheckpoint": { type: "string" },
  },
});

// Compiled (node dist/bench/…) or run from source (npx tsx bench/…): start the generator alike.
const compiled = import.meta.url.endsWith(".js");
const generator = fileURLToPath(
  new URL(`./lib/synthetic-federation.${compiled ? "js" : "ts"}`, import.meta.url),
);
const child = spawn(
  process.execPath,
  [
    ...(compiled ? [] : ["--import", "tsx"]),
    generator,
    "--orgs",
    values.orgs,
    "--services",
    values.services,
    "--hosts",
    values.hosts,
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
const files = "files" in served ? Number(served.files) : 0;

const dir = mkdtempSync(join(tmpdir(), "chatons-bench-"));
const config = loadConfig({
  NODE_ENV: "production",
  BASE_URL: "http://127.0.0.1:1",
  DATABASE_URL: values.database ?? `sqlite:${join(dir, "bench.sqlite")}`,
  FEDERATION_URL: served.url,
  OUTBOUND_ALLOW_LOOPBACK: "1",
  CRAWL_CONCURRENCY: values.concurrency,
  CRAWL_PER_HOST: values["per-host"],
  LOG_LEVEL: "warn",
});
const runtime = await createRuntime(config);
if (values["wal-autocheckpoint"] && runtime.deps.dialect === "sqlite")
  await sql`pragma wal_autocheckpoint = ${sql.raw(String(Number(values["wal-autocheckpoint"])))}`.execute(
    wholeDb(runtime.deps.db),
  );

let peak = 0;
let peakHeap = 0;
let peakExternal = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapTotal);
  peakExternal = Math.max(peakExternal, m.external);
}, 50);
const baseline = process.memoryUsage().rss;
async function measure(label: string) {
  peak = process.memoryUsage().rss;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { summary } = await crawlFederation(runtime.deps, { trigger: "cli" });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time is what the machine's other tenants inflate least: report it with the wall time.
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `${label}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (${((cpuSeconds * 1000) / files).toFixed(2)} ms per file), ${(files / seconds).toFixed(0)} files/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${(baseline / 2 ** 20).toFixed(0)} MiB before) — ${summary}`,
  );
  const failures = await wholeDb(runtime.deps.db)
    .selectFrom("stats_files")
    .select(["url", "result", "reason"])
    .where("result", "not in", ["ok", "not-modified", "generated"])
    .limit(3)
    .execute();
  for (const f of failures) console.log(`  failed: ${f.url}: ${f.result} (${f.reason ?? ""})`);
  const gc: unknown = Reflect.get(globalThis, "gc");
  if (typeof gc === "function") gc();
  const live = (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
  console.log(
    `  peak V8 heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB, external ${(peakExternal / 2 ** 20).toFixed(0)} MiB; live heap after the crawl ${live} MiB`,
  );
  return { seconds, cpuSeconds, peakMiB: Math.round(peak / 2 ** 20) };
}

try {
  console.log(
    `${machine()}; ${runtime.deps.dialect}; ${values.orgs} organizations × ${values.services} services = ${files} files on ${values.hosts} loopback hosts; concurrency ${values.concurrency}, ${values["per-host"]} per host`,
  );
  const cold = await measure("first crawl (all fetched, checked, stored)");
  const warm = await measure("second crawl (all 304 Not Modified)");
  const count = async (table: "stats_files" | "stats_file_history" | "stats_series") =>
    toCount(
      (
        await wholeDb(runtime.deps.db)
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
  console.log(
    `rows: ${await count("stats_files")} files, ${await count("stats_file_history")} history, ${await count("stats_series")} series`,
  );
  console.log(
    JSON.stringify({
      orgs: Number(values.orgs),
      files,
      cold,
      warm,
      baselineMiB: Math.round(baseline / 2 ** 20),
      load: loadavg(),
    }),
  );
} finally {
  clearInterval(sampler);
  await runtime.close();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
