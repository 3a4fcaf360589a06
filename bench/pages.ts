/**
 * Public pages against nginx, A/B interleaved three times per scenario with wrk (bench/lib/ab.ts):
 * the cached home, the cached finder, the entraide 303 (nginx answers the same `return 303`) and
 * the stats overview. nginx serves each page as a static file of the very same bytes.
 *
 * First, the load generator itself: wrk and autocannon (inside this Node process, as the older
 * benches ran it) on the same nginx file, to show which one is the bottleneck.
 *
 *   npm run build && npx tsx bench/pages.ts [--connections 50] [--duration 10] [--rounds 3]
 *   DATABASE_URL=postgres://… npx tsx bench/pages.ts        (the platform on PostgreSQL)
 *   WORKERS=2 npx tsx bench/pages.ts                         (two processes sharing the port)
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { abCompare, printAb, type Side } from "./lib/ab.js";
import { load } from "./lib/autocannon.js";
import { machine } from "./lib/machine.js";
import { nginxAvailable, startNginx } from "./lib/nginx.js";
import { startBenchPlatform } from "./lib/platform.js";
import { wrk, wrkAvailable } from "./lib/wrk.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
    "skip-generator": { type: "boolean", default: false },
  },
});
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
const rounds = Number(values.rounds);
if (!wrkAvailable() || !nginxAvailable()) {
  console.error("needs Debian's wrk and nginx: apt-get install -y wrk nginx-light");
  process.exit(2);
}

const env: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : {};
const platform = await startBenchPlatform({ port: 18700, sitesPort: 18701, env });
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(`machine: ${machine()}; load average ${loads()}`);
console.log(
  `database: ${env.DATABASE_URL ? "PostgreSQL" : "SQLite"}; workers: ${process.env.WORKERS ?? "1"}`,
);
console.log(`wrk: 2 threads, ${connections} connections, ${durationSeconds} s per run, ${rounds} rounds\n`);

const home = await (await fetch(`${platform.url}/fr`)).text();
if (!values["skip-generator"]) {
  // The generator check: the same nginx file, wrk against autocannon in this process.
  const nginx = await startNginx({ port: 18702, files: { "page.html": home } });
  const w = await wrk(`${nginx.url}/page.html`, { connections, durationSeconds });
  const a = await load(`${nginx.url}/page.html`, { connections, durationSeconds });
  await nginx.stop();
  console.log("### The load generator on nginx (home page as a static file)\n");
  console.log(`| generator | req/s | p99 ms |\n|---|---|---|`);
  console.log(`| wrk (2 threads, its own process) | ${w.requestsPerSecond} | ${w.p99} |`);
  console.log(`| autocannon (inside the bench's Node process) | ${a.requestsPerSecond} | ${a.p99} |`);
  console.log(
    `\nautocannon reaches ${(a.requestsPerSecond / w.requestsPerSecond).toFixed(2)} of wrk's rate.`,
  );
}

interface Scenario {
  label: string;
  path: string;
  expectStatus: number;
}
const scenarios: Scenario[] = [
  { label: "cached home /fr", path: "/fr", expectStatus: 200 },
  { label: "cached finder /fr/services?category=pad", path: "/fr/services?category=pad", expectStatus: 200 },
  { label: "entraide 303 /entraide/pad?direct=1", path: "/entraide/pad?direct=1", expectStatus: 303 },
  { label: "stats overview /fr/stats", path: "/fr/stats", expectStatus: 200 },
];

for (const s of scenarios) {
  if (values.only && !s.label.includes(values.only)) continue;
  const probe = await fetch(`${platform.url}${s.path}`, { redirect: "manual" });
  if (probe.status !== s.expectStatus) {
    console.log(`\n### ${s.label}\n\n(status ${probe.status}, expected ${s.expectStatus}: skipped)`);
    continue;
  }
  const body = await probe.text();
  const nginx =
    s.expectStatus === 303
      ? await startNginx({
          port: 18702,
          redirect: { path: "/entraide/pad", location: probe.headers.get("location") ?? "/" },
        })
      : await startNginx({ port: 18702, files: { "page.html": body } });
  const ours: Side = { origin: platform.url, paths: [s.path], expectStatus: s.expectStatus };
  const theirs: Side = {
    origin: nginx.url,
    paths: [s.expectStatus === 303 ? "/entraide/pad?direct=1" : "/page.html"],
    expectStatus: s.expectStatus,
  };
  const r = await abCompare(`${s.label} (${body.length} bytes)`, ours, theirs, {
    connections,
    durationSeconds,
    rounds,
  });
  await nginx.stop();
  printAb(r);
}
console.log(`\nload average at the end: ${loads()}`);
await platform.stop();
