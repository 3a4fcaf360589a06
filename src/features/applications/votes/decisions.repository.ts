import type { Selectable } from "kysely";
import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import { newId, newSortableId } from "../../../db/ids.js";
import type { DecisionKind, DecisionsTable } from "../applications.tables.js";
import { tally, type TallyResult, type TallyRules } from "./tally.js";

export type Decision = Selectable<DecisionsTable>;

export function decisionOptions(d: Pick<Decision, "options">): string[] {
  try {
    const value: unknown = JSON.parse(d.options);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export const decisionRules = (d: Decision): TallyRules => ({
  quorumPercent: d.quorum_percent,
  majority: d.majority,
  tieOutcome: d.tie_outcome,
  quorumOutcome: d.quorum_outcome,
});

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

/** The published tally of a closed decision, read back from its JSON. */
export function decisionResult(d: Pick<Decision, "result">): TallyResult | undefined {
  if (!d.result) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(d.result);
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

/** Opens a vote; the member structures of this moment become its electors. */
export async function insertDecision(db: DB, input: NewDecision): Promise<string> {
  const id = newId();
  const electors = await db
    .selectFrom("members")
    .select("id")
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .execute();
  await db
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
      results_hidden: input.resultsHidden ? 1 : 0,
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
    const chunk = electors.slice(i, i + 200).map((e) => ({ decision_id: id, member_id: e.id }));
    if (chunk.length) await db.insertInto("decision_electors").values(chunk).execute();
  }
  return id;
}

export async function findDecision(db: DB, id: string): Promise<Decision | undefined> {
  return db.selectFrom("decisions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function decisionForApplication(db: DB, applicationId: string): Promise<Decision | undefined> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
}

export async function listDecisions(db: DB, kinds: DecisionKind[], limit = 100): Promise<Decision[]> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("kind", "in", kinds)
    .orderBy("status", "desc")
    .orderBy("closes_at", "desc")
    .limit(limit)
    .execute();
}

/** Open decisions whose deadline has passed. */
export async function dueDecisions(db: DB, now: Date, kinds: DecisionKind[]): Promise<Decision[]> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("status", "=", "open")
    .where("kind", "in", kinds)
    .where("closes_at", "<=", now.toISOString())
    .execute();
}

export async function ballotsOf(db: DB, decisionId: string) {
  return db
    .selectFrom("ballots")
    .innerJoin("members", "members.id", "ballots.member_id")
    .selectAll("ballots")
    .select(["members.name as member_name", "members.slug as member_slug"])
    .where("ballots.decision_id", "=", decisionId)
    .orderBy("members.name")
    .execute();
}

export async function ballotOf(db: DB, decisionId: string, memberId: string) {
  return db
    .selectFrom("ballots")
    .selectAll()
    .where("decision_id", "=", decisionId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export async function isElector(db: DB, decisionId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom("decision_electors")
    .select("member_id")
    .where("decision_id", "=", decisionId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return !!row;
}

export async function countBallots(db: DB, decisionId: string): Promise<number> {
  const row = await db
    .selectFrom("ballots")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("decision_id", "=", decisionId)
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function insertBallot(
  db: DB,
  b: { decisionId: string; memberId: string; personId: string; choice: string; reason: string; now: Date },
): Promise<string> {
  const id = newSortableId();
  const at = b.now.toISOString();
  await db
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
  const result = await db
    .updateTable("ballots")
    .set({ person_id: b.personId, choice: b.choice, reason: b.reason, updated_at: b.now.toISOString() })
    .where("id", "=", b.id)
    .where("updated_at", "=", b.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open decisions a structure can vote on and has not yet. */
export async function pendingFor(db: DB, memberId: string, now: Date) {
  return db
    .selectFrom("decisions")
    .innerJoin("decision_electors", "decision_electors.decision_id", "decisions.id")
    .leftJoin("ballots", (join) =>
      join
        .onRef("ballots.decision_id", "=", "decisions.id")
        .onRef("ballots.member_id", "=", "decision_electors.member_id"),
    )
    .select([
      "decisions.id",
      "decisions.title",
      "decisions.closes_at",
      "decisions.kind",
      "decisions.application_id",
    ])
    .where("decision_electors.member_id", "=", memberId)
    .where("decisions.status", "=", "open")
    .where("decisions.closes_at", ">", now.toISOString())
    .where("ballots.id", "is", null)
    .orderBy("decisions.closes_at")
    .execute();
}

/**
 * What a page may show of a decision's count: the published result once closed; while open, the
 * running count only when the decision does not hide results.
 */
export async function shownResult(
  db: DB,
  d: Decision,
): Promise<{ result: TallyResult; provisional: boolean } | undefined> {
  if (d.status === "closed") {
    const result = decisionResult(d);
    return result ? { result, provisional: false } : undefined;
  }
  if (d.results_hidden === 1) return undefined;
  const ballots = await db
    .selectFrom("ballots")
    .select(["member_id", "choice", "updated_at"])
    .where("decision_id", "=", d.id)
    .orderBy("id")
    .execute();
  const result = tally({
    options: decisionOptions(d),
    ballots: ballots.map((b) => ({ memberId: b.member_id, choice: b.choice, at: b.updated_at })),
    electors: d.electors_count,
    rules: decisionRules(d),
  });
  return { result, provisional: true };
}
