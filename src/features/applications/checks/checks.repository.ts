import type { DB } from "../../../db/adapter.js";
import { newSortableId } from "../../../db/ids.js";
import { applicationsDb, type CheckStatus, type CheckTrigger } from "../applications.tables.js";
import type { CheckOutcome } from "./precheck.js";

/** Pre-check runs and their results, kept with their dates. */

export interface CheckRun {
  id: string;
  applicationId: string;
  trigger: CheckTrigger;
  personId: string | null;
  finishedAt: string | null;
  passed: number;
  warned: number;
  failed: number;
}

export interface StoredCheck {
  checkId: string;
  target: string;
  status: CheckStatus;
  detail: { key: string; vars: Record<string, string | number> };
}

/** An application's latest finished run with its results, and whether another one is queued. */
export interface LatestChecks {
  run: CheckRun | undefined;
  results: StoredCheck[];
  pending: boolean;
}

export async function queueRun(
  db: DB,
  applicationId: string,
  trigger: CheckTrigger,
  personId: string | null,
  now: Date,
): Promise<string> {
  const id = newSortableId();
  await applicationsDb(db)
    .insertInto("check_runs")
    .values({
      id,
      application_id: applicationId,
      trigger,
      person_id: personId,
      started_at: null,
      finished_at: null,
      created_at: now.toISOString(),
      passed: 0,
      warned: 0,
      failed: 0,
    })
    .execute();
  return id;
}

const runs = (db: DB) =>
  applicationsDb(db)
    .selectFrom("check_runs")
    .select(["id", "application_id", "trigger", "person_id", "finished_at", "passed", "warned", "failed"]);

type RunRow = Awaited<ReturnType<ReturnType<typeof runs>["executeTakeFirstOrThrow"]>>;

const toRun = (r: RunRow): CheckRun => ({
  id: r.id,
  applicationId: r.application_id,
  trigger: r.trigger,
  personId: r.person_id,
  finishedAt: r.finished_at,
  passed: r.passed,
  warned: r.warned,
  failed: r.failed,
});

export async function findRun(db: DB, id: string): Promise<CheckRun | undefined> {
  const row = await runs(db).where("id", "=", id).executeTakeFirst();
  return row ? toRun(row) : undefined;
}

/** Marks a queued run started; false when it already was (another instance runs it). */
export async function startRun(db: DB, id: string, now: Date): Promise<boolean> {
  const started = await applicationsDb(db)
    .updateTable("check_runs")
    .set({ started_at: now.toISOString() })
    .where("id", "=", id)
    .where("started_at", "is", null)
    .executeTakeFirst();
  return Number(started.numUpdatedRows) === 1;
}

/** Stores a run's outcomes, in order, and its counts. */
export async function finishRun(db: DB, id: string, outcomes: CheckOutcome[], now: Date): Promise<void> {
  const count = (s: CheckStatus) => outcomes.filter((o) => o.status === s).length;
  if (outcomes.length > 0)
    await applicationsDb(db)
      .insertInto("check_results")
      .values(
        outcomes.map((o, position) => ({
          id: newSortableId(),
          run_id: id,
          check_id: o.checkId,
          target: o.target,
          status: o.status,
          detail: JSON.stringify(o.detail),
          position,
        })),
      )
      .execute();
  await applicationsDb(db)
    .updateTable("check_runs")
    .set({
      finished_at: now.toISOString(),
      passed: count("pass"),
      warned: count("warn"),
      failed: count("fail"),
    })
    .where("id", "=", id)
    .execute();
}

/** Queued runs, oldest first. */
export async function queuedRunIds(db: DB, limit: number): Promise<string[]> {
  const rows = await applicationsDb(db)
    .selectFrom("check_runs")
    .select("id")
    .where("started_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

function parseDetail(text: string): StoredCheck["detail"] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || !("key" in value) || typeof value.key !== "string")
      return { key: "", vars: {} };
    const vars: Record<string, string | number> = {};
    if ("vars" in value && typeof value.vars === "object" && value.vars !== null)
      for (const [k, v] of Object.entries(value.vars))
        if (typeof v === "string" || typeof v === "number") vars[k] = v;
    return { key: value.key, vars };
  } catch {
    return { key: "", vars: {} };
  }
}

export async function latestRun(db: DB, applicationId: string): Promise<LatestChecks> {
  const recent = (
    await runs(db).where("application_id", "=", applicationId).orderBy("id", "desc").limit(10).execute()
  ).map(toRun);
  const finished = recent.find((r) => r.finishedAt !== null);
  const pending = recent.some((r) => r.finishedAt === null);
  if (!finished) return { run: undefined, results: [], pending };
  const rows = await applicationsDb(db)
    .selectFrom("check_results")
    .select(["check_id", "target", "status", "detail"])
    .where("run_id", "=", finished.id)
    .orderBy("position")
    .execute();
  const results = rows.map((r) => ({
    checkId: r.check_id,
    target: r.target,
    status: r.status,
    detail: parseDetail(r.detail),
  }));
  return { run: finished, results, pending };
}

/** Has a run been asked for since `since` (re-runs are spaced, so the button cannot hammer a server)? */
export async function runAskedSince(db: DB, applicationId: string, since: string): Promise<boolean> {
  const row = await applicationsDb(db)
    .selectFrom("check_runs")
    .select("id")
    .where("application_id", "=", applicationId)
    .where("created_at", ">", since)
    .executeTakeFirst();
  return !!row;
}
