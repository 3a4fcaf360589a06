import type { Insertable } from "kysely";
import { toCount, type DB } from "../../db/adapter.js";
import {
  directoryDb,
  type MembersTable,
  type ServicesTable,
  type SoftwareTable,
} from "./directory.tables.js";

/** The directory's side of the demo collective (src/demo builds the rows, the directory stores them). */

export interface DemoDirectoryRows {
  members: Insertable<MembersTable>[];
  services: Insertable<ServicesTable>[];
  software: Insertable<SoftwareTable>[];
}

/** The demo is loaded only into a directory with no structure yet. */
export async function directoryIsEmpty(db: DB): Promise<boolean> {
  const row = await directoryDb(db)
    .selectFrom("members")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return toCount(row?.n) === 0;
}

/** Category names by id (fr) and by `en:<id>`, for the demo's generated descriptions. */
export async function categoryNames(db: DB): Promise<Map<string, string>> {
  const rows = await directoryDb(db)
    .selectFrom("categories")
    .select(["id", "name_fr", "name_en", "name_de"])
    .execute();
  const names = new Map<string, string>();
  for (const c of rows) {
    names.set(c.id, c.name_fr);
    names.set(`en:${c.id}`, c.name_en);
    names.set(`de:${c.id}`, c.name_de);
  }
  return names;
}

export async function insertDemoDirectory(db: DB, rows: DemoDirectoryRows): Promise<void> {
  const own = directoryDb(db);
  if (rows.software.length > 0) await own.insertInto("software").values(rows.software).execute();
  for (let i = 0; i < rows.members.length; i += 50)
    await own
      .insertInto("members")
      .values(rows.members.slice(i, i + 50))
      .execute();
  for (let i = 0; i < rows.services.length; i += 100)
    await own
      .insertInto("services")
      .values(rows.services.slice(i, i + 100))
      .execute();
}

export interface DemoWorldService {
  id: string;
  memberId: string;
  slug: string;
  name: string;
  categoryId: string;
  softwareSlug: string | null;
  softwareName: string | null;
  url: string;
}

/** Every listed structure and service, in slug order: what the demo sites server simulates. */
export async function demoWorldData(db: DB): Promise<{
  members: { id: string; slug: string; name: string; website: string | null }[];
  services: DemoWorldService[];
}> {
  const own = directoryDb(db);
  const members = await own
    .selectFrom("members")
    .select(["id", "slug", "name", "website"])
    .where("archived_at", "is", null)
    .orderBy("slug")
    .execute();
  const services = await own
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.member_id",
      "services.category_id",
      "services.url",
      "software.slug as software_slug",
      "software.name as software_name",
    ])
    .where("services.archived_at", "is", null)
    .orderBy("services.slug")
    .execute();
  return {
    members,
    services: services.map((s) => ({
      id: s.id,
      memberId: s.member_id,
      slug: s.slug,
      name: s.name,
      categoryId: s.category_id,
      softwareSlug: s.software_slug,
      softwareName: s.software_name,
      url: s.url,
    })),
  };
}
