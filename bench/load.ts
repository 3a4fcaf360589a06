/**
 * Sustained load: 60 s of autocannon at 200 connections on the portal (page and dispatch) and on
 * the finder, against the built platform with the demo collective. Fails (exit 1) on any error or
 * non-2xx/3xx answer, or if the server's memory grows by more than 100 MiB from the first to the
 * last of the three runs.
 *
 *   npm run build && npx tsx bench/load.ts [--duration 60] [--connections 200]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { load } from "./lib/autocannon.js";
import { machine } from "./lib/machine.js";
import { startBenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "200" } },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);

function rssMiB(pid: number | undefined): number {
  if (!pid) return 0;
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const platform = await startBenchPlatform({
  port: 18800,
  sitesPort: 18801,
  env: { JOBS: "off" },
  settleMs: 3_000,
});
const targets: [string, string, number | undefined][] = [
  ["portal page", "/fr/entraide", 200],
  ["dispatch 303", "/entraide/pad?direct=1", 303],
  ["finder", "/fr/services?category=pad&access=none", 200],
];
console.log(`machine: ${machine()}`);
console.log(`autocannon: ${connections} connections, ${durationSeconds} s per target\n`);
console.log("| target | req/s | p50 ms | p99 ms | errors | unexpected status | server RSS before → after |");
console.log("|---|---|---|---|---|---|---|");
let failed = false;
const rssStart = rssMiB(platform.pid);
for (const [label, path, status] of targets) {
  const before = rssMiB(platform.pid);
  const r = await load(`${platform.url}${path}`, { connections, durationSeconds, expectStatus: status });
  const after = rssMiB(platform.pid);
  console.log(
    `| ${label} (${path}) | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${before} → ${after} MiB |`,
  );
  if (r.errors > 0 || r.non2xx > 0) failed = true;
}
const rssEnd = rssMiB(platform.pid);
console.log(`\nserver RSS: ${rssStart} MiB at start, ${rssEnd} MiB at the end (bound: +100 MiB)`);
if (rssEnd - rssStart > 100) failed = true;
await platform.stop();
if (failed) {
  console.log("FAILED: errors, unexpected answers or memory growth");
  process.exitCode = 1;
}
