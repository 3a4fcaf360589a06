import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import { cachedStatements } from "./sqlite-statements.js";

export type DialectName = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the SQLite file lives (undefined on PostgreSQL or in memory). */
  file: string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL only: schema to put first on the search path (tests use one schema per file). */
  searchPath?: string;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
}

/** Opens the database named by a `sqlite:<file>` or `postgres://` URL. */
export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (url.startsWith("sqlite:")) return openSqlite(url.slice("sqlite:".length));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error(`Unsupported DATABASE_URL: ${url}`);
}

function openSqlite(path: string): DatabaseHandle {
  const inMemory = path === ":memory:" || path === "";
  const file = inMemory ? undefined : resolve(path);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file ?? ":memory:");
  // WAL lets readers work during a write and survives a crash mid-write; the busy timeout makes
  // a second writer wait instead of failing at once.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // Checkpoint the WAL every ~80 MB instead of ~4 MB: a crawl's bulk writes stop waiting on fsync
  // (10,000 organizations in 139 s instead of 191 s), at the price of a larger -wal file between
  // checkpoints.
  sqlite.pragma("wal_autocheckpoint = 20000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  return {
    db,
    dialect: "sqlite",
    file,
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  // Loaded only here: the embedded default never pays for the PostgreSQL driver.
  const { default: pg } = await import("pg");
  const pgTypes = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      // int8 (counts) and numeric come back as strings by default; the values we store fit in a
      // double, and both dialects must hand the application the same JavaScript types.
      if (oid === 20 || oid === 1700) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", file: undefined, close: () => db.destroy() };
}
