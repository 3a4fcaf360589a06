/**
 * Where an uncached stats overview spends its time on a large directory (100 × the demo by
 * default): each part of `buildOverview` run alone five times after a warm-up, wall and CPU time
 * per call. No crawl data: the figures are the directory's side of the page.
 *
 *   npx tsx bench/stats-overview.ts --factor 100
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

const { values } = parseArgs({ options: { factor: { type: "string", default: "100" } } });
const dir = mkdtempSync(join(tmpdir(), "chatons-overview-"));
const config = loadConfig({
  NODE_ENV: "production",
  BASE_URL: "http://127.0.0.1:1",
  DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
  LOG_LEVEL: "warn",
  JOBS: "off",
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
