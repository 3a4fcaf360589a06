import { ownedTables } from "../../db/adapter.js";

/** Tables owned by the entraide feature (see entraide.migrations.ts). */
export interface EntraideTables {
  entraide_services: EntraideServicesTable;
  entraide_instances: EntraideInstancesTable;
  entraide_visits: EntraideVisitsTable;
}

/** A service of the portal (pad, video call…): data, editable by platform admins. */
export interface EntraideServicesTable {
  /** A stable slug, the last segment of /entraide/<id>. */
  id: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  /** '' when nobody wrote it: German pages show the English. */
  name_de: string;
  description_de: string;
  /** File name (without .svg) under /assets/entraide/. */
  icon: string;
  /** The directory category: members lend services of this category, and are listed outside the portal. */
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

/**
 * A directory service a member lends to a portal service. Its address and software are the
 * directory service's (decision 034); `reviewed_url` is the address the platform admins approved,
 * and visitors are sent only while the directory still gives that address.
 */
export interface EntraideInstancesTable {
  id: string;
  service_id: string;
  member_id: string;
  /** The directory's service (services.id); null only for rows a migration could not link. */
  directory_service_id: string | null;
  reviewed_url: string;
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
  /** The last observation folded into the health (a probe_observations id), or where to start. */
  judged_until: string | null;
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

/** Visitors sent, one row per instance and day: counted, never itemised. */
export interface EntraideVisitsTable {
  instance_id: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  visits: number;
}

/** The entraide feature's view of the database: only its repositories use it (see OwnDb). */
export const entraideDb = ownedTables<EntraideTables>();
