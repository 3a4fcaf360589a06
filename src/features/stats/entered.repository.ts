import { ownedTables, toCount, type DB } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import type { StatsTables } from "./stats.tables.js";
import type { EnteredValue } from "./entered.js";

/** Metrics entered for services whose files the platform generates. */
const enteredDb = ownedTables<Pick<StatsTables, "stats_entered_metrics">>();

/** Saves values (a period entered again gets the new value); the caller audits in the same transaction. */
export async function saveEntered(
  db: DB,
  serviceId: string,
  values: readonly EnteredValue[],
  by: { personId: string; at: string },
): Promise<void> {
  for (const v of values)
    await enteredDb(db)
      .insertInto("stats_entered_metrics")
      .values({
        id: newId(),
        service_id: serviceId,
        metric: v.metric,
        period_kind: v.kind,
        period: v.period,
        value: v.value,
        entered_by: by.personId,
        entered_at: by.at,
      })
      .onConflict((oc) =>
        oc
          .columns(["service_id", "metric", "period_kind", "period"])
          .doUpdateSet({ value: v.value, entered_by: by.personId, entered_at: by.at }),
      )
      .execute();
}

/** Every value entered for a service, oldest period first. */
export async function enteredOf(db: DB, serviceId: string): Promise<EnteredValue[]> {
  const rows = await enteredDb(db)
    .selectFrom("stats_entered_metrics")
    .select(["metric", "period_kind", "period", "value"])
    .where("service_id", "=", serviceId)
    .orderBy("metric")
    .orderBy("period_kind")
    .orderBy("period")
    .execute();
  return rows.map((r) => ({
    metric: r.metric,
    kind: r.period_kind,
    period: r.period,
    value: Number(r.value),
  }));
}

/** When a service's values last changed: the generated file's date moves with them. */
export async function lastEnteredAt(db: DB, serviceId: string): Promise<string | null> {
  const row = await enteredDb(db)
    .selectFrom("stats_entered_metrics")
    .select((eb) => eb.fn.max("entered_at").as("at"))
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return typeof row?.at === "string" ? row.at : null;
}

export async function countEntered(db: DB, serviceId: string): Promise<number> {
  const row = await enteredDb(db)
    .selectFrom("stats_entered_metrics")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return toCount(row?.n);
}
