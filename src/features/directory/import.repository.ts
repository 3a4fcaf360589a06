import { newId, slugify } from "../../db/ids.js";
import type { DB } from "../../db/adapter.js";
import { categoryNames, type CategoryNames } from "./published-listings.js";
import {
  directoryDb,
  type MemberStatus,
  type MemberType,
  type RegistrationLoad,
} from "./directory.tables.js";
import type { MembersTable, ServiceAccess, ServiceStatus } from "./directory.tables.js";
import type { Selectable } from "kysely";
import {
  createMember,
  createService,
  updateMemberFields,
  updateServiceFields,
  upsertSoftware,
} from "./directory.repository.js";

/**
 * What the federation import (stats feature) may read and write in the directory: a structure and
 * its services as the fields a ChatonsInfos file can state, created or updated by the import. The
 * import decides which fields to write (it keeps what a structure edited); this module only writes.
 */

export interface ImportMemberFields {
  name?: string;
  description_fr?: string;
  type?: MemberType;
  status?: MemberStatus;
  status_description?: string;
  website?: string;
  logo_url?: string;
  contact_email?: string;
  contact_url?: string;
  legal_url?: string;
  joined_at?: string;
  country_code?: string;
  latitude?: number;
  longitude?: number;
}

export interface ImportServiceFields {
  name?: string;
  description_fr?: string;
  url?: string;
  status?: ServiceStatus;
  access?: ServiceAccess;
  registration_load?: RegistrationLoad;
  start_date?: string;
  host_country?: string;
}

export const IMPORT_MEMBER_FIELDS = [
  "name",
  "description_fr",
  "type",
  "status",
  "status_description",
  "website",
  "logo_url",
  "contact_email",
  "contact_url",
  "legal_url",
  "joined_at",
  "country_code",
  "latitude",
  "longitude",
] as const;

export const IMPORT_SERVICE_FIELDS = [
  "name",
  "description_fr",
  "url",
  "status",
  "access",
  "registration_load",
  "start_date",
  "host_country",
] as const;

export type FieldValues = Record<string, string | number | null>;

export interface ImportableMember {
  id: string;
  slug: string;
  website: string | null;
  filesAreSourceOfTruth: boolean;
  chatonsinfosUrl: string | null;
  values: FieldValues;
}

export interface ImportableService {
  id: string;
  slug: string;
  name: string;
  url: string;
  chatonsinfosUrl: string | null;
  categoryId: string;
  softwareSlug: string | null;
  softwareName: string | null;
  values: FieldValues;
}

function pick(row: Record<string, unknown>, fields: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) {
    const v = row[f];
    out[f] = typeof v === "string" || typeof v === "number" ? v : null;
  }
  return out;
}

/** The structure an organization file describes: the one that gave its URL, else by slug. */
export async function findImportableMember(
  db: DB,
  match: { chatonsinfosUrl: string; slug: string },
): Promise<ImportableMember | undefined> {
  const own = directoryDb(db);
  const row =
    (await own
      .selectFrom("members")
      .selectAll()
      .where("chatonsinfos_url", "=", match.chatonsinfosUrl)
      .executeTakeFirst()) ??
    (await own.selectFrom("members").selectAll().where("slug", "=", match.slug).executeTakeFirst());
  return row ? toImportableMember(row) : undefined;
}

function toImportableMember(row: Selectable<MembersTable>): ImportableMember {
  return {
    id: row.id,
    slug: row.slug,
    website: row.website,
    filesAreSourceOfTruth: row.chatonsinfos_source_of_truth === 1,
    chatonsinfosUrl: row.chatonsinfos_url,
    values: pick(row, IMPORT_MEMBER_FIELDS),
  };
}

/** Listed structures (not archived) with the fields the import compares; one of them by slug. */
export async function importableMembers(db: DB, only: { slug?: string } = {}): Promise<ImportableMember[]> {
  let query = directoryDb(db).selectFrom("members").selectAll().where("archived_at", "is", null);
  if (only.slug) query = query.where("slug", "=", only.slug);
  return (await query.execute()).map(toImportableMember);
}

