import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import { entraideDb, type Health } from "./entraide.tables.js";

/** The health the portal draws from observations, and the visitors it sends, counted per day. */

/** How many judged (approved, unpaused) instances are in each state. */
export async function healthCounts(db: DB): Promise<{ health: Health; n: number }[]> {
  const rows = await entraideDb(db)
    .selectFrom("entraide_instances")
    .select((eb) => ["health", eb.fn.countAll().as("n")])
    .where("approval", "=", "approved")
    .where("paused", "=", 0)
    .where("archived_at", "is", null)
    .groupBy("health")
    .execute();
  return rows.map((r) => ({ health: r.health, n: toCount(r.n) }));
}

export interface Judgement {
  health: Health;
  failures: number;
  successes: number;
  /** The last observation folded in. */
  judgedUntil: string;
  checkedAt: string;
  status: number | null;
  ms: number | null;
  reason: string;
  /** When the state changed, if it did. */
  changedAt: string | null;
}

/** Records the state drawn from new observations. */
export async function saveJudgement(db: DB, id: string, j: Judgement): Promise<void> {
  await entraideDb(db)
    .updateTable("entraide_instances")
    .set({
      health: j.health,
      failures: j.failures,
      successes: j.successes,
      judged_until: j.judgedUntil,
      last_checked_at: j.checkedAt,
      last_status: j.status,
      last_ms: j.ms,
      last_reason: j.reason,
      ...(j.changedAt ? { health_changed_at: j.changedAt } : {}),
      ...(j.health === "up" ? { alerted_at: null } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Marks the down alert as sent, if nobody did it yet. The conditional update is what keeps the
 * alert to one mail when several workers judge the same instance.
 */
export async function claimAlert(db: DB, id: string, at: string): Promise<boolean> {
  const result = await entraideDb(db)
    .updateTable("entraide_instances")
    .set({ alerted_at: at })
    .where("id", "=", id)
    .where("alerted_at", "is", null)
    .where("health", "=", "down")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds buffered visit counts; an upsert per (instance, day) so several instances can flush. */
export async function addVisits(db: DB, rows: { instanceId: string; day: string; visits: number }[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await entraideDb(db)
      .insertInto("entraide_visits")
      .values(chunk.map((r) => ({ instance_id: r.instanceId, day: r.day, visits: r.visits })))
      .onConflict((oc) =>
        oc.columns(["instance_id", "day"]).doUpdateSet((eb) => ({
          visits: eb("entraide_visits.visits", "+", eb.ref("excluded.visits")),
        })),
      )
      .execute();
  }
}

export async function visitsOf(
  db: DB,
  instanceIds: string[],
  fromDay: string,
): Promise<{ instanceId: string; day: string; visits: number }[]> {
  if (instanceIds.length === 0) return [];
  const rows = await entraideDb(db)
    .selectFrom("entraide_visits")
    .selectAll()
    .where("instance_id", "in", instanceIds)
    .where("day", ">=", fromDay)
    .orderBy("day")
    .execute();
  return rows.map((r) => ({ instanceId: r.instance_id, day: r.day, visits: r.visits }));
}
