import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pinned } from "./machine.js";
import { join } from "node:path";

/**
 * wrk (Debian's `wrk` package) as the load generator: a C program with its own threads, so the
 * generator is not the bottleneck the way autocannon inside the bench's Node process was (see
 * bench/pages.ts, which measures both on the same nginx file). A small Lua script rotates through
 * several paths when asked (cache misses), counts answers by status and prints one JSON line.
 */
export interface WrkResult {
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles and maximum, milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Socket errors (connect, read, write) and timeouts. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

export interface WrkOptions {
  connections: number;
  durationSeconds: number;
  threads?: number;
  /** Paths rotated through, one per request (each thread starts at a different offset). */
  paths?: string[];
  /** wrk's per-request timeout; a request slower than this counts as a timeout. */
  timeoutSeconds?: number;
}

export function wrkAvailable(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

function luaString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function script(paths: string[] | undefined): string {
  const rotation = paths && paths.length > 0;
  return `
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
statuses = {}
${
  rotation
    ? `local paths = { ${paths.map(luaString).join(", ")} }
local reqs = {}
local i = 0
function init(args)
  for k, p in ipairs(paths) do reqs[k] = wrk.format("GET", p) end
  i = (tid or 0) * 7919
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end`
    : ""
}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do counts[k] = (counts[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(counts) do table.insert(parts, string.format('"%d":%d', k, v)) end
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"timeouts":%d,"statuses":{%s}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write, e.timeout, table.concat(parts, ",")))
end
`;
}

interface WrkJson {
  requests: number;
  duration_us: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

function isWrkJson(v: unknown): v is WrkJson {
  return typeof v === "object" && v !== null && "requests" in v && "duration_us" in v && "statuses" in v;
}

/** Runs wrk against `url` (the origin when `paths` is given) and reads its JSON line. */
export async function wrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), "chatons-wrk-"));
  const file = join(dir, "bench.lua");
  writeFileSync(file, script(options.paths));
  const args = [
    `-t${options.threads ?? 2}`,
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    `--timeout`,
    `${options.timeoutSeconds ?? 10}s`,
    "-s",
    file,
    url,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const [program = "wrk", ...rest] = pinned(["wrk", ...args], process.env.BENCH_WRK_CPUS);
    const child = spawn(program, rest, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`)),
    );
  });
  rmSync(dir, { recursive: true, force: true });
  const line = output.split("\n").find((l) => l.startsWith("WRK-JSON "));
  const parsed: unknown = line ? JSON.parse(line.slice("WRK-JSON ".length)) : undefined;
  if (!isWrkJson(parsed)) throw new Error(`wrk: no result in ${output}`);
  return {
    requests: parsed.requests,
    requestsPerSecond: Math.round(parsed.requests / (parsed.duration_us / 1e6)),
    p50: Math.round(parsed.p50_us / 100) / 10,
    p99: Math.round(parsed.p99_us / 100) / 10,
    max: Math.round(parsed.max_us / 100) / 10,
    errors: parsed.errors,
    timeouts: parsed.timeouts,
    statuses: parsed.statuses,
  };
}

/** Answers whose status is not the expected one (or not 2xx/3xx when none is expected). */
export function unexpected(result: WrkResult, expect?: number): number {
  return Object.entries(result.statuses)
    .filter(([code]) => (expect ? Number(code) !== expect : Number(code) >= 400))
    .reduce((sum, [, n]) => sum + n, 0);
}
