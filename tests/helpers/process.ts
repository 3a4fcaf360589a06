import { spawn, type ChildProcess } from "node:child_process";

/**
 * The platform as a separate process (through tsx: no build needed), for the tests that kill it,
 * stop it, or run two of it against one database.
 */
export interface PlatformProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * The variables that put a child on the test's clock: under `npm run test:future` libfaketime moves
 * this process's clock, and a platform started without it would live a year earlier than the
 * data the test made for it.
 */
export function clockEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && (key === "LD_PRELOAD" || key.startsWith("FAKETIME"))) env[key] = value;
  return env;
}

export async function spawnPlatform(
  env: Record<string, string>,
  port: number,
  args: string[] = ["serve"],
): Promise<PlatformProcess> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli-entry.ts", ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "info",
      SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
      OUTBOUND_ALLOW_LOOPBACK: "1",
      ...clockEnv(),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`platform did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, output: () => output, exited };
}
