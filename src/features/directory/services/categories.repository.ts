import type { Insertable, Updateable } from "kysely";
import { toCount, type DB } from "../../../db/adapter.js";
import { directoryDb, type CategoriesTable } from "../directory.tables.js";
import type { CategoryRow } from "../directory.repository.js";
import { nowIso } from "../../../db/ids.js";

/** Service categories: the four families and their categories, edited by platform admins. */

export async function findCategory(db: DB, id: string): Promise<CategoryRow | undefined> {
  return directoryDb(db).selectFrom("categories").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertCategory(
  db: DB,
  category: Omit<Insertable<CategoriesTable>, "archived_at" | "updated_at">,
): Promise<void> {
  await directoryDb(db)
    .insertInto("categories")
    .values({ ...category, archived_at: null, updated_at: nowIso() })
    .execute();
}

// The update time lets other processes' directory snapshots see the edit (finder/snapshot.ts).
export async function updateCategory(
  db: DB,
  id: string,
  patch: Omit<Updateable<CategoriesTable>, "updated_at">,
): Promise<void> {
  await directoryDb(db)
    .updateTable("categories")
    .set({ ...patch, updated_at: nowIso() })
    .where("id", "=", id)
    .execute();
}

/** How many listed services each category holds. */
export async function servicesPerCategory(db: DB): Promise<Map<string, number>> {
  const rows = await directoryDb(db)
    .selectFrom("services")
    .select((eb) => ["category_id", eb.fn.countAll().as("n")])
    .where("archived_at", "is", null)
    .groupBy("category_id")
    .execute();
  return new Map(rows.map((r) => [r.category_id, toCount(r.n)]));
}
