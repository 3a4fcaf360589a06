import type { DB } from "../../db/adapter.js";
import { isUniqueViolation } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import { structureById, structuresByIds, type Structure } from "../directory/published.js";
import {
  applicationsDb,
  type ApplicationKind,
  type ApplicationStatus,
  type Phase,
} from "./applications.tables.js";
import type { QuestionedCriterion } from "./review.repository.js";
import { decisionResult } from "./votes/decisions.repository.js";
import type { TallyResult } from "./votes/tally.js";

/** Applications and re-assessments ("files"): one in progress per structure and kind. */

export class ActiveApplicationExists extends Error {
  constructor(public readonly memberId: string) {
    super("this structure already has an application in progress");
    this.name = "ActiveApplicationExists";
  }
}

const SETTLED: ApplicationStatus[] = ["accepted", "refused", "completed"];
const activeKey = (memberId: string, kind: ApplicationKind) => `${memberId}:${kind}`;

/** Why a candidate was refused: the reasons given with the ballots against, the questioned criteria. */
export interface RefusalReasons {
  outcome: TallyResult["outcome"];
  against: string[];
  questioned: QuestionedCriterion[];
}

/** An application or re-assessment, with its structure, its charter version's number and its round. */
export interface Application {
  id: string;
  memberId: string;
  structure: Structure;
  kind: ApplicationKind;
  status: ApplicationStatus;
  charterVersionId: string;
  /** The number people quote ("version 3 of the charter"). */
  charterVersion: number;
  round: { id: string; label: string; phase: Phase } | null;
  submittedAt: string | null;
  decidedAt: string | null;
  /** Re-assessments: when the structure is asked to have answered. */
  dueAt: string | null;
  /** Given with a refusal. */
  reasons: RefusalReasons | undefined;
}

/** The stored form of the reasons: JSON with the charter's column names, as files already hold them. */
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

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const OUTCOMES = ["adopted", "rejected", "tie", "no_quorum", "no_majority"] as const;

function parseReasons(stored: string | null): RefusalReasons | undefined {
  if (!stored) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null || !("outcome" in v) || !("against" in v) || !("questioned" in v))
    return undefined;
  const questioned = Array.isArray(v.questioned)
    ? v.questioned.flatMap((q: unknown) =>
        typeof q === "object" && q !== null && "code" in q && typeof q.code === "string"
          ? [
              {
                code: q.code,
                titleFr: "title_fr" in q && typeof q.title_fr === "string" ? q.title_fr : "",
                titleEn: "title_en" in q && typeof q.title_en === "string" ? q.title_en : "",
                notes: "notes" in q ? strings(q.notes) : [],
              },
            ]
          : [],
      )
    : [];
  const outcome = OUTCOMES.find((o) => o === v.outcome) ?? "rejected";
  return { outcome, against: strings(v.against), questioned };
}

export async function findApplication(db: DB, id: string): Promise<Application | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .innerJoin("charter_versions", "charter_versions.id", "applications.charter_version_id")
    .leftJoin("rounds", "rounds.id", "applications.round_id")
    .selectAll("applications")
    .select(["charter_versions.version as charter_version", "rounds.label as round_label", "rounds.phase"])
    .where("applications.id", "=", id)
    .executeTakeFirst();
  const structure = row ? await structureById(db, row.member_id) : undefined;
  if (!row || !structure) return undefined;
  return {
    id: row.id,
    memberId: row.member_id,
    structure,
    kind: row.kind,
    status: row.status,
    charterVersionId: row.charter_version_id,
    charterVersion: row.charter_version,
    round:
      row.round_id && row.round_label && row.phase
        ? { id: row.round_id, label: row.round_label, phase: row.phase }
        : null,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    dueAt: row.due_at,
    reasons: parseReasons(row.decision_reasons),
  };
}

/** Code-point order, as the database sorts names. */
const byMemberName = (a: { memberName: string }, b: { memberName: string }) =>
  a.memberName < b.memberName ? -1 : a.memberName > b.memberName ? 1 : 0;

/** An application of a round, as the round's page lists it. */
export interface RoundApplication {
  id: string;
  memberId: string;
  memberName: string;
  status: ApplicationStatus;
  decision: { id: string; result: TallyResult | undefined } | null;
}

