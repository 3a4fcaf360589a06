/**
 * Sustained load: 60 s of wrk at 200 connections rotating over the portal page, the dispatch 303
 * and the finder, against the built platform with the demo collective. Fails (exit 1) on any socket
 * error or timeout (10 s, as autocannon's default was), any 4xx/5xx answer, a crash, or if the
 * server's memory grows by more than 100 MiB. The slowest request is printed; with `--strict` any
 * request slower than 1 s fails too (issue 19's bound, which a shared machine cannot promise).
 * Run by `.ci/run` after `npm run build`; takes about 80 s.
 *
 *   npm run build && npx tsx bench/load.ts [--duration 60] [--connections 200] [--strict]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { machine } from "./lib/machine.js";
import { startBenchPlatform } from "./lib/platform.js";
import { unexpected, wrk, wrkAvailable } from "./lib/wrk.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    strict: { type: "boolean", default: false },
  },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
if (!wrkAvailable()) {
  console.error("needs Debian's wrk: apt-get install -y wrk");
  process.exit(2);
}

const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const env: Record<string, string> = { JOBS: "off" };
if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
const platform = await startBenchPlatform({ port: 18800, sitesPort: 18801, env, settleMs: 3_000 });
const paths = ["/fr/entraide", "/entraide/pad?direct=1", "/fr/services?category=pad&access=none"];
for (const path of paths) {
  const status = (await fetch(`${platform.url}${path}`, { redirect: "manual" })).status;
  if (status >= 400) console.log(`warning: ${path} answers ${status}`);
}
console.log(`machine: ${machine()}; load average before: ${loads()}`);
console.log(`wrk: ${connections} connections, ${durationSeconds} s, rotating over ${paths.join(", ")}\n`);
// The largest process: the heap cap, and any growth, are per process.
const largest = () => Math.max(0, ...platform.rssMiB());
const before = largest();
platform.slowSinceLastCall();
const r = await wrk(platform.url, { connections, durationSeconds, paths, timeoutSeconds: 10 });
const alive = platform.alive();
const after = alive ? largest() : 0;
const wrong = unexpected(r);
// The server's own view: answers whose last byte left more than 1 s after the request arrived.
const serverSlow = platform.slowSinceLastCall();
const slow = values.strict && (r.max > 1_000 || serverSlow.count > 0);
console.log(
  "| req/s | p50 ms | p99 ms | max ms | server: answers > 1 s (slowest ms) | socket errors | timeouts | 4xx/5xx | statuses | RSS before → after |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
console.log(
  `| ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${serverSlow.count} (${serverSlow.maxMs}) | ${r.errors} | ${r.timeouts} | ${wrong} | ${JSON.stringify(r.statuses)} | ${before} → ${after} MiB |`,
);
console.log(`\nload average after: ${loads()}`);
await platform.stop();
const failures = [
  r.errors + r.timeouts > 0 ? "socket errors or timeouts" : "",
  wrong > 0 ? "4xx/5xx answers" : "",
  slow ? "a request slower than 1 s" : "",
  after - before > 100 ? "memory growth over 100 MiB" : "",
  alive ? "" : "the server died",
].filter(Boolean);
if (failures.length > 0) {
  console.log(`FAILED: ${failures.join(", ")}`);
  process.exitCode = 1;
}
