import type { DB } from "../../db/adapter.js";
import { isUniqueViolation } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import { structureById, type Structure } from "../directory/published.js";
import {
  applicationsDb,
  type ApplicationKind,
  type ApplicationStatus,
  type Phase,
} from "./applications.tables.js";
import type { QuestionedCriterion } from "./review.repository.js";
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
      title_de: q.titleDe,
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
                // Reasons stored before the charter had German have none.
                titleDe: "title_de" in q && typeof q.title_de === "string" ? q.title_de : "",
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

/**
 * The structure's last settled file with answers to start a re-assessment from: its latest completed
 * re-assessment or accepted application, by when it was settled.
 */
export async function lastSettledFile(db: DB, memberId: string): Promise<string | undefined> {
  const row = await applicationsDb(db)
    .selectFrom("applications")
    .select("id")
    .where("member_id", "=", memberId)
    .where((eb) =>
      eb.or([
        eb.and([eb("kind", "=", "reassessment"), eb("status", "=", "completed")]),
        eb.and([eb("kind", "=", "application"), eb("status", "=", "accepted")]),
      ]),
    )
    .orderBy("decided_at", "desc")
    .orderBy("created_at", "desc")
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
