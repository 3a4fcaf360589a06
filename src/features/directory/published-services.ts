import { toCount, type DB } from "../../db/adapter.js";
import { directoryDb, type ServiceAccess, type ServiceStatus } from "./directory.tables.js";

/** What the directory publishes about listed services (re-exported by published.ts). */

export interface ListedService {
  id: string;
  memberId: string;
  slug: string;
  name: string;
  url: string;
  categoryId: string;
  access: ServiceAccess;
  status: ServiceStatus;
  softwareSlug: string | null;
  softwareName: string | null;
}

function servicesQuery(db: DB) {
  return directoryDb(db)
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .select([
      "services.id",
      "services.member_id",
      "services.slug",
      "services.name",
      "services.url",
      "services.category_id",
      "services.access",
      "services.status",
      "software.slug as software_slug",
      "software.name as software_name",
    ])
    .where("services.archived_at", "is", null);
}

type ServiceQueryRow = Awaited<ReturnType<ReturnType<typeof servicesQuery>["executeTakeFirstOrThrow"]>>;

const toListedService = (r: ServiceQueryRow): ListedService => ({
  id: r.id,
  memberId: r.member_id,
  slug: r.slug,
  name: r.name,
  url: r.url,
  categoryId: r.category_id,
  access: r.access,
  status: r.status,
  softwareSlug: r.software_slug,
  softwareName: r.software_name,
});

/** A structure's listed services (not archived), by name. */
export async function listedServices(db: DB, memberId: string): Promise<ListedService[]> {
  const rows = await servicesQuery(db)
    .where("services.member_id", "=", memberId)
    .orderBy("services.name")
    .execute();
  return rows.map(toListedService);
}

/** Listed services of one category offered by member structures of the collective (call links…). */
export async function memberServicesInCategory(db: DB, categoryId: string): Promise<ListedService[]> {
  const rows = await servicesQuery(db)
    .innerJoin("members", "members.id", "services.member_id")
    .where("services.category_id", "=", categoryId)
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .orderBy("services.name")
    .execute();
  return rows.map(toListedService);
}

/** Listed services by id; archived ones (and unknown ids) are absent from the map. */
export async function listedServicesByIds(
  db: DB,
  ids: readonly string[],
): Promise<Map<string, ListedService>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, ListedService>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await servicesQuery(db)
      .where("services.id", "in", unique.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.id, toListedService(row));
  }
  return out;
}

/** Every listed service of a listed structure, or only those of one category. */
export async function allListedServices(
  db: DB,
  options: { categoryId?: string } = {},
): Promise<ListedService[]> {
  let query = servicesQuery(db)
    .innerJoin("members", "members.id", "services.member_id")
    .where("members.archived_at", "is", null)
    .orderBy("services.member_id")
    .orderBy("services.name");
  if (options.categoryId) query = query.where("services.category_id", "=", options.categoryId);
  return (await query.execute()).map(toListedService);
}

export async function listedServiceById(db: DB, id: string): Promise<ListedService | undefined> {
  const row = await servicesQuery(db).where("services.id", "=", id).executeTakeFirst();
  return row ? toListedService(row) : undefined;
}

export async function countListedServices(db: DB, memberId: string): Promise<number> {
  const row = await directoryDb(db)
    .selectFrom("services")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("member_id", "=", memberId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return toCount(row?.n);
}
