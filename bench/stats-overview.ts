/**
 * Where an uncached stats overview spends its time on a large directory (100 × the demo by
 * default): each part of `buildOverview` run alone five times after a warm-up, wall and CPU time
 * per call. No crawl data: the figures are the directory's side of the page.
 *
 *   npx tsx bench/stats-overview.ts --factor 100
 *   npx tsx bench/stats-overview.ts --factor 1 --orgs 10000 --services 2   (with a crawled federation)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { buildDemoDirectory } from "../src/demo/seed.js";
import { seededRandom } from "../src/demo/random.js";
import { categoryNames, insertDemoDirectory } from "../src/features/directory/demo.js";
import { inTransaction } from "../src/db/adapter.js";
import * as listings from "../src/features/directory/published-listings.js";
import * as repo from "../src/features/stats/stats.repository.js";
import { buildOverview } from "../src/features/stats/stats.pages.js";
import { machine } from "./lib/machine.js";
import { startSyntheticFederation } from "./lib/synthetic-federation.js";
import { crawlFederation } from "../src/features/stats/crawl/crawler.js";
import { metricPublishers } from "../src/features/stats/coverage.repository.js";
import { crawledServices } from "../src/features/stats/crawled.repository.js";

const { values } = parseArgs({
  options: {
    factor: { type: "string", default: "100" },
    orgs: { type: "string", default: "0" },
    services: { type: "string", default: "2" },
  },
});
const orgs = Number(values.orgs);
const federation =
  orgs > 0
    ? await startSyntheticFederation({ orgs, services: Number(values.services), hosts: 100 })
    : undefined;
const dir = mkdtempSync(join(tmpdir(), "chatons-overview-"));
const config = loadConfig({
  NODE_ENV: "production",
  BASE_URL: "http://127.0.0.1:1",
  DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
  LOG_LEVEL: "warn",
  JOBS: "off",
  OUTBOUND_ALLOW_LOOPBACK: "1",
  ...(federation ? { FEDERATION_URL: federation.url } : {}),
});
const runtime = await createRuntime(config);
const { db } = runtime.deps;
const rows = buildDemoDirectory(
  seededRandom(2016),
  "http://127.0.0.1:9",
  await categoryNames(db),
  new Date(),
  Number(values.factor),
);
await inTransaction(db, (trx) => insertDemoDirectory(trx, rows));
if (federation) {
  console.log((await crawlFederation(runtime.deps, { trigger: "cli" })).summary);
  await federation.close();
}
console.log(
  `${machine()}; ${rows.members.length} structures, ${rows.services.length} services; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
const parts: [string, () => Promise<unknown>][] = [
  ["directoryCounts (SQL)", () => listings.directoryCounts(db)],
  ["growthDates (SQL)", () => listings.growthDates(db)],
  ["softwareUsage (SQL)", () => listings.softwareUsage(db)],
  ["categoryUsage (SQL)", () => listings.categoryUsage(db)],
  ["directoryFigures (once per directory version)", () => listings.directoryFigures(db)],
  ["overviewCounts", () => repo.overviewCounts(db)],
  ["listSoftware", () => repo.listSoftware(db)],
  ["listCategories", () => repo.listCategories(db)],
  ["growth", () => repo.growth(db, new Date())],
  ["latestRun", () => repo.latestRun(db)],
  ["aggregateMetrics (federation)", () => repo.aggregateMetrics(db, "federation", "")],
  ["metricPublishers", () => metricPublishers(db)],
  ["crawledServices", () => crawledServices(db)],
  ["buildOverview (the whole page's data)", () => buildOverview(runtime.deps, undefined)],
];
for (const [name, run] of parts) {
  await run();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < 5; i++) await run();
  const used = process.cpuUsage(cpu);
  console.log(
    `${name}: ${((performance.now() - started) / 5).toFixed(1)} ms wall, ${((used.user + used.system) / 5000).toFixed(1)} ms CPU per call`,
  );
}
await runtime.close();
rmSync(dir, { recursive: true, force: true });
