import type { DB } from "../db/adapter.js";

/**
 * Fixed-window counters in the database, so that every instance shares them. Keys are hashes of
 * what is limited (an e-mail address, an IP address) and expire with their window: no address is
 * kept beyond it.
 */
export async function hit(db: DB, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  // An atomic increment first: two instances counting the same key at once must not lose a hit.
  const updated = await db
    .updateTable("rate_limits")
    .set((eb) => ({ count: eb("count", "+", 1) }))
    .where("key", "=", key)
    .where("window_start", "=", windowStart)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto("rate_limits")
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.column("key").doUpdateSet({ window_start: windowStart, count: 1 }))
      .execute();
    return 1;
  }
  return count(db, key, windowMs, now);
}

export async function count(db: DB, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const row = await db
    .selectFrom("rate_limits")
    .select(["count", "window_start"])
    .where("key", "=", key)
    .executeTakeFirst();
  return row && row.window_start === windowStart ? row.count : 0;
}

export async function reset(db: DB, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** Removes windows that ended (run by the housekeeping job). */
export async function purgeExpired(db: DB, olderThan: Date): Promise<void> {
  await db.deleteFrom("rate_limits").where("window_start", "<", olderThan.toISOString()).execute();
}
