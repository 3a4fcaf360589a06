import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  slowSinceLastCall(): { count: number; maxMs: number };
  stop(): Promise<void>;
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
  const child: ChildProcess = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.heapMiB ?? 256}`,
      // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
      ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
      "bin/chatons.js",
      "serve",
      ...(options.demo === false ? [] : ["--demo"]),
    ],
    {
      env,
      stdio: ["ignore", "pipe", "inherit"],
      cwd: process.cwd(),
    },
  );
  let slow = { count: 0, maxMs: 0 };
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.includes('"slow request"')) continue;
      const ms = Number(/"ms":(\d+)/.exec(line)?.[1] ?? 0);
      slow = { count: slow.count + 1, maxMs: Math.max(slow.maxMs, ms) };
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
    slowSinceLastCall() {
      const seen = slow;
      slow = { count: 0, maxMs: 0 };
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
