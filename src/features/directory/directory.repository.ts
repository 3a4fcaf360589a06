import type { Insertable, Selectable, Updateable } from "kysely";
import type { DB } from "../../db/adapter.js";
import { searchable } from "../../db/adapter.js";
import { newId, nowIso, slugify } from "../../db/ids.js";
import {
  directoryDb,
  type CategoriesTable,
  type MembersTable,
  type ServicesTable,
  type SoftwareTable,
} from "./directory.tables.js";
import { invalidateDirectory } from "./finder/snapshot.js";

/**
 * All SQL about members, services, categories and software. Other features import from here:
 * findMemberBySlug, listServicesOfMember, updateMemberFields and updateServiceFields (the stats
 * feature imports crawled ChatonsInfos data with the last two; see the mapping in
 * directory.tables.ts). Writes through these functions refresh the in-memory directory at once;
 * writes straight to the tables show within two seconds (snapshot.ts).
 */

export type MemberRow = Selectable<MembersTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type SoftwareRow = Selectable<SoftwareTable>;

/** Columns a caller may set on a member; id, timestamps and search_text are ours. */
export type MemberFields = Omit<Updateable<MembersTable>, "id" | "created_at" | "updated_at" | "search_text">;
export type ServiceFields = Omit<
  Updateable<ServicesTable>,
  "id" | "member_id" | "created_at" | "updated_at" | "search_text"
>;
export type NewMember = Omit<Insertable<MembersTable>, "id" | "created_at" | "updated_at" | "search_text">;
export type NewService = Omit<
  Insertable<ServicesTable>,
  "id" | "member_id" | "created_at" | "updated_at" | "search_text"
>;

