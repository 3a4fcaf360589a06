import { toCount, type DB } from "../../db/adapter.js";
import { nowIso } from "../../db/ids.js";
import { directoryDb, type Membership, type MemberStatus } from "./directory.tables.js";
import { lastSnapshot, loadSnapshot } from "./finder/snapshot.js";
import { SHIPPED_CATALOGUE } from "./alternatives/catalogue.js";
import type { CategoryNameColumns } from "./labels.js";

/**
 * What the directory publishes to the other features: member structures and their services as
 * domain values, and the few changes others may ask for (admitting a member after a vote). Other
 * features never query the directory's tables; they call these.
 */

export interface Structure {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  membership: Membership;
  status: MemberStatus;
  tosUrl: string | null;
  legalUrl: string | null;
  contactEmail: string | null;
  chatonsinfosUrl: string | null;
  /** The structure chose its ChatonsInfos files over what is typed in the platform. */
  filesAreSourceOfTruth: boolean;
  joinedAt: string | null;
  joinedRound: string | null;
  countryCode: string | null;
  archived: boolean;
}

const structureColumns = [
  "id",
  "slug",
  "name",
  "website",
  "membership",
  "status",
  "tos_url",
  "legal_url",
  "contact_email",
  "chatonsinfos_url",
  "chatonsinfos_source_of_truth",
  "joined_at",
  "joined_round",
  "country_code",
  "archived_at",
] as const;

function structuresQuery(db: DB) {
  return directoryDb(db).selectFrom("members").select(structureColumns);
}

type StructureRow = Awaited<ReturnType<ReturnType<typeof structuresQuery>["executeTakeFirstOrThrow"]>>;

function toStructure(row: StructureRow): Structure {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    website: row.website,
    membership: row.membership,
    status: row.status,
    tosUrl: row.tos_url,
    legalUrl: row.legal_url,
    contactEmail: row.contact_email,
    chatonsinfosUrl: row.chatonsinfos_url,
    filesAreSourceOfTruth: row.chatonsinfos_source_of_truth === 1,
    joinedAt: row.joined_at,
    joinedRound: row.joined_round,
    countryCode: row.country_code,
    archived: row.archived_at !== null,
  };
}

export async function structureById(db: DB, id: string): Promise<Structure | undefined> {
  const row = await structuresQuery(db).where("id", "=", id).executeTakeFirst();
  return row ? toStructure(row) : undefined;
}

/** A structure by its slug, archived or not. */
export async function structureBySlug(db: DB, slug: string): Promise<Structure | undefined> {
  const row = await structuresQuery(db).where("slug", "=", slug).executeTakeFirst();
  return row ? toStructure(row) : undefined;
}

/** A structure listed in the directory (not archived), by its slug. */
export async function findListedMember(db: DB, slug: string): Promise<Structure | undefined> {
  const row = await structuresQuery(db)
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return row ? toStructure(row) : undefined;
}

/** Structures by id, archived ones included (a past ballot still names its voter). */
export async function structuresByIds(db: DB, ids: readonly string[]): Promise<Map<string, Structure>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Structure>();
  // Chunks keep the parameter count under SQLite's limit.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await structuresQuery(db)
      .where("id", "in", unique.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.id, toStructure(row));
  }
  return out;
}

/** Listed structures, by name; only those in the given standing when asked. */
export async function listStructures(
  db: DB,
  options: { membership?: Membership; includeArchived?: boolean } = {},
): Promise<Structure[]> {
  let query = structuresQuery(db).orderBy("name");
  if (options.membership) query = query.where("membership", "=", options.membership);
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return (await query.execute()).map(toStructure);
}

