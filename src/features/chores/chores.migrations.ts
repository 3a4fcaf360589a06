import type { Kysely, Migration } from "kysely";
import { nowIso } from "../../db/ids.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/** The chores the collective says it struggles to delegate, as a starting list admins can edit. */
const DEFAULT_CHORES: [string, string, string, string, string, string][] = [
  [
    "contact",
    "weekly",
    "Répondre à l'adresse de contact",
    "Answer the contact address",
    "Lire les messages arrivés sur l'adresse du collectif, répondre ou transmettre à la bonne personne.",
    "Read the messages sent to the collective's address, answer them or pass them on to the right person.",
  ],
  [
    "monthly-meeting",
    "monthly",
    "Animer la réunion mensuelle",
    "Run the monthly meeting",
    "Préparer l'ordre du jour, animer la réunion en ligne et publier le compte rendu.",
    "Prepare the agenda, run the online meeting and publish the minutes.",
  ],
  [
    "round-follow-up",
    "quarterly",
    "Suivre les candidatures d'une portée",
    "Follow up a round of applications",
    "Relancer les relectures et les votes, vérifier le dépouillement et annoncer les décisions.",
    "Chase reviews and votes, check the tally and announce the decisions.",
  ],
  [
    "welcome",
    "monthly",
    "Accueillir les nouveaux membres",
    "Welcome new members",
    "Écrire aux structures acceptées, les présenter sur le forum et répondre à leurs premières questions.",
    "Write to accepted structures, introduce them on the forum and answer their first questions.",
  ],
];

/** The German of the default chores, by slug. */
const DEFAULT_CHORES_DE: [string, string, string][] = [
  [
    "contact",
    "Die Kontaktadresse betreuen",
    "Die Nachrichten an die Adresse des Kollektivs lesen, beantworten oder an die richtige Person weitergeben.",
  ],
  [
    "monthly-meeting",
    "Das monatliche Treffen moderieren",
    "Die Tagesordnung vorbereiten, das Online-Treffen moderieren und das Protokoll veröffentlichen.",
  ],
  [
    "round-follow-up",
    "Die Bewerbungen einer Aufnahmerunde begleiten",
    "An Begutachtungen und Abstimmungen erinnern, die Auszählung prüfen und die Entscheidungen bekanntgeben.",
  ],
  [
    "welcome",
    "Neue Mitglieder willkommen heißen",
    "Den aufgenommenen Strukturen schreiben, sie im Forum vorstellen und ihre ersten Fragen beantworten.",
  ],
];

export const choresMigrations: Record<string, Migration> = {
  "2026-11-24-0601-chores": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("chores")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("title_fr", "text", (c) => c.notNull())
        .addColumn("title_en", "text", (c) => c.notNull())
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("recurrence", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .execute();
      await db.schema
        .createTable("chore_turns")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("chore_id", "text", (c) => c.notNull().references("chores.id").onDelete("cascade"))
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("assignee_person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("done_at", "text")
        .addColumn("note", "text")
        .addColumn("reminded_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("chore_turns_chore_due", ["chore_id", "due_date"])
        .execute();
      const at = nowIso();
      await db
        .insertInto("chores")
        .values(
          DEFAULT_CHORES.map(([slug, recurrence, title_fr, title_en, description_fr, description_en], i) => ({
            id: `00000000-0000-4000-8000-00000000060${i}`,
            slug,
            title_fr,
            title_en,
            description_fr,
            description_en,
            recurrence,
            created_at: at,
            archived_at: null,
          })),
        )
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("chore_turns").execute();
      await db.schema.dropTable("chores").execute();
    },
  },
  "2026-12-01-0602-chores-requests": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("chore_requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("turn_id", "text", (c) => c.notNull().references("chore_turns.id").onDelete("cascade"))
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("asked_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("answered_at", "text")
        .addColumn("reminded_at", "text")
        .execute();
      await db.schema
        .createIndex("chore_requests_person")
        .on("chore_requests")
        .columns(["person_id", "status"])
        .execute();
      await db.schema.createIndex("chore_requests_turn").on("chore_requests").column("turn_id").execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("chore_requests").execute();
    },
  },
  // When the collective's people were told a turn had nobody: set once, so each turn is announced once.
  "2026-12-01-0603-chores-nobody-announced": {
    async up(db: AnyDB) {
      await db.schema.alterTable("chore_turns").addColumn("nobody_announced_at", "text").execute();
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("chore_turns").dropColumn("nobody_announced_at").execute();
    },
  },
  // German is stored like French and English; '' means nobody wrote it and pages show the English.
  // The default chores get their German unless an admin has retitled them since.
  "2026-12-01-0604-chores-german": {
    async up(db: AnyDB) {
      for (const column of ["title_de", "description_de"])
        await db.schema
          .alterTable("chores")
          .addColumn(column, "text", (c) => c.notNull().defaultTo(""))
          .execute();
      for (const [slug, title_de, description_de] of DEFAULT_CHORES_DE) {
        const shipped = DEFAULT_CHORES.find(([s]) => s === slug);
        if (!shipped) continue;
        const [, , titleFr, , descriptionFr] = shipped;
        await db
          .updateTable("chores")
          .set({ title_de })
          .where("slug", "=", slug)
          .where("title_fr", "=", titleFr)
          .execute();
        await db
          .updateTable("chores")
          .set({ description_de })
          .where("slug", "=", slug)
          .where("description_fr", "=", descriptionFr)
          .execute();
      }
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("chores").dropColumn("description_de").execute();
      await db.schema.alterTable("chores").dropColumn("title_de").execute();
    },
  },
};
