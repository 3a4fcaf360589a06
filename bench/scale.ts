/**
 * N times the demo collective on one machine: builds a directory N times the demo's (the demo
 * builder with a factor) and a synthetic ChatonsInfos federation, optionally crawled, then serves it
 * with the built platform under the heap cap of `npm start` and measures, one request at a time,
 * finder cache misses (distinct queries), text searches, the stats overview and the map; then
 * `--duration` s of wrk at `--connections` on distinct finder queries (no crash, no answer slower
 * than 1 s in the server's view, busy answers counted).
 *
 *   npm run build && npx tsx bench/scale.ts --factor 100
 *   npx tsx bench/scale.ts --factor 1 --orgs 10000 --services 2   (stats overview at 10,000 orgs)
 *   npx tsx bench/scale.ts --factor 100 --database postgres://postgres@127.0.0.1:5432/bench_scale
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
import { crawlFederation } from "../src/features/stats/crawl/crawler.js";
import { machine } from "./lib/machine.js";
import { describeRss, startBenchPlatform } from "./lib/platform.js";
import { startSyntheticFederation } from "./lib/synthetic-federation.js";
import { summary } from "./lib/ab.js";
import { unexpected, wrk } from "./lib/wrk.js";
import { inTransaction } from "../src/db/adapter.js";

const { values } = parseArgs({
  options: {
    factor: { type: "string", default: "100" },
    orgs: { type: "string", default: "0" },
    services: { type: "string", default: "10" },
    hosts: { type: "string", default: "100" },
    database: { type: "string" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    heap: { type: "string", default: "256" },
    samples: { type: "string", default: "200" },
  },
});
const factor = Number(values.factor);
const orgs = Number(values.orgs);
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(`machine: ${machine()}; load average ${loads()}`);

const dir = mkdtempSync(join(tmpdir(), "chatons-scale-"));
const databaseUrl = values.database ?? `sqlite:${join(dir, "scale.sqlite")}`;
const federation =
  orgs > 0
    ? await startSyntheticFederation({ orgs, services: Number(values.services), hosts: Number(values.hosts) })
    : undefined;
const config = loadConfig({
  NODE_ENV: "production",
  BASE_URL: "http://127.0.0.1:1",
  DATABASE_URL: databaseUrl,
  OUTBOUND_ALLOW_LOOPBACK: "1",
  LOG_LEVEL: "warn",
  JOBS: "off",
  ...(federation ? { FEDERATION_URL: federation.url } : {}),
});

// 1. The directory.
let started = performance.now();
let cpu = process.cpuUsage();
const runtime = await createRuntime(config);
const { db } = runtime.deps;
const names = await categoryNames(db);
const rows = buildDemoDirectory(seededRandom(2016), "http://127.0.0.1:9", names, new Date(), factor);
const built = performance.now();
await inTransaction(db, (trx) => insertDemoDirectory(trx, rows));
const cpuOf = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return ((u.user + u.system) / 1e6).toFixed(1);
};
console.log(
  `directory × ${factor}: ${rows.members.length} structures, ${rows.services.length} services; rows built in ${((built - started) / 1000).toFixed(1)} s, stored in ${((performance.now() - built) / 1000).toFixed(1)} s (${cpuOf(cpu)} s CPU) on ${runtime.deps.dialect}`,
);

// 2. The federation, crawled by the daily job's code.
if (federation) {
  started = performance.now();
  cpu = process.cpuUsage();
  const { summary: crawled } = await crawlFederation(runtime.deps, { trigger: "cli" });
  console.log(
    `federation: ${orgs} organizations × ${values.services} services (${federation.files} files) crawled in ${((performance.now() - started) / 1000).toFixed(1)} s (${cpuOf(cpu)} s CPU): ${crawled}`,
  );
  await federation.close();
}
await runtime.close();

// 3. The platform on that database, as `npm start` runs it.
const platform = await startBenchPlatform({
  port: 18900,
  sitesPort: 18901,
  demo: false,
  heapMiB: Number(values.heap),
  settleMs: 1_000,
  env: {
    DATABASE_URL: databaseUrl,
    JOBS: "off",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-00",
  },
});
const rss = () => describeRss(platform.rssMiB());

const CATEGORIES = [
  "pad",
  "video-conferencing",
  "poll",
  "document-storage",
  "email",
  "forge",
  "notes",
  "mapping",
];
const ACCESS = ["", "none", "open", "members"];
const COUNTRIES = ["", "FR", "BE", "CH"];
const WORDS = ["nextcloud", "pad", "lyon", "jitsi", "association", "sondage", "paris", "framadate"];
/** Distinct finder queries: category × access × country × page, each a distinct cache key. */
function finderPath(n: number): string {
  const p = new URLSearchParams();
  p.set("category", CATEGORIES[n % CATEGORIES.length] ?? "pad");
  const access = ACCESS[Math.floor(n / CATEGORIES.length) % ACCESS.length];
  if (access) p.set("access", access);
  const country = COUNTRIES[Math.floor(n / 32) % COUNTRIES.length];
  if (country) p.set("country", country);
  p.set("page", String(1 + Math.floor(n / 128)));
  return `/fr/services?${p.toString()}`;
}

