import type { Insertable, Selectable, Updateable } from "kysely";
import type { DB } from "../../db/adapter.js";
import { flag, isSet, toCount } from "../../db/adapter.js";
import { newId, nowIso } from "../../db/ids.js";
import {
  entraideDb,
  type Approval,
  type EntraideInstancesTable,
  type EntraideServicesTable,
  type Health,
} from "./entraide.tables.js";
import { isReason, type Reason } from "./health.js";
import type { Locale } from "../../i18n/index.js";

/** The portal's services and the instances members lend to them. */

export interface PortalServiceFields {
  /** As written: the German is '' until someone writes it (pages show them through writtenText). */
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  icon: string;
  categoryId: string;
  /** Software slugs that provide it. */
  software: string[];
  position: number;
  enabled: boolean;
}

/** A portal service as stored. */
export interface PortalService extends PortalServiceFields {
  id: string;
}

export function parseSoftwareList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const toService = (r: Selectable<EntraideServicesTable>): PortalService => ({
  id: r.id,
  name: { fr: r.name_fr, en: r.name_en, de: r.name_de },
  description: { fr: r.description_fr, en: r.description_en, de: r.description_de },
  icon: r.icon,
  categoryId: r.category_id,
  software: parseSoftwareList(r.software),
  position: r.position,
  enabled: isSet(r.enabled),
});

const serviceColumns = (f: PortalServiceFields) => ({
  name_fr: f.name.fr,
  name_en: f.name.en,
  name_de: f.name.de,
  description_fr: f.description.fr,
  description_en: f.description.en,
  description_de: f.description.de,
  icon: f.icon,
  category_id: f.categoryId,
  software: JSON.stringify(f.software),
  position: Math.round(f.position),
  enabled: flag(f.enabled),
});

export async function listServices(
  db: DB,
  options: { enabledOnly?: boolean } = {},
): Promise<PortalService[]> {
  let q = entraideDb(db).selectFrom("entraide_services").selectAll().orderBy("position").orderBy("id");
  if (options.enabledOnly) q = q.where("enabled", "=", 1);
  return (await q.execute()).map(toService);
}

export async function findService(db: DB, id: string): Promise<PortalService | undefined> {
  const row = await entraideDb(db)
    .selectFrom("entraide_services")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toService(row);
}

export async function insertService(db: DB, id: string, fields: PortalServiceFields): Promise<void> {
  const at = nowIso();
  await entraideDb(db)
    .insertInto("entraide_services")
    .values({ id, ...serviceColumns(fields), created_at: at, updated_at: at })
    .execute();
}

