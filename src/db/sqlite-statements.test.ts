import { afterEach, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { cachedStatements, type StatementCache } from "./sqlite-statements.js";

interface Tables {
  things: { id: number; name: string };
}

let db: Kysely<Tables> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function open(max?: number): Promise<{ db: Kysely<Tables>; cache: StatementCache }> {
  const cache = cachedStatements(new SQLite(":memory:"), max);
  db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) });
  await sql`create table things (id integer primary key, name text not null)`.execute(db);
  await db
    .insertInto("things")
    .values([
      { id: 1, name: "pad" },
      { id: 2, name: "poll" },
    ])
    .execute();
  return { db, cache };
}

describe("SQLite statement cache", () => {
  it("prepares the same query text once, whatever its parameters", async () => {
    const { db, cache } = await open();
    const before = cache.prepared;
    const names: string[] = [];
    for (const id of [1, 2, 1, 2, 1]) {
      const row = await db.selectFrom("things").select("name").where("id", "=", id).executeTakeFirst();
      names.push(row?.name ?? "");
    }
    expect(names).toEqual(["pad", "poll", "pad", "poll", "pad"]);
    expect(cache.prepared - before).toBe(1);
  });

  it("keeps a bounded number of statements and still answers evicted ones", async () => {
    const { db, cache } = await open(2);
    const texts = [
      () => db.selectFrom("things").select("id").where("id", "=", 1).execute(),
      () => db.selectFrom("things").select("name").where("id", "=", 1).execute(),
      () => db.selectFrom("things").selectAll().where("id", "=", 1).execute(),
    ];
    for (const run of texts) await run();
    expect(cache.size).toBe(2);
    const prepared = cache.prepared;
    expect(await texts[0]?.()).toEqual([{ id: 1 }]);
    expect(cache.prepared).toBe(prepared + 1);
  });

  it("sees writes made after a statement was prepared", async () => {
    const { db } = await open();
    const count = () =>
      db
        .selectFrom("things")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst();
    expect((await count())?.n).toBe(2);
    await db.insertInto("things").values({ id: 3, name: "forge" }).execute();
    expect((await count())?.n).toBe(3);
  });
});
