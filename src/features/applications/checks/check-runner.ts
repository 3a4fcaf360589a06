import type { Deps } from "../../../deps.js";
import { inTransaction, type DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import { listedServices, structureById } from "../../directory/published.js";
import { memberOfApplication } from "../applications.repository.js";
import { runChecks, type CheckSubject } from "./precheck.js";
import { finishRun, findRun, queuedRunIds, runAskedSince, startRun } from "./checks.repository.js";

/**
 * Pre-check runs: queued (by submission, a button, or the re-assessment job), then executed
 * against the structure's current directory data. Every run is kept with its date, so reviewers
 * see both the latest results and when they were taken.
 */

const RECHECK_COOLDOWN_MS = 60_000;

/** What the checks look at: the structure's addresses and listed services, as the directory has them now. */
async function subjectFor(db: DB, applicationId: string): Promise<CheckSubject | undefined> {
  const memberId = await memberOfApplication(db, applicationId);
  const structure = memberId ? await structureById(db, memberId) : undefined;
  if (!structure) return undefined;
  const services = await listedServices(db, structure.id);
  return {
    website: structure.website,
    tosUrl: structure.tosUrl,
    legalUrl: structure.legalUrl,
    chatonsinfosUrl: structure.chatonsinfosUrl,
    services: services.map((s) => ({ name: s.name, url: s.url })),
  };
}

/** Executes a queued run once: the conditional start keeps two instances from running it twice. */
export async function executeRun(deps: Deps, runId: string, signal?: AbortSignal): Promise<boolean> {
  const { db } = deps;
  const run = await findRun(db, runId);
  if (!run) return false;
  if (!(await startRun(db, runId, deps.now()))) return false;
  const subject = await subjectFor(db, run.applicationId);
  if (!subject) return false;
  const outcomes = await runChecks(deps.outbound, subject, {
    allowLoopback: deps.config.outbound.allowLoopback,
    ...(signal ? { signal } : {}),
  });
  const count = (s: "pass" | "warn" | "fail") => outcomes.filter((o) => o.status === s).length;
  await inTransaction(db, async (trx) => {
    await finishRun(trx, runId, outcomes, deps.now());
    await audit(trx, {
      actor: run.personId ? { personId: run.personId } : null,
      action: "application.checks",
      subject: { type: "application", id: run.applicationId },
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
  let done = 0;
  for (const id of await queuedRunIds(deps.db, limit)) {
    if (signal?.aborted) break;
    if (await executeRun(deps, id, signal)) done++;
  }
  return done;
}

/** Has a run been asked for recently (re-runs are spaced, so the button cannot hammer a server)? */
export async function ranRecently(db: DB, applicationId: string, now: Date): Promise<boolean> {
  return runAskedSince(db, applicationId, new Date(now.getTime() - RECHECK_COOLDOWN_MS).toISOString());
}
