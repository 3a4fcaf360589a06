import type { Kysely, Migration } from "kysely";

// Migrations are frozen in time: they take Kysely<unknown>-like handles and never import the
// application's current table types, which will have moved on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

export const coreMigrations: Record<string, Migration> = {
  "2026-11-24-0001-core": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_person_id", "text")
        .addColumn("actor_member_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("subject_type", "text", (c) => c.notNull())
        .addColumn("subject_id", "text")
        .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
        .execute();
      await db.schema
        .createIndex("audit_log_subject")
        .on("audit_log")
        .columns(["subject_type", "subject_id"])
        .execute();
      await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
      await db.schema.createIndex("audit_log_actor").on("audit_log").column("actor_person_id").execute();

      await db.schema
        .createTable("mail_outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("to_address", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text_body", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("sent_at", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("mail_outbox_status")
        .on("mail_outbox")
        .columns(["status", "created_at"])
        .execute();

      await db.schema
        .createTable("job_locks")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("owner", "text")
        .addColumn("locked_until", "text", (c) => c.notNull())
        .addColumn("last_started_at", "text")
        .addColumn("last_finished_at", "text")
        .addColumn("last_status", "text")
        .addColumn("last_summary", "text")
        .execute();

      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("window_start", "text", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDB) {
      for (const t of ["settings", "rate_limits", "job_locks", "mail_outbox", "audit_log"])
        await db.schema.dropTable(t).execute();
    },
  },
};
