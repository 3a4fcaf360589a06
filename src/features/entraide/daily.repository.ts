import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import type { Health } from "./entraide.tables.js";

/** SQL of the health checks and of the daily aggregates (checks and visitors). */

/** Approved, unpaused instances: the ones the check job looks at. */
export async function instancesToCheck(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom("entraide_instances")
    .select("id")
    .where("approval", "=", "approved")
    .where("paused", "=", 0)
    .where("archived_at", "is", null)
    .execute();
  return rows.map((r) => r.id);
}

/** How many checked (approved, unpaused) instances are in each state. */
export async function healthCounts(db: DB) {
  const rows = await db
    .selectFrom("entraide_instances")
    .select((eb) => ["health", eb.fn.countAll().as("n")])
    .where("approval", "=", "approved")
    .where("paused", "=", 0)
    .where("archived_at", "is", null)
    .groupBy("health")
    .execute();
  return rows.map((r) => ({ health: r.health, n: toCount(r.n) }));
}

export interface CheckOutcome {
  health: Health;
  failures: number;
  successes: number;
  checkedAt: string;
  status: number | null;
  ms: number | null;
  reason: string;
  changed: boolean;
}

/** Records one check: the instance's state and the day's aggregate, in one transaction. */
export async function saveCheck(db: DB, id: string, outcome: CheckOutcome, ok: boolean) {
  await db
    .updateTable("entraide_instances")
    .set({
      health: outcome.health,
      failures: outcome.failures,
      successes: outcome.successes,
      last_checked_at: outcome.checkedAt,
      last_status: outcome.status,
      last_ms: outcome.ms,
      last_reason: outcome.reason,
      ...(outcome.changed ? { health_changed_at: outcome.checkedAt } : {}),
      ...(outcome.health === "up" ? { alerted_at: null } : {}),
    })
    .where("id", "=", id)
    .execute();
  await db
    .insertInto("entraide_daily")
    .values({
      instance_id: id,
      day: outcome.checkedAt.slice(0, 10),
      checks: 1,
      checks_ok: ok ? 1 : 0,
      ms_total: ok ? (outcome.ms ?? 0) : 0,
      visits: 0,
    })
    .onConflict((oc) =>
      oc.columns(["instance_id", "day"]).doUpdateSet((eb) => ({
        checks: eb("entraide_daily.checks", "+", eb.ref("excluded.checks")),
        checks_ok: eb("entraide_daily.checks_ok", "+", eb.ref("excluded.checks_ok")),
        ms_total: eb("entraide_daily.ms_total", "+", eb.ref("excluded.ms_total")),
      })),
    )
    .execute();
}

/**
 * Marks the down alert as sent, if nobody did it yet. The conditional update is what keeps the
 * alert to one mail when several workers check the same instance.
 */
export async function claimAlert(db: DB, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("entraide_instances")
    .set({ alerted_at: at })
    .where("id", "=", id)
    .where("alerted_at", "is", null)
    .where("health", "=", "down")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who hears about the structure's instances: its admins, else its contact address. */
export async function alertRecipients(db: DB, memberId: string) {
  const admins = await db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select(["people.email", "people.locale"])
    .where("memberships.member_id", "=", memberId)
    .where("memberships.role", "=", "admin")
    .where("people.disabled_at", "is", null)
    .orderBy("people.email")
    .execute();
  if (admins.length > 0) return admins;
  const member = await db
    .selectFrom("members")
    .select("contact_email")
    .where("id", "=", memberId)
    .executeTakeFirst();
  return member?.contact_email ? [{ email: member.contact_email, locale: null }] : [];
}

/** Adds buffered visit counts; an upsert per (instance, day) so several instances can flush. */
export async function addVisits(db: DB, rows: { instanceId: string; day: string; visits: number }[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await db
      .insertInto("entraide_daily")
      .values(
        chunk.map((r) => ({
          instance_id: r.instanceId,
          day: r.day,
          checks: 0,
          checks_ok: 0,
          ms_total: 0,
          visits: r.visits,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["instance_id", "day"]).doUpdateSet((eb) => ({
          visits: eb("entraide_daily.visits", "+", eb.ref("excluded.visits")),
        })),
      )
      .execute();
  }
}

export async function dailyStats(db: DB, instanceIds: string[], fromDay: string) {
  if (instanceIds.length === 0) return [];
  return db
    .selectFrom("entraide_daily")
    .selectAll()
    .where("instance_id", "in", instanceIds)
    .where("day", ">=", fromDay)
    .orderBy("day")
    .execute();
}
