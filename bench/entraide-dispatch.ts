/**
 * The entraide dispatch under load: `GET /entraide/pad?direct=1` (a 303 to a healthy member
 * instance, chosen per request), against nginx answering the same 303 with `return 303` on the
 * same machine in the same run. Also the no-JS dispatch page and the portal page, each against
 * nginx serving the same HTML as a static file.
 *
 *   npm run build && npx tsx bench/entraide-dispatch.ts [--connections 100] [--duration 15]
 *
 * The platform runs as its own process (dist/, demo collective, SQLite, LOG_LEVEL=warn, jobs
 * off so that no health check runs during the measure: the demo's seeded health stands).
 * Targets (issue 5): 10,000 requests/s and p99 under 20 ms with 100 connections.
 */
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import { load, type LoadResult } from "./lib/autocannon.js";
import { machine } from "./lib/machine.js";
import { nginxAvailable, startNginx } from "./lib/nginx.js";
import { startBenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: { connections: { type: "string", default: "100" }, duration: { type: "string", default: "15" } },
});
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);

const platform = await startBenchPlatform({ port: 18730, sitesPort: 18731, env: { JOBS: "off" } });
const probe = await fetch(`${platform.url}/entraide/pad?direct=1`, { redirect: "manual" });
const location = probe.headers.get("location");
if (probe.status !== 303 || !location) {
  console.error(`dispatch answered ${probe.status}: is the demo seeded with healthy pad instances?`);
  await platform.stop();
  process.exit(1);
}

const row = (label: string, ours: LoadResult, theirs: LoadResult | undefined) => {
  const flags =
    ours.errors || ours.non2xx ? ` (errors ${ours.errors}, unexpected status ${ours.non2xx})` : "";
  const base = theirs
    ? `${theirs.requestsPerSecond} | ${theirs.p99} | ${(ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2)}`
    : "n/a | n/a | n/a";
  console.log(`| ${label} | ${ours.requestsPerSecond}${flags} | ${ours.p50} | ${ours.p99} | ${base} |`);
};

console.log(
  `machine: ${machine()}; load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`autocannon: ${connections} connections, ${durationSeconds} s per target\n`);
console.log("| target | chatons req/s | p50 ms | p99 ms | nginx req/s | nginx p99 ms | ratio |");
console.log("|---|---|---|---|---|---|---|");

const direct = await load(`${platform.url}/entraide/pad?direct=1`, {
  connections,
  durationSeconds,
  expectStatus: 303,
});
let nginxDirect: LoadResult | undefined;
if (nginxAvailable()) {
  const nginx = await startNginx({ port: 18732, redirect: { path: "/entraide/pad", location } });
  nginxDirect = await load(`${nginx.url}/entraide/pad?direct=1`, {
    connections,
    durationSeconds,
    expectStatus: 303,
  });
  await nginx.stop();
}
row("303 `/entraide/pad?direct=1`", direct, nginxDirect);

for (const [label, path] of [
  ["dispatch page `/fr/entraide/pad`", "/fr/entraide/pad"],
  ["portal page `/fr/entraide`", "/fr/entraide"],
] as const) {
  const html = await (await fetch(`${platform.url}${path}`)).text();
  const ours = await load(`${platform.url}${path}`, { connections, durationSeconds });
  let theirs: LoadResult | undefined;
  if (nginxAvailable()) {
    const nginx = await startNginx({ port: 18733, files: { "page.html": html } });
    theirs = await load(`${nginx.url}/page.html`, { connections, durationSeconds });
    await nginx.stop();
  }
  row(label, ours, theirs);
}

const met = direct.requestsPerSecond >= 10_000 && direct.p99 < 20;
console.log(
  `\ntarget (10,000 req/s, p99 < 20 ms on the 303): ${met ? "met" : "NOT met"}; load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
await platform.stop();
