import { toCount, type DB } from "../../db/adapter.js";
import type { Locale } from "../../i18n/locales.js";
import { categoryName } from "./directory.components.js";
import type { CategoryNameColumns } from "./labels.js";
import { directoryDb, type ServiceFamily, type ServiceStatus } from "./directory.tables.js";
import { directoryVersion } from "./finder/snapshot.js";

/**
 * What the directory publishes for features that list or count its services next to their own
 * figures (the stats pages): services with their structure, category and software, and the
 * directory's counts. Domain values only; the rows stay here.
 */

/** A category's name in each language, as the directory shows it. */
export type CategoryNames = Record<Locale, string>;

/** The name each language shows: its own column when written, else English, else French (categoryLabel). */
export function categoryNames(row: CategoryNameColumns): CategoryNames {
  return { fr: categoryName("fr", row), en: categoryName("en", row), de: categoryName("de", row) };
}

export interface ServiceListing {
  id: string;
  slug: string;
  name: string;
  url: string;
  status: ServiceStatus;
  categoryId: string;
  category: CategoryNames;
  memberId: string;
  memberSlug: string;
  memberName: string;
  softwareSlug: string | null;
  softwareName: string | null;
}

/** Listed services of the collective's members, by structure then service name. */
export async function memberServiceListings(
  db: DB,
  filter: { software?: string; category?: string; memberSlug?: string } = {},
): Promise<ServiceListing[]> {
  let query = directoryDb(db)
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .innerJoin("categories", "categories.id", "services.category_id")
    .leftJoin("software", "software.id", "services.software_id")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.url",
      "services.status",
      "services.category_id",
      "categories.name_fr",
      "categories.name_en",
      "categories.name_de",
      "members.id as member_id",
      "members.slug as member_slug",
      "members.name as member_name",
      "software.slug as software_slug",
      "software.name as software_name",
    ])
    .where("services.archived_at", "is", null)
    .where("members.archived_at", "is", null)
    .where("members.membership", "=", "member")
    .orderBy("members.name")
    .orderBy("services.name");
  if (filter.software) query = query.where("software.slug", "=", filter.software);
  if (filter.category) query = query.where("services.category_id", "=", filter.category);
  if (filter.memberSlug) query = query.where("members.slug", "=", filter.memberSlug);
  return (await query.execute()).map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    url: r.url,
    status: r.status,
    categoryId: r.category_id,
    category: categoryNames(r),
    memberId: r.member_id,
    memberSlug: r.member_slug,
    memberName: r.member_name,
    softwareSlug: r.software_slug,
    softwareName: r.software_name,
  }));
}

/** Every service ever listed, archived ones too: crawled metrics outlive a service's listing. */
export async function serviceClassification(
  db: DB,
): Promise<Map<string, { categoryId: string; softwareSlug: string | null }>> {
  const rows = await directoryDb(db)
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .select(["services.id", "services.category_id", "software.slug as software_slug"])
    .execute();
  return new Map(rows.map((r) => [r.id, { categoryId: r.category_id, softwareSlug: r.software_slug }]));
}

export interface DirectoryCounts {
  members: number;
  services: number;
  software: number;
  categories: number;
}

/** Members of the collective and their listed services; software and categories in use. */
export async function directoryCounts(db: DB): Promise<DirectoryCounts> {
  const own = directoryDb(db);
  const members = await own
    .selectFrom("members")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .executeTakeFirst();
  const services = await own
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("members.membership", "=", "member")
    .where("services.archived_at", "is", null)
    .where("members.archived_at", "is", null)
    .executeTakeFirst();
  const used = await own
    .selectFrom("services")
    .select((eb) => [
      eb.fn.count("software_id").distinct().as("software"),
      eb.fn.count("category_id").distinct().as("categories"),
    ])
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return {
    members: toCount(members?.n),
    services: toCount(services?.n),
    software: toCount(used?.software),
    categories: toCount(used?.categories),
  };
}

/** When each member joined and each of their services started (YYYY-MM-DD or null). */
export async function growthDates(
  db: DB,
): Promise<{ members: (string | null)[]; services: (string | null)[] }> {
  const own = directoryDb(db);
  const members = await own
    .selectFrom("members")
    .select("joined_at")
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .execute();
  const services = await own
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select("services.start_date")
    .where("members.membership", "=", "member")
    .where("services.archived_at", "is", null)
    .execute();
  return { members: members.map((m) => m.joined_at), services: services.map((s) => s.start_date) };
}

