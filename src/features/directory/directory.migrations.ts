import type { Kysely, Migration } from "kysely";
import { alternativesMigrations } from "./alternatives/alternatives.migrations.js";
import { GERMAN_CATEGORY_NAMES } from "./services/category-names.de.js";
import { searchable } from "../../db/adapter.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

export const directoryMigrations: Record<string, Migration> = {
  "2026-11-24-0003-directory": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("members")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("website", "text")
        .addColumn("contact_email", "text")
        .addColumn("contact_url", "text")
        .addColumn("legal_url", "text")
        .addColumn("tos_url", "text")
        .addColumn("city", "text")
        .addColumn("region", "text")
        .addColumn("country_code", "text")
        .addColumn("latitude", "float8")
        .addColumn("longitude", "float8")
        .addColumn("joined_at", "text")
        .addColumn("joined_round", "text")
        .addColumn("membership", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("status_description", "text")
        .addColumn("logo_url", "text")
        .addColumn("avatar", "text")
        .addColumn("social_links", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("funding_links", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("chatonsinfos_url", "text")
        .addColumn("chatonsinfos_source_of_truth", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema
        .createIndex("members_membership")
        .on("members")
        .columns(["membership", "archived_at"])
        .execute();

      await db.schema
        .createTable("categories")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("family", "text", (c) => c.notNull())
        .addColumn("name_fr", "text", (c) => c.notNull())
        .addColumn("name_en", "text", (c) => c.notNull())
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("archived_at", "text")
        .execute();

      await db.schema
        .createTable("software")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("license", "text")
        .addColumn("source_url", "text")
        .addColumn("website", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("services")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("category_id", "text", (c) => c.notNull().references("categories.id"))
        .addColumn("software_id", "text", (c) => c.references("software.id"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("access", "text", (c) => c.notNull())
        .addColumn("registration_load", "text", (c) => c.notNull())
        .addColumn("price", "text", (c) => c.notNull())
        .addColumn("audience", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("host_country", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("start_date", "text")
        .addColumn("chatonsinfos_url", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
        .addUniqueConstraint("services_member_slug", ["member_id", "slug"])
        .execute();
      await db.schema.createIndex("services_category").on("services").column("category_id").execute();
      await db.schema.createIndex("services_software").on("services").column("software_id").execute();

      await db.schema
        .createTable("memberships")
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("memberships_pk", ["person_id", "member_id"])
        .execute();
      await db.schema.createIndex("memberships_member").on("memberships").column("member_id").execute();
    },
    async down(db: AnyDB) {
      for (const t of ["memberships", "services", "software", "categories", "members"]) {
        await db.schema.dropTable(t).execute();
      }
    },
  },
  "2026-11-24-0101-directory-invitations": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("member_invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("invited_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("accepted_at", "text")
        .addColumn("accepted_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("member_invitations_member")
        .on("member_invitations")
        .column("member_id")
        .execute();
      // The member list and the finder filter on these.
      await db.schema.createIndex("services_member").on("services").column("member_id").execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropIndex("services_member").execute();
      await db.schema.dropTable("member_invitations").execute();
    },
  },
  "2026-11-24-0102-directory-member-logos": {
    async up(db: AnyDB) {
      // Bytes as base64 text: the same column type and driver behaviour on both dialects.
      await db.schema
        .createTable("member_logos")
        .addColumn("member_id", "text", (c) => c.primaryKey().references("members.id").onDelete("cascade"))
        .addColumn("tried_url", "text", (c) => c.notNull())
        .addColumn("source_url", "text")
        .addColumn("content_type", "text")
        .addColumn("data", "text")
        .addColumn("content_hash", "text")
        .addColumn("width", "integer")
        .addColumn("height", "integer")
        .addColumn("etag", "text")
        .addColumn("fetched_at", "text")
        .addColumn("checked_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("error", "text")
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("member_logos").execute();
    },
  },
  ...alternativesMigrations,
  // Categories are named in German like in French and English ('' when nobody did: German pages show
  // the English). The categories the platform shipped get their German name by slug.
  "2026-12-01-0104-directory-category-german": {
    async up(db: AnyDB) {
      await db.schema
        .alterTable("categories")
        .addColumn("name_de", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      for (const [id, name_de] of Object.entries(GERMAN_CATEGORY_NAMES))
        await db.updateTable("categories").set({ name_de }).where("id", "=", id).execute();
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("categories").dropColumn("name_de").execute();
    },
  },
  // A German visitor searching by a category's German name finds its services: the words searched
  // gain the German name (written as refreshServiceSearch writes them, frozen here).
  "2026-12-01-0105-directory-search-german": {
    async up(db: AnyDB) {
      const rows = await db
        .selectFrom("services")
        .innerJoin("categories", "categories.id", "services.category_id")
        .leftJoin("software", "software.id", "services.software_id")
        .innerJoin("members", "members.id", "services.member_id")
        .select([
          "services.id",
          "services.name",
          "services.description_fr",
          "services.description_en",
          "services.search_text",
          "software.name as software_name",
          "categories.name_fr",
          "categories.name_en",
          "categories.name_de",
          "members.name as member_name",
          "members.city",
          "members.region",
        ])
        .execute();
      for (const r of rows) {
        const text = searchable(
          r.name,
          r.software_name,
          r.name_fr,
          r.name_en,
          r.name_de,
          r.member_name,
          r.city,
          r.region,
          r.description_fr,
          r.description_en,
        );
        if (text !== r.search_text)
          await db.updateTable("services").set({ search_text: text }).where("id", "=", r.id).execute();
      }
    },
  },
  // The directory's version (finder/snapshot.ts) asks for the newest update time on every stats
  // page: an index answers it without reading every row.
  "2026-12-01-0106-directory-updated-at-index": {
    async up(db: AnyDB) {
      await db.schema.createIndex("members_updated_at").on("members").column("updated_at").execute();
      await db.schema.createIndex("services_updated_at").on("services").column("updated_at").execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropIndex("members_updated_at").execute();
      await db.schema.dropIndex("services_updated_at").execute();
    },
  },
  // Category edits carry their time, so that another process's directory snapshot sees them within
  // its recheck (finder/snapshot.ts) instead of at its next full rebuild.
  "2026-12-01-0107-directory-category-updated-at": {
    async up(db: AnyDB) {
      await db.schema
        .alterTable("categories")
        .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(""))
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("categories").dropColumn("updated_at").execute();
    },
  },
  // The import finds the structure an organization file describes by the URL it was read from,
  // once per file: without an index, each look-up reads every structure.
  "2026-12-02-0108-members-chatonsinfos-url-index": {
    async up(db: AnyDB) {
      await db.schema
        .createIndex("members_chatonsinfos_url")
        .on("members")
        .column("chatonsinfos_url")
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropIndex("members_chatonsinfos_url").execute();
    },
  },
};
