import type { DB } from "../db/adapter.js";
import { ownedTables } from "../db/adapter.js";
import type { CoreTables } from "../db/core.tables.js";
const limitsDb = ownedTables<Pick<CoreTables, "rate_limits">>();

/**
 * Limits shared by every instance, in the `rate_limits` table. Keys are hashes of what is limited
 * (an e-mail address, a visitor's address) and are purged a day after their last use: no address
 * is kept.
 *
 * Two kinds:
 * - sliding-window counters (`hit`, `count`): the window is cut into SLICES buckets of one row each
 *   and the count is the sum of the buckets of the last `windowMs`, so it slides instead of
 *   starting afresh at fixed times;
 * - growing delays (`takeTurn`): each attempt must come after the delay the previous one set,
 *   which doubles past the free attempts. The turn is taken with a compare-and-set before the
 *   caller does the costly check, so concurrent attempts cannot slip past the limit together.
 */

const SLICES = 15;

function buckets(
  key: string,
  windowMs: number,
  now: Date,
): { current: string; start: string; keys: string[] } {
  const size = Math.max(1, Math.floor(windowMs / SLICES));
  const index = Math.floor(now.getTime() / size);
  const keys = Array.from({ length: SLICES }, (_, i) => `${key}@${index - i}`);
  return { current: `${key}@${index}`, start: new Date(index * size).toISOString(), keys };
}

async function sum(db: DB, keys: string[]): Promise<number> {
  const rows = await limitsDb(db)
    .selectFrom("rate_limits")
    .select("count")
    .where("key", "in", keys)
    .execute();
  return rows.reduce((total, r) => total + Number(r.count), 0);
}

/** Counts a hit and returns the hits of the sliding window ending now, this one included. */
export async function hit(db: DB, key: string, windowMs: number, now: Date): Promise<number> {
  const { current, start, keys } = buckets(key, windowMs, now);
  // An atomic upsert: two instances counting the same key at once must not lose a hit.
  await limitsDb(db)
    .insertInto("rate_limits")
    .values({ key: current, window_start: start, count: 1 })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ count: eb("rate_limits.count", "+", 1) })))
    .execute();
  return sum(db, keys);
}

export async function count(db: DB, key: string, windowMs: number, now: Date): Promise<number> {
  return sum(db, buckets(key, windowMs, now).keys);
}

export async function reset(db: DB, key: string, windowMs: number, now: Date): Promise<void> {
  await limitsDb(db)
    .deleteFrom("rate_limits")
    .where("key", "in", buckets(key, windowMs, now).keys)
    .execute();
}

export interface DelayPolicy {
  /** Attempts allowed one after the other before delays start. */
  free: number;
  /** The first delay; each further attempt doubles it. */
  baseMs: number;
  maxMs: number;
  /** Quiet for this long after the last delay ended, the count starts over. */
  forgetAfterMs: number;
}

export type Turn = { ok: true; attempt: number } | { ok: false; retryAfterMs: number };

/** The delay an attempt sets before the next one may come. */
export function delayAfter(attempt: number, policy: DelayPolicy): number {
  if (attempt < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, attempt - policy.free));
}

/**
 * Takes the next attempt for `key` if its delay has passed. The row holds the number of attempts
 * and the time the next one is allowed; an update only applies if the row is still as read, so of
 * concurrent callers exactly one gets each turn and the others read again.
 */
export async function takeTurn(db: DB, key: string, now: Date, policy: DelayPolicy): Promise<Turn> {
  const k = `turn:${key}`;
  const at = now.getTime();
  const until = (attempt: number) => new Date(at + delayAfter(attempt, policy)).toISOString();
  for (let tries = 0; tries < 20; tries++) {
    const row = await limitsDb(db)
      .selectFrom("rate_limits")
      .select(["count", "window_start"])
      .where("key", "=", k)
      .executeTakeFirst();
    if (!row) {
      const inserted = await limitsDb(db)
        .insertInto("rate_limits")
        .values({ key: k, window_start: until(1), count: 1 })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true, attempt: 1 };
      continue;
    }
    const allowedAt = Date.parse(row.window_start);
    if (at < allowedAt) return { ok: false, retryAfterMs: allowedAt - at };
    const attempt = at - allowedAt > policy.forgetAfterMs ? 1 : Number(row.count) + 1;
    const updated = await limitsDb(db)
      .updateTable("rate_limits")
      .set({ count: attempt, window_start: until(attempt) })
      .where("key", "=", k)
      .where("count", "=", row.count)
      .where("window_start", "=", row.window_start)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, attempt };
  }
  // Heavy contention on one key is itself a sign of attack: refuse rather than loop.
  return { ok: false, retryAfterMs: policy.baseMs };
}

/** Forgets the attempts of `key` (after a successful sign-in). */
export async function clearTurns(db: DB, key: string): Promise<void> {
  await limitsDb(db).deleteFrom("rate_limits").where("key", "=", `turn:${key}`).execute();
}

/** Removes counters and delays unused for a while (run by the housekeeping job). */
export async function purgeExpired(db: DB, olderThan: Date): Promise<void> {
  await limitsDb(db).deleteFrom("rate_limits").where("window_start", "<", olderThan.toISOString()).execute();
}
