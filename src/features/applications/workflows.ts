import type { Deps } from "../../deps.js";
import { inTransaction, type DB } from "../../db/adapter.js";
import { audit } from "../../audit/audit.js";
import { countListedServices, structuresByIds } from "../directory/published.js";
import { membershipsOfPerson } from "../../identity/identity.repository.js";
import type { ApplicationKind, ApplicationStatus } from "./applications.tables.js";
import {
  ActiveApplicationExists,
  activeApplicationId,
  insertApplication,
  lastSettledFile,
  latestApplicationOf,
  moveStatus,
  type Application,
} from "./applications.repository.js";
import { answersOf, carryOverAnswers } from "./answers.repository.js";
import { allCriteria, charterById, currentCharter } from "./charter/charter.repository.js";
import { blockers, type Blocker } from "./blocking.js";
import { executeRun } from "./checks/check-runner.js";
import { queueRun } from "./checks/checks.repository.js";
import { openRound } from "./rounds/rounds.repository.js";
import { compose, sendAll, structureRecipients } from "./notify.js";
import { ofName, roundName } from "../../i18n/index.js";

/**
 * The candidate's side of the process, each step one transaction with its audit entry:
 * startApplication opens the file on the current charter (the routes save each part as a draft),
 * submitApplication files it into the open round and runs the pre-checks.
 */

const DAY = 86_400_000;
/** How long a structure has to answer a re-assessment, from the day it starts (per the clock). */
export const REASSESSMENT_ANSWER_WITHIN_MS = 60 * DAY;

export async function startApplication(
  deps: Deps,
  input: { memberId: string; personId: string | null; kind: ApplicationKind; dueAt?: string | null },
): Promise<{ id: string; created: boolean }> {
  const charter = await currentCharter(deps.db);
  if (!charter) throw new Error("no current charter");
  const now = deps.now();
  // A re-assessment always has a deadline to come, whether the collective asked or the structure began.
  const dueAt =
    input.dueAt ??
    (input.kind === "reassessment"
      ? new Date(now.getTime() + REASSESSMENT_ANSWER_WITHIN_MS).toISOString()
      : null);
  try {
    const id = await inTransaction(deps.db, async (trx) => {
      const created = await insertApplication(trx, {
        memberId: input.memberId,
        kind: input.kind,
        charterVersionId: charter.version.id,
        personId: input.personId,
        now,
        dueAt,
      });
      // Last time's answers, each to confirm or change, rather than 35 criteria to retype.
      const from = input.kind === "reassessment" ? await lastSettledFile(trx, input.memberId) : undefined;
      const carried = from
        ? await carryOverAnswers(trx, { from, to: created, criteria: allCriteria(charter) }, now)
        : 0;
      await audit(trx, {
        actor: { personId: input.personId, memberId: input.memberId },
        action: input.kind === "application" ? "application.create" : "reassessment.request",
        subject: { type: "application", id: created },
        data: {
          charter: charter.version.version,
          ...(dueAt ? { due: dueAt } : {}),
          ...(from ? { carriedFrom: from, carried } : {}),
        },
      });
      return created;
    });
    return { id, created: true };
  } catch (error) {
    if (!(error instanceof ActiveApplicationExists)) throw error;
    const existing = await activeApplicationId(deps.db, input.memberId, input.kind);
    if (!existing) throw error;
    return { id: existing, created: false };
  }
}

/** What still blocks submission, from the stored answers and the structure's directory data. */
export async function blockersOf(deps: Deps, app: Application): Promise<Blocker[]> {
  const charter = await charterById(deps.db, app.charterVersionId);
  if (!charter) return [];
  return blockers(allCriteria(charter), await answersOf(deps.db, app.id), {
    website: app.structure.website,
    services: await countListedServices(deps.db, app.memberId),
  });
}

export type SubmitOutcome = { ok: true } | { ok: false; reason: "not_draft" | "no_round" | "blocked" };

export async function submitApplication(
  deps: Deps,
  app: Application,
  personId: string,
): Promise<SubmitOutcome> {
  if (app.status !== "draft") return { ok: false, reason: "not_draft" };
  if ((await blockersOf(deps, app)).length > 0) return { ok: false, reason: "blocked" };
  const round = app.kind === "application" ? await openRound(deps.db) : undefined;
  if (app.kind === "application" && !round) return { ok: false, reason: "no_round" };
  const now = deps.now();
  const at = now.toISOString();
  const runId = await inTransaction(deps.db, async (trx) => {
    const moved =
      app.kind === "application"
        ? await moveStatus(trx, app.id, ["draft"], "submitted", now, {
            roundId: round?.id ?? null,
            submittedAt: at,
          })
        : await moveStatus(trx, app.id, ["draft"], "completed", now, { submittedAt: at, decidedAt: at });
    if (!moved) return null;
    await audit(trx, {
      actor: { personId, memberId: app.memberId },
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
      await structureRecipients(deps.db, app.memberId),
      "application-submitted",
      (t, link) => ({
        subject: t("applications.mail.submitted.subject", { round: roundName(t, round.label) }),
        text: t("applications.mail.submitted.body", {
          name: app.structure.name,
          name_of: ofName(t.locale, app.structure.name),
          round: roundName(t, round.label),
          link: link(`/applications/${app.id}`),
        }),
      }),
    );
    await sendAll(deps, mails);
  }
  return { ok: true };
}

/** A candidate structure a person may apply for, with its latest application. */
export interface CandidateStructure {
  id: string;
  name: string;
  slug: string;
  application: { id: string; status: ApplicationStatus } | undefined;
}

/** The candidate structures this person administers, by name (the ones they may apply for). */
export async function candidateStructures(db: DB, personId: string): Promise<CandidateStructure[]> {
  const links = (await membershipsOfPerson(db, personId)).filter((m) => m.role === "admin");
  const structures = await structuresByIds(
    db,
    links.map((l) => l.memberId),
  );
  const candidates = [...structures.values()]
    .filter((s) => s.membership === "candidate" && !s.archived)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Promise.all(
    candidates.map(async (s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      application: await latestApplicationOf(db, s.id, "application"),
    })),
  );
}
