import { inTransaction, isUniqueViolation, type DB } from "../../../db/adapter.js";
import { audit } from "../../../audit/audit.js";
import { structureById } from "../../directory/published.js";
import { roleIn } from "../../../identity/identity.repository.js";
import { ABSTAIN } from "./tally.js";
import { ballotIdOf, insertBallot, updateBallot } from "./ballots.repository.js";
import { findDecision, isElector } from "./decisions.repository.js";

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

export async function castVote(db: DB, req: VoteRequest): Promise<VoteOutcome> {
  try {
    return await inTransaction(db, async (trx) => {
      const decision = await findDecision(trx, req.decisionId);
      if (!decision) throw new Refused("not_found");
      const at = req.now.toISOString();
      if (decision.status !== "open" || at >= decision.closesAt || at < decision.opensAt)
        throw new Refused("closed");
      if (![...decision.options, ABSTAIN].includes(req.choice)) throw new Refused("bad_choice");
      const structure = (await roleIn(trx, req.personId, req.memberId))
        ? await structureById(trx, req.memberId)
        : undefined;
      if (!structure) throw new Refused("not_your_structure");
      if (structure.membership !== "member") throw new Refused("candidate");
      if (!(await isElector(trx, decision.id, req.memberId))) throw new Refused("not_elector");
      const existing = await ballotIdOf(trx, decision.id, req.memberId);
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
      if (!existing || existing !== req.replacing.ballotId) throw new Refused("stale");
      const updated = await updateBallot(trx, { id: existing, version: req.replacing.version, ...req });
      if (!updated) throw new Refused("stale");
      await audit(trx, {
        actor,
        action: "vote.change",
        subject: { type: "decision", id: decision.id },
        data: { ballot: existing },
      });
      return { ok: true, ballotId: existing, changed: true };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    if (isUniqueViolation(error)) return { ok: false, reason: "already_voted" };
    throw error;
  }
}
