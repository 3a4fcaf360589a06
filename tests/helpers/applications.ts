import type { DB } from "../../src/db/adapter.js";
import { newId } from "../../src/db/ids.js";
import type { Phase } from "../../src/features/applications/applications.tables.js";
import { allCriteria, currentCharter } from "../../src/features/applications/charter/charter.repository.js";

/** Builders for the applications feature's tests: rounds placed around a given instant, answers. */

const DAY = 86_400_000;

/** A round whose dates put `now` in `phase`, stored in that phase. */
export async function makeRound(
  db: DB,
  options: {
    phase: Phase;
    now: Date;
    label?: string;
    quorumPercent?: number;
    tieOutcome?: "reject" | "accept";
    quorumOutcome?: "reject" | "postpone";
    resultsHidden?: boolean;
  },
) {
  const offsets: Record<Phase, number> = { upcoming: 10, open: -5, review: -20, vote: -33, decided: -50 };
  const opens = options.now.getTime() + offsets[options.phase] * DAY;
  const row = {
    id: newId(),
    label: options.label ?? `Portée n°${Math.floor(Math.random() * 1e6)}`,
    opens_at: new Date(opens).toISOString(),
    review_at: new Date(opens + 14 * DAY).toISOString(),
    vote_at: new Date(opens + 28 * DAY).toISOString(),
    closes_at: new Date(opens + 42 * DAY).toISOString(),
    phase: options.phase,
    quorum_percent: options.quorumPercent ?? 0,
    majority: "simple" as const,
    tie_outcome: options.tieOutcome ?? ("reject" as const),
    quorum_outcome: options.quorumOutcome ?? ("reject" as const),
    results_hidden: options.resultsHidden === false ? 0 : 1,
    created_at: options.now.toISOString(),
    created_by: null,
    decided_at: null,
  };
  await db.insertInto("rounds").values(row).execute();
  return row;
}

/** Form fields answering every criterion of a part ("meets" with an explanation by default). */
export async function partFields(db: DB, letter: string, answer = "meets"): Promise<Record<string, string>> {
  const charter = await currentCharter(db);
  const part = charter?.parts.find((p) => p.letter === letter);
  const fields: Record<string, string> = {};
  for (const cr of part?.criteria ?? []) {
    fields[`answer_${cr.id}`] = answer;
    fields[`explanation_${cr.id}`] = `Nous remplissons ${cr.code}.`;
    fields[`evidence_${cr.id}`] = "";
  }
  return fields;
}

export async function charterLetters(db: DB): Promise<string[]> {
  const charter = await currentCharter(db);
  return charter?.parts.map((p) => p.letter) ?? [];
}

/** Stores "meets" answers for every criterion, straight in the database. */
export async function answerAll(db: DB, applicationId: string): Promise<void> {
  const charter = await currentCharter(db);
  if (!charter) throw new Error("no charter");
  const at = new Date().toISOString();
  for (const cr of allCriteria(charter)) {
    await db
      .insertInto("application_answers")
      .values({
        application_id: applicationId,
        criterion_id: cr.id,
        answer: "meets",
        explanation: `Oui pour ${cr.code}.`,
        evidence: "[]",
        updated_at: at,
        updated_by: null,
      })
      .execute();
  }
}
