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
  stop(): Promise<void>;
}

export async function startBenchPlatform(options: {
  port: number;
  sitesPort: number;
  env?: Record<string, string>;
  /** Quiet time after start so the demo's start-up jobs (crawl, health checks) do not skew figures. */
  settleMs?: number;
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
    ...options.env,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ["--max-old-space-size=256", "bin/chatons.js", "serve", "--demo"],
    {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
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
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
