import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { startTestPlatform } from "./helpers/platform.js";
import { phaseAt } from "../src/features/applications/rounds/phases.js";
import { wholeDb } from "../src/db/adapter.js";

/**
 * The demo makes every date from the clock it is given: on any day, past rounds are decided before
 * it, the open round's phases surround it, and no history, ballot or member lies in its future.
 * Each clock below is injected; none is the machine's date.
 */
const CLOCKS = [
  "2026-12-01T09:00:00.000Z", // the day the demo's fixed dates went wrong
  "2027-12-01T09:00:00.000Z", // a year ahead
  "2027-06-29T12:00:00.000Z", // the day before a default round closes
  "2027-07-01T12:00:00.000Z", // the day after
  "2029-02-15T09:00:00.000Z",
];

/** Columns that rightly hold a date to come (deadlines, expiries, the open round's close). */
const FUTURE_ALLOWED = new Set([
  "closes_at",
  "vote_at",
  "review_at",
  "opens_at",
  "expires_at",
  "due_at",
  "due_on",
  "due_date",
  "starts_on",
  "starts_at",
  "ends_on",
  "next_run_at",
  "lease_until",
  "run_after",
  "locked_until",
]);

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z?)?$/;

describe("the demo on any date", () => {
  for (const iso of CLOCKS) {
    it(`is consistent when seeded on ${iso}`, async () => {
      const now = new Date(iso);
      const t = await startTestPlatform({ demo: true, now: () => now });
      try {
        const { db } = t.deps;
        const rounds = await wholeDb(db).selectFrom("rounds").selectAll().orderBy("closes_at").execute();
        expect(rounds.map((r) => r.phase)).toEqual(["decided", "vote"]);
        const [past, open] = rounds;
        expect(past && past.closes_at < iso && (past.decided_at ?? "") <= iso).toBe(true);
        if (!open) throw new Error("no open round");
        expect(open.opens_at < iso && iso < open.closes_at).toBe(true);
        expect(
          phaseAt(
            {
              opensAt: open.opens_at,
              reviewAt: open.review_at,
              voteAt: open.vote_at,
              closesAt: open.closes_at,
            },
            now,
          ),
        ).toBe(open.phase);

        const future: string[] = [];
        const tables = await wholeDb(db).introspection.getTables();
        for (const table of tables) {
          const dateColumns = table.columns
            .map((c) => c.name)
            .filter((n) => /(_at|_on|date|^day)$/.test(n) && !FUTURE_ALLOWED.has(n));
          if (dateColumns.length === 0) continue;
          const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
            wholeDb(db),
          );
          for (const row of rows.rows)
            for (const column of dateColumns) {
              const value = row[column];
              if (typeof value !== "string" || !ISO.test(value)) continue;
              // A day column holds the calendar day: today's is fine.
              const limit = value.length === 10 ? iso.slice(0, 10) : iso;
              if (value > limit) future.push(`${table.name}.${column} = ${value}`);
            }
        }
        expect([...new Set(future.map((f) => f.split(" = ")[0]))], future.slice(0, 5).join("; ")).toEqual([]);

        const members = await wholeDb(db)
          .selectFrom("members")
          .select(["joined_at", "joined_round", "membership"])
          .where("membership", "=", "member")
          .execute();
        expect(members.every((m) => (m.joined_at ?? "") < iso && m.joined_round)).toBe(true);
      } finally {
        await t.stop();
      }
    }, 120_000);
  }
});
