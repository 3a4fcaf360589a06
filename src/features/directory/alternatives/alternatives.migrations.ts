import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/**
 * The alternatives table, and the two kinds of service the catalogue needs that the default
 * taxonomy lacked (audience measurement, translation). The rows themselves come from the shipped
 * catalogue at run time (alternatives.repository.ts), so a new catalogue needs no migration.
 */
export const alternativesMigrations: Record<string, Migration> = {
  "2026-11-24-0103-directory-alternatives": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("alternatives")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("vendor", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_de", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("categories", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("software", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("shipped_version", "integer")
        .addColumn("edited_at", "text")
        .addColumn("archived_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      const existing = await db.selectFrom("categories").select("id").execute();
      const known = new Set(existing.map((r: { id: string }) => r.id));
      const added = [
        ["analytics", "Mesure d'audience", "Web analytics", 100],
        ["translation", "Traduction", "Translation", 101],
      ] as const;
      for (const [id, fr, en, position] of added)
        if (!known.has(id))
          await db
            .insertInto("categories")
            .values({
              id,
              family: "web",
              name_fr: fr,
              name_en: en,
              description_fr: "",
              description_en: "",
              position,
              archived_at: null,
            })
            .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("alternatives").execute();
    },
  },
};
