import type { DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import type { AuditActor } from "../../../audit/audit.js";
import { moveStatus } from "../applications.repository.js";
import { publishVersion } from "../charter/charter.repository.js";
import { tally, type TallyResult } from "./tally.js";
import { decisionOptions, decisionRules, type Decision } from "./decisions.repository.js";

/**
 * decisionCloser and applicationDecider: closing a vote counts its stored ballots with the pure
 * tally, publishes the counts, and applies the verdict (an accepted candidate becomes a member, a
 * refused one gets the reasons, an adopted charter revision becomes the current charter).
 */

export interface RefusalReasons {
  outcome: TallyResult["outcome"];
  against: string[];
  questioned: { code: string; title_fr: string; title_en: string; notes: string[] }[];
}

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

async function refusalReasons(
  db: DB,
  decisionId: string,
  applicationId: string,
  outcome: TallyResult["outcome"],
) {
  const against = await db
    .selectFrom("ballots")
    .select("reason")
    .where("decision_id", "=", decisionId)
    .where("choice", "=", "against")
    .where("reason", "!=", "")
    .orderBy("id")
    .execute();
  const questioned = await db
    .selectFrom("criterion_reviews")
    .innerJoin("charter_criteria", "charter_criteria.id", "criterion_reviews.criterion_id")
    .select([
      "charter_criteria.code",
      "charter_criteria.title_fr",
      "charter_criteria.title_en",
      "criterion_reviews.note",
    ])
    .where("criterion_reviews.application_id", "=", applicationId)
    .where("criterion_reviews.state", "=", "questioned")
    .orderBy("charter_criteria.position")
    .execute();
  const byCode = new Map<string, RefusalReasons["questioned"][number]>();
  for (const q of questioned) {
    const entry = byCode.get(q.code) ?? {
      code: q.code,
      title_fr: q.title_fr,
      title_en: q.title_en,
      notes: [],
    };
    if (q.note) entry.notes.push(q.note);
    byCode.set(q.code, entry);
  }
  return { outcome, against: against.map((a) => a.reason), questioned: [...byCode.values()] };
}

async function decideApplication(
  db: DB,
  decision: Decision,
  result: TallyResult,
  now: Date,
  actor: AuditActor | null,
) {
  const applicationId = decision.application_id;
  if (!applicationId) return undefined;
  const app = await db
    .selectFrom("applications")
    .leftJoin("rounds", "rounds.id", "applications.round_id")
    .select(["applications.member_id", "rounds.label"])
    .where("applications.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  const subject = { type: "application", id: applicationId };
  if (result.verdict === "accept") {
    await moveStatus(db, applicationId, ["voting"], "accepted", now, { decided_at: at });
    await db
      .updateTable("members")
      .set({ membership: "member", joined_at: at.slice(0, 10), joined_round: app.label, updated_at: at })
      .where("id", "=", app.member_id)
      .execute();
    await audit(db, {
      actor,
      action: "application.accept",
      subject,
      data: { member: app.member_id, round: app.label },
    });
    await audit(db, {
      actor,
      action: "member.join",
      subject: { type: "member", id: app.member_id },
      data: { round: app.label },
    });
    return { id: applicationId, memberId: app.member_id, verdict: result.verdict, reasons: null };
  }
  if (result.verdict === "postpone") {
    await moveStatus(db, applicationId, ["voting"], "postponed", now);
    await audit(db, { actor, action: "application.postpone", subject, data: { outcome: result.outcome } });
    return { id: applicationId, memberId: app.member_id, verdict: result.verdict, reasons: null };
  }
  const reasons = await refusalReasons(db, decision.id, applicationId, result.outcome);
  await moveStatus(db, applicationId, ["voting"], "refused", now, {
    decided_at: at,
    decision_reasons: JSON.stringify(reasons),
  });
  await audit(db, { actor, action: "application.refuse", subject, data: { outcome: result.outcome } });
  return { id: applicationId, memberId: app.member_id, verdict: result.verdict, reasons };
}

/** Closes one open decision. Returns undefined if it was already closed (by another instance). */
export async function closeDecision(
  db: DB,
  decision: Decision,
  now: Date,
  actor: AuditActor | null,
): Promise<Settled | undefined> {
  const ballots = await db
    .selectFrom("ballots")
    .select(["member_id", "choice", "updated_at"])
    .where("decision_id", "=", decision.id)
    .orderBy("id")
    .execute();
  const closesAt = now.toISOString() < decision.closes_at ? now.toISOString() : decision.closes_at;
  const result = tally({
    options: decisionOptions(decision),
    ballots: ballots.map((b) => ({ memberId: b.member_id, choice: b.choice, at: b.updated_at })),
    electors: decision.electors_count,
    closesAt,
    rules: decisionRules(decision),
  });
  const closed = await db
    .updateTable("decisions")
    .set({
      status: "closed",
      outcome: result.outcome,
      result: JSON.stringify(result),
      closed_at: now.toISOString(),
      closes_at: closesAt,
    })
    .where("id", "=", decision.id)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) return undefined;
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
  if (decision.kind === "charter" && decision.charter_version_id && result.verdict === "accept") {
    if (await publishVersion(db, decision.charter_version_id, now))
      await audit(db, {
        actor,
        action: "charter.publish",
        subject: { type: "charter", id: decision.charter_version_id },
        data: { decision: decision.id },
      });
  }
  return settled;
}
