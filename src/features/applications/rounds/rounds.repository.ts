import type { Selectable } from "kysely";
import type { DB } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import type { Majority, Phase, QuorumOutcome, RoundsTable, TieOutcome } from "../applications.tables.js";
import type { RoundDates } from "./phases.js";
import type { TallyRules } from "../votes/tally.js";

export type Round = Selectable<RoundsTable>;

export const roundDates = (r: Round): RoundDates => ({
  opensAt: r.opens_at,
  reviewAt: r.review_at,
  voteAt: r.vote_at,
  closesAt: r.closes_at,
});

export const roundRules = (r: Round): TallyRules => ({
  quorumPercent: r.quorum_percent,
  majority: r.majority,
  tieOutcome: r.tie_outcome,
  quorumOutcome: r.quorum_outcome,
});

export async function findRound(db: DB, id: string): Promise<Round | undefined> {
  return db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listRounds(db: DB): Promise<Round[]> {
  return db.selectFrom("rounds").selectAll().orderBy("closes_at", "desc").execute();
}

/** The round taking applications now, if any. */
export async function openRound(db: DB): Promise<Round | undefined> {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("phase", "=", "open")
    .orderBy("closes_at")
    .executeTakeFirst();
}

/** Rounds not yet decided, soonest first: the ones the scheduler looks after. */
export async function activeRounds(db: DB): Promise<Round[]> {
  return db.selectFrom("rounds").selectAll().where("phase", "!=", "decided").orderBy("closes_at").execute();
}

export interface NewRound extends RoundDates {
  label: string;
  quorumPercent: number;
  majority: Majority;
  tieOutcome: TieOutcome;
  quorumOutcome: QuorumOutcome;
  resultsHidden: boolean;
}

export async function insertRound(
  db: DB,
  input: NewRound,
  phase: Phase,
  personId: string | null,
  now: Date,
): Promise<string> {
  const id = newId();
  await db
    .insertInto("rounds")
    .values({
      id,
      label: input.label,
      opens_at: input.opensAt,
      review_at: input.reviewAt,
      vote_at: input.voteAt,
      closes_at: input.closesAt,
      phase,
      quorum_percent: input.quorumPercent,
      majority: input.majority,
      tie_outcome: input.tieOutcome,
      quorum_outcome: input.quorumOutcome,
      results_hidden: input.resultsHidden ? 1 : 0,
      created_at: now.toISOString(),
      created_by: personId,
      decided_at: null,
    })
    .execute();
  return id;
}

/**
 * Moves a round from one phase to the next, only if it is still in `from`: when the scheduler and
 * an admin advance at the same moment, exactly one of them does it.
 */
export async function movePhase(
  db: DB,
  id: string,
  from: Phase,
  to: Phase,
  dates: RoundDates,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("rounds")
    .set({
      phase: to,
      opens_at: dates.opensAt,
      review_at: dates.reviewAt,
      vote_at: dates.voteAt,
      closes_at: dates.closesAt,
      decided_at: to === "decided" ? now.toISOString() : null,
    })
    .where("id", "=", id)
    .where("phase", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function roundLabels(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("rounds").select("label").execute();
  return rows.map((r) => r.label);
}
