import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

export const jobsMigrations: Record<string, Migration> = {
  "2026-11-24-0501-job-runs": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("job_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("job", "text", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("total", "integer", (c) => c.notNull())
        .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("finished_at", "text")
        .addColumn("summary", "text")
        .execute();
      await db.schema.createIndex("job_runs_job").on("job_runs").columns(["job", "started_at"]).execute();
      await db.schema
        .createTable("job_run_items")
        .addColumn("run_id", "text", (c) => c.notNull().references("job_runs.id").onDelete("cascade"))
        .addColumn("item", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("finished_at", "text")
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("job_run_items_pk", ["run_id", "item"])
        .execute();
    },
    async down(db: AnyDB) {
      await db.schema.dropTable("job_run_items").execute();
      await db.schema.dropTable("job_runs").execute();
    },
  },
};
