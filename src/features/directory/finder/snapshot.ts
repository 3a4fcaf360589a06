import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import type {
  MemberStatus,
  MemberType,
  Price,
  RegistrationLoad,
  ServiceAccess,
  ServiceFamily,
  ServiceStatus,
} from "../directory.tables.js";
import type { CategoryRow } from "../directory.repository.js";
import { directoryDb } from "../directory.tables.js";
import { logoRef, type LogoRef } from "../logos/logos.repository.js";
import { listAlternatives, syncShippedCatalogue } from "../alternatives/alternatives.repository.js";
import { buildAlternativesIndex, type AlternativesIndex } from "../alternatives/match.js";
import { onAuditLogChange } from "../../../audit/audit.js";

/**
 * What the public sees of the directory (listed members, their open services, the taxonomy),
 * read in two queries and kept in memory: the finder, the member list, the map, the guide and the
 * API all filter this in plain functions. Freshness: every write here calls invalidateDirectory();
 * writes by another instance or worker (or straight to the tables) are noticed through a cheap
 * fingerprint (row counts and newest updated_at) checked at most every RECHECK_MS, and anything
 * else within MAX_AGE_MS.
 */

export interface ListedMember {
  id: string;
  slug: string;
  name: string;
  type: MemberType;
  city: string | null;
  region: string | null;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  status: MemberStatus;
  avatar: string | null;
  /** The logo fetched and served by the platform, if any (the kitten is shown otherwise). */
  logo: LogoRef | null;
  joinedAt: string | null;
  descriptionFr: string;
  descriptionEn: string;
  website: string | null;
  serviceCount: number;
}

export interface ListedService {
  id: string;
  slug: string;
  name: string;
  url: string;
  descriptionFr: string;
  descriptionEn: string;
  categoryId: string;
  family: ServiceFamily;
  softwareSlug: string | null;
  softwareName: string | null;
  access: ServiceAccess;
  registrationLoad: RegistrationLoad;
  price: Price;
  audience: string[];
  languages: string[];
  hostCountry: string | null;
  status: ServiceStatus;
  member: ListedMember;
  /** Ids of the catalogue's proprietary services this one is an alternative to (by its category). */
  replaces: readonly string[];
}

export interface DirectorySnapshot {
  members: ListedMember[];
  services: ListedService[];
  /** Each service's search text (lower-case, accent-free), by the services' order; for search.ts. */
  serviceTexts?: readonly string[];
  categories: CategoryRow[];
  alternatives: AlternativesIndex;
}

// Long: the fingerprint sees every write to members, services, logos, alternatives and categories
// (software rows are never renamed once written); this bounds only what it cannot see, a row
// changed straight in the tables without its update time. A rebuild of a large directory reads
// every row, which is why it is not done every minute.
const MAX_AGE_MS = 600_000;
/** How long a snapshot is trusted without asking the database whether another instance wrote. */
const RECHECK_MS = 2_000;
interface Cached {
  fingerprint: string;
  at: number;
  checkedAt: number;
  /** How many changes of the audit log had been noticed (onAuditLogChange) at the last fingerprint. */
  logChangesSeen: number;
  snapshot: DirectorySnapshot;
}
let logChangesSeen = 0;
onAuditLogChange(() => logChangesSeen++);
// Keyed by database handle: tests run several platforms in one process.
let cache = new WeakMap<DB, Cached>();

/** Counts this instance's directory writes: with the fingerprint, it names a version of the directory. */
let generation = 0;

export function invalidateDirectory(): void {
  generation++;
  cache = new WeakMap();
  // A build started before the write may have read the old rows: the next request starts anew.
  building = new WeakMap();
}

/**
 * A name for the directory's current content, asked of the database at each call (one cheap query):
 * it changes with every write made here and with the rows and update times another writer leaves
 * (another instance, or another worker of this one).
 */
export async function directoryVersion(db: DB): Promise<string> {
  return `${generation}|${await fingerprint(db)}`;
}

/** The snapshot last loaded for this database, if any, without asking the database. */
export function lastSnapshot(db: DB): DirectorySnapshot | undefined {
  return cache.get(db)?.snapshot;
}

function jsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The tables a snapshot is made of (logos are fetched without touching members.updated_at). */
const VERSIONED = ["members", "services", "member_logos", "alternatives", "categories"] as const;

async function fingerprint(db: DB): Promise<string> {
  // Each table's row count and newest update: a deletion lowers the one, an edit raises the other.
  const row: Record<string, unknown> | undefined = await directoryDb(db)
    .selectNoFrom((eb) =>
      VERSIONED.flatMap((table) => [
        eb
          .selectFrom(table)
          .select((e) => e.fn.countAll().as("n"))
          .as(`${table}_n`),
        eb
          .selectFrom(table)
          .select((e) => e.fn.max("updated_at").as("m"))
          .as(`${table}_at`),
      ]),
    )
    .executeTakeFirst();
  return VERSIONED.map(
    (table) => `${toCount(row?.[`${table}_n`])}|${String(row?.[`${table}_at`] ?? "")}`,
  ).join("|");
}

