import type { DB } from "../../db/adapter.js";
import { newSortableId } from "../../db/ids.js";
import { structuresByIds } from "../directory/published.js";
import { peopleByIds } from "../../identity/identity.repository.js";
import { applicationsDb, type MessageRole, type ReviewState } from "./applications.tables.js";

/** The review of an application: the thread of questions and answers, and reviewers' marks on criteria. */

/** A criterion a reviewer questioned, with every note left on it. */
export interface QuestionedCriterion {
  code: string;
  titleFr: string;
  titleEn: string;
  /** '' when the criterion had no German. */
  titleDe: string;
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
      "charter_criteria.title_de",
      "criterion_reviews.note",
    ])
    .where("criterion_reviews.application_id", "=", applicationId)
    .where("criterion_reviews.state", "=", "questioned")
    .orderBy("charter_criteria.position")
    .execute();
  const byCode = new Map<string, QuestionedCriterion>();
  for (const q of rows) {
    const entry = byCode.get(q.code) ?? {
      code: q.code,
      titleFr: q.title_fr,
      titleEn: q.title_en,
      titleDe: q.title_de,
      notes: [],
    };
    if (q.note) entry.notes.push(q.note);
    byCode.set(q.code, entry);
  }
  return [...byCode.values()];
}

/** A message of an application's thread, with its author's and structure's names. */
export interface ThreadMessage {
  id: string;
  personId: string;
  authorName: string;
  memberName: string | null;
  role: MessageRole;
  criterionCode: string | null;
  body: string;
  createdAt: string;
}

/** A reviewer's mark on a criterion. */
export interface CriterionReview {
  criterionId: string;
  personId: string;
  reviewerName: string;
  memberName: string | null;
  state: ReviewState;
  note: string;
}

async function names(db: DB, rows: { person_id: string; member_id: string | null }[]) {
  const people = await peopleByIds(
    db,
    rows.map((r) => r.person_id),
  );
  const structures = await structuresByIds(
    db,
    rows.flatMap((r) => (r.member_id ? [r.member_id] : [])),
  );
  const memberName = (id: string | null) => (id ? (structures.get(id)?.name ?? null) : null);
  return { people, memberName };
}

/** The thread, oldest first; a message whose author is gone is left out. */
export async function listMessages(db: DB, applicationId: string): Promise<ThreadMessage[]> {
  const rows = await applicationsDb(db)
    .selectFrom("application_messages")
    .leftJoin("charter_criteria", "charter_criteria.id", "application_messages.criterion_id")
    .selectAll("application_messages")
    .select("charter_criteria.code")
    .where("application_messages.application_id", "=", applicationId)
    .orderBy("application_messages.id")
    .execute();
  const { people, memberName } = await names(db, rows);
  return rows.flatMap((r) => {
    const author = people.get(r.person_id);
    return author
      ? [
          {
            id: r.id,
            personId: r.person_id,
            authorName: author.name,
            memberName: memberName(r.member_id),
            role: r.role,
            criterionCode: r.code,
            body: r.body,
            createdAt: r.created_at,
          },
        ]
      : [];
  });
}

/** Reviewers' marks, in the order they were made; a mark whose reviewer is gone is left out. */
export async function listReviews(db: DB, applicationId: string): Promise<CriterionReview[]> {
  const rows = await applicationsDb(db)
    .selectFrom("criterion_reviews")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("at")
    .execute();
  const { people, memberName } = await names(db, rows);
  return rows.flatMap((r) => {
    const reviewer = people.get(r.person_id);
    return reviewer
      ? [
          {
            criterionId: r.criterion_id,
            personId: r.person_id,
            reviewerName: reviewer.name,
            memberName: memberName(r.member_id),
            state: r.state,
            note: r.note,
          },
        ]
      : [];
  });
}

/** Who asked questions in an application's thread. */
export async function reviewerIds(db: DB, applicationId: string): Promise<string[]> {
  const rows = await applicationsDb(db)
    .selectFrom("application_messages")
    .select("person_id")
    .where("application_id", "=", applicationId)
    .where("role", "=", "reviewer")
    .distinct()
    .execute();
  return rows.map((r) => r.person_id);
}

export interface NewMessage {
  /** Given by the demo, which writes its thread in the past; made here otherwise. */
  id?: string;
  applicationId: string;
  role: MessageRole;
  personId: string;
  memberId: string | null;
  criterionId: string | null;
  body: string;
  at: Date;
}

export async function insertMessage(db: DB, msg: NewMessage): Promise<string> {
  const id = msg.id ?? newSortableId();
  await applicationsDb(db)
    .insertInto("application_messages")
    .values({
      id,
      application_id: msg.applicationId,
      person_id: msg.personId,
      member_id: msg.memberId,
      role: msg.role,
      criterion_id: msg.criterionId,
      body: msg.body,
      created_at: msg.at.toISOString(),
    })
    .execute();
  return id;
}

/** A reviewer's mark on a criterion: one per reviewer and criterion, the latest kept. */
export async function saveReview(
  db: DB,
  mark: {
    applicationId: string;
    criterionId: string;
    personId: string;
    memberId: string | null;
    state: ReviewState;
    note: string;
    at: Date;
  },
): Promise<void> {
  const values = { member_id: mark.memberId, state: mark.state, note: mark.note, at: mark.at.toISOString() };
  await applicationsDb(db)
    .insertInto("criterion_reviews")
    .values({
      application_id: mark.applicationId,
      criterion_id: mark.criterionId,
      person_id: mark.personId,
      ...values,
    })
    .onConflict((oc) => oc.columns(["application_id", "criterion_id", "person_id"]).doUpdateSet(values))
    .execute();
}
