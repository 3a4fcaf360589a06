/**
 * The service finder under load, on the demo collective (80 members, ~600 services):
 * - the same filtered URL again and again (what the page cache serves to anonymous visitors);
 * - a different combination of filters on every request (category × access × country × page):
 *   the page cache misses, so this measures the directory snapshot, the filters, the counts per
 *   filter value and the rendering;
 * - a text search on every request (one LIKE query on search_text per word, then the same work);
 * - the JSON API with varied filters; the member list; the map.
 *
 *   npm run build && npx tsx bench/directory-finder.ts [--connections 20] [--duration 10]
 *   npx tsx bench/directory-finder.ts --url http://127.0.0.1:18101   (a platform already running)
 */
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { machine } from "./lib/machine.js";
import { startBenchPlatform, type BenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    url: { type: "string" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);

let platform: BenchPlatform | undefined;
const base = values.url ?? (platform = await startBenchPlatform({ port: 18740, sitesPort: 18741 })).url;

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
const WORDS = [
  "nextcloud",
  "pad",
  "lyon",
  "jitsi",
  "association",
  "sondage",
  "paris",
  "framadate",
  "stockage",
  "mastodon",
];

let counter = 0;
function variedFinder(prefix: string): string {
  const n = counter++;
  const params = new URLSearchParams();
  params.set("category", CATEGORIES[n % CATEGORIES.length] ?? "pad");
  const access = ACCESS[Math.floor(n / CATEGORIES.length) % ACCESS.length];
  if (access) params.set("access", access);
  const country = COUNTRIES[Math.floor(n / 32) % COUNTRIES.length];
  if (country) params.set("country", country);
  // A page number beyond the last shows the last page: still a distinct address for the cache.
  params.set("page", String(1 + (n % 97)));
  return `${prefix}?${params.toString()}`;
}
function variedSearch(): string {
  const n = counter++;
  return `/fr/services?q=${WORDS[n % WORDS.length] ?? "pad"}&page=${1 + (n % 997)}`;
}

interface Row {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(path: string | (() => string)): Promise<Row> {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    pipelining: 1,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({ ...req, path: typeof path === "string" ? path : path() }),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const targets: [string, string | (() => string)][] = [
  ["finder, one filtered URL (page cache)", "/fr/services?category=pad&access=none&country=FR"],
  ["finder, varied filters (cache misses)", () => variedFinder("/fr/services")],
  ["finder, varied text search", variedSearch],
  ["API /api/services, varied filters", () => variedFinder("/api/services")],
  ["member list /fr/members", "/fr/members"],
  ["map /fr/map", "/fr/map"],
];

console.log(
  `machine: ${machine()}; load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`platform: ${base}; autocannon: ${connections} connections, ${duration} s per target\n`);
console.log("| target | req/s | p50 ms | p99 ms | errors |");
console.log("|---|---|---|---|---|");
for (const [label, path] of targets) {
  const probe = await fetch(`${base}${typeof path === "string" ? path : path()}`);
  if (probe.status !== 200) {
    console.log(`| ${label} | (status ${probe.status}, skipped) | | | |`);
    continue;
  }
  const r = await run(path);
  console.log(`| ${label} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`);
}
await platform?.stop();