/** A round's applications (re-assessments aside), by structure name. */
export async function listForRound(db: DB, roundId: string): Promise<RoundApplication[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .leftJoin("decisions", "decisions.application_id", "applications.id")
    .select([
      "applications.id",
      "applications.member_id",
      "applications.status",
      "decisions.id as decision_id",
      "decisions.result",
    ])
    .where("applications.round_id", "=", roundId)
    .where("applications.kind", "=", "application")
    .execute();
  const structures = await structuresByIds(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .flatMap((r) => {
      const structure = structures.get(r.member_id);
      if (!structure) return [];
      const decision = r.decision_id ? { id: r.decision_id, result: decisionResult(r) } : null;
      return [{ id: r.id, memberId: r.member_id, memberName: structure.name, status: r.status, decision }];
    })
    .sort(byMemberName);
}

/** A round's submitted applications (they go to the vote together), by structure name. */
export async function submittedInRound(
  db: DB,
  roundId: string,
): Promise<{ id: string; memberId: string; memberName: string }[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .select(["id", "member_id"])
    .where("round_id", "=", roundId)
    .where("status", "=", "submitted")
    .execute();
  const structures = await structuresByIds(
    db,
    rows.map((r) => r.member_id),
  );
  return rows
    .flatMap((r) => {
      const name = structures.get(r.member_id)?.name;
      return name === undefined ? [] : [{ id: r.id, memberId: r.member_id, memberName: name }];
    })
    .sort(byMemberName);
}

/** Applications postponed by a missed quorum (they join the next round). */
export async function postponedApplicationIds(db: DB): Promise<string[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .select("id")
    .where("status", "=", "postponed")
    .execute();
  return rows.map((r) => r.id);
}

/** A structure's file of one kind or another, in brief. */
export interface FileSummary {
  id: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  dueAt: string | null;
  decidedAt: string | null;
}

/** A structure's files, newest first. */
export async function filesOfMember(db: DB, memberId: string): Promise<FileSummary[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .select(["id", "kind", "status", "due_at", "decided_at"])
    .where("member_id", "=", memberId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    dueAt: r.due_at,
    decidedAt: r.decided_at,
  }));
}

/** When a structure last answered the charter (accepted or re-assessed), and which version. */
export async function lastCharterAnswer(
  db: DB,
  memberId: string,
): Promise<{ decidedAt: string; charterVersion: number } | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .innerJoin("charter_versions", "charter_versions.id", "applications.charter_version_id")
    .select(["applications.decided_at", "charter_versions.version"])
    .where("applications.member_id", "=", memberId)
    .where("applications.status", "in", ["completed", "accepted"])
    .orderBy("applications.decided_at", "desc")
    .executeTakeFirst();
  return row?.decided_at ? { decidedAt: row.decided_at, charterVersion: row.version } : undefined;
}

/** A re-assessment, as the collective's board shows it. */
export interface ReassessmentFile {
  id: string;
  memberId: string;
  status: ApplicationStatus;
  decidedAt: string | null;
  dueAt: string | null;
  charterVersion: number;
}

/** Every re-assessment, oldest first. */
export async function reassessmentFiles(db: DB): Promise<ReassessmentFile[]> {
  const rows = await applicationsDb(db)
    .selectFrom("applications")
    .innerJoin("charter_versions", "charter_versions.id", "applications.charter_version_id")
    .select([
      "applications.id",
      "applications.member_id",
      "applications.status",
      "applications.decided_at",
      "applications.due_at",
      "charter_versions.version",
    ])
    .where("applications.kind", "=", "reassessment")
    .orderBy("applications.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    status: r.status,
    decidedAt: r.decided_at,
    dueAt: r.due_at,
    charterVersion: r.version,
  }));
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
    await applicationsDb(db)
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

/** The file of this kind a structure has in progress, if any. */
export async function activeApplicationId(
  db: DB,
  memberId: string,
  kind: ApplicationKind,
): Promise<string | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .select("id")
    .where("active_key", "=", activeKey(memberId, kind))
    .executeTakeFirst();
  return row?.id;
}

/** A structure's latest file of a kind, in brief. */
export async function latestApplicationOf(
  db: DB,
  memberId: string,
  kind: ApplicationKind,
): Promise<{ id: string; status: ApplicationStatus } | undefined> {
  return applicationsDb(db)
    .selectFrom("applications")
    .select(["id", "status"])
    .where("member_id", "=", memberId)
    .where("kind", "=", kind)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

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

/** The structure an application is for. */
export async function memberOfApplication(db: DB, id: string): Promise<string | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .select("member_id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.member_id;
}
