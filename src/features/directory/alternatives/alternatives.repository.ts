import type { DB } from "../../../db/adapter.js";
import { nowIso } from "../../../db/ids.js";
import { directoryDb, type AlternativesTable } from "../directory.tables.js";
import { CATALOGUE_VERSION, SHIPPED_CATALOGUE, type ShippedAlternative } from "./catalogue.js";

/** The alternatives table: the shipped catalogue copied in, then what platform admins change. */

export interface Alternative {
  id: string;
  name: string;
  vendor: string;
  aliases: string[];
  description: { fr: string; en: string; de: string };
  categories: string[];
  software: string[];
  /** An admin changed it: later catalogue versions leave it as it is. */
  edited: boolean;
  archived: boolean;
}

export interface AlternativeFields {
  name: string;
  vendor: string;
  aliases: string[];
  description: { fr: string; en: string; de: string };
  categories: string[];
  software: string[];
}

function list(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function toAlternative(row: AlternativesTable): Alternative {
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    aliases: list(row.aliases),
    description: { fr: row.description_fr, en: row.description_en, de: row.description_de },
    categories: list(row.categories),
    software: list(row.software),
    edited: row.edited_at !== null,
    archived: row.archived_at !== null,
  };
}

const columns = (f: AlternativeFields) => ({
  name: f.name,
  vendor: f.vendor,
  aliases: JSON.stringify(f.aliases),
  description_fr: f.description.fr,
  description_en: f.description.en,
  description_de: f.description.de,
  categories: JSON.stringify(f.categories),
  software: JSON.stringify(f.software),
});

const shippedFields = (e: ShippedAlternative): AlternativeFields => ({
  name: e.name,
  vendor: e.vendor,
  aliases: e.aliases,
  description: { fr: e.fr, en: e.en, de: e.de },
  categories: e.categories,
  software: e.software,
});

async function syncOnce(db: DB): Promise<void> {
  const own = directoryDb(db);
  const row = await own
    .selectFrom("alternatives")
    .select((eb) => eb.fn.max("shipped_version").as("v"))
    .executeTakeFirst();
  if (Number(row?.v ?? 0) >= CATALOGUE_VERSION) return;
  const rows = await own.selectFrom("alternatives").select(["id", "edited_at"]).execute();
  const present = new Map(rows.map((r) => [r.id, r.edited_at !== null]));
  const at = nowIso();
  for (const entry of SHIPPED_CATALOGUE) {
    const edited = present.get(entry.id);
    if (edited === undefined)
      await own
        .insertInto("alternatives")
        .values({
          id: entry.id,
          ...columns(shippedFields(entry)),
          shipped_version: CATALOGUE_VERSION,
          edited_at: null,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })
        // Another instance may be copying the same version at the same moment.
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    else
      await own
        .updateTable("alternatives")
        .set(
          edited
            ? { shipped_version: CATALOGUE_VERSION }
            : { ...columns(shippedFields(entry)), shipped_version: CATALOGUE_VERSION, updated_at: at },
        )
        .where("id", "=", entry.id)
        .execute();
  }
}

const synced = new WeakMap<DB, Promise<void>>();

/**
 * Copies the shipped catalogue into the table when it is newer than what the table holds: new
 * entries are added, entries no admin edited are refreshed, edited and archived ones are kept.
 * Once per process and database.
 */
export function syncShippedCatalogue(db: DB): Promise<void> {
  let done = synced.get(db);
  if (!done) {
    done = syncOnce(db);
    done.catch(() => synced.delete(db));
    synced.set(db, done);
  }
  return done;
}

export async function listAlternatives(
  db: DB,
  options: { includeArchived?: boolean } = {},
): Promise<Alternative[]> {
  await syncShippedCatalogue(db);
  let query = directoryDb(db).selectFrom("alternatives").selectAll().orderBy("name").orderBy("id");
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return (await query.execute()).map(toAlternative);
}

export async function findAlternative(db: DB, id: string): Promise<Alternative | undefined> {
  await syncShippedCatalogue(db);
  const row = await directoryDb(db)
    .selectFrom("alternatives")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toAlternative(row) : undefined;
}

export async function insertAlternative(db: DB, id: string, fields: AlternativeFields): Promise<void> {
  const at = nowIso();
  await directoryDb(db)
    .insertInto("alternatives")
    .values({
      id,
      ...columns(fields),
      shipped_version: null,
      edited_at: at,
      archived_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateAlternative(
  db: DB,
  id: string,
  fields: AlternativeFields,
  archived: boolean,
  current: Alternative,
): Promise<void> {
  const at = nowIso();
  await directoryDb(db)
    .updateTable("alternatives")
    .set({
      ...columns(fields),
      edited_at: at,
      // Archiving again keeps the first date.
      ...(archived ? (current.archived ? {} : { archived_at: at }) : { archived_at: null }),
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
}
