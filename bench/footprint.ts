/**
 * Footprint of the embedded default: cold start (process start to the first /healthz answer on an
 * existing database), idle RSS after the start settles, and the time to load the demo collective.
 *
 *   npm run build && npx tsx bench/footprint.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { machine } from "./lib/machine.js";

const dir = mkdtempSync(join(tmpdir(), "chatons-footprint-"));
const env = {
  PATH: process.env.PATH ?? "",
  DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
  DATA_DIR: dir,
  LOG_LEVEL: "warn",
  PORT: "18990",
  DEMO_SITES_PORT: "18991",
};

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/chatons.js", ...args], { env, stdio: "ignore" });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitHealthy(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

await run(["migrate"]);
const seedStart = performance.now();
await run(["seed-demo", "--sites-url", "http://127.0.0.1:18991"]);
const seedMs = Math.round(performance.now() - seedStart);

const results: number[] = [];
let idle = 0;
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/chatons.js", "serve"], {
    env: { ...env, JOBS: "off" },
    stdio: "ignore",
  });
  await waitHealthy("http://127.0.0.1:18990/healthz");
  results.push(Math.round(performance.now() - started));
  if (i === 4) {
    await new Promise((r) => setTimeout(r, 10_000));
    idle = child.pid ? rssMb(child.pid) : 0;
  }
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
rmSync(dir, { recursive: true, force: true });
results.sort((a, b) => a - b);
console.log(`machine: ${machine()}`);
console.log(`demo data load (seed-demo, including process start): ${seedMs} ms`);
console.log(`cold start to first /healthz (median of 5): ${results[2]} ms  [all: ${results.join(", ")}]`);
console.log(`idle RSS after 10 s: ${idle} MB`);
