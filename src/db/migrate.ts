import {
  Migrator,
  PostgresAdapter,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from "kysely";
import type { Database } from "./schema.js";
import { coreMigrations } from "./core.migrations.js";
import { probeMigrations } from "../probe/probe.migrations.js";
import { accountsMigrations } from "../features/accounts/accounts.migrations.js";
import { directoryMigrations } from "../features/directory/directory.migrations.js";
import { taxonomyMigrations } from "../features/directory/taxonomy.migrations.js";
import { statsMigrations } from "../features/stats/stats.migrations.js";
import { entraideMigrations } from "../features/entraide/entraide.migrations.js";
import { applicationsMigrations } from "../features/applications/applications.migrations.js";
import { jobsMigrations } from "../jobs/jobs.migrations.js";
import { choresMigrations } from "../features/chores/chores.migrations.js";
import { collectiveMigrations } from "../features/collective/collective.migrations.js";

/**
 * Each feature owns its migrations; names start with a date and a sequence number so that the
 * global order is the alphabetical order Kysely applies. Ranges: 0001-0099 core (with the probe's
 * observation store), 01xx directory, 02xx stats, 03xx entraide, 04xx applications, 05xx jobs and
 * scale, 06xx chores, 07xx collective (contact desk, meetings, calendar feeds, news, mediation).
 */
export const allMigrations: Record<string, Migration> = {
  ...coreMigrations,
  ...probeMigrations,
  ...accountsMigrations,
  ...directoryMigrations,
  ...taxonomyMigrations,
  ...statsMigrations,
  ...entraideMigrations,
  ...applicationsMigrations,
  ...jobsMigrations,
  ...choresMigrations,
  ...collectiveMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => allMigrations };

/**
 * On PostgreSQL, the schema the migration tables live in. Without it Kysely looks for them in
 * every schema, and a second schema on the same server (parallel test files, another instance's
 * search_path) makes it skip creating its own.
 */
async function migrationSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const schema = await migrationSchema(db);
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`, {
      cause: result.error,
    });
  }
  return result;
}
