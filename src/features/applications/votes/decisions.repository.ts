import type { Selectable } from "kysely";
import { flag, isSet, toCount, type DB } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import { collectiveMemberIds } from "../../directory/published.js";
import { applicationsDb, type DecisionKind, type DecisionsTable } from "../applications.tables.js";
import type { TallyResult, TallyRules } from "./tally.js";

/** A collective decision: what is asked, its options and rules, and once closed its published count. */
export interface Decision {
  id: string;
  kind: DecisionKind;
  title: string;
  body: string;
  applicationId: string | null;
  roundId: string | null;
  charterVersionId: string | null;
  /** The options offered; abstention is always offered besides. */
  options: string[];
  opensAt: string;
  closesAt: string;
  rules: TallyRules;
  /** Counts are shown only once the vote is closed. */
  resultsHidden: boolean;
  status: "open" | "closed";
  /** The published tally, once closed. */
  result: TallyResult | undefined;
  electorsCount: number;
  closedAt: string | null;
}

function parseOptions(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const OUTCOMES: readonly TallyResult["outcome"][] = [
  "adopted",
  "rejected",
  "tie",
  "no_quorum",
  "no_majority",
];
const VERDICTS: readonly TallyResult["verdict"][] = ["accept", "reject", "postpone"];

/** The published tally of a closed decision, read back from its stored JSON. */
export function decisionResult(row: { result: string | null }): TallyResult | undefined {
  if (!row.result) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(row.result);
  } catch {
    return undefined;
  }
  if (!isRecord(v) || !isRecord(v.counts)) return undefined;
  const outcome = OUTCOMES.find((o) => o === v.outcome);
  const verdict = VERDICTS.find((o) => o === v.verdict);
  if (!outcome || !verdict) return undefined;
  return {
    counts: Object.fromEntries(Object.entries(v.counts).map(([k, n]) => [k, num(n)])),
    abstentions: num(v.abstentions),
    participants: num(v.participants),
    expressed: num(v.expressed),
    electors: num(v.electors),
    quorumRequired: num(v.quorumRequired),
    quorumMet: v.quorumMet === true,
    winner: typeof v.winner === "string" ? v.winner : null,
    outcome,
    verdict,
    ignored: num(v.ignored),
  };
}

const toDecision = (r: Selectable<DecisionsTable>): Decision => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  applicationId: r.application_id,
  roundId: r.round_id,
  charterVersionId: r.charter_version_id,
  options: parseOptions(r.options),
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  rules: {
    quorumPercent: r.quorum_percent,
    majority: r.majority,
    tieOutcome: r.tie_outcome,
    quorumOutcome: r.quorum_outcome,
  },
  resultsHidden: isSet(r.results_hidden),
  status: r.status,
  result: decisionResult(r),
  electorsCount: r.electors_count,
  closedAt: r.closed_at,
});

export interface NewDecision {
  kind: DecisionKind;
  title: string;
  body: string;
  options: string[];
  applicationId?: string | null;
  roundId?: string | null;
  charterVersionId?: string | null;
  closesAt: string;
  rules: TallyRules;
  resultsHidden: boolean;
  personId: string | null;
  now: Date;
}

/** Opens a vote; the member structures of this moment (from the directory) become its electors. */
export async function insertDecision(db: DB, input: NewDecision): Promise<string> {
  const id = newId();
  const electors = await collectiveMemberIds(db);
  await applicationsDb(db)
    .insertInto("decisions")
    .values({
      id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      application_id: input.applicationId ?? null,
      round_id: input.roundId ?? null,
      charter_version_id: input.charterVersionId ?? null,
      options: JSON.stringify(input.options),
      opens_at: input.now.toISOString(),
      closes_at: input.closesAt,
      quorum_percent: input.rules.quorumPercent,
      majority: input.rules.majority,
      tie_outcome: input.rules.tieOutcome,
      quorum_outcome: input.rules.quorumOutcome,
      results_hidden: flag(input.resultsHidden),
      status: "open",
      outcome: null,
      result: null,
      electors_count: electors.length,
      created_at: input.now.toISOString(),
      created_by: input.personId,
      closed_at: null,
    })
    .execute();
  for (let i = 0; i < electors.length; i += 200) {
    const chunk = electors.slice(i, i + 200).map((memberId) => ({ decision_id: id, member_id: memberId }));
    if (chunk.length) await applicationsDb(db).insertInto("decision_electors").values(chunk).execute();
  }
  return id;
}

