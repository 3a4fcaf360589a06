import type { DB } from "../../../db/adapter.js";
import { tallyBallots } from "./ballots.repository.js";
import type { Decision } from "./decisions.repository.js";
import { tally, type TallyResult } from "./tally.js";

/** A count a page may show, and whether it is the running count of an open vote. */
export interface ShownResult {
  result: TallyResult;
  provisional: boolean;
}

/**
 * What a page may show of a decision's count: the published result once closed; while open, the
 * running count only when the decision does not hide results.
 */
export async function shownResult(db: DB, d: Decision): Promise<ShownResult | undefined> {
  if (d.status === "closed") return d.result ? { result: d.result, provisional: false } : undefined;
  if (d.resultsHidden) return undefined;
  const result = tally({
    options: d.options,
    ballots: await tallyBallots(db, d.id),
    electors: d.electorsCount,
    rules: d.rules,
  });
  return { result, provisional: true };
}