/** The server's CPU time so far (user + system, workers included), ms: what a request costs. */
const serverCpuMs = () => platform.cpuMs();

async function timed(label: string, paths: string[]): Promise<void> {
  const cpuBefore = serverCpuMs();
  const ms: number[] = [];
  let bad = 0;
  let bytes = 0;
  for (const path of paths) {
    const t0 = performance.now();
    const res = await fetch(`${platform.url}${path}`);
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    bytes = body.byteLength;
    if (res.status !== 200 || res.headers.get("x-cache") === "hit") bad++;
  }
  const cpuPer = (serverCpuMs() - cpuBefore) / paths.length;
  const s = summary(ms);
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  console.log(
    `| ${label} | ${paths.length} | ${s.min.toFixed(1)} | ${s.median.toFixed(1)} | ${p95.toFixed(1)} | ${s.max.toFixed(1)} | ${cpuPer.toFixed(1)} | ${bytes} | ${bad} |`,
  );
}

const samples = Number(values.samples);
// Warm the snapshot and the code paths once (the first request builds the directory snapshot).
for (let i = 0; i < 20; i++)
  await fetch(`${platform.url}${finderPath(100_000 + i)}`).then((r) => r.arrayBuffer());
console.log(`\nserver RSS after warm-up: ${rss()}; load average ${loads()}`);
console.log("\nOne request at a time, each a cache miss (distinct query), client-side wall time:\n");
console.log(
  "| target | requests | min ms | median ms | p95 ms | max ms | server CPU ms per request | last body bytes | not 200 or cached |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
await timed(
  "finder, distinct filters",
  Array.from({ length: samples }, (_, i) => finderPath(i)),
);
await timed(
  "finder, text search",
  Array.from(
    { length: Math.min(samples, 80) },
    (_, i) => `/fr/services?q=${WORDS[i % WORDS.length] ?? "pad"}&page=${1 + Math.floor(i / WORDS.length)}`,
  ),
);
await timed(
  "API /api/services, distinct filters",
  Array.from({ length: samples }, (_, i) => finderPath(i).replace("/fr/services", "/api/services")),
);
// The crawl ran in this process, not the server's: the server's first overview computes the reads
// kept per finished crawl, which the crawl job computes at its end when it runs in the server.
await timed("stats overview /fr/stats, the server's first", ["/fr/stats?m=first"]);
await timed(
  "stats overview /fr/stats, uncached",
  Array.from({ length: 20 }, (_, i) => `/fr/stats?m=${i}`),
);
await timed(
  "map /fr/map, by category",
  CATEGORIES.map((c) => `/fr/map?category=${c}`),
);
await timed("map /fr/map, everyone", ["/fr/map"]);

// 4. Sustained: the public pages visitors share (page cache), then distinct finder queries. The
// gate is the server's own view of the slowest answer (its "slow request" warnings, the wait in line
// included): wrk's tail on two shared cores includes the time wrk waits for a core
// (bench/generator-tail.ts). Busy answers (503, decision 073) are counted apart.
async function sustained(label: string, paths: string[]): Promise<boolean> {
  const before = rss();
  const loadBefore = loads();
  platform.slowSinceLastCall();
  const r = await wrk(platform.url, {
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    paths,
    timeoutSeconds: 10,
  });
  const alive = platform.alive();
  const slow = platform.slowSinceLastCall();
  const busy = r.statuses["503"] ?? 0;
  const otherErrors = unexpected(r) - busy;
  console.log(
    `\nwrk: ${label}; ${values.connections} connections, ${values.duration} s; load average ${loadBefore} → ${loads()}\n`,
  );
  console.log(
    "| req/s | answered 2xx/3xx | busy (503) | other 4xx/5xx | wrk p50 ms | wrk p99 ms | wrk max ms | server: answers > 1 s (slowest ms) | socket errors | timeouts | RSS before → after | alive |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${r.requestsPerSecond} | ${r.requests - busy - otherErrors} | ${busy} | ${otherErrors} | ${r.p50} | ${r.p99} | ${r.max} | ${slow.count} (${slow.maxMs}) | ${r.errors} | ${r.timeouts} | ${before} → ${alive ? rss() : "-"} | ${alive ? "yes" : "NO"} |`,
  );
  for (const line of slow.seen) console.log(`- slow: ${line}`);
  return alive && slow.count === 0 && otherErrors === 0 && r.errors + r.timeouts === 0;
}
const shared = [
  "/fr",
  "/fr/services?category=pad",
  "/fr/members",
  "/fr/services?category=pad&access=none",
  "/fr/map",
];
const sharedOk = await sustained(`shared pages ${shared.join(", ")}`, shared);
const misses = Array.from({ length: 20_000 }, (_, i) => finderPath(200_000 + i));
const missesOk = await sustained("20,000 distinct finder queries (the page cache holds 1,000)", misses);
await platform.stop();
rmSync(dir, { recursive: true, force: true });
if (!sharedOk || !missesOk) process.exitCode = 1;