export async function updateService(db: DB, id: string, fields: PortalServiceFields): Promise<void> {
  await entraideDb(db)
    .updateTable("entraide_services")
    .set({ ...serviceColumns(fields), updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

/** An instance as the feature knows it; its address and software are the directory service's. */
export interface Instance {
  id: string;
  serviceId: string;
  memberId: string;
  directoryServiceId: string | null;
  /** The address the platform admins approved (or that was proposed, while pending). */
  reviewedUrl: string;
  weight: number;
  maxShare: number | null;
  paused: boolean;
  approval: Approval;
  health: Health;
  failures: number;
  successes: number;
  judgedUntil: string | null;
  lastCheckedAt: string | null;
  lastStatus: number | null;
  lastMs: number | null;
  lastReason: Reason | null;
  healthChangedAt: string | null;
  alertedAt: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

const toInstance = (r: Selectable<EntraideInstancesTable>): Instance => ({
  id: r.id,
  serviceId: r.service_id,
  memberId: r.member_id,
  directoryServiceId: r.directory_service_id,
  reviewedUrl: r.reviewed_url,
  weight: r.weight,
  maxShare: r.max_share,
  paused: isSet(r.paused),
  approval: r.approval,
  health: r.health,
  failures: r.failures,
  successes: r.successes,
  judgedUntil: r.judged_until,
  lastCheckedAt: r.last_checked_at,
  lastStatus: r.last_status,
  lastMs: r.last_ms,
  lastReason: isReason(r.last_reason) ? r.last_reason : null,
  healthChangedAt: r.health_changed_at,
  alertedAt: r.alerted_at,
  createdAt: r.created_at,
  reviewedAt: r.reviewed_at,
});

function instances(db: DB) {
  return entraideDb(db).selectFrom("entraide_instances").selectAll().where("archived_at", "is", null);
}

export async function findInstance(db: DB, id: string): Promise<Instance | undefined> {
  const row = await instances(db).where("id", "=", id).executeTakeFirst();
  return row && toInstance(row);
}

export async function memberInstances(db: DB, memberId: string): Promise<Instance[]> {
  return (await instances(db).where("member_id", "=", memberId).orderBy("created_at").execute()).map(
    toInstance,
  );
}

export async function allInstances(db: DB): Promise<Instance[]> {
  return (await instances(db).orderBy("created_at").execute()).map(toInstance);
}

/** Approved and unpaused: the instances the portal judges, and may send visitors to when up. */
export async function activeInstances(db: DB, options: { upOnly?: boolean } = {}): Promise<Instance[]> {
  let q = instances(db).where("approval", "=", "approved").where("paused", "=", 0);
  if (options.upOnly) q = q.where("health", "=", "up");
  return (await q.execute()).map(toInstance);
}

export interface NewInstance {
  serviceId: string;
  memberId: string;
  directoryServiceId: string;
  reviewedUrl: string;
  weight: number;
  maxShare: number | null;
  createdBy: string;
}

export async function insertInstance(db: DB, row: NewInstance): Promise<string> {
  const id = newId();
  const at = nowIso();
  await entraideDb(db)
    .insertInto("entraide_instances")
    .values({
      id,
      service_id: row.serviceId,
      member_id: row.memberId,
      directory_service_id: row.directoryServiceId,
      reviewed_url: row.reviewedUrl,
      weight: row.weight,
      max_share: row.maxShare,
      paused: 0,
      approval: "pending",
      health: "unknown",
      failures: 0,
      successes: 0,
      created_by: row.createdBy,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Whole rows at once, already reviewed and with a history (the demo collective). */
export async function insertSeeded(db: DB, rows: Insertable<EntraideInstancesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await entraideDb(db)
      .insertInto("entraide_instances")
      .values(rows.slice(i, i + 100))
      .execute();
}

/** The changes a person (or a check) makes to an instance, in the feature's terms. */
export interface InstanceChanges {
  directoryServiceId?: string;
  reviewedUrl?: string;
  weight?: number;
  maxShare?: number | null;
  paused?: boolean;
  approval?: Approval;
  reviewedBy?: string;
  reviewedAt?: string;
  archivedAt?: string;
  /** Forget the health: another address (or a new review) is judged afresh from now on. */
  resetHealth?: { judgedUntil: string };
}

function columns(c: InstanceChanges): Updateable<EntraideInstancesTable> {
  return {
    ...(c.directoryServiceId !== undefined ? { directory_service_id: c.directoryServiceId } : {}),
    ...(c.reviewedUrl !== undefined ? { reviewed_url: c.reviewedUrl } : {}),
    ...(c.weight !== undefined ? { weight: c.weight } : {}),
    ...(c.maxShare !== undefined ? { max_share: c.maxShare } : {}),
    ...(c.paused !== undefined ? { paused: flag(c.paused) } : {}),
    ...(c.approval !== undefined ? { approval: c.approval } : {}),
    ...(c.reviewedBy !== undefined ? { reviewed_by: c.reviewedBy } : {}),
    ...(c.reviewedAt !== undefined ? { reviewed_at: c.reviewedAt } : {}),
    ...(c.archivedAt !== undefined ? { archived_at: c.archivedAt } : {}),
    ...(c.resetHealth
      ? {
          health: "unknown" as const,
          failures: 0,
          successes: 0,
          alerted_at: null,
          last_reason: null,
          judged_until: c.resetHealth.judgedUntil,
        }
      : {}),
  };
}

export async function updateInstance(db: DB, id: string, changes: InstanceChanges): Promise<void> {
  await entraideDb(db)
    .updateTable("entraide_instances")
    .set({ ...columns(changes), updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

export async function countPending(db: DB): Promise<number> {
  const row = await entraideDb(db)
    .selectFrom("entraide_instances")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("approval", "=", "pending")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return toCount(row?.n);
}
