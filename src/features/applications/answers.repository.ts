import type { DB } from "../../db/adapter.js";
import { applicationsDb, type Answer } from "./applications.tables.js";

/** A file's answers to the charter's criteria, kept as drafts until it is submitted. */

export interface StoredAnswer {
  answer: Answer | null;
  explanation: string;
  evidence: string[];
  updatedAt: string;
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
    .select(["criterion_id", "answer", "explanation", "evidence", "updated_at"])
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
    };
    await own
      .insertInto("application_answers")
      .values({ application_id: applicationId, criterion_id: a.criterionId, ...values })
      .onConflict((oc) => oc.columns(["application_id", "criterion_id"]).doUpdateSet(values))
      .execute();
  }
  await own.updateTable("applications").set({ updated_at: at }).where("id", "=", applicationId).execute();
}
