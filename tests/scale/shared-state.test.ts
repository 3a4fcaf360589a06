import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { createRuntime, startPlatform, type Platform } from "../../src/server.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { freePort } from "../helpers/platform.js";
import { TestClient, csrfFrom } from "../helpers/client.js";
import { makePerson } from "../helpers/factories.js";
import { wholeDb } from "../../src/db/adapter.js";

/**
 * Two stateless instances on one database: a session opened on one works on the other, a flash
 * message queued by one shows on the other, sign-in limits count across both, and a write on one
 * empties the other's page cache.
 */
describe("two instances sharing one database", () => {
  let db: TestDatabase;
  const platforms: Platform[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.handle.close();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const config = loadConfig({
        NODE_ENV: "test",
        PORT: String(port),
        BASE_URL: url,
        DATABASE_URL: db.url,
        SESSION_SECRET: "shared-secret-shared-secret-shared-secret",
        JOBS: "off",
        LOG_LEVEL: "silent",
      });
      const logger = pino({ level: "silent" });
      const runtime = await createRuntime(config, {
        logger,
        db: db.searchPath ? { searchPath: db.searchPath } : {},
      });
      platforms.push(await startPlatform(config, { logger, runtime }));
      urls.push(url);
    }
  });
  afterAll(async () => {
    for (const p of platforms) await p.stop(1_000);
    await db.drop();
  });

  /** A client whose requests go to instance a or b, sharing one cookie jar, like behind a proxy. */
  function balanced() {
    const a = new TestClient(urls[0] ?? "");
    const b = new TestClient(urls[1] ?? "");
    const sync = (from: TestClient, to: TestClient) => {
      to.cookies.clear();
      for (const [k, v] of from.cookies) to.cookies.set(k, v);
    };
    return { a, b, sync };
  }

  it("keeps a session and its flash messages across instances", async () => {
    const person = await makePerson(platforms[0]?.deps.db ?? db.handle.db);
    const { a, b, sync } = balanced();
    await a.login(person.email, person.password);
    sync(a, b);
    const page = await b.get("/fr/account");
    expect(page.status).toBe(200);
    // The sign-in's flash was queued by instance a and is shown by instance b.
    expect(page.text).toContain("flash--success");
    // A form loaded from b is accepted by a (the CSRF token belongs to the shared session).
    const token = csrfFrom(page.text, "/fr/account/profile") ?? "";
    sync(b, a);
    expect((await a.post("/fr/account/profile", { _csrf: token, name: "Across" })).status).toBe(303);
  });

  it("counts sign-in failures across instances", async () => {
    const person = await makePerson(platforms[0]?.deps.db ?? db.handle.db);
    const { a, b } = balanced();
    // Five attempts in a row, on either instance, then each must wait for a growing delay.
    for (let i = 0; i < 8; i++) {
      const client = i % 2 === 0 ? a : b;
      const { status } = await client.submit("/fr/login", "/fr/login", {
        email: person.email,
        password: `wrong-${i}-password`,
      });
      if (i < 5) expect(status).toBe(422);
      else expect([422, 429]).toContain(status);
    }
    expect(
      (await a.submit("/fr/login", "/fr/login", { email: person.email, password: person.password })).status,
    ).toBe(429);
    expect(
      (await b.submit("/fr/login", "/fr/login", { email: person.email, password: person.password })).status,
    ).toBe(429);
  });

  it("empties the other instance's page cache after a write", async () => {
    const { b } = balanced();
    // Each instance's first poll empties its cache (nothing tells yet what it was cached against):
    // let it pass, so that it cannot fall between the two requests below.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await b.get("/en/about");
    expect((await b.get("/en/about")).headers.get("x-cache")).toBe("hit");
    const writer = platforms[0];
    if (!writer) throw new Error("no instance");
    // The listener of instance b only hears its own writes: this one comes from the database.
    await wholeDb(writer.deps.db)
      .insertInto("audit_log")
      .values({
        id: "ffffffffffff0000000000000001",
        at: new Date().toISOString(),
        actor_person_id: null,
        actor_member_id: null,
        action: "test.remote_write",
        subject_type: "test",
        subject_id: null,
        data: "{}",
      })
      .execute();
    const deadline = Date.now() + 6_000;
    let hit: string | null = "hit";
    while (hit === "hit" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      hit = (await b.get("/en/about")).headers.get("x-cache");
    }
    expect(hit).toBeNull();
  });
});
