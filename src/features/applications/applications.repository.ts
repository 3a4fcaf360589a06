import type { DB } from "../../db/adapter.js";
import { isUniqueViolation, toCount } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import {
  applicationsDb,
  type Answer,
  type ApplicationKind,
  type ApplicationStatus,
} from "./applications.tables.js";
import type { QuestionedCriterion } from "./review.repository.js";
import type { TallyResult } from "./votes/tally.js";

export class ActiveApplicationExists extends Error {
  constructor(public readonly memberId: string) {
    super("this structure already has an application in progress");
    this.name = "ActiveApplicationExists";
  }
}

const SETTLED: ApplicationStatus[] = ["accepted", "refused", "completed"];
export const activeKey = (memberId: string, kind: ApplicationKind) => `${memberId}:${kind}`;

export async function findApplication(db: DB, id: string) {
  return db
    .selectFrom("applications")
    .innerJoin("members", "members.id", "applications.member_id")
    .innerJoin("charter_versions", "charter_versions.id", "applications.charter_version_id")
    .leftJoin("rounds", "rounds.id", "applications.round_id")
    .selectAll("applications")
    .select([
      "members.name as member_name",
      "members.slug as member_slug",
      "members.website as member_website",
      "members.membership as member_membership",
      "members.chatonsinfos_url as member_chatonsinfos_url",
      "charter_versions.version as charter_version",
      "rounds.label as round_label",
      "rounds.phase as round_phase",
    ])
    .where("applications.id", "=", id)
    .executeTakeFirst();
}
export type ApplicationRecord = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function listForMember(db: DB, memberId: string) {
  return db
    .selectFrom("applications")
    .leftJoin("rounds", "rounds.id", "applications.round_id")
    .selectAll("applications")
    .select(["rounds.label as round_label", "rounds.phase as round_phase"])
    .where("applications.member_id", "=", memberId)
    .orderBy("applications.created_at", "desc")
    .execute();
}

export async function listForRound(db: DB, roundId: string) {
  return db
    .selectFrom("applications")
    .innerJoin("members", "members.id", "applications.member_id")
    .leftJoin("decisions", "decisions.application_id", "applications.id")
    .select([
      "applications.id",
      "applications.member_id",
      "applications.status",
      "applications.submitted_at",
      "applications.decided_at",
      "members.name as member_name",
      "members.slug as member_slug",
      "decisions.id as decision_id",
      "decisions.result as decision_result",
      "decisions.status as decision_status",
    ])
    .where("applications.round_id", "=", roundId)
    .where("applications.kind", "=", "application")
    .orderBy("members.name")
    .execute();
}

export interface NewApplication {
  memberId: string;
  kind: ApplicationKind;
  charterVersionId: string;
  personId: string | null;
  now: Date;
  dueAt?: string | null;
}

/** Opens a file for a structure; at most one in progress per structure and kind (unique key). */
export async function insertApplication(db: DB, input: NewApplication): Promise<string> {
  const id = newId();
  const at = input.now.toISOString();
  try {
    await db
      .insertInto("applications")
      .values({
        id,
        member_id: input.memberId,
        kind: input.kind,
        charter_version_id: input.charterVersionId,
        round_id: null,
        status: "draft",
        active_key: activeKey(input.memberId, input.kind),
        created_at: at,
        created_by: input.personId,
        updated_at: at,
        submitted_at: null,
        decided_at: null,
        decision_reasons: null,
        due_at: input.dueAt ?? null,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActiveApplicationExists(input.memberId);
    throw error;
  }
  return id;
}

/** Why a candidate was refused: the reasons given with the ballots against, the questioned criteria. */
export interface RefusalReasons {
  outcome: TallyResult["outcome"];
  against: string[];
  questioned: QuestionedCriterion[];
}

/** The stored form of the reasons (JSON with the charter's column names, as files already hold them). */
const storedReasons = (r: RefusalReasons): string =>
  JSON.stringify({
    outcome: r.outcome,
    against: r.against,
    questioned: r.questioned.map((q) => ({
      code: q.code,
      title_fr: q.titleFr,
      title_en: q.titleEn,
      notes: q.notes,
    })),
  });

/** Changes the status if it is still `from`; a settled status frees the structure's active key. */
export async function moveStatus(
  db: DB,
  id: string,
  from: ApplicationStatus[],
  to: ApplicationStatus,
  now: Date,
  extra: { roundId?: string | null; submittedAt?: string; decidedAt?: string; reasons?: RefusalReasons } = {},
): Promise<boolean> {
  const result = await applicationsDb(db)
    .updateTable("applications")
    .set({
      status: to,
      updated_at: now.toISOString(),
      ...(SETTLED.includes(to) ? { active_key: null } : {}),
      ...(extra.roundId !== undefined ? { round_id: extra.roundId } : {}),
      ...(extra.submittedAt !== undefined ? { submitted_at: extra.submittedAt } : {}),
      ...(extra.decidedAt !== undefined ? { decided_at: extra.decidedAt } : {}),
      ...(extra.reasons ? { decision_reasons: storedReasons(extra.reasons) } : {}),
    })
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who an application is for and the label of its round (a vote's verdict needs both). */
export async function applicationRound(
  db: DB,
  id: string,
): Promise<{ memberId: string; roundLabel: string | null }> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .leftJoin("rounds", "rounds.id", "applications.round_id")
    .select(["applications.member_id", "rounds.label"])
    .where("applications.id", "=", id)
    .executeTakeFirstOrThrow();
  return { memberId: row.member_id, roundLabel: row.label };
}

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
  const rows = await db
    .selectFrom("application_answers")
    .selectAll()
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
  const at = now.toISOString();
  for (const a of answers) {
    const values = {
      answer: a.answer,
      explanation: a.explanation,
      evidence: JSON.stringify(a.evidence),
      updated_at: at,
      updated_by: personId,
    };
    await db
      .insertInto("application_answers")
      .values({ application_id: applicationId, criterion_id: a.criterionId, ...values })
      .onConflict((oc) => oc.columns(["application_id", "criterion_id"]).doUpdateSet(values))
      .execute();
  }
  await db.updateTable("applications").set({ updated_at: at }).where("id", "=", applicationId).execute();
}

export async function countServices(db: DB, memberId: string): Promise<number> {
  const row = await db
    .selectFrom("services")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("member_id", "=", memberId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return toCount(row?.n);
}

/** Everyone who can act for a structure, with their address, for notifications. */
export async function peopleOf(db: DB, memberId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .select(["people.id", "people.name", "people.email", "people.locale", "memberships.role"])
    .where("memberships.member_id", "=", memberId)
    .where("people.disabled_at", "is", null)
    .execute();
}

/** Candidate structures this person can apply for (admin of a structure still a candidate). */
export async function candidateStructures(db: DB, personId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("members", "members.id", "memberships.member_id")
    .select(["members.id", "members.name", "members.slug", "members.website"])
    .where("memberships.person_id", "=", personId)
    .where("memberships.role", "=", "admin")
    .where("members.membership", "=", "candidate")
    .where("members.archived_at", "is", null)
    .orderBy("members.name")
    .execute();
}

/** The structure an application is for. */
export async function memberOfApplication(db: DB, id: string): Promise<string | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .select("member_id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.member_id;
}