/** The structures that vote: members of the collective, not archived. */
export async function collectiveMemberIds(db: DB): Promise<string[]> {
  const rows = await directoryDb(db)
    .selectFrom("members")
    .select("id")
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A candidate accepted by the collective becomes a member, joined with that round. The caller
 * writes the audit entry in the same transaction.
 */
export async function admitMember(
  db: DB,
  memberId: string,
  join: { round: string; at: string },
): Promise<void> {
  await directoryDb(db)
    .updateTable("members")
    .set({
      membership: "member",
      joined_at: join.at.slice(0, 10),
      joined_round: join.round,
      updated_at: join.at,
    })
    .where("id", "=", memberId)
    .execute();
}

/** Records where a structure publishes its ChatonsInfos organization file. */
export async function setChatonsinfosUrl(db: DB, memberId: string, url: string | null): Promise<void> {
  await directoryDb(db)
    .updateTable("members")
    .set({ chatonsinfos_url: url, updated_at: nowIso() })
    .where("id", "=", memberId)
    .execute();
}

/** "My files are my source of truth": the import may then overwrite what is typed in the platform. */
export async function setSourceOfTruth(db: DB, memberId: string, files: boolean): Promise<void> {
  await directoryDb(db)
    .updateTable("members")
    .set({ chatonsinfos_source_of_truth: files ? 1 : 0, updated_at: nowIso() })
    .where("id", "=", memberId)
    .execute();
}

/** The collective in three numbers, for the home page. */
export interface CollectiveFigures {
  members: number;
  services: number;
  categories: number;
}

export async function collectiveFigures(db: DB): Promise<CollectiveFigures> {
  const members = await directoryDb(db)
    .selectFrom("members")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  const services = await directoryDb(db)
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .where("services.archived_at", "is", null)
    .executeTakeFirst();
  const categories = await directoryDb(db)
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => eb.fn.count("services.category_id").distinct().as("n"))
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .where("services.archived_at", "is", null)
    .executeTakeFirst();
  return { members: toCount(members?.n), services: toCount(services?.n), categories: toCount(categories?.n) };
}

/** What the directory holds about a structure, for its export (search columns left out, JSON parsed). */
export async function structureExportData(db: DB, memberId: string) {
  const own = directoryDb(db);
  const member = await own
    .selectFrom("members")
    .selectAll()
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
  const services = await own
    .selectFrom("services")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("slug")
    .execute();
  const { search_text: _search, ...memberFields } = member;
  return {
    member: {
      ...memberFields,
      social_links: parseJson(member.social_links),
      funding_links: parseJson(member.funding_links),
      avatar: parseJson(member.avatar),
    },
    services: services.map(({ search_text: _s, ...s }) => ({
      ...s,
      audience: parseJson(s.audience),
      languages: parseJson(s.languages),
    })),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Names of the proprietary services the catalogue knows, by name: the home page's suggestions. */
export async function leavableServices(db: DB): Promise<string[]> {
  return (await loadSnapshot(db)).alternatives.entries.map((e) => e.name);
}

/**
 * Names of the proprietary services that a category's services replace ("pad" → Google Docs,
 * Notion…). Answered from memory, without waiting: the catalogue as last read from the database,
 * or the shipped one before the directory was first read.
 */
export function replacedServiceNames(db: DB, categoryId: string): string[] {
  const index = lastSnapshot(db)?.alternatives;
  if (index) return (index.byCategory.get(categoryId) ?? []).flatMap((id) => index.byId.get(id)?.name ?? []);
  return SHIPPED_CATALOGUE.filter((e) => e.categories.includes(categoryId))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Every category's names by id, archived ones included (stats and history still name them): show one
 * with `categoryLabel(locale, names)`, which picks the reader's language (German, else English,
 * else French) and says which language it picked.
 */
export async function categoryNamesById(db: DB): Promise<Map<string, CategoryNameColumns>> {
  const rows = await directoryDb(db)
    .selectFrom("categories")
    .select(["id", "name_fr", "name_en", "name_de"])
    .execute();
  return new Map(rows.map((r) => [r.id, { name_fr: r.name_fr, name_en: r.name_en, name_de: r.name_de }]));
}

export { categoryLabel, type CategoryNameColumns } from "./labels.js";

export {
  allListedServices,
  countListedServices,
  listedServiceById,
  listedServices,
  listedServicesByIds,
  memberServicesInCategory,
  type ListedService,
} from "./published-services.js";

// The federation import (stats feature) creates and updates structures and services through these.
export {
  IMPORT_MEMBER_FIELDS,
  IMPORT_SERVICE_FIELDS,
  categoryChoices,
  findImportableMember,
  importableMembers,
  importMemberFields,
  importNewMember,
  importNewService,
  importServiceFields,
  importableServices,
  type CategoryChoice,
  type FieldValues,
  type ImportMemberFields,
  type ImportServiceFields,
  type ImportableMember,
  type ImportableService,
} from "./import.repository.js";
