/**
 * The finder's cost for "alternatives to" and "near me", on the demo collective, one request at a
 * time (no load: this is latency, not throughput). Each request has its own page number so the
 * shared page cache misses and the directory does the whole work: the catalogue lookup, the
 * place, the filters and counts, the distance sort, the rendering. The plain category search is
 * measured the same way as the baseline; the finder's budgets are in docs/PERFORMANCE.md.
 *
 *   npm run build && npx tsx bench/finder-alternatives.ts [--requests 200]
 *   npx tsx bench/finder-alternatives.ts --url http://127.0.0.1:18101   (a platform already running)
 */
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import { machine } from "./lib/machine.js";
import { startBenchPlatform, type BenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    url: { type: "string" },
  },
});
const requests = Math.max(20, Number(values.requests));

let platform: BenchPlatform | undefined;
const base = values.url ?? (platform = await startBenchPlatform({ port: 18750, sitesPort: 18751 })).url;

const TYPED = ["google docs", "gogle drive", "whatsap", "Doodle", "zoom", "dropbx", "office 365", "trello"];
const IDS = [
  "google-docs",
  "google-drive",
  "whatsapp",
  "doodle",
  "zoom",
  "dropbox",
  "microsoft-365",
  "trello",
];
const PLACES = ["Lyon", "69007", "Rennes", "Bruxelles", "Genève", "45.76,4.83", "Toulouse", "59000"];

const pick = (list: readonly string[], n: number): string => list[n % list.length] ?? "";

const TARGETS: { name: string; url: (n: number) => string }[] = [
  { name: "baseline: category=pad", url: (n) => `/fr/services?category=pad&page=${n}` },
  { name: "q=google docs", url: (n) => `/fr/services?q=google+docs&page=${n}` },
  {
    name: "q=<a typed name, typos>",
    url: (n) => `/fr/services?q=${encodeURIComponent(pick(TYPED, n))}&page=${n}`,
  },
  { name: "alternative=<id>", url: (n) => `/fr/services?alternative=${pick(IDS, n)}&page=${n}` },
  {
    name: "near=<city, postcode, lat,lon>",
    url: (n) => `/fr/services?near=${encodeURIComponent(pick(PLACES, n))}&page=${n}`,
  },
  { name: "q=google docs&near=Lyon", url: (n) => `/fr/services?q=google+docs&near=Lyon&page=${n}` },
  {
    name: "API alternative=&near=",
    url: (n) => `/api/services?alternative=${pick(IDS, n)}&near=Lyon&page=${n}`,
  },
  { name: "near=<unknown place>", url: (n) => `/fr/services?near=Lyonn${n % 7}&page=${n}` },
  { name: "map alternative=", url: (n) => `/fr/map?alternative=${pick(IDS, n)}&page=${n}` },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(path: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${base}${path}`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return performance.now() - start;
}

console.log(
  `# finder-alternatives on ${machine()}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
// The gazetteer is read on the first "near" of the process: that one request pays it.
console.log(
  `first near= of the process: ${(await timed("/fr/services?near=Lyon&page=99991")).toFixed(0)} ms`,
);
console.log("| target | requests | median ms | p99 ms | max ms |");
console.log("|---|---|---|---|---|");
let offset = 1;
for (const target of TARGETS) {
  for (let i = 0; i < 10; i++) await timed(target.url(100_000 + offset++));
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await timed(target.url(offset++)));
  times.sort((a, b) => a - b);
  const row = [percentile(times, 50), percentile(times, 99), times[times.length - 1] ?? 0].map((v) =>
    v.toFixed(1),
  );
  console.log(`| ${target.name} | ${requests} | ${row.join(" | ")} |`);
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await platform?.stop();
