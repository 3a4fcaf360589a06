/** Infrastructure tables shared by every feature. */
export interface CoreTables {
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  job_locks: JobLocksTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
}

export interface AuditLogTable {
  /** Time-ordered (see newSortableId), so ordering by id is ordering by insertion. */
  id: string;
  at: string;
  actor_person_id: string | null;
  /** The member structure on whose behalf the actor acted, if any. */
  actor_member_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON object with the details (changed fields, counts…). */
  data: string;
}

export interface MailOutboxTable {
  id: string;
  created_at: string;
  to_address: string;
  subject: string;
  text_body: string;
  /** outbox: kept for admins (no SMTP configured); sent; failed (will be retried). */
  status: "outbox" | "queued" | "sent" | "failed";
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  /** A tag saying why the mail exists (password-reset, instance-down…), for filtering. */
  kind: string;
}

export interface JobLocksTable {
  name: string;
  owner: string | null;
  locked_until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_status: string | null;
  last_summary: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Small key-value store for platform-wide values that all instances must share (e.g. the secret). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}
