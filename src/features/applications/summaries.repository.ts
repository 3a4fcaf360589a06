import type { DB } from "../../db/adapter.js";
import { applicationsDb, type ApplicationKind, type ApplicationStatus } from "./applications.tables.js";

/** A structure's files in brief: for its dashboard, its public page and the re-assessment board. */

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
