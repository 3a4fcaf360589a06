import type { Deps } from "../../deps.js";
import { audit } from "../../audit/audit.js";
import type { ApplicationKind } from "./applications.tables.js";
import {
  ActiveApplicationExists,
  activeKey,
  answersOf,
  countServices,
  insertApplication,
  moveStatus,
  saveAnswers,
  type AnswerInput,
  type ApplicationRecord,
} from "./applications.repository.js";
import { allCriteria, charterById, currentCharter } from "./charter/charter.repository.js";
import { blockers, type Blocker } from "./blocking.js";
import { executeRun } from "./checks/check-runner.js";
import { queueRun } from "./checks/checks.repository.js";
import { openRound } from "./rounds/rounds.repository.js";
import { compose, sendAll, structureRecipients } from "./notify.js";

/**
 * The candidate's side of the process, each step one transaction with its audit entry:
 * applicationStarter opens the file on the current charter, answerSaver keeps every step as a
 * draft, applicationSubmitter files it into the open round and runs the pre-checks.
 */

export async function startApplication(
  deps: Deps,
  input: { memberId: string; personId: string | null; kind: ApplicationKind; dueAt?: string | null },
): Promise<{ id: string; created: boolean }> {
  const charter = await currentCharter(deps.db);
  if (!charter) throw new Error("no current charter");
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const created = await insertApplication(trx, {
        memberId: input.memberId,
        kind: input.kind,
        charterVersionId: charter.version.id,
        personId: input.personId,
        now: deps.now(),
        dueAt: input.dueAt ?? null,
      });
      await audit(trx, {
        actor: { personId: input.personId, memberId: input.memberId },
        action: input.kind === "application" ? "application.create" : "reassessment.request",
        subject: { type: "application", id: created },
        data: { charter: charter.version.version, ...(input.dueAt ? { due: input.dueAt } : {}) },
      });
      return created;
    });
    return { id, created: true };
  } catch (error) {
    if (!(error instanceof ActiveApplicationExists)) throw error;
    const existing = await deps.db
      .selectFrom("applications")
      .select("id")
      .where("active_key", "=", activeKey(input.memberId, input.kind))
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
}

export async function saveStep(
  deps: Deps,
  app: ApplicationRecord,
  personId: string,
  part: string,
  answers: AnswerInput[],
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await saveAnswers(trx, app.id, answers, personId, deps.now());
    await audit(trx, {
      actor: { personId, memberId: app.member_id },
      action: "application.answers",
      subject: { type: "application", id: app.id },
      data: { part, answered: answers.filter((a) => a.answer !== null).length, status: app.status },
    });
  });
}

/** What still blocks submission, from the stored answers and the structure's directory data. */
export async function blockersOf(deps: Deps, app: ApplicationRecord): Promise<Blocker[]> {
  const charter = await charterById(deps.db, app.charter_version_id);
  if (!charter) return [];
  return blockers(allCriteria(charter), await answersOf(deps.db, app.id), {
    website: app.member_website,
    services: await countServices(deps.db, app.member_id),
  });
}

export type SubmitOutcome = { ok: true } | { ok: false; reason: "not_draft" | "no_round" | "blocked" };

export async function submitApplication(
  deps: Deps,
  app: ApplicationRecord,
  personId: string,
): Promise<SubmitOutcome> {
  if (app.status !== "draft") return { ok: false, reason: "not_draft" };
  if ((await blockersOf(deps, app)).length > 0) return { ok: false, reason: "blocked" };
  const round = app.kind === "application" ? await openRound(deps.db) : undefined;
  if (app.kind === "application" && !round) return { ok: false, reason: "no_round" };
  const now = deps.now();
  const at = now.toISOString();
  const runId = await deps.db.transaction().execute(async (trx) => {
    const moved =
      app.kind === "application"
        ? await moveStatus(trx, app.id, ["draft"], "submitted", now, {
            roundId: round?.id ?? null,
            submittedAt: at,
          })
        : await moveStatus(trx, app.id, ["draft"], "completed", now, { submittedAt: at, decidedAt: at });
    if (!moved) return null;
    await audit(trx, {
      actor: { personId, memberId: app.member_id },
      action: app.kind === "application" ? "application.submit" : "reassessment.complete",
      subject: { type: "application", id: app.id },
      data: round ? { round: round.label } : {},
    });
    return queueRun(trx, app.id, "submission", personId, now);
  });
  if (!runId) return { ok: false, reason: "not_draft" };
  await executeRun(deps, runId);
  if (app.kind === "application" && round) {
    const mails = compose(
      deps,
      await structureRecipients(deps.db, app.member_id),
      "application-submitted",
      (t, link) => ({
        subject: t("applications.mail.submitted.subject", { round: round.label }),
        text: t("applications.mail.submitted.body", {
          name: app.member_name,
          round: round.label,
          link: link(`/applications/${app.id}`),
        }),
      }),
    );
    await sendAll(deps, mails);
  }
  return { ok: true };
}
