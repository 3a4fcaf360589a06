import type { DB } from "../../db/adapter.js";
import { applicationsDb } from "./applications.tables.js";

/** The review of an application: the thread of questions and answers, and reviewers' marks on criteria. */

/** A criterion a reviewer questioned, with every note left on it. */
export interface QuestionedCriterion {
  code: string;
  titleFr: string;
  titleEn: string;
  notes: string[];
}

/** The criteria reviewers questioned on an application, in charter order, once each. */
export async function questionedCriteria(db: DB, applicationId: string): Promise<QuestionedCriterion[]> {
  const rows = await applicationsDb(db)
    .selectFrom("criterion_reviews")
    .innerJoin("charter_criteria", "charter_criteria.id", "criterion_reviews.criterion_id")
    .select([
      "charter_criteria.code",
      "charter_criteria.title_fr",
      "charter_criteria.title_en",
      "criterion_reviews.note",
    ])
    .where("criterion_reviews.application_id", "=", applicationId)
    .where("criterion_reviews.state", "=", "questioned")
    .orderBy("charter_criteria.position")
    .execute();
  const byCode = new Map<string, QuestionedCriterion>();
  for (const q of rows) {
    const entry = byCode.get(q.code) ?? { code: q.code, titleFr: q.title_fr, titleEn: q.title_en, notes: [] };
    if (q.note) entry.notes.push(q.note);
    byCode.set(q.code, entry);
  }
  return [...byCode.values()];
}
