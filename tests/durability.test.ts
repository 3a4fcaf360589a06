import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/db.js";
import { freePort } from "./helpers/platform.js";
import { spawnPlatform } from "./helpers/process.js";
import { TestClient, csrfFrom } from "./helpers/client.js";
import { makeMember, makePerson } from "./helpers/factories.js";
import { formVote } from "./helpers/applications.js";
import { openDatabase } from "../src/db/database.js";
import { insertDecision, findDecision } from "../src/features/applications/votes/decisions.repository.js";
import { closeDecision } from "../src/features/applications/votes/close.js";
import { DEFAULT_RULES, YES_NO, tally } from "../src/features/applications/votes/tally.js";
import { opaqueDb } from "../src/db/adapter.js";

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

  it("loses and duplicates no ballot when killed mid-vote, and the tally is the same after restart", async () => {
    const votes = await createTestDatabase();
    const { db: seed } = votes.handle;
    const voters: { memberId: string; email: string; password: string; choice: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const member = await makeMember(seed, { name: `Chaton votant ${i}` });
      const person = await makePerson(seed, { memberships: [{ memberId: member.id, role: "member" }] });
      voters.push({ memberId: member.id, ...person, choice: ["for", "against", "abstain"][i % 3] ?? "for" });
    }
    const decisionId = await insertDecision(opaqueDb(seed), {
      kind: "proposal",
      title: "Tenir l'assemblée en ligne",
      body: "",
      options: [...YES_NO],
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      rules: DEFAULT_RULES,
      resultsHidden: true,
      personId: null,
      now: new Date(Date.now() - 60_000),
    });
    const port = await freePort();
    const env = { DATABASE_URL: votes.url, JOBS: "off" };
    const first = await spawnPlatform(env, port);
    // Signed in ten at a time: forty at once from one address would meet the address limit
    // (30 in flight; a sign-in is only refunded once it succeeds).
    const clients: TestClient[] = [];
    for (let i = 0; i < voters.length; i += 10)
      clients.push(
        ...(await Promise.all(
          voters.slice(i, i + 10).map(async (v) => {
            const client = new TestClient(first.url);
            await client.login(v.email, v.password);
            return client;
          }),
        )),
      );
    // Every structure votes at once; the process is killed while ballots are in flight.
    const acknowledged = new Set<string>();
    const casting = voters.map(async (v, i) => {
      try {
        const res = await formVote(clients[i] ?? new TestClient(first.url), decisionId, {
          member: v.memberId,
          choice: v.choice,
          reason: "",
        });
        if (res.status === 303) acknowledged.add(v.memberId);
      } catch {
        // the process is gone
      }
    });
    const until = Date.now() + 20_000;
    while (acknowledged.size < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL");
    await first.exited;
    await Promise.all(casting);
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);

    const second = await spawnPlatform(env, port);
    try {
      // The structures not told their ballot was taken vote again: once each, whatever happened.
      for (const [i, v] of voters.entries()) {
        if (acknowledged.has(v.memberId)) continue;
        const res = await formVote(clients[i] ?? new TestClient(second.url), decisionId, {
          member: v.memberId,
          choice: v.choice,
          reason: "",
        });
        expect([303, 409]).toContain(res.status);
      }
      const handle = await openDatabase(votes.url, votes.searchPath ? { searchPath: votes.searchPath } : {});
      try {
        const ballots = await handle.db
          .selectFrom("ballots")
          .select(["member_id", "choice", "updated_at"])
          .where("decision_id", "=", decisionId)
          .orderBy("id")
          .execute();
        expect(ballots).toHaveLength(voters.length);
        expect(new Set(ballots.map((b) => b.member_id)).size).toBe(voters.length);
        for (const v of voters)
          expect(ballots.find((b) => b.member_id === v.memberId)?.choice, v.memberId).toBe(v.choice);
        const cast = await handle.db
          .selectFrom("audit_log")
          .select("id")
          .where("action", "=", "vote.cast")
          .where("subject_id", "=", decisionId)
          .execute();
        expect(cast).toHaveLength(voters.length);
        // The tally from the stored ballots, twice, and the one the close publishes agree.
        const input = {
          options: [...YES_NO],
          ballots: ballots.map((b) => ({ memberId: b.member_id, choice: b.choice, at: b.updated_at })),
          electors: voters.length,
          rules: DEFAULT_RULES,
        };
        const expected = { for: voters.filter((v) => v.choice === "for").length, against: 13 };
        expect(tally(input).counts).toEqual(expected);
        expect(tally(input)).toEqual(tally(input));
        const decision = await findDecision(opaqueDb(handle.db), decisionId);
        if (!decision) throw new Error("no decision");
        const settled = await closeDecision(opaqueDb(handle.db), decision, new Date(), null);
        expect(settled?.result.counts).toEqual(expected);
        expect(settled?.result.abstentions).toBe(13);
        expect(settled?.result.participants).toBe(voters.length);
      } finally {
        await handle.close();
      }
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
      await votes.drop();
    }
  }, 120_000);

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
