import type { DB } from "../db/adapter.js";
import { newSortableId, nowIso } from "../db/ids.js";

export interface AuditActor {
  personId: string | null;
  memberId?: string | null;
}

export interface AuditEntry {
  actor: AuditActor | null;
  /** A dotted verb, e.g. "member.update", "vote.cast", "crawl.start". */
  action: string;
  subject: { type: string; id: string | null };
  data?: Record<string, unknown>;
}

type AuditListener = (entry: AuditEntry) => void;
const listeners = new Set<AuditListener>();

/** Lets in-process caches hear about writes (the page cache drops what a write made stale). */
export function onAudit(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Records a write that matters. Call it inside the same transaction as the write, so that the
 * entry exists if and only if the change does.
 */
export async function audit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: newSortableId(),
      at: nowIso(),
      actor_person_id: entry.actor?.personId ?? null,
      actor_member_id: entry.actor?.memberId ?? null,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
  for (const listener of listeners) listener(entry);
}

export interface AuditRecord {
  id: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorPersonId: string | null;
  actorName: string | null;
  actorMemberId: string | null;
  data: Record<string, unknown>;
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : {};
  } catch {
    return {};
  }
}

/** Reads audit entries, newest first, optionally for one subject. */
export async function readAudit(
  db: DB,
  filter: {
    subjectType?: string;
    subjectId?: string;
    actorMemberId?: string;
    actionPrefix?: string;
    limit?: number;
    before?: string;
  } = {},
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("people", "people.id", "audit_log.actor_person_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.actor_person_id",
      "audit_log.actor_member_id",
      "audit_log.data",
      "people.name as actor_name",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(filter.limit ?? 100);
  if (filter.subjectType) query = query.where("audit_log.subject_type", "=", filter.subjectType);
  if (filter.subjectId) query = query.where("audit_log.subject_id", "=", filter.subjectId);
  if (filter.actorMemberId) query = query.where("audit_log.actor_member_id", "=", filter.actorMemberId);
  if (filter.actionPrefix) query = query.where("audit_log.action", "like", `${filter.actionPrefix}%`);
  if (filter.before) query = query.where("audit_log.id", "<", filter.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    actorPersonId: r.actor_person_id,
    actorName: r.actor_name,
    actorMemberId: r.actor_member_id,
    data: parseData(r.data),
  }));
}
