/** Tables owned by the entraide feature (see entraide.migrations.ts). */
export interface EntraideTables {
  entraide_services: EntraideServicesTable;
  entraide_instances: EntraideInstancesTable;
  entraide_daily: EntraideDailyTable;
}

/** A service of the portal (pad, video call…): data, editable by platform admins. */
export interface EntraideServicesTable {
  /** A stable slug, the last segment of /entraide/<id>. */
  id: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  /** File name (without .svg) under /assets/entraide/. */
  icon: string;
  /** The directory category, to list members offering the service outside the portal. */
  category_id: string;
  /** JSON array of software slugs (keys of SOFTWARE in software.ts) that provide it. */
  software: string;
  position: number;
  /** 0/1: a disabled service is hidden from the portal. */
  enabled: number;
  created_at: string;
  updated_at: string;
}

export const APPROVALS = ["pending", "approved", "rejected"] as const;
export type Approval = (typeof APPROVALS)[number];
export const HEALTHS = ["unknown", "up", "down"] as const;
export type Health = (typeof HEALTHS)[number];

/** An instance a member volunteers for a portal service. */
export interface EntraideInstancesTable {
  id: string;
  service_id: string;
  member_id: string;
  url: string;
  /** Software slug: chooses the content check. */
  software: string;
  /** Capacity weight, 1-10. */
  weight: number;
  /** Maximum share of the service's traffic, in percent (1-100); null = no limit. */
  max_share: number | null;
  /** 0/1 */
  paused: number;
  approval: Approval;
  health: Health;
  /** Consecutive failed and successful checks (the hysteresis counters). */
  failures: number;
  successes: number;
  last_checked_at: string | null;
  last_status: number | null;
  last_ms: number | null;
  /** Reason code of the last verdict (see health.ts). */
  last_reason: string | null;
  health_changed_at: string | null;
  /** When the structure was told the instance is down; cleared when it comes back. */
  alerted_at: string | null;
  created_by: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** One row per instance and day: check results and visitors sent, counted, never itemised. */
export interface EntraideDailyTable {
  instance_id: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  checks: number;
  checks_ok: number;
  /** Sum of response times (ms) of the passed checks, for the daily mean. */
  ms_total: number;
  visits: number;
}
