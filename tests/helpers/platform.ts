import { createServer } from "node:net";
import { pino } from "pino";
import { loadConfig, type Config } from "../../src/config.js";
import { createRuntime, startPlatform, type Platform } from "../../src/server.js";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { TestClient } from "./client.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestPlatform {
  platform: Platform;
  url: string;
  config: Config;
  db: TestDatabase;
  deps: Platform["deps"];
  client(): TestClient;
  stop(): Promise<void>;
}

/**
 * The real platform on a loopback port with a fresh database: real HTTP, real SQL. Jobs do not run
 * on their own unless `jobs: true`; tests call them through deps.jobs.runNow when they need them.
 */
export async function startTestPlatform(
  options: {
    env?: Record<string, string>;
    demo?: boolean;
    jobs?: boolean;
    now?: () => Date;
    lineClock?: () => number;
  } = {},
): Promise<TestPlatform> {
  const db = await createTestDatabase({ migrate: false });
  await db.handle.close();
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
    OUTBOUND_ALLOW_LOOPBACK: "1",
    OUTBOUND_TIMEOUT: "3s",
    DEMO_SITES_PORT: "0",
    JOBS: options.jobs ? "inprocess" : "off",
    DEMO: options.demo ? "1" : "0",
    ...(db.searchPath ? { JOBS_SCHEMA: `${db.searchPath}_boss` } : {}),
    ...options.env,
  });
  const logger = pino({ level: config.logLevel });
  const runtime = await createRuntime(config, {
    logger,
    db: db.searchPath ? { searchPath: db.searchPath } : {},
    ...(options.now ? { now: options.now } : {}),
  });
  const platform = await startPlatform(config, {
    demo: options.demo ?? false,
    logger,
    runtime,
    ...(options.lineClock ? { lineClock: options.lineClock } : {}),
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    platform,
    url,
    config,
    db,
    deps: platform.deps,
    client: () => new TestClient(url),
    async stop() {
      await platform.stop(2_000);
      await db.drop();
    },
  };
}
