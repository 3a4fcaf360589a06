import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";

/**
 * A fresh, migrated database for one test file: a temporary SQLite file by default, or a schema of
 * its own in the PostgreSQL server named by TEST_DATABASE_URL, so the same suite proves both.
 */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** A DATABASE_URL that reaches this very database (for child processes). */
  url: string;
  /** The search path to use on PostgreSQL, for other handles to the same schema. */
  searchPath: string | undefined;
  drop(): Promise<void>;
}

export const usingPostgres = (): boolean => !!process.env.TEST_DATABASE_URL;

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = await openDatabase(pgUrl, { searchPath: schema, poolSize: 5 });
    if (options.migrate !== false) await migrateToLatest(handle.db);
    const url = new URL(pgUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return {
      handle,
      url: url.href,
      searchPath: schema,
      async drop() {
        await handle.close().catch(() => undefined);
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        // pg-boss keeps its queues in a schema of its own next to ours (see JOBS_SCHEMA).
        await client.query(`drop schema if exists ${schema}_boss cascade`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "chatons-test-"));
  const file = join(dir, "test.sqlite");
  const handle = await openDatabase(`sqlite:${file}`);
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    handle,
    url: `sqlite:${file}`,
    searchPath: undefined,
    async drop() {
      await handle.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