export async function findMemberBySlug(db: DB, slug: string): Promise<MemberRow | undefined> {
  return directoryDb(db).selectFrom("members").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findMemberById(db: DB, id: string): Promise<MemberRow | undefined> {
  return directoryDb(db).selectFrom("members").selectAll().where("id", "=", id).executeTakeFirst();
}

export function memberSearchText(
  m: Pick<MemberRow, "name" | "city" | "region" | "country_code" | "description_fr" | "description_en">,
) {
  return searchable(m.name, m.city, m.region, m.country_code, m.description_fr, m.description_en);
}

export interface ServiceDetail extends ServiceRow {
  category_family: string;
  category_name_fr: string;
  category_name_en: string;
  category_name_de: string;
  software_slug: string | null;
  software_name: string | null;
  software_license: string | null;
  software_source_url: string | null;
}

function servicesWithRefs(db: DB) {
  return directoryDb(db)
    .selectFrom("services")
    .innerJoin("categories", "categories.id", "services.category_id")
    .leftJoin("software", "software.id", "services.software_id")
    .selectAll("services")
    .select([
      "categories.family as category_family",
      "categories.name_fr as category_name_fr",
      "categories.name_en as category_name_en",
      "categories.name_de as category_name_de",
      "software.slug as software_slug",
      "software.name as software_name",
      "software.license as software_license",
      "software.source_url as software_source_url",
    ]);
}

/** A member's services with their category and software, archived ones left out unless asked. */
export async function listServicesOfMember(
  db: DB,
  memberId: string,
  options: { includeArchived?: boolean } = {},
): Promise<ServiceDetail[]> {
  let query = servicesWithRefs(db)
    .where("services.member_id", "=", memberId)
    .orderBy("categories.position")
    .orderBy("services.name");
  if (!options.includeArchived) query = query.where("services.archived_at", "is", null);
  return query.execute();
}

export async function findServiceBySlug(
  db: DB,
  memberId: string,
  slug: string,
): Promise<ServiceDetail | undefined> {
  return servicesWithRefs(db)
    .where("services.member_id", "=", memberId)
    .where("services.slug", "=", slug)
    .executeTakeFirst();
}

/** Recomputes the search text of services (all, or those of a member or a category). */
export async function refreshServiceSearch(
  db: DB,
  where: { memberId?: string; categoryId?: string; serviceId?: string },
): Promise<void> {
  let query = servicesWithRefs(db)
    .innerJoin("members", "members.id", "services.member_id")
    .select([
      "members.name as member_name",
      "members.city as member_city",
      "members.region as member_region",
    ]);
  if (where.memberId) query = query.where("services.member_id", "=", where.memberId);
  if (where.categoryId) query = query.where("services.category_id", "=", where.categoryId);
  if (where.serviceId) query = query.where("services.id", "=", where.serviceId);
  for (const s of await query.execute()) {
    const text = searchable(
      s.name,
      s.software_name,
      s.category_name_fr,
      s.category_name_en,
      s.category_name_de,
      s.member_name,
      s.member_city,
      s.member_region,
      s.description_fr,
      s.description_en,
    );
    if (text !== s.search_text)
      await directoryDb(db)
        .updateTable("services")
        .set({ search_text: text })
        .where("id", "=", s.id)
        .execute();
  }
}

export async function createMember(db: DB, fields: NewMember, at = nowIso()): Promise<string> {
  const id = newId();
  await directoryDb(db)
    .insertInto("members")
    .values({
      ...fields,
      id,
      created_at: at,
      updated_at: at,
      search_text: memberSearchText({
        name: fields.name,
        city: fields.city ?? null,
        region: fields.region ?? null,
        country_code: fields.country_code ?? null,
        description_fr: fields.description_fr ?? "",
        description_en: fields.description_en ?? "",
      }),
    })
    .execute();
  invalidateDirectory();
  return id;
}

/**
 * Updates a member from a plain object of columns (any subset), keeping search_text and
 * updated_at right, and the search text of its services when its name or place changed.
 * Returns false when there is no such member.
 */
export async function updateMemberFields(
  db: DB,
  memberId: string,
  fields: MemberFields,
  at = nowIso(),
): Promise<boolean> {
  const current = await findMemberById(db, memberId);
  if (!current) return false;
  const merged = { ...current, ...fields };
  await directoryDb(db)
    .updateTable("members")
    .set({ ...fields, updated_at: at, search_text: memberSearchText(merged) })
    .where("id", "=", memberId)
    .execute();
  if (fields.name !== undefined || fields.city !== undefined || fields.region !== undefined)
    await refreshServiceSearch(db, { memberId });
  invalidateDirectory();
  return true;
}

export async function createService(
  db: DB,
  memberId: string,
  fields: NewService,
  at = nowIso(),
): Promise<string> {
  const id = newId();
  await directoryDb(db)
    .insertInto("services")
    .values({ ...fields, id, member_id: memberId, created_at: at, updated_at: at, search_text: "" })
    .execute();
  await refreshServiceSearch(db, { serviceId: id });
  invalidateDirectory();
  return id;
}

/** Updates a service from a plain object of columns (any subset). False when there is none. */
export async function updateServiceFields(
  db: DB,
  serviceId: string,
  fields: ServiceFields,
  at = nowIso(),
): Promise<boolean> {
  const result = await directoryDb(db)
    .updateTable("services")
    .set({ ...fields, updated_at: at })
    .where("id", "=", serviceId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await refreshServiceSearch(db, { serviceId });
  invalidateDirectory();
  return true;
}

export async function slugTaken(db: DB, slug: string, exceptMemberId?: string): Promise<boolean> {
  let query = directoryDb(db).selectFrom("members").select("id").where("slug", "=", slug);
  if (exceptMemberId) query = query.where("id", "<>", exceptMemberId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function serviceSlugTaken(
  db: DB,
  memberId: string,
  slug: string,
  exceptServiceId?: string,
): Promise<boolean> {
  let query = directoryDb(db)
    .selectFrom("services")
    .select("id")
    .where("member_id", "=", memberId)
    .where("slug", "=", slug);
  if (exceptServiceId) query = query.where("id", "<>", exceptServiceId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listCategories(
  db: DB,
  options: { includeArchived?: boolean } = {},
): Promise<CategoryRow[]> {
  let query = directoryDb(db).selectFrom("categories").selectAll().orderBy("position").orderBy("id");
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return query.execute();
}

export async function listSoftware(db: DB): Promise<SoftwareRow[]> {
  return directoryDb(db).selectFrom("software").selectAll().orderBy("name").execute();
}

/**
 * The software of that name (case and accents ignored), created when unknown. Licence and source
 * are filled in when they were missing, never overwritten.
 */
export async function upsertSoftware(
  db: DB,
  sw: { name: string; license?: string | null; source_url?: string | null; website?: string | null },
  at = nowIso(),
): Promise<string> {
  const slug = slugify(sw.name) || "software";
  const existing = await directoryDb(db)
    .selectFrom("software")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (existing) {
    const patch: Updateable<SoftwareTable> = {};
    if (!existing.license && sw.license) patch.license = sw.license;
    if (!existing.source_url && sw.source_url) patch.source_url = sw.source_url;
    if (!existing.website && sw.website) patch.website = sw.website;
    if (Object.keys(patch).length > 0)
      await directoryDb(db).updateTable("software").set(patch).where("id", "=", existing.id).execute();
    return existing.id;
  }
  const id = newId();
  await directoryDb(db)
    .insertInto("software")
    .values({
      id,
      slug,
      name: sw.name,
      license: sw.license ?? null,
      source_url: sw.source_url ?? null,
      website: sw.website ?? null,
      created_at: at,
    })
    .execute();
  return id;
}