/** How many listed services each structure has, by structure id. */
export async function listedServiceCounts(db: DB): Promise<Map<string, number>> {
  const rows = await directoryDb(db)
    .selectFrom("services")
    .select((eb) => ["member_id", eb.fn.countAll().as("n")])
    .where("archived_at", "is", null)
    .groupBy("member_id")
    .execute();
  return new Map(rows.map((r) => [r.member_id, toCount(r.n)]));
}

export interface SoftwareUsage {
  slug: string;
  name: string;
  license: string | null;
  services: number;
  members: number;
}

/** Software run by the members' listed services, with how many services and structures run it. */
export async function softwareUsage(db: DB): Promise<SoftwareUsage[]> {
  const rows = await directoryDb(db)
    .selectFrom("software")
    .innerJoin("services", "services.software_id", "software.id")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => [
      "software.slug",
      "software.name",
      "software.license",
      eb.fn.countAll().as("services"),
      eb.fn.count("services.member_id").distinct().as("members"),
    ])
    .where("services.archived_at", "is", null)
    .where("members.membership", "=", "member")
    .groupBy(["software.slug", "software.name", "software.license"])
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    license: r.license,
    services: toCount(r.services),
    members: toCount(r.members),
  }));
}

export interface CategoryUsage {
  id: string;
  family: ServiceFamily;
  names: CategoryNames;
  position: number;
  services: number;
  members: number;
}

/** The categories in their order, with how many listed services and structures fill each. */
export async function categoryUsage(db: DB): Promise<CategoryUsage[]> {
  const rows = await directoryDb(db)
    .selectFrom("categories")
    .leftJoin("services", (j) =>
      j.onRef("services.category_id", "=", "categories.id").on("services.archived_at", "is", null),
    )
    .select((eb) => [
      "categories.id",
      "categories.family",
      "categories.name_fr",
      "categories.name_en",
      "categories.name_de",
      "categories.position",
      eb.fn.count("services.id").as("services"),
      eb.fn.count("services.member_id").distinct().as("members"),
    ])
    .where("categories.archived_at", "is", null)
    .groupBy([
      "categories.id",
      "categories.family",
      "categories.name_fr",
      "categories.name_en",
      "categories.name_de",
      "categories.position",
    ])
    .orderBy("categories.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    family: r.family,
    names: categoryNames(r),
    position: r.position,
    services: toCount(r.services),
    members: toCount(r.members),
  }));
}

/** One category's names, archived or not, or undefined for an unknown id. */
export async function categoryNamesOf(db: DB, id: string): Promise<CategoryNames | undefined> {
  const row = await directoryDb(db)
    .selectFrom("categories")
    .select(["id", "name_fr", "name_en", "name_de"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? categoryNames(row) : undefined;
}

/** A software's display name by its slug, or undefined. */
export async function softwareNameOf(db: DB, slug: string): Promise<string | undefined> {
  const row = await directoryDb(db)
    .selectFrom("software")
    .select("name")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.name;
}

/** A service's slug and name, archived or not (a crawled file still names the service it was). */
export async function serviceEvenArchived(
  db: DB,
  id: string,
): Promise<{ slug: string; name: string } | undefined> {
  return directoryDb(db)
    .selectFrom("services")
    .select(["slug", "name"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The directory's side of the stats overview, computed once per version of the directory. */
export interface DirectoryFigures {
  counts: DirectoryCounts;
  growth: { members: (string | null)[]; services: (string | null)[] };
  software: SoftwareUsage[];
  categories: CategoryUsage[];
}

const figuresMemo = new WeakMap<DB, { version: string; figures: Promise<DirectoryFigures> }>();

/**
 * Counts, growth dates and software and category usage cost a few hundred milliseconds of SQL at
 * 60,000 services; they change only when the directory does, so each version is computed once
 * (the version is read from the database on every call, so a write is seen at once).
 */
export async function directoryFigures(db: DB): Promise<DirectoryFigures> {
  const version = await directoryVersion(db);
  const known = figuresMemo.get(db);
  if (known?.version === version) return known.figures;
  const figures = (async () => ({
    counts: await directoryCounts(db),
    growth: await growthDates(db),
    software: await softwareUsage(db),
    categories: await categoryUsage(db),
  }))();
  figuresMemo.set(db, { version, figures });
  figures.catch(() => figuresMemo.delete(db));
  return figures;
}
