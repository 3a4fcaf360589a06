import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import { newSortableId } from "../../../db/ids.js";
import { audit } from "../../../audit/audit.js";
import type { CheckStatus, CheckTrigger } from "../applications.tables.js";
import { runChecks, type CheckSubject } from "./precheck.js";

/**
 * Pre-check runs: queued (by submission, a button, or the re-assessment job), then executed
 * against the structure's current directory data. Every run is kept with its date, so reviewers
 * see both the latest results and when they were taken.
 */

export const RECHECK_COOLDOWN_MS = 60_000;

export async function queueRun(
  db: DB,
  applicationId: string,
  trigger: CheckTrigger,
  personId: string | null,
  now: Date,
): Promise<string> {
  const id = newSortableId();
  await db
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

async function subjectFor(
  db: DB,
  applicationId: string,
): Promise<{ memberId: string; subject: CheckSubject } | undefined> {
  const member = await db
    .selectFrom("applications")
    .innerJoin("members", "members.id", "applications.member_id")
    .select([
      "members.id",
      "members.website",
      "members.tos_url",
      "members.legal_url",
      "members.chatonsinfos_url",
    ])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!member) return undefined;
  const services = await db
    .selectFrom("services")
    .select(["name", "url"])
    .where("member_id", "=", member.id)
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return {
    memberId: member.id,
    subject: {
      website: member.website,
      tosUrl: member.tos_url,
      legalUrl: member.legal_url,
      chatonsinfosUrl: member.chatonsinfos_url,
      services,
    },
  };
}

/** Executes a queued run once: the conditional start keeps two instances from running it twice. */
export async function executeRun(deps: Deps, runId: string, signal?: AbortSignal): Promise<boolean> {
  const { db } = deps;
  const run = await db.selectFrom("check_runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run) return false;
  const started = await db
    .updateTable("check_runs")
    .set({ started_at: deps.now().toISOString() })
    .where("id", "=", runId)
    .where("started_at", "is", null)
    .executeTakeFirst();
  if (Number(started.numUpdatedRows) !== 1) return false;
  const found = await subjectFor(db, run.application_id);
  if (!found) return false;
  const outcomes = await runChecks(deps.outbound, found.subject, {
    allowLoopback: deps.config.outbound.allowLoopback,
    ...(signal ? { signal } : {}),
  });
  const count = (s: CheckStatus) => outcomes.filter((o) => o.status === s).length;
  await db.transaction().execute(async (trx) => {
    if (outcomes.length > 0)
      await trx
        .insertInto("check_results")
        .values(
          outcomes.map((o, position) => ({
            id: newSortableId(),
            run_id: runId,
            check_id: o.checkId,
            target: o.target,
            status: o.status,
            detail: JSON.stringify(o.detail),
            position,
          })),
        )
        .execute();
    await trx
      .updateTable("check_runs")
      .set({
        finished_at: deps.now().toISOString(),
        passed: count("pass"),
        warned: count("warn"),
        failed: count("fail"),
      })
      .where("id", "=", runId)
      .execute();
    await audit(trx, {
      actor: run.person_id ? { personId: run.person_id } : null,
      action: "application.checks",
      subject: { type: "application", id: run.application_id },
      data: {
        run: runId,
        trigger: run.trigger,
        passed: count("pass"),
        warned: count("warn"),
        failed: count("fail"),
      },
    });
  });
  return true;
}

/** Runs the queued runs, oldest first (the scheduler calls this). */
export async function executeQueued(deps: Deps, limit: number, signal?: AbortSignal): Promise<number> {
  const queued = await deps.db
    .selectFrom("check_runs")
    .select("id")
    .where("started_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  let done = 0;
  for (const { id } of queued) {
    if (signal?.aborted) break;
    if (await executeRun(deps, id, signal)) done++;
  }
  return done;
}

export interface StoredCheck {
  checkId: string;
  target: string;
  status: CheckStatus;
  detail: { key: string; vars: Record<string, string | number> };
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

/** The latest finished run of an application with its results, and whether one is queued. */
export async function latestRun(db: DB, applicationId: string) {
  const runs = await db
    .selectFrom("check_runs")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("id", "desc")
    .limit(10)
    .execute();
  const finished = runs.find((r) => r.finished_at !== null);
  const pending = runs.some((r) => r.finished_at === null);
  if (!finished) return { run: undefined, results: [], pending };
  const rows = await db
    .selectFrom("check_results")
    .selectAll()
    .where("run_id", "=", finished.id)
    .orderBy("position")
    .execute();
  const results: StoredCheck[] = rows.map((r) => ({
    checkId: r.check_id,
    target: r.target,
    status: r.status,
    detail: parseDetail(r.detail),
  }));
  return { run: finished, results, pending };
}

/** Has a run been asked for recently (re-runs are spaced, so the button cannot hammer a server)? */
export async function ranRecently(db: DB, applicationId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - RECHECK_COOLDOWN_MS).toISOString();
  const row = await db
    .selectFrom("check_runs")
    .select("id")
    .where("application_id", "=", applicationId)
    .where("created_at", ">", since)
    .executeTakeFirst();
  return !!row;
}
