import type { AppContext } from "../../../http/context.js";
import { collectiveMemberships } from "../../../http/policy.js";
import { can } from "../applications.policy.js";
import { isElector, type Decision } from "./decisions.repository.js";
import {
  ballotOf,
  ballotsOf,
  countBallots,
  type ListedBallot,
  type OwnBallot,
} from "./ballots.repository.js";
import { shownResult, type ShownResult } from "./results.js";

/** A structure through which the signed-in person may vote, with its ballot if it has one. */
export interface VoterStructure {
  memberId: string;
  memberName: string;
  ballot: OwnBallot | undefined;
}

/** What the decision page and an application's vote section show of a decision to this person. */
export interface DecisionView {
  decision: Decision;
  shown: ShownResult | undefined;
  voters: VoterStructure[];
  participants: number;
  /** Listed once the vote is closed, to the collective, so anyone in it can recount. */
  ballots: ListedBallot[] | undefined;
}

async function votersFor(c: AppContext, decision: Decision): Promise<VoterStructure[]> {
  const { db } = c.get("deps");
  const out: VoterStructure[] = [];
  for (const m of collectiveMemberships(c.get("person"))) {
    if (!(await isElector(db, decision.id, m.memberId))) continue;
    out.push({
      memberId: m.memberId,
      memberName: m.memberName,
      ballot: await ballotOf(db, decision.id, m.memberId),
    });
  }
  return out;
}

export async function decisionView(c: AppContext, decision: Decision): Promise<DecisionView> {
  const { db } = c.get("deps");
  const recount = decision.status === "closed" && can(c.get("person"), "decision.ballots");
  return {
    decision,
    shown: await shownResult(db, decision),
    voters: await votersFor(c, decision),
    participants: await countBallots(db, decision.id),
    ballots: recount ? await ballotsOf(db, decision.id) : undefined,
  };
}
