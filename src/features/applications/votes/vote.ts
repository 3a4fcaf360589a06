import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import { ABSTAIN } from "./tally.js";
import {
  ballotOf,
  decisionOptions,
  findDecision,
  insertBallot,
  isElector,
  updateBallot,
} from "./decisions.repository.js";

/**
 * voteCaster: one structure, one ballot. Everything the form says is checked again here against
 * the database: the decision is open, the person belongs to the structure, the structure is a
 * member (not a candidate) and an elector of this vote. A new ballot relies on the unique
 * (decision, structure) constraint, so two people of one structure voting at once leave one
 * ballot and the second is told; a change must name the ballot and the version it saw.
 */

export type VoteRefusal =
  | "not_found"
  | "closed"
  | "bad_choice"
  | "not_your_structure"
  | "candidate"
  | "not_elector"
  | "already_voted"
  | "stale";

export type VoteOutcome =
  { ok: true; ballotId: string; changed: boolean } | { ok: false; reason: VoteRefusal };

export interface VoteRequest {
  decisionId: string;
  memberId: string;
  personId: string;
  choice: string;
  reason: string;
  /** Present when changing a ballot: its id and the updated_at the form was built from. */
  replacing?: { ballotId: string; version: string } | undefined;
  now: Date;
}

class Refused extends Error {
  constructor(public readonly reason: VoteRefusal) {
    super(reason);
  }
}

export async function castVote(db: Kysely<Database>, req: VoteRequest): Promise<VoteOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const decision = await findDecision(trx, req.decisionId);
      if (!decision) throw new Refused("not_found");
      const at = req.now.toISOString();
      if (decision.status !== "open" || at >= decision.closes_at || at < decision.opens_at)
        throw new Refused("closed");
      if (![...decisionOptions(decision), ABSTAIN].includes(req.choice)) throw new Refused("bad_choice");
      const link = await trx
        .selectFrom("memberships")
        .innerJoin("members", "members.id", "memberships.member_id")
        .select(["members.membership"])
        .where("memberships.person_id", "=", req.personId)
        .where("memberships.member_id", "=", req.memberId)
        .executeTakeFirst();
      if (!link) throw new Refused("not_your_structure");
      if (link.membership !== "member") throw new Refused("candidate");
      if (!(await isElector(trx, decision.id, req.memberId))) throw new Refused("not_elector");
      const existing = await ballotOf(trx, decision.id, req.memberId);
      const actor = { personId: req.personId, memberId: req.memberId };
      if (!req.replacing) {
        if (existing) throw new Refused("already_voted");
        const ballotId = await insertBallot(trx, { ...req, decisionId: decision.id });
        // The choice stays out of the log: results may be hidden until the close.
        await audit(trx, {
          actor,
          action: "vote.cast",
          subject: { type: "decision", id: decision.id },
          data: { ballot: ballotId },
        });
        return { ok: true, ballotId, changed: false };
      }
      if (!existing || existing.id !== req.replacing.ballotId) throw new Refused("stale");
      const updated = await updateBallot(trx, { id: existing.id, version: req.replacing.version, ...req });
      if (!updated) throw new Refused("stale");
      await audit(trx, {
        actor,
        action: "vote.change",
        subject: { type: "decision", id: decision.id },
        data: { ballot: existing.id },
      });
      return { ok: true, ballotId: existing.id, changed: true };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    if (isUniqueViolation(error)) return { ok: false, reason: "already_voted" };
    throw error;
  }
}
