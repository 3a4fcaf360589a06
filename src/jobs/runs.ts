import type { DB } from "../db/adapter.js";
import { newSortableId } from "../db/ids.js";
import { ownedTables } from "../db/adapter.js";
import type { JobsTables } from "./jobs.tables.js";
import { inTransaction } from "../db/adapter.js";
const runsDb = ownedTables<JobsTables>();

/**
 * Bookkeeping of a fanned-out run: which items exist, which are done. Completing an item is a
 * conditional update, so an item processed twice (after a crash, or by two instances) counts once,
 * and exactly one completion observes the run finishing.
 */

export async function startRun(db: DB, job: string, items: string[], now: Date): Promise<string> {
  const id = newSortableId();
  await inTransaction(db, async (trx) => {
    await runsDb(trx)
      .insertInto("job_runs")
      .values({
        id,
        job,
        started_at: now.toISOString(),
        total: items.length,
        done: 0,
        failed: 0,
        finished_at: null,
        summary: null,
      })
      .execute();
    const unique = [...new Set(items)];
    for (let i = 0; i < unique.length; i += 200) {
      await runsDb(trx)
        .insertInto("job_run_items")
        .values(
          unique.slice(i, i + 200).map((item) => ({
            run_id: id,
            item,
            status: "pending" as const,
            attempts: 0,
            finished_at: null,
            error: null,
          })),
        )
        .execute();
    }
    if (unique.length !== items.length)
      await runsDb(trx).updateTable("job_runs").set({ total: unique.length }).where("id", "=", id).execute();
  });
  return id;
}

export async function markAttempt(db: DB, runId: string, item: string): Promise<void> {
  await runsDb(db)
    .updateTable("job_run_items")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("run_id", "=", runId)
    .where("item", "=", item)
    .execute();
}

/** Records an item's outcome; true when this call is the one that completed the whole run. */
export async function completeItem(
  db: DB,
  runId: string,
  item: string,
  now: Date,
  error?: string,
): Promise<boolean> {
  const updated = await runsDb(db)
    .updateTable("job_run_items")
    .set({
      status: error ? "failed" : "done",
      finished_at: now.toISOString(),
      error: error?.slice(0, 500) ?? null,
    })
    .where("run_id", "=", runId)
    .where("item", "=", item)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await runsDb(db)
    .updateTable("job_runs")
    .set((eb) =>
      error ? { done: eb("done", "+", 1), failed: eb("failed", "+", 1) } : { done: eb("done", "+", 1) },
    )
    .where("id", "=", runId)
    .execute();
  return claimFinish(db, runId, now);
}

/** Marks the run finished if every item is; true for the single caller that did it. */
export async function claimFinish(db: DB, runId: string, now: Date): Promise<boolean> {
  const finished = await runsDb(db)
    .updateTable("job_runs")
    .set({ finished_at: now.toISOString() })
    .where("id", "=", runId)
    .where("finished_at", "is", null)
    .whereRef("done", ">=", "total")
    .executeTakeFirst();
  return Number(finished.numUpdatedRows) === 1;
}

export async function setRunSummary(db: DB, runId: string, summary: string): Promise<void> {
  await runsDb(db)
    .updateTable("job_runs")
    .set({ summary: summary.slice(0, 500) })
    .where("id", "=", runId)
    .execute();
}
