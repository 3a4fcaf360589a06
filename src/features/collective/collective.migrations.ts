import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/** The collective feature's migrations: range 07xx. */
export const collectiveMigrations: Record<string, Migration> = {
  "2026-11-24-0701-collective-contact": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("contact_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("sender_name", "text", (c) => c.notNull())
        .addColumn("sender_email", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("first_answer_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("contact_messages_status")
        .on("contact_messages")
        .columns(["status", "received_at"])
        .execute();
      await db.schema
        .createTable("contact_thread")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("message_id", "text", (c) =>
          c.notNull().references("contact_messages.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("contact_thread_message")
        .on("contact_thread")
        .column("message_id")
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("contact_thread").execute();
      await db.schema.dropTable("contact_messages").execute();
    },
  },
  "2026-11-24-0702-collective-meetings": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("meetings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("starts_at", "text", (c) => c.notNull())
        .addColumn("duration_minutes", "integer", (c) => c.notNull())
        .addColumn("call_url", "text")
        .addColumn("call_service_id", "text")
        .addColumn("facilitator_person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("note_taker_person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("minutes", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("minutes_published_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("meetings_starts_at").on("meetings").column("starts_at").execute();
      await db.schema
        .createTable("meeting_agenda_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
        .addColumn("person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("details", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("meeting_agenda_items_meeting")
        .on("meeting_agenda_items")
        .column("meeting_id")
        .execute();
      await db.schema
        .createTable("meeting_decisions")
        .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
        .addColumn("decision_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("meeting_decisions_pk", ["meeting_id", "decision_id"])
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("meeting_decisions").execute();
      await db.schema.dropTable("meeting_agenda_items").execute();
      await db.schema.dropTable("meetings").execute();
    },
  },
  "2026-11-24-0703-collective-calendar-feeds": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("calendar_feeds")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) =>
          c.notNull().unique().references("people.id").onDelete("cascade"),
        )
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("calendar_feeds").execute();
    },
  },
  "2026-11-24-0704-collective-news": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("news_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("source_key", "text", (c) => c.unique())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("news_items_published").on("news_items").column("published_at").execute();
      await db.schema
        .createTable("news_cursors")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("last_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("news_cursors").execute();
      await db.schema.dropTable("news_items").execute();
    },
  },
  "2026-11-24-0705-collective-mediation": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("mediation_team")
        .addColumn("person_id", "text", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
        .addColumn("added_at", "text", (c) => c.notNull())
        .addColumn("added_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .execute();
      await db.schema
        .createTable("mediation_reports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("reporter_person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("reporter_name", "text", (c) => c.notNull())
        .addColumn("reporter_email", "text")
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("what", "text", (c) => c.notNull())
        .addColumn("who", "text", (c) => c.notNull())
        .addColumn("where_when", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("mediation_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("report_id", "text", (c) =>
          c.notNull().references("mediation_reports.id").onDelete("cascade"),
        )
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("mediation_messages_report")
        .on("mediation_messages")
        .column("report_id")
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("mediation_messages").execute();
      await db.schema.dropTable("mediation_reports").execute();
      await db.schema.dropTable("mediation_team").execute();
    },
  },
  // People write news, meeting titles, agenda items and minutes in one language; pages mark it with
  // a lang attribute. Rows written before this were written in French, the collective's language.
  "2026-12-01-0706-collective-written-lang": {
    async up(db: AnyDB) {
      for (const [table, column] of [
        ["news_items", "lang"],
        ["meetings", "lang"],
        ["meetings", "minutes_lang"],
        ["meeting_agenda_items", "lang"],
      ] as const)
        await db.schema
          .alterTable(table)
          .addColumn(column, "text", (c) => c.notNull().defaultTo("fr"))
          .execute();
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("meeting_agenda_items").dropColumn("lang").execute();
      await db.schema.alterTable("meetings").dropColumn("minutes_lang").execute();
      await db.schema.alterTable("meetings").dropColumn("lang").execute();
      await db.schema.alterTable("news_items").dropColumn("lang").execute();
    },
  },
};
