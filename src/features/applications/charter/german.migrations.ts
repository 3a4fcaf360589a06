import type { Kysely, Migration } from "kysely";
import { DEFAULT_CHARTER, type DefaultText } from "./default-charter.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/** Each German column, with the table and the French column whose shipped text it translates. */
const COLUMNS = [
  ["charter_versions", "summary"],
  ["charter_parts", "name"],
  ["charter_parts", "intro"],
  ["charter_criteria", "title"],
  ["charter_criteria", "explanation"],
] as const;

type Field = (typeof COLUMNS)[number][1];

/** The shipped texts of each field, French and German. */
function shipped(): Record<Field, DefaultText[]> {
  const parts = DEFAULT_CHARTER.parts;
  return {
    summary: [DEFAULT_CHARTER.summary],
    name: parts.map((p) => p.name),
    intro: parts.map((p) => p.intro),
    title: parts.flatMap((p) => p.criteria.map((c) => c.title)),
    explanation: parts.flatMap((p) => p.criteria.map((c) => c.explanation)),
  };
}

export const charterGermanMigrations: Record<string, Migration> = {
  // German is stored like French and English ('' when nobody wrote it: pages show the English).
  // Every version's text still worded as shipped (drafts copy it) gets the shipped German; a text
  // edited since keeps '' so German readers see its English rather than a stale translation.
  "2026-12-01-0403-applications-charter-german": {
    async up(db: AnyDB) {
      for (const [table, field] of COLUMNS)
        await db.schema
          .alterTable(table)
          .addColumn(`${field}_de`, "text", (c) => c.notNull().defaultTo(""))
          .execute();
      const texts = shipped();
      for (const [table, field] of COLUMNS)
        for (const text of texts[field])
          await db
            .updateTable(table)
            .set({ [`${field}_de`]: text.de })
            .where(`${field}_fr`, "=", text.fr)
            .execute();
    },
    async down(db: AnyDB) {
      for (const [table, field] of COLUMNS)
        await db.schema.alterTable(table).dropColumn(`${field}_de`).execute();
    },
  },
};
