/**
 * Where a request's time goes: the built platform under `--cpu-prof`, wrk on one address, then the
 * profile's functions by self time (and by package), printed as a table.
 *
 *   npm run build && npx tsx bench/profile-hit.ts [--path /fr] [--duration 10] [--top 25]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startBenchPlatform } from "./lib/platform.js";
import { wrk } from "./lib/wrk.js";

const { values } = parseArgs({
  options: {
    path: { type: "string", default: "/fr" },
    duration: { type: "string", default: "10" },
    top: { type: "string", default: "25" },
  },
});
const dir = mkdtempSync(join(tmpdir(), "chatons-prof-"));
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${dir}`;
const platform = await startBenchPlatform({ port: 18720, sitesPort: 18721, settleMs: 20_000 });
const path = values.path ?? "/fr";
await fetch(`${platform.url}${path}`, { redirect: "manual" });
await fetch(`${platform.url}${path}`, { redirect: "manual" });
// V8 stamps samples with the monotonic clock in microseconds, as hrtime reads it here: only the
// samples taken while wrk ran are counted, not the start-up and the demo seeding.
const from = process.hrtime.bigint() / 1000n;
const run = await wrk(`${platform.url}${path}`, {
  connections: 50,
  durationSeconds: Number(values.duration),
});
const to = process.hrtime.bigint() / 1000n;
await platform.stop();
console.log(`${path}: ${run.requestsPerSecond} req/s, statuses ${JSON.stringify(run.statuses)}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
const isProfile = (v: unknown): v is Profile =>
  typeof v === "object" && v !== null && "nodes" in v && "samples" in v && "timeDeltas" in v;

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
const parsed: unknown = file ? JSON.parse(readFileSync(join(dir, file), "utf8")) : undefined;
rmSync(dir, { recursive: true, force: true });
if (!isProfile(parsed)) throw new Error("no profile written");
const byId = new Map(parsed.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
let at = parsed.startTime;
parsed.samples.forEach((id, i) => {
  const node = byId.get(id);
  const us = parsed.timeDeltas[i] ?? 0;
  at += us;
  if (at < Number(from) || at > Number(to)) return;
  total += us;
  if (!node) return;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|src)\//, "$1/");
  const name = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
  self.set(name, (self.get(name) ?? 0) + us);
  const pkg = url.includes("node_modules/")
    ? (url
        .split("node_modules/")[1]
        ?.split("/")
        .slice(0, url.includes("node_modules/@") ? 2 : 1)
        .join("/") ?? "?")
    : url.startsWith("node:")
      ? "node (internal)"
      : url === ""
        ? `(${functionName || "native"})`
        : "chatons";
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
});
const pct = (us: number) => ((100 * us) / total).toFixed(1);
console.log(`\n| by package | self % |\n|---|---|`);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`| ${pkg} | ${pct(us)} |`);
console.log(`\n| function (self time) | self % |\n|---|---|`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`| ${name} | ${pct(us)} |`);
