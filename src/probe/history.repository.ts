import { isSet, toCount, type DB } from "../db/adapter.js";
import { normalizeUrl } from "./probe.js";
import { probeDb } from "./probe.tables.js";
import type { DailyCounts, Latest } from "./probe.repository.js";

/** What the store says of addresses over days, and of their latest observation (features' reads). */

/** Daily rows of these addresses from `fromDay` on (all addresses when `urls` is undefined). */
export async function dailyOf(db: DB, urls: string[] | undefined, fromDay: string): Promise<DailyCounts[]> {
  if (urls?.length === 0) return [];
  let query = probeDb(db)
    .selectFrom("probe_daily as d")
    .innerJoin("probe_targets as t", "t.id", "d.target_id")
    .select([
      "t.url",
      "d.day",
      "d.checks",
      "d.reachable",
      "d.total_ms",
      "d.judged",
      "d.usable",
      "d.usable_ms",
    ])
    .where("d.day", ">=", fromDay);
  if (urls) query = query.where("t.url", "in", [...new Set(urls.map(normalizeUrl))]);
  const rows = await query.orderBy("d.day").execute();
  return rows.map((r) => ({
    url: r.url,
    day: r.day,
    checks: r.checks,
    reachable: r.reachable,
    totalMs: r.total_ms,
    judged: r.judged,
    usable: r.usable,
    usableMs: r.usable_ms,
  }));
}

/** Checks and reachable answers per address since `fromDay`, summed in the database. */
export async function reachableTotals(
  db: DB,
  fromDay: string,
): Promise<Map<string, { checks: number; reachable: number }>> {
  const rows = await probeDb(db)
    .selectFrom("probe_daily as d")
    .innerJoin("probe_targets as t", "t.id", "d.target_id")
    .select((eb) => [
      "t.url",
      eb.fn.sum<number>("d.checks").as("checks"),
      eb.fn.sum<number>("d.reachable").as("reachable"),
    ])
    .where("d.day", ">=", fromDay)
    .groupBy("t.url")
    .execute();
  return new Map(rows.map((r) => [r.url, { checks: toCount(r.checks), reachable: toCount(r.reachable) }]));
}

/** The latest observation of each address that has one. */
export async function latestOf(db: DB, urls?: string[]): Promise<Map<string, Latest>> {
  if (urls?.length === 0) return new Map();
  let query = probeDb(db).selectFrom("probe_targets").selectAll().where("last_observed_at", "is not", null);
  if (urls) query = query.where("url", "in", [...new Set(urls.map(normalizeUrl))]);
  const out = new Map<string, Latest>();
  for (const r of await query.execute()) {
    if (r.last_observed_at === null) continue;
    out.set(r.url, {
      url: r.url,
      observedAt: r.last_observed_at,
      reachable: isSet(r.last_reachable),
      since: r.reachable_since ?? r.last_observed_at,
      status: r.last_status,
      error: r.last_error,
      elapsedMs: r.last_elapsed_ms,
    });
  }
  return out;
}