/** Takes structures off a vote's electors (the demo's members who joined with that very vote). */
export async function removeElectors(db: DB, decisionId: string, memberIds: string[]): Promise<void> {
  const own = applicationsDb(db);
  if (memberIds.length > 0)
    await own
      .deleteFrom("decision_electors")
      .where("decision_id", "=", decisionId)
      .where("member_id", "in", memberIds)
      .execute();
  const left = await own
    .selectFrom("decision_electors")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("decision_id", "=", decisionId)
    .executeTakeFirst();
  await own
    .updateTable("decisions")
    .set({ electors_count: toCount(left?.n) })
    .where("id", "=", decisionId)
    .execute();
}

const decisions = (db: DB) => applicationsDb(db).selectFrom("decisions").selectAll();

export async function findDecision(db: DB, id: string): Promise<Decision | undefined> {
  const row = await decisions(db).where("id", "=", id).executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

export async function decisionForApplication(db: DB, applicationId: string): Promise<Decision | undefined> {
  const row = await decisions(db).where("application_id", "=", applicationId).executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

export async function listDecisions(db: DB, kinds: DecisionKind[], limit = 100): Promise<Decision[]> {
  const rows = await decisions(db)
    .where("kind", "in", kinds)
    .orderBy("status", "desc")
    .orderBy("closes_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toDecision);
}

/** Open decisions whose deadline has passed. */
export async function dueDecisions(db: DB, now: Date, kinds: DecisionKind[]): Promise<Decision[]> {
  const rows = await decisions(db)
    .where("status", "=", "open")
    .where("kind", "in", kinds)
    .where("closes_at", "<=", now.toISOString())
    .execute();
  return rows.map(toDecision);
}

/** The votes of a round still open (they close with it). */
export async function openDecisionsOfRound(db: DB, roundId: string): Promise<Decision[]> {
  const rows = await decisions(db).where("round_id", "=", roundId).where("status", "=", "open").execute();
  return rows.map(toDecision);
}

/** Publishes a decision's count; false when it was closed already (by another instance). */
export async function markClosed(
  db: DB,
  id: string,
  result: TallyResult,
  closesAt: string,
  now: Date,
): Promise<boolean> {
  const closed = await applicationsDb(db)
    .updateTable("decisions")
    .set({
      status: "closed",
      outcome: result.outcome,
      result: JSON.stringify(result),
      closed_at: now.toISOString(),
      closes_at: closesAt,
    })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(closed.numUpdatedRows) === 1;
}

export async function isElector(db: DB, decisionId: string, memberId: string): Promise<boolean> {
  const row = await applicationsDb(db)
    .selectFrom("decision_electors")
    .select("member_id")
    .where("decision_id", "=", decisionId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return !!row;
}

/** A vote waiting for a structure's ballot. */
export interface PendingDecision {
  id: string;
  title: string;
  closesAt: string;
  applicationId: string | null;
}

/** Open decisions a structure can vote on and has not yet. */
export async function pendingFor(db: DB, memberId: string, now: Date): Promise<PendingDecision[]> {
  const rows = await applicationsDb(db)
    .selectFrom("decisions")
    .innerJoin("decision_electors", "decision_electors.decision_id", "decisions.id")
    .leftJoin("ballots", (join) =>
      join
        .onRef("ballots.decision_id", "=", "decisions.id")
        .onRef("ballots.member_id", "=", "decision_electors.member_id"),
    )
    .select(["decisions.id", "decisions.title", "decisions.closes_at", "decisions.application_id"])
    .where("decision_electors.member_id", "=", memberId)
    .where("decisions.status", "=", "open")
    .where("decisions.closes_at", ">", now.toISOString())
    .where("ballots.id", "is", null)
    .orderBy("decisions.closes_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    closesAt: r.closes_at,
    applicationId: r.application_id,
  }));
}
