import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/db.js";
import { freePort } from "./helpers/platform.js";
import { spawnPlatform } from "./helpers/process.js";
import { TestClient, csrfFrom } from "./helpers/client.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.handle.close();
});
afterAll(async () => {
  await db.drop();
});

describe("durability", () => {
  it("loses no acknowledged write when the process is killed mid-writes, and restarts consistent", async () => {
    const port = await freePort();
    const env = { DATABASE_URL: db.url, JOBS: "off" };
    const first = await spawnPlatform(env, port);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (worker: number) => {
      const client = new TestClient(first.url);
      const page = await client.get("/fr/signup");
      const token = csrfFrom(page.text, "/fr/signup") ?? "";
      for (let i = 0; !stop; i++) {
        const email = `w${worker}-${i}@example.org`;
        try {
          const res = await client.post("/fr/signup", {
            _csrf: token,
            name: `W ${worker} ${i}`,
            email,
            password: "a long enough password",
            confirm: "a long enough password",
          });
          // Sign-up answers 200 once the request and its confirmation mail are stored.
          if (res.status === 200) acknowledged.push(email);
          client.cookies.clear();
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Kill while the writers are busy, once some writes are acknowledged (however slow the machine).
    const until = Date.now() + 20_000;
    while (acknowledged.length < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    first.child.kill("SIGKILL");
    await first.exited;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(3);

    const second = await spawnPlatform(env, port);
    try {
      const { openDatabase } = await import("../src/db/database.js");
      const handle = await openDatabase(db.url, db.searchPath ? { searchPath: db.searchPath } : {});
      const rows = await handle.db.selectFrom("signup_requests").select("email").execute();
      await handle.close();
      const stored = new Set(rows.map((r) => r.email));
      const lost = acknowledged.filter((e) => !stored.has(e));
      expect(lost).toEqual([]);
      if (!usingPostgres()) {
        const raw = new SQLite(db.url.slice("sqlite:".length), { readonly: true });
        expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
        raw.close();
      }
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 90_000);

  it("stops gracefully on SIGTERM", async () => {
    const port = await freePort();
    const proc = await spawnPlatform({ DATABASE_URL: db.url, JOBS: "inprocess" }, port);
    const started = Date.now();
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(11_000);
    expect(proc.output()).toContain("shutting down");
  }, 60_000);
});
