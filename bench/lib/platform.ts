import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pinned } from "./machine.js";

/**
 * The built platform (dist/, `npm run build` first) on the embedded default, loaded with the demo
 * collective, as a separate process so that load generation does not share its event loop.
 */
export interface BenchPlatform {
  url: string;
  pid: number | undefined;
  /** Whether the process is still running (a crash under load shows here). */
  alive(): boolean;
  /**
   * The answers the server itself found slower than a second (its "slow request" warnings: from
   * the request's arrival to its last byte, the wait in line included) since the last call, and the
   * slowest of them.
   */
  slowSinceLastCall(): SlowAnswers;
  /** Resident memory of each of the server's processes, MiB: the one started first, then its workers. */
  rssMiB(): number[];
  /** CPU time (user + system) of all the server's processes so far, ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The process and its descendants (the workers when WORKERS > 1), from /proc. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const at = out[i];
    try {
      const children = readFileSync(`/proc/${at}/task/${at}/children`, "utf8").trim();
      if (children) out.push(...children.split(" ").map(Number));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, in clock ticks of 10 ms.
    return ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * 10;
  } catch {
    return 0;
  }
}

/** "120 MiB", or with workers the largest process (the heap cap is per process) and the sum. */
export function describeRss(each: number[]): string {
  if (each.length <= 1) return `${each[0] ?? 0} MiB`;
  return `${Math.max(...each)} MiB largest, ${each.reduce((a, b) => a + b, 0)} MiB in ${each.length} processes`;
}

export interface SlowAnswers {
  count: number;
  maxMs: number;
  /** Each slow answer as the server logged it: path, wait in line and total, in ms. */
  seen: string[];
}

export async function startBenchPlatform(options: {
  port: number;
  sitesPort: number;
  env?: Record<string, string>;
  /** Quiet time after start so the demo's start-up jobs (crawl, health checks) do not skew figures. */
  settleMs?: number;
  /** Serve an existing database without loading the demo (bench/scale.ts). */
  demo?: boolean;
  heapMiB?: number;
}): Promise<BenchPlatform> {
  const dir = mkdtempSync(join(tmpdir(), "chatons-bench-"));
  const env = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    PORT: String(options.port),
    DEMO_SITES_PORT: String(options.sitesPort),
    // WORKERS=2 npx tsx bench/… measures the platform as several processes sharing the port.
    ...(process.env.WORKERS ? { WORKERS: process.env.WORKERS } : {}),
    ...options.env,
  };
  const command = [
    process.execPath,
    `--max-old-space-size=${options.heapMiB ?? 256}`,
    // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
    ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
    "bin/chatons.js",
    "serve",
    ...(options.demo === false ? [] : ["--demo"]),
  ];
  const [program = process.execPath, ...args] = pinned(command, process.env.BENCH_SERVER_CPUS);
  const child: ChildProcess = spawn(program, args, {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    cwd: process.cwd(),
  });
  let slow: SlowAnswers = { count: 0, maxMs: 0, seen: [] };
  let pending = "";
  // BENCH_SERVER_LOG=/tmp/server.log keeps what the server printed (with BENCH_NODE_ARGS=--trace-gc,
  // its collections), to read a slow answer against what the process was doing at that time.
  const keep = process.env.BENCH_SERVER_LOG;
  child.stdout?.on("data", (chunk: Buffer) => {
    if (keep) appendFileSync(keep, chunk);
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.includes('"slow request"')) continue;
      const ms = Number(/"ms":(\d+)/.exec(line)?.[1] ?? 0);
      const path = /"path":"([^"]*)"/.exec(line)?.[1] ?? "?";
      const waited = /"waitedMs":(\d+)/.exec(line)?.[1] ?? "?";
      const pid = /"pid":(\d+)/.exec(line)?.[1] ?? "?";
      const at = /"time":(\d+)/.exec(line)?.[1] ?? "?";
      slow = {
        count: slow.count + 1,
        maxMs: Math.max(slow.maxMs, ms),
        seen: [...slow.seen, `${path} (pid ${pid}, at ${at}): waited ${waited} ms, ${ms} ms in all`],
      };
    }
  });
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, options.settleMs ?? 20_000));
  return {
    url,
    pid: child.pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    rssMiB: () => (child.pid ? processTree(child.pid).map(rssOf) : []),
    cpuMs: () => (child.pid ? processTree(child.pid).reduce((sum, pid) => sum + cpuOf(pid), 0) : 0),
    slowSinceLastCall() {
      const seen = slow;
      slow = { count: 0, maxMs: 0, seen: [] };
      return seen;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
