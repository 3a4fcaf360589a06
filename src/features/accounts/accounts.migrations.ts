import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

export const accountsMigrations: Record<string, Migration> = {
  "2026-11-24-0002-accounts": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("people")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("is_platform_admin", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("locale", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("last_login_at", "text")
        .addColumn("disabled_at", "text")
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("flash", "text")
        .execute();
      await db.schema.createIndex("sessions_person").on("sessions").column("person_id").execute();
      await db.schema
        .createTable("password_resets")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
    },
    async down(db: AnyDB) {
      for (const t of ["password_resets", "sessions", "people"]) await db.schema.dropTable(t).execute();
    },
  },
  // Dated after every migration of 2026-11-24, so that databases already migrated apply it in order.
  "2026-11-25-0005-accounts-links": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("sign_in_links")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("next", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema.createIndex("sign_in_links_person").on("sign_in_links").column("person_id").execute();
      await db.schema
        .createIndex("password_resets_person")
        .on("password_resets")
        .column("person_id")
        .execute();
      await db.schema
        .createTable("signup_requests")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("next", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("signup_requests_email").on("signup_requests").column("email").execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("signup_requests").execute();
      await db.schema.dropIndex("password_resets_person").execute();
      await db.schema.dropTable("sign_in_links").execute();
    },
  },
};
