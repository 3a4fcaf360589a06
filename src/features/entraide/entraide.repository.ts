import type { Insertable, Updateable } from "kysely";
import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import { newId, nowIso } from "../../db/ids.js";
import type { Approval, EntraideInstancesTable, EntraideServicesTable } from "./entraide.tables.js";

/** All SQL of the entraide feature. */

export type ServiceRow = EntraideServicesTable;

export function parseSoftwareList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export async function listServices(db: DB, options: { enabledOnly?: boolean } = {}) {
  let q = db.selectFrom("entraide_services").selectAll().orderBy("position").orderBy("id");
  if (options.enabledOnly) q = q.where("enabled", "=", 1);
  return q.execute();
}

export async function findService(db: DB, id: string) {
  return db.selectFrom("entraide_services").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertService(db: DB, row: Insertable<EntraideServicesTable>) {
  await db.insertInto("entraide_services").values(row).execute();
}

export async function updateService(db: DB, id: string, changes: Updateable<EntraideServicesTable>) {
  await db
    .updateTable("entraide_services")
    .set({ ...changes, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

/** The instances that may receive visitors right now, with what the portal page says about them. */
export async function liveInstances(db: DB) {
  return db
    .selectFrom("entraide_instances as i")
    .innerJoin("members as m", "m.id", "i.member_id")
    .select([
      "i.id",
      "i.service_id",
      "i.url",
      "i.software",
      "i.weight",
      "i.max_share",
      "m.slug as member_slug",
      "m.name as member_name",
      "m.tos_url",
    ])
    .where("i.approval", "=", "approved")
    .where("i.paused", "=", 0)
    .where("i.health", "=", "up")
    .where("i.archived_at", "is", null)
    .where("m.archived_at", "is", null)
    .where("m.membership", "=", "member")
    .orderBy("m.name")
    .execute();
}

const instanceColumns = [
  "i.id",
  "i.service_id",
  "i.member_id",
  "i.url",
  "i.software",
  "i.weight",
  "i.max_share",
  "i.paused",
  "i.approval",
  "i.health",
  "i.failures",
  "i.successes",
  "i.last_checked_at",
  "i.last_status",
  "i.last_ms",
  "i.last_reason",
  "i.health_changed_at",
  "i.alerted_at",
  "i.created_at",
  "i.reviewed_at",
  "m.slug as member_slug",
  "m.name as member_name",
  "s.name_fr as service_name_fr",
  "s.name_en as service_name_en",
] as const;

function instancesQuery(db: DB) {
  return db
    .selectFrom("entraide_instances as i")
    .innerJoin("members as m", "m.id", "i.member_id")
    .innerJoin("entraide_services as s", "s.id", "i.service_id")
    .select(instanceColumns)
    .where("i.archived_at", "is", null);
}

export type InstanceView = NonNullable<Awaited<ReturnType<typeof findInstance>>>;

export async function findInstance(db: DB, id: string) {
  return instancesQuery(db).where("i.id", "=", id).executeTakeFirst();
}

export async function listMemberInstances(db: DB, memberId: string) {
  return instancesQuery(db).where("i.member_id", "=", memberId).orderBy("s.position").execute();
}

export async function listAllInstances(db: DB) {
  return instancesQuery(db).orderBy("i.approval", "desc").orderBy("s.position").orderBy("m.name").execute();
}

export async function insertInstance(
  db: DB,
  row: Omit<
    Insertable<EntraideInstancesTable>,
    "id" | "created_at" | "updated_at" | "approval" | "health" | "failures" | "successes"
  >,
): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db
    .insertInto("entraide_instances")
    .values({
      ...row,
      id,
      approval: "pending",
      health: "unknown",
      failures: 0,
      successes: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateInstance(db: DB, id: string, changes: Updateable<EntraideInstancesTable>) {
  await db
    .updateTable("entraide_instances")
    .set({ ...changes, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

export async function review(db: DB, id: string, approval: Approval, personId: string) {
  const at = nowIso();
  await db
    .updateTable("entraide_instances")
    .set({ approval, reviewed_by: personId, reviewed_at: at, updated_at: at })
    .where("id", "=", id)
    .execute();
}

/** Members offering the service in the directory, for when no portal instance is healthy. */
export async function alternatives(db: DB, categoryId: string) {
  return db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select([
      "members.slug",
      "members.name",
      "services.name as service_name",
      "services.url",
      "services.access",
    ])
    .where("services.category_id", "=", categoryId)
    .where("services.archived_at", "is", null)
    .where("services.status", "in", ["ok", "maintenance"])
    .where("services.access", "in", ["none", "open"])
    .where("members.archived_at", "is", null)
    .where("members.membership", "=", "member")
    .orderBy("members.name")
    .limit(50)
    .execute();
}

export async function countPending(db: DB): Promise<number> {
  const row = await db
    .selectFrom("entraide_instances")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("approval", "=", "pending")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function findMemberBySlug(db: DB, slug: string) {
  return db
    .selectFrom("members")
    .select(["id", "slug", "name", "membership"])
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}
