import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createRuntime, startPlatform, type Platform } from "../src/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers/db.js";
import { freePort } from "./helpers/platform.js";
import { TestClient } from "./helpers/client.js";
import { makePerson } from "./helpers/factories.js";

/** Structured logs: one line per request, and never an IP address, even behind a proxy. */
describe("logs", () => {
  let db: TestDatabase;
  let platform: Platform;
  let url: string;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.handle.close();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: String(port),
      BASE_URL: url,
      DATABASE_URL: db.url,
      SESSION_SECRET: "s".repeat(40),
      TRUST_PROXY: "1",
      JOBS: "off",
    });
    const logger = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
    const runtime = await createRuntime(config, {
      logger,
      db: db.searchPath ? { searchPath: db.searchPath } : {},
    });
    platform = await startPlatform(config, { logger, runtime });
  });
  afterAll(async () => {
    await platform.stop(1_000);
    await db.drop();
  });

  it("logs method, path, status and duration as JSON, without addresses or query strings", async () => {
    const client = new TestClient(url);
    const forwarded = { "x-forwarded-for": "203.0.113.77, 198.51.100.5" };
    await client.get("/fr/about?q=secret-search", forwarded);
    await client.get("/fr/nope", forwarded);
    const person = await makePerson(platform.deps.db);
    await client.submit("/fr/login", "/fr/login", { email: person.email, password: "wrong wrong wrong" });
    const requestLines = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "request");
    expect(
      requestLines.some((l) => l.path === "/fr/about" && l.status === 200 && typeof l.ms === "number"),
    ).toBe(true);
    expect(requestLines.some((l) => l.path === "/fr/nope" && l.status === 404)).toBe(true);
    // The only address allowed in the logs is the platform's own listening URL, at start.
    const all = lines.filter((l) => !l.includes('"msg":"chatons is listening"')).join("\n");
    for (const forbidden of [
      "203.0.113.77",
      "198.51.100.5",
      "127.0.0.1",
      "secret-search",
      person.email,
      "wrong wrong",
    ]) {
      expect(all, forbidden).not.toContain(forbidden);
    }
  });
});
