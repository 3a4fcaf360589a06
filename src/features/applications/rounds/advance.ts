import type { Deps } from "../../../deps.js";
import { inTransaction, type DB } from "../../../db/adapter.js";
import type { AuditActor } from "../../../audit/audit.js";
import { audit } from "../../../audit/audit.js";
import type { MailMessage } from "../../../mail/mailer.js";
import type { Phase } from "../applications.tables.js";
import { moveStatus } from "../applications.repository.js";
import { postponedApplicationIds, submittedInRound } from "./round-applications.repository.js";
import { closeDecision } from "../votes/close.js";
import { verdictMails } from "../votes/verdict-mails.js";
import { insertDecision, openDecisionsOfRound } from "../votes/decisions.repository.js";
import { YES_NO } from "../votes/tally.js";
import { collectiveRecipients, compose, sendAll, structureRecipients } from "../notify.js";
import { advanceDates, nextPhase, type RoundDates } from "./phases.js";
import { findRound, movePhase, type Round } from "./rounds.repository.js";
import { ofName, roundName } from "../../../i18n/index.js";

/**
 * roundAdvancer: moves a round one phase forward and does what that step means, in one
 * transaction with its audit entries; mails go out after the commit.
 * - open: applications postponed by a missed quorum join this round;
 * - vote: each submitted application gets its vote, the member structures of now as electors;
 * - decided: every vote of the round is closed and counted, and its verdict applied.
 */

async function openVotes(
  deps: Deps,
  db: DB,
  round: Round,
  dates: RoundDates,
  now: Date,
  actor: AuditActor | null,
) {
  const apps = await submittedInRound(db, round.id);
  const mails: MailMessage[] = [];
  for (const app of apps) {
    const decisionId = await insertDecision(db, {
      kind: "application",
      title: app.memberName,
      body: "",
      options: [...YES_NO],
      applicationId: app.id,
      roundId: round.id,
      closesAt: dates.closesAt,
      rules: round.rules,
      resultsHidden: round.resultsHidden,
      personId: actor?.personId ?? null,
      now,
    });
    await moveStatus(db, app.id, ["submitted"], "voting", now);
    await audit(db, {
      actor,
      action: "vote.open",
      subject: { type: "application", id: app.id },
      data: { decision: decisionId },
    });
    mails.push(
      ...compose(deps, await structureRecipients(db, app.memberId), "application-vote", (t, link) => ({
        subject: t("applications.mail.in_vote.subject", { round: roundName(t, round.label) }),
        text: t("applications.mail.in_vote.body", {
          name: app.memberName,
          name_of: ofName(t.locale, app.memberName),
          round: roundName(t, round.label),
          link: link(`/applications/${app.id}`),
        }),
      })),
    );
  }
  if (apps.length > 0) {
    const list = apps.map((a) => `- ${a.memberName}`).join("\n");
    mails.push(
      ...compose(deps, await collectiveRecipients(db), "vote-open", (t, link) => ({
        subject: t("applications.mail.vote_open.subject", { round: roundName(t, round.label) }),
        text: t("applications.mail.vote_open.body", {
          round: roundName(t, round.label),
          list,
          link: link(`/rounds/${round.id}`),
        }),
      })),
    );
  }
  return mails;
}

async function closeVotes(deps: Deps, db: DB, round: Round, now: Date, actor: AuditActor | null) {
  const mails: MailMessage[] = [];
  for (const decision of await openDecisionsOfRound(db, round.id)) {
    const settled = await closeDecision(db, decision, now, actor);
    if (settled) mails.push(...(await verdictMails(deps, db, settled)));
  }
  return mails;
}

async function carryOver(db: DB, round: Round, now: Date, actor: AuditActor | null) {
  for (const id of await postponedApplicationIds(db)) {
    if (await moveStatus(db, id, ["postponed"], "submitted", now, { roundId: round.id }))
      await audit(db, {
        actor,
        action: "application.carry_over",
        subject: { type: "application", id },
        data: { round: round.label },
      });
  }
}

/**
 * Advances `roundId` from `from` to the next phase. `early` (an admin's decision) moves the new
 * phase's date to now. Returns false when the round was no longer in `from`.
 */
export async function advanceRound(
  deps: Deps,
  roundId: string,
  from: Phase,
  options: { actor: AuditActor | null; early: boolean },
): Promise<boolean> {
  const now = deps.now();
  const to = nextPhase(from);
  if (!to) return false;
  const mails = await inTransaction(deps.db, async (trx) => {
    const round = await findRound(trx, roundId);
    if (!round || round.phase !== from) return null;
    const dates = options.early ? advanceDates(round, to, now) : round;
    if (!(await movePhase(trx, roundId, from, to, dates, now))) return null;
    await audit(trx, {
      actor: options.actor,
      action: "round.phase",
      subject: { type: "round", id: roundId },
      data: { label: round.label, from, to, early: options.early },
    });
    const updated = { ...round, phase: to };
    if (to === "open") await carryOver(trx, updated, now, options.actor);
    if (to === "vote") return openVotes(deps, trx, updated, dates, now, options.actor);
    if (to === "decided") return closeVotes(deps, trx, updated, now, options.actor);
    return [];
  });
  if (!mails) return false;
  await sendAll(deps, mails);
  return true;
}