async function build(db: DB): Promise<DirectorySnapshot> {
  const alternatives = buildAlternativesIndex(await listAlternatives(db));
  const memberRows = await directoryDb(db)
    .selectFrom("members")
    .leftJoin("member_logos", "member_logos.member_id", "members.id")
    .select([
      "members.id",
      "members.slug",
      "members.name",
      "members.type",
      "members.city",
      "members.region",
      "members.country_code",
      "members.latitude",
      "members.longitude",
      "members.status",
      "members.avatar",
      "members.joined_at",
      "members.description_fr",
      "members.description_en",
      "members.website",
      "member_logos.content_hash",
      "member_logos.width",
      "member_logos.height",
    ])
    .where("members.membership", "=", "member")
    .where("members.archived_at", "is", null)
    .orderBy("members.id")
    .execute();
  const serviceRows = await directoryDb(db)
    .selectFrom("services")
    .innerJoin("categories", "categories.id", "services.category_id")
    .leftJoin("software", "software.id", "services.software_id")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.url",
      "services.member_id",
      "services.description_fr",
      "services.description_en",
      "services.category_id",
      "categories.family",
      "software.slug as software_slug",
      "software.name as software_name",
      "services.access",
      "services.registration_load",
      "services.price",
      "services.audience",
      "services.languages",
      "services.host_country",
      "services.status",
      "services.search_text",
    ])
    .where("services.archived_at", "is", null)
    .where("services.status", "<>", "off")
    .orderBy("services.id")
    .execute();
  const members = new Map<string, ListedMember>();
  for (const m of memberRows)
    members.set(m.id, {
      id: m.id,
      slug: m.slug,
      name: m.name,
      type: m.type,
      city: m.city,
      region: m.region,
      countryCode: m.country_code,
      latitude: m.latitude === null ? null : Number(m.latitude),
      longitude: m.longitude === null ? null : Number(m.longitude),
      status: m.status,
      avatar: m.avatar,
      logo: logoRef(m),
      joinedAt: m.joined_at,
      descriptionFr: m.description_fr,
      descriptionEn: m.description_en,
      website: m.website,
      serviceCount: 0,
    });
  const services: ListedService[] = [];
  const serviceTexts: string[] = [];
  for (const s of serviceRows) {
    const member = members.get(s.member_id);
    if (!member) continue;
    member.serviceCount++;
    serviceTexts.push(s.search_text);
    services.push({
      id: s.id,
      slug: s.slug,
      name: s.name,
      url: s.url,
      descriptionFr: s.description_fr,
      descriptionEn: s.description_en,
      categoryId: s.category_id,
      family: s.family,
      softwareSlug: s.software_slug,
      softwareName: s.software_name,
      access: s.access,
      registrationLoad: s.registration_load,
      price: s.price,
      audience: jsonList(s.audience),
      languages: jsonList(s.languages),
      hostCountry: s.host_country,
      status: s.status,
      member,
      replaces: alternatives.byCategory.get(s.category_id) ?? [],
    });
  }
  const categories = await directoryDb(db)
    .selectFrom("categories")
    .selectAll()
    .where("archived_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return { members: [...members.values()], services, serviceTexts, categories, alternatives };
}

// One build at a time per database: concurrent requests during a rebuild wait for the same one
// (before, each started its own, and a large directory ran out of heap under load).
// A build begun before another process's write was noticed is not joined: its result may predate it.
let building = new WeakMap<DB, { promise: Promise<DirectorySnapshot>; seen: number }>();

async function refresh(db: DB, now: number): Promise<DirectorySnapshot> {
  // Stored where it started: a write in the meantime (invalidateDirectory) leaves it out.
  const target = cache;
  const cached = target.get(db);
  const seen = logChangesSeen;
  const print = await fingerprint(db);
  if (cached && cached.fingerprint === print && now - cached.at < MAX_AGE_MS) {
    cached.checkedAt = now;
    cached.logChangesSeen = seen;
    return cached.snapshot;
  }
  const snapshot = await build(db);
  target.set(db, { fingerprint: print, at: now, checkedAt: now, logChangesSeen: seen, snapshot });
  return snapshot;
}

function refreshOnce(db: DB, now: number): Promise<DirectorySnapshot> {
  const running = building.get(db);
  if (running?.seen === logChangesSeen) return running.promise;
  const seen = logChangesSeen;
  const after = running ? running.promise.catch(() => undefined) : Promise.resolve();
  const started = after
    .then(() => refresh(db, now))
    .finally(() => {
      if (building.get(db)?.promise === started) building.delete(db);
    });
  building.set(db, { promise: started, seen });
  return started;
}

export async function loadSnapshot(db: DB, now = Date.now()): Promise<DirectorySnapshot> {
  const cached = cache.get(db);
  // The shipped catalogue reaches the table before the first fingerprint is taken.
  if (!cached) await syncShippedCatalogue(db);
  if (cached && confirmed(cached, now) && now - cached.at < MAX_AGE_MS) return cached.snapshot;
  // A snapshot already known is served while the check (and any rebuild) runs: nobody waits for a
  // large directory to be read again. Writes in this instance empty the cache, so they are seen
  // at once; others' writes on the request after the check. Pages made meanwhile are not kept by
  // the page cache (snapshotConfirmed), or one made from the old snapshot just after the page cache
  // dropped its pages for that write would stay until the next one.
  if (cached) {
    refreshOnce(db, now).catch(() => undefined);
    return cached.snapshot;
  }
  return refreshOnce(db, now);
}

function confirmed(cached: Cached, now: number): boolean {
  return now - cached.checkedAt < RECHECK_MS && cached.logChangesSeen === logChangesSeen;
}

/**
 * Whether the snapshot in use was checked since the last write another process was noticed making
 * (the notice that made the page cache drop its pages). A page made from one that was not may be
 * served, not kept. Time alone does not unconfirm it: a page that takes longer to render than the
 * recheck interval (the map of everyone) would then never be kept.
 */
export function snapshotConfirmed(db: DB): boolean {
  const cached = cache.get(db);
  return cached !== undefined && cached.logChangesSeen === logChangesSeen;
}
