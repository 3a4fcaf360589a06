import { toCount, type DB } from "../../../db/adapter.js";
import { newSortableId } from "../../../db/ids.js";
import { structuresByIds } from "../../directory/published.js";
import { personById } from "../../../identity/identity.repository.js";
import { applicationsDb } from "../applications.tables.js";
import type { TallyBallot } from "./tally.js";

/** Ballots: one per voting structure and decision, whoever of its people cast it. */

/** A ballot as the closed decision lists it, with its structure's name. */
export interface ListedBallot {
  id: string;
  memberId: string;
  memberName: string;
  choice: string;
  reason: string;
  updatedAt: string;
}

/** A structure's own ballot, as its people see it on the vote form. */
export interface OwnBallot {
  id: string;
  choice: string;
  reason: string;
  /** The version a change must name (see updateBallot). */
  updatedAt: string;
  personName: string;
}

const byName = (a: { memberName: string }, b: { memberName: string }) =>
  a.memberName < b.memberName ? -1 : a.memberName > b.memberName ? 1 : 0;

/** Every ballot of a decision, by structure name, so anyone in the collective can recount. */
export async function ballotsOf(db: DB, decisionId: string): Promise<ListedBallot[]> {
  const rows = await applicationsDb(db)
    .selectFrom("ballots")
    .select(["id", "member_id", "choice", "reason", "updated_at"])
    .where("decision_id", "=", decisionId)
    .execute();
  const structures = await structuresByIds(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .flatMap((r) => {
      const structure = structures.get(r.member_id);
      return structure
        ? [
            {
              id: r.id,
              memberId: r.member_id,
              memberName: structure.name,
              choice: r.choice,
              reason: r.reason,
              updatedAt: r.updated_at,
            },
          ]
        : [];
    })
    .sort(byName);
}

/** The ballot a structure cast on a decision, with who cast it last. */
export async function ballotOf(db: DB, decisionId: string, memberId: string): Promise<OwnBallot | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("ballots")
    .select(["id", "choice", "reason", "updated_at", "person_id"])
    .where("decision_id", "=", decisionId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = await personById(db, row.person_id);
  return person
    ? {
        id: row.id,
        choice: row.choice,
        reason: row.reason,
        updatedAt: row.updated_at,
        personName: person.name,
      }
    : undefined;
}

/** Whether a structure has a ballot on a decision, and which. */
export async function ballotIdOf(db: DB, decisionId: string, memberId: string): Promise<string | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("ballots")
    .select("id")
    .where("decision_id", "=", decisionId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return row?.id;
}

export async function countBallots(db: DB, decisionId: string): Promise<number> {
  const row = await applicationsDb(db)
    .selectFrom("ballots")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("decision_id", "=", decisionId)
    .executeTakeFirst();
  return toCount(row?.n);
}

/** The ballots as the tally reads them, in the order they were cast. */
export async function tallyBallots(db: DB, decisionId: string): Promise<TallyBallot[]> {
  const rows = await applicationsDb(db)
    .selectFrom("ballots")
    .select(["member_id", "choice", "updated_at"])
    .where("decision_id", "=", decisionId)
    .orderBy("id")
    .execute();
  return rows.map((b) => ({ memberId: b.member_id, choice: b.choice, at: b.updated_at }));
}

/** The reasons given with the ballots against, in the order they were cast. */
export async function reasonsAgainst(db: DB, decisionId: string): Promise<string[]> {
  const rows = await applicationsDb(db)
    .selectFrom("ballots")
    .select("reason")
    .where("decision_id", "=", decisionId)
    .where("choice", "=", "against")
    .where("reason", "!=", "")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.reason);
}

export async function insertBallot(
  db: DB,
  b: { decisionId: string; memberId: string; personId: string; choice: string; reason: string; now: Date },
): Promise<string> {
  const id = newSortableId();
  const at = b.now.toISOString();
  await applicationsDb(db)
    .insertInto("ballots")
    .values({
      id,
      decision_id: b.decisionId,
      member_id: b.memberId,
      person_id: b.personId,
      choice: b.choice,
      reason: b.reason,
      cast_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Changes a ballot only if nobody changed it since the form was shown (optimistic check). */
export async function updateBallot(
  db: DB,
  b: { id: string; version: string; personId: string; choice: string; reason: string; now: Date },
): Promise<boolean> {
  const result = await applicationsDb(db)
    .updateTable("ballots")
    .set({ person_id: b.personId, choice: b.choice, reason: b.reason, updated_at: b.now.toISOString() })
    .where("id", "=", b.id)
    .where("updated_at", "=", b.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