/** A structure's services (archived ones left out), with the fields the import compares. */
export async function importableServices(db: DB, memberId: string): Promise<ImportableService[]> {
  const rows = await directoryDb(db)
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .selectAll("services")
    .select(["software.slug as software_slug", "software.name as software_name"])
    .where("services.member_id", "=", memberId)
    .where("services.archived_at", "is", null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    url: r.url,
    chatonsinfosUrl: r.chatonsinfos_url,
    categoryId: r.category_id,
    softwareSlug: r.software_slug,
    softwareName: r.software_name,
    values: pick(r, IMPORT_SERVICE_FIELDS),
  }));
}

async function freeSlug(taken: (slug: string) => Promise<boolean>, wanted: string): Promise<string> {
  const base = slugify(wanted).slice(0, 60) || "chaton";
  for (let i = 1; i < 100; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(slug))) return slug;
  }
  return `${base}-${newId().slice(0, 8)}`;
}

/** Creates a member structure of the collective from its organization file. Returns its id. */
export async function importNewMember(
  db: DB,
  input: { slug: string; chatonsinfosUrl: string; fields: ImportMemberFields },
  at: string,
): Promise<{ id: string; slug: string }> {
  const own = directoryDb(db);
  const slug = await freeSlug(
    async (s) =>
      (await own.selectFrom("members").select("id").where("slug", "=", s).executeTakeFirst()) !== undefined,
    input.slug,
  );
  const f = input.fields;
  const id = await createMember(
    db,
    {
      ...f,
      slug,
      name: f.name ?? slug,
      type: f.type ?? "association",
      description_fr: f.description_fr ?? "",
      description_en: "",
      membership: "member",
      status: f.status ?? "active",
      social_links: "{}",
      funding_links: "{}",
      chatonsinfos_url: input.chatonsinfosUrl,
      chatonsinfos_source_of_truth: 0,
    },
    at,
  );
  return { id, slug };
}

/** Writes the given fields of an existing structure (the import chose them). */
export async function importMemberFields(
  db: DB,
  memberId: string,
  fields: ImportMemberFields & { chatonsinfos_url?: string },
  at: string,
): Promise<void> {
  await updateMemberFields(db, memberId, fields, at);
}

/** Creates a service from its service file, in the category the software table gave. */
export async function importNewService(
  db: DB,
  input: {
    memberId: string;
    slug: string;
    categoryId: string;
    chatonsinfosUrl: string;
    softwareName: string | null;
    fields: ImportServiceFields & { url: string };
  },
  at: string,
): Promise<{ id: string; slug: string }> {
  const own = directoryDb(db);
  const slug = await freeSlug(
    async (s) =>
      (await own
        .selectFrom("services")
        .select("id")
        .where("member_id", "=", input.memberId)
        .where("slug", "=", s)
        .executeTakeFirst()) !== undefined,
    input.slug,
  );
  const f = input.fields;
  const softwareId = input.softwareName ? await upsertSoftware(db, { name: input.softwareName }, at) : null;
  const id = await createService(
    db,
    input.memberId,
    {
      ...f,
      slug,
      name: f.name ?? slug,
      description_fr: f.description_fr ?? "",
      description_en: "",
      category_id: input.categoryId,
      software_id: softwareId,
      access: f.access ?? "open",
      registration_load: f.registration_load ?? "open",
      price: "free",
      audience: JSON.stringify(["everyone"]),
      languages: JSON.stringify(["fr"]),
      host_country: f.host_country ?? null,
      status: f.status ?? "ok",
      start_date: f.start_date ?? null,
      chatonsinfos_url: input.chatonsinfosUrl,
    },
    at,
  );
  return { id, slug };
}

/** Writes the given fields of an existing service; a software name links (or creates) the software. */
export async function importServiceFields(
  db: DB,
  serviceId: string,
  fields: ImportServiceFields & { chatonsinfos_url?: string },
  softwareName: string | undefined,
  at: string,
): Promise<void> {
  const softwareId = softwareName ? await upsertSoftware(db, { name: softwareName }, at) : undefined;
  await updateServiceFields(
    db,
    serviceId,
    { ...fields, ...(softwareId ? { software_id: softwareId } : {}) },
    at,
  );
}

export interface CategoryChoice {
  id: string;
  names: CategoryNames;
}

/** Categories an admin can place a service in (not archived), in the taxonomy's order. */
export async function categoryChoices(db: DB): Promise<CategoryChoice[]> {
  const rows = await directoryDb(db)
    .selectFrom("categories")
    .select(["id", "name_fr", "name_en", "name_de"])
    .where("archived_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, names: categoryNames(r) }));
}
