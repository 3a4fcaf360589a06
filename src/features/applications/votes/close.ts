import type { DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import type { AuditActor } from "../../../audit/audit.js";
import { admitMember } from "../../directory/published.js";
import { applicationRound, moveStatus, type RefusalReasons } from "../applications.repository.js";
import { publishVersion } from "../charter/charter.repository.js";
import { questionedCriteria } from "../review.repository.js";
import { tally, type TallyResult } from "./tally.js";
import { reasonsAgainst, tallyBallots } from "./ballots.repository.js";
import { markClosed, type Decision } from "./decisions.repository.js";

/**
 * decisionCloser and applicationDecider: closing a vote counts its stored ballots with the pure
 * tally, publishes the counts, and applies the verdict (an accepted candidate becomes a member, a
 * refused one gets the reasons, an adopted charter revision becomes the current charter).
 */

export interface Settled {
  decisionId: string;
  kind: Decision["kind"];
  result: TallyResult;
  application?: {
    id: string;
    memberId: string;
    verdict: TallyResult["verdict"];
    reasons: RefusalReasons | null;
  };
}

async function decideApplication(
  db: DB,
  decision: Decision,
  result: TallyResult,
  now: Date,
  actor: AuditActor | null,
) {
  const applicationId = decision.applicationId;
  if (!applicationId) return undefined;
  const app = await applicationRound(db, applicationId);
  const at = now.toISOString();
  const subject = { type: "application", id: applicationId };
  if (result.verdict === "accept") {
    await moveStatus(db, applicationId, ["voting"], "accepted", now, { decidedAt: at });
    // A vote's application always has its round; an empty label only guards a damaged record.
    await admitMember(db, app.memberId, { round: app.roundLabel ?? "", at });
    await audit(db, {
      actor,
      action: "application.accept",
      subject,
      data: { member: app.memberId, round: app.roundLabel },
    });
    await audit(db, {
      actor,
      action: "member.join",
      subject: { type: "member", id: app.memberId },
      data: { round: app.roundLabel },
    });
    return { id: applicationId, memberId: app.memberId, verdict: result.verdict, reasons: null };
  }
  if (result.verdict === "postpone") {
    await moveStatus(db, applicationId, ["voting"], "postponed", now);
    await audit(db, { actor, action: "application.postpone", subject, data: { outcome: result.outcome } });
    return { id: applicationId, memberId: app.memberId, verdict: result.verdict, reasons: null };
  }
  const reasons: RefusalReasons = {
    outcome: result.outcome,
    against: await reasonsAgainst(db, decision.id),
    questioned: await questionedCriteria(db, applicationId),
  };
  await moveStatus(db, applicationId, ["voting"], "refused", now, { decidedAt: at, reasons });
  await audit(db, { actor, action: "application.refuse", subject, data: { outcome: result.outcome } });
  return { id: applicationId, memberId: app.memberId, verdict: result.verdict, reasons };
}

/** Closes one open decision. Returns undefined if it was already closed (by another instance). */
export async function closeDecision(
  db: DB,
  decision: Decision,
  now: Date,
  actor: AuditActor | null,
): Promise<Settled | undefined> {
  const closesAt = now.toISOString() < decision.closesAt ? now.toISOString() : decision.closesAt;
  const result = tally({
    options: decision.options,
    ballots: await tallyBallots(db, decision.id),
    electors: decision.electorsCount,
    closesAt,
    rules: decision.rules,
  });
  if (!(await markClosed(db, decision.id, result, closesAt, now))) return undefined;
  await audit(db, {
    actor,
    action: "decision.close",
    subject: { type: "decision", id: decision.id },
    data: {
      outcome: result.outcome,
      counts: result.counts,
      abstentions: result.abstentions,
      electors: result.electors,
    },
  });
  const settled: Settled = { decisionId: decision.id, kind: decision.kind, result };
  if (decision.kind === "application") {
    const application = await decideApplication(db, decision, result, now, actor);
    if (application) settled.application = application;
  }
  if (decision.kind === "charter" && decision.charterVersionId && result.verdict === "accept") {
    if (await publishVersion(db, decision.charterVersionId, now))
      await audit(db, {
        actor,
        action: "charter.publish",
        subject: { type: "charter", id: decision.charterVersionId },
        data: { decision: decision.id },
      });
  }
  return settled;
}
