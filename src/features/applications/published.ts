import type { DB } from "../../db/adapter.js";
import type { DecisionKind, Phase } from "./applications.tables.js";
import { applicationsDb } from "./applications.tables.js";

/**
 * What the applications feature publishes to the others: its rounds and decisions as dated
 * events, read-only. Queried through the plain handle: applications has no owner view
 * (`applicationsDb`) yet; when it does, only this file changes.
 */

export interface PublishedRound {
  id: string;
  label: string;
  opensAt: string;
  reviewAt: string;
  voteAt: string;
  closesAt: string;
  phase: Phase;
}

export interface PublishedDecision {
  id: string;
  kind: DecisionKind;
  title: string;
  opensAt: string;
  closesAt: string;
  status: "open" | "closed";
  /** The tally's outcome once closed (adopted, rejected, tie, no_quorum, no_majority). */
  outcome: string | null;
}

/**
 * The rounds and decisions of a period, for calendars and news: rounds whose dates touch the period,
 * and decisions that close in it; or, with `decisionIds`, those decisions whatever their dates.
 */
export async function collectiveSchedule(
  db: DB,
  filter: { from: string; to: string } | { decisionIds: readonly string[] },
): Promise<{ rounds: PublishedRound[]; decisions: PublishedDecision[] }> {
  let decisionsQuery = applicationsDb(db)
    .selectFrom("decisions")
    .select(["id", "kind", "title", "opens_at", "closes_at", "status", "outcome"])
    .orderBy("closes_at");
  let rounds: PublishedRound[] = [];
  if ("decisionIds" in filter) {
    if (filter.decisionIds.length === 0) return { rounds, decisions: [] };
    decisionsQuery = decisionsQuery.where("id", "in", [...new Set(filter.decisionIds)].slice(0, 500));
  } else {
    decisionsQuery = decisionsQuery.where("closes_at", ">=", filter.from).where("closes_at", "<=", filter.to);
    const rows = await applicationsDb(db)
      .selectFrom("rounds")
      .select(["id", "label", "opens_at", "review_at", "vote_at", "closes_at", "phase"])
      .where("closes_at", ">=", filter.from)
      .where("opens_at", "<=", filter.to)
      .orderBy("opens_at")
      .execute();
    rounds = rows.map((r) => ({
      id: r.id,
      label: r.label,
      opensAt: r.opens_at,
      reviewAt: r.review_at,
      voteAt: r.vote_at,
      closesAt: r.closes_at,
      phase: r.phase,
    }));
  }
  const decisions = (await decisionsQuery.execute()).map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    opensAt: d.opens_at,
    closesAt: d.closes_at,
    status: d.status,
    outcome: d.outcome,
  }));
  return { rounds, decisions };
}

/** How many applications wait for the collective: submitted and not yet decided (the admin home). */
export async function applicationsToReview(db: DB): Promise<number> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("status", "in", ["submitted", "voting"])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
