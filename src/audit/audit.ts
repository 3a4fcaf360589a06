import { ownedTables, type DB } from "../db/adapter.js";
import type { CoreTables } from "../db/core.tables.js";
import { peopleByIds } from "../identity/identity.repository.js";

/** The audit log is the audit module's own table. */
const auditDb = ownedTables<Pick<CoreTables, "audit_log">>();
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

const logChangeListeners = new Set<() => void>();

/**
 * Lets in-process caches hear that another instance or worker wrote: the page cache, which polls
 * the log's newest entry, says so (this instance's own writes too: a check too many costs a query),
 * and the directory snapshot checks its fingerprint at once instead of at its next recheck; the
 * pages made before that check ends are served but not kept (they may show the old directory).
 */
export function onAuditLogChange(listener: () => void): () => void {
  logChangeListeners.add(listener);
  return () => logChangeListeners.delete(listener);
}

export function noticeAuditLogChange(): void {
  for (const listener of logChangeListeners) listener();
}

/**
 * Records a write that matters. Call it inside the same transaction as the write, so that the
 * entry exists if and only if the change does.
 */
export async function audit(db: DB, entry: AuditEntry): Promise<void> {
  await auditDb(db)
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

/** Reads audit entries, newest first, optionally for some subjects, an actor structure or an action. */
export async function readAudit(
  db: DB,
  filter: {
    subjectType?: string;
    subjectId?: string;
    /** Entries about any of these subjects (a structure and its services, say). */
    subjects?: { type: string; ids: readonly string[] }[];
    actorMemberId?: string;
    actorPersonId?: string;
    actionPrefix?: string;
    limit?: number;
    before?: string;
  } = {},
): Promise<AuditRecord[]> {
  let query = auditDb(db)
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("id", "desc")
    .limit(filter.limit ?? 100);
  if (filter.subjectType) query = query.where("subject_type", "=", filter.subjectType);
  if (filter.subjectId) query = query.where("subject_id", "=", filter.subjectId);
  const subjects = filter.subjects?.filter((s) => s.ids.length > 0);
  if (subjects?.length === 0) return [];
  if (subjects)
    query = query.where((eb) =>
      eb.or(subjects.map((s) => eb.and([eb("subject_type", "=", s.type), eb("subject_id", "in", s.ids)]))),
    );
  if (filter.actorMemberId) query = query.where("actor_member_id", "=", filter.actorMemberId);
  if (filter.actorPersonId) query = query.where("actor_person_id", "=", filter.actorPersonId);
  if (filter.actionPrefix) query = query.where("action", "like", `${filter.actionPrefix}%`);
  if (filter.before) query = query.where("id", "<", filter.before);
  const rows = await query.execute();
  const names = await peopleByIds(
    db,
    rows.flatMap((r) => (r.actor_person_id ? [r.actor_person_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    actorPersonId: r.actor_person_id,
    actorName: r.actor_person_id ? (names.get(r.actor_person_id)?.name ?? null) : null,
    actorMemberId: r.actor_member_id,
    data: parseData(r.data),
  }));
}

/** When the newest entry was written (caches compare it to know whether anything changed). */
export async function latestAuditAt(db: DB): Promise<string | null> {
  const row = await auditDb(db)
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("at").as("at"))
    .executeTakeFirst();
  return row?.at ?? null;
}
