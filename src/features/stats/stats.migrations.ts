import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

export const statsMigrations: Record<string, Migration> = {
  "2026-11-24-0201-stats-crawl": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("stats_crawl_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("trigger", "text", (c) => c.notNull())
        .addColumn("root_url", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("items_total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("items_done", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("files_total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("files_ok", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("files_unchanged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("files_failed", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("errors", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("warnings", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("summary", "text")
        .execute();

      await db.schema
        .createTable("stats_crawl_items")
        .addColumn("run_id", "text", (c) => c.notNull().references("stats_crawl_runs.id").onDelete("cascade"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("member_id", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("files", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("stats_crawl_items_pk", ["run_id", "url"])
        .execute();

      await db.schema
        .createTable("stats_files")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull().unique())
        .addColumn("class", "text")
        .addColumn("parent_url", "text")
        .addColumn("organization_url", "text")
        .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("set null"))
        .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("set null"))
        .addColumn("name", "text")
        .addColumn("software_key", "text")
        .addColumn("software_name", "text")
        .addColumn("etag", "text")
        .addColumn("last_modified", "text")
        .addColumn("content_hash", "text")
        .addColumn("fetched_at", "text")
        .addColumn("last_success_at", "text")
        .addColumn("http_status", "integer")
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("errors", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("warnings", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("voids", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("oks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("report", "text")
        .addColumn("last_run_id", "text")
        .addColumn("first_seen_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("stats_files_member").on("stats_files").column("member_id").execute();
      await db.schema.createIndex("stats_files_service").on("stats_files").column("service_id").execute();
      await db.schema.createIndex("stats_files_org").on("stats_files").column("organization_url").execute();

      await db.schema
        .createTable("stats_file_history")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("file_id", "text", (c) => c.notNull().references("stats_files.id").onDelete("cascade"))
        .addColumn("run_id", "text", (c) => c.notNull())
        .addColumn("fetched_at", "text", (c) => c.notNull())
        .addColumn("http_status", "integer")
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("content_hash", "text")
        .addColumn("errors", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("warnings", "integer", (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint("stats_file_history_file_run", ["file_id", "run_id"])
        .execute();
      await db.schema
        .createIndex("stats_file_history_run")
        .on("stats_file_history")
        .column("run_id")
        .execute();

      await db.schema
        .createTable("stats_contents")
        .addColumn("hash", "text", (c) => c.primaryKey())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("encoding", "text", (c) => c.notNull())
        .addColumn("first_seen_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("stats_robots")
        .addColumn("origin", "text", (c) => c.primaryKey())
        .addColumn("fetched_at", "text", (c) => c.notNull())
        .addColumn("status", "integer")
        .addColumn("rules", "text")
        .execute();
    },
  },
  "2026-11-24-0202-stats-metrics": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("stats_series")
        .addColumn("file_id", "text", (c) => c.notNull().references("stats_files.id").onDelete("cascade"))
        .addColumn("metric", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("value_list", "text", (c) => c.notNull())
        .addColumn("flags", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("stats_series_pk", ["file_id", "metric", "year", "period"])
        .execute();
      await db.schema
        .createTable("stats_aggregates")
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("scope_id", "text", (c) => c.notNull())
        .addColumn("metric", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("value_list", "text", (c) => c.notNull())
        .addColumn("contributors", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("flagged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("computed_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("stats_aggregates_pk", ["scope", "scope_id", "metric", "year", "period"])
        .execute();
    },
  },
  "2026-11-24-0203-stats-uptime-nodeinfo": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("stats_uptime_daily")
        .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("ups", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("total_ms", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("stats_uptime_daily_pk", ["service_id", "day"])
        .execute();
      await db.schema.createIndex("stats_uptime_daily_day").on("stats_uptime_daily").column("day").execute();
      await db.schema
        .createTable("stats_uptime_latest")
        .addColumn("service_id", "text", (c) => c.primaryKey().references("services.id").onDelete("cascade"))
        .addColumn("checked_at", "text", (c) => c.notNull())
        .addColumn("ok", "integer", (c) => c.notNull())
        .addColumn("http_status", "integer")
        .addColumn("reason", "text")
        .addColumn("elapsed_ms", "integer")
        .addColumn("since", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("stats_nodeinfo")
        .addColumn("service_id", "text", (c) => c.primaryKey().references("services.id").onDelete("cascade"))
        .addColumn("url", "text")
        .addColumn("fetched_at", "text", (c) => c.notNull())
        .addColumn("ok", "integer", (c) => c.notNull())
        .addColumn("schema_version", "text")
        .addColumn("software_name", "text")
        .addColumn("software_version", "text")
        .addColumn("open_registrations", "integer")
        .addColumn("users_total", "integer")
        .addColumn("users_active_month", "integer")
        .addColumn("users_active_halfyear", "integer")
        .addColumn("local_posts", "integer")
        .addColumn("local_comments", "integer")
        .addColumn("error", "text")
        .execute();
      await db.schema
        .createTable("stats_nodeinfo_daily")
        .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("users_total", "integer")
        .addColumn("users_active_month", "integer")
        .addColumn("local_posts", "integer")
        .addPrimaryKeyConstraint("stats_nodeinfo_daily_pk", ["service_id", "day"])
        .execute();
    },
  },
  "2026-11-24-0204-stats-run-index": {
    async up(db: AnyDB) {
      // The aggregates walk a run's files in id order.
      await db.schema
        .createIndex("stats_files_run")
        .on("stats_files")
        .columns(["last_run_id", "id"])
        .execute();
    },
  },
  "2026-12-01-0205-stats-import": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("stats_imports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("dry_run", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("actor_person_id", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("report", "text")
        .execute();
      await db.schema
        .createTable("stats_import_records")
        .addColumn("url", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("stats_software_categories")
        .addColumn("software_key", "text", (c) => c.primaryKey())
        .addColumn("software_name", "text", (c) => c.notNull())
        .addColumn("category_id", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .execute();
    },
  },
  "2026-12-01-0206-stats-file-website": {
    async up(db: AnyDB) {
      // Stats list organizations and services the directory does not know: their address is a crawl fact.
      await db.schema.alterTable("stats_files").addColumn("website", "text").execute();
    },
  },
  "2026-12-01-0207-stats-file-properties": {
    async up(db: AnyDB) {
      // Property coverage reads what each file fills, kept at crawl time.
      await db.schema.alterTable("stats_files").addColumn("properties", "text").execute();
    },
  },
  "2026-12-01-0208-stats-entered-metrics": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("stats_entered_metrics")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("metric", "text", (c) => c.notNull())
        .addColumn("period_kind", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("value", "double precision", (c) => c.notNull())
        .addColumn("entered_by", "text", (c) => c.notNull())
        .addColumn("entered_at", "text", (c) => c.notNull())
        .execute();
      // Entering a period again replaces its value; the generated file reads one service's rows.
      await db.schema
        .createIndex("stats_entered_metrics_key")
        .on("stats_entered_metrics")
        .columns(["service_id", "metric", "period_kind", "period"])
        .unique()
        .execute();
    },
  },
};
