/**
 * The ChatonsInfos crawler against a synthetic federation served on loopback by another process:
 * `orgs` organizations × `services` services, each with a metrics file (1 + orgs × (1 + 2 ×
 * services) files). Measures the first crawl (everything fetched, parsed, checked, stored,
 * aggregated), then a second crawl where every file answers 304, with the peak memory (RSS)
 * of this process, which holds the crawler and, on SQLite, the database.
 *
 *   npx tsx bench/stats-crawl.ts --orgs 1000 --services 10
 *   npx tsx bench/stats-crawl.ts --orgs 10000 --services 10 --hosts 500
 *   npx tsx bench/stats-crawl.ts --orgs 1000 --database postgres://postgres@127.0.0.1:5432/bench
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { crawlFederation } from "../src/features/stats/crawl/crawler.js";
import { toCount } from "../src/db/adapter.js";
import { machine } from "./lib/machine.js";

const { values } = parseArgs({
  options: {
    orgs: { type: "string", default: "1000" },
    services: { type: "string", default: "10" },
    hosts: { type: "string", default: "100" },
    concurrency: { type: "string", default: "32" },
    "per-host": { type: "string", default: "2" },
    database: { type: "string" },
  },
});

const generator = fileURLToPath(new URL("./lib/synthetic-federation.ts", import.meta.url));
const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    generator,
    "--orgs",
    values.orgs,
    "--services",
    values.services,
    "--hosts",
    values.hosts,
  ],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
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

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
async function measure(label: string) {
  peak = process.memoryUsage().rss;
  const started = performance.now();
  const { summary } = await crawlFederation(runtime.deps, { trigger: "cli" });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${(files / seconds).toFixed(0)} files/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB — ${summary}`,
  );
  return { seconds, peakMiB: Math.round(peak / 2 ** 20) };
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
        await runtime.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
  console.log(
    `rows: ${await count("stats_files")} files, ${await count("stats_file_history")} history, ${await count("stats_series")} series`,
  );
  console.log(JSON.stringify({ orgs: Number(values.orgs), files, cold, warm }));
} finally {
  clearInterval(sampler);
  await runtime.close();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
