import type { DB } from "../../../db/adapter.js";
import { structuresByIds } from "../../directory/published.js";
import { applicationsDb, type ApplicationStatus } from "../applications.tables.js";
import { decisionResult } from "../votes/decisions.repository.js";
import type { TallyResult } from "../votes/tally.js";

/** A round's applications: listed on its page, put to the vote together, carried over when postponed. */

/** Code-point order, as the database sorts names. */
const byMemberName = (a: { memberName: string }, b: { memberName: string }) =>
  a.memberName < b.memberName ? -1 : a.memberName > b.memberName ? 1 : 0;

/** An application of a round, as the round's page lists it. */
export interface RoundApplication {
  id: string;
  memberId: string;
  memberName: string;
  status: ApplicationStatus;
  decision: { id: string; result: TallyResult | undefined } | null;
}

/** A round's applications (re-assessments aside), by structure name. */
export async function listForRound(db: DB, roundId: string): Promise<RoundApplication[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .leftJoin("decisions", "decisions.application_id", "applications.id")
    .select([
      "applications.id",
      "applications.member_id",
      "applications.status",
      "decisions.id as decision_id",
      "decisions.result",
    ])
    .where("applications.round_id", "=", roundId)
    .where("applications.kind", "=", "application")
    .execute();
  const structures = await structuresByIds(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .flatMap((r) => {
      const structure = structures.get(r.member_id);
      if (!structure) return [];
      const decision = r.decision_id ? { id: r.decision_id, result: decisionResult(r) } : null;
      return [{ id: r.id, memberId: r.member_id, memberName: structure.name, status: r.status, decision }];
    })
    .sort(byMemberName);
}

/** A round's submitted applications (they go to the vote together), by structure name. */
export async function submittedInRound(
  db: DB,
  roundId: string,
): Promise<{ id: string; memberId: string; memberName: string }[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .select(["id", "member_id"])
    .where("round_id", "=", roundId)
    .where("status", "=", "submitted")
    .execute();
  const structures = await structuresByIds(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .flatMap((r) => {
      const name = structures.get(r.member_id)?.name;
      return name === undefined ? [] : [{ id: r.id, memberId: r.member_id, memberName: name }];
    })
    .sort(byMemberName);
}

/** Applications postponed by a missed quorum (they join the next round). */
export async function postponedApplicationIds(db: DB): Promise<string[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .select("id")
    .where("status", "=", "postponed")
    .execute();
  return rows.map((r) => r.id);
}
