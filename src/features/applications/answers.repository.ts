import type { DB } from "../../db/adapter.js";
import { applicationsDb, type Answer } from "./applications.tables.js";

/** A file's answers to the charter's criteria, kept as drafts until it is submitted. */

export interface StoredAnswer {
  answer: Answer | null;
  explanation: string;
  evidence: string[];
  updatedAt: string;
  /** Copied from the structure's previous file and not yet confirmed or changed. */
  carriedFrom: string | null;
}

function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export async function answersOf(db: DB, applicationId: string): Promise<Map<string, StoredAnswer>> {
  const rows = await applicationsDb(db)
    .selectFrom("application_answers")
    .select(["criterion_id", "answer", "explanation", "evidence", "updated_at", "carried_from"])
    .where("application_id", "=", applicationId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.criterion_id,
      {
        answer: r.answer,
        explanation: r.explanation,
        evidence: parseList(r.evidence),
        updatedAt: r.updated_at,
        carriedFrom: r.carried_from,
      },
    ]),
  );
}

export interface AnswerInput {
  criterionId: string;
  answer: Answer | null;
  explanation: string;
  evidence: string[];
}

export async function saveAnswers(
  db: DB,
  applicationId: string,
  answers: AnswerInput[],
  personId: string | null,
  now: Date,
): Promise<void> {
  const own = applicationsDb(db);
  const at = now.toISOString();
  for (const a of answers) {
    const values = {
      answer: a.answer,
      explanation: a.explanation,
      evidence: JSON.stringify(a.evidence),
      updated_at: at,
      updated_by: personId,
      // Saved by the structure: confirmed or changed, no longer last time's.
      carried_from: null,
    };
    await own
      .insertInto("application_answers")
      .values({ application_id: applicationId, criterion_id: a.criterionId, ...values })
      .onConflict((oc) => oc.columns(["application_id", "criterion_id"]).doUpdateSet(values))
      .execute();
  }
  await own.updateTable("applications").set({ updated_at: at }).where("id", "=", applicationId).execute();
}

/**
 * Copies a structure's answers from an earlier file into a new one, criterion by criterion through
 * their codes (stable across charter versions); criteria new in this version start empty.
 * Returns how many answers were carried over.
 */
export async function carryOverAnswers(
  db: DB,
  input: { from: string; to: string; criteria: { id: string; code: string }[] },
  now: Date,
): Promise<number> {
  const own = applicationsDb(db);
  const previous = await own
    .selectFrom("application_answers")
    .innerJoin("charter_criteria", "charter_criteria.id", "application_answers.criterion_id")
    .select(["charter_criteria.code", "answer", "explanation", "evidence"])
    .where("application_id", "=", input.from)
    .execute();
  const byCode = new Map(previous.map((p) => [p.code, p]));
  let carried = 0;
  for (const cr of input.criteria) {
    const p = byCode.get(cr.code);
    if (!p?.answer) continue;
    await own
      .insertInto("application_answers")
      .values({
        application_id: input.to,
        criterion_id: cr.id,
        answer: p.answer,
        explanation: p.explanation,
        evidence: p.evidence,
        updated_at: now.toISOString(),
        updated_by: null,
        carried_from: input.from,
      })
      .onConflict((oc) => oc.columns(["application_id", "criterion_id"]).doNothing())
      .execute();
    carried++;
  }
  return carried;
}
