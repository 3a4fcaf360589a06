import type { Selectable } from "kysely";
import { flag, isSet, type DB } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import {
  applicationsDb,
  type Majority,
  type Phase,
  type QuorumOutcome,
  type RoundsTable,
  type TieOutcome,
} from "../applications.tables.js";
import type { RoundDates } from "./phases.js";
import type { TallyRules } from "../votes/tally.js";

/** A round ("portée"): its four dates, its phase, and the rules its votes are counted by. */
export interface Round extends RoundDates {
  id: string;
  label: string;
  phase: Phase;
  rules: TallyRules;
  /** Counts are shown only once the vote is closed. */
  resultsHidden: boolean;
  decidedAt: string | null;
}

const toRound = (r: Selectable<RoundsTable>): Round => ({
  id: r.id,
  label: r.label,
  opensAt: r.opens_at,
  reviewAt: r.review_at,
  voteAt: r.vote_at,
  closesAt: r.closes_at,
  phase: r.phase,
  rules: {
    quorumPercent: r.quorum_percent,
    majority: r.majority,
    tieOutcome: r.tie_outcome,
    quorumOutcome: r.quorum_outcome,
  },
  resultsHidden: isSet(r.results_hidden),
  decidedAt: r.decided_at,
});

const rounds = (db: DB) => applicationsDb(db).selectFrom("rounds").selectAll();

export async function findRound(db: DB, id: string): Promise<Round | undefined> {
  const row = await rounds(db).where("id", "=", id).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

export async function listRounds(db: DB): Promise<Round[]> {
  return (await rounds(db).orderBy("closes_at", "desc").execute()).map(toRound);
}

/** The round taking applications now, if any. */
export async function openRound(db: DB): Promise<Round | undefined> {
  const row = await rounds(db).where("phase", "=", "open").orderBy("closes_at").executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** Rounds not yet decided, soonest first: the ones the scheduler looks after. */
export async function activeRounds(db: DB): Promise<Round[]> {
  return (await rounds(db).where("phase", "!=", "decided").orderBy("closes_at").execute()).map(toRound);
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
  await applicationsDb(db)
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
      results_hidden: flag(input.resultsHidden),
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
  const result = await applicationsDb(db)
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
  const rows = await applicationsDb(db).selectFrom("rounds").select("label").execute();
  return rows.map((r) => r.label);
}
