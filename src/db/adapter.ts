import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "./schema.js";

/**
 * The few places where SQLite and PostgreSQL differ, kept in one file. Everything else is plain
 * Kysely that both dialects run unchanged.
 */

declare const opaque: unique symbol;

/**
 * The one database (or a transaction open on it) as the application passes it around: opaque, so
 * nothing can query it as it is. Each owner reads and writes through its own view (below); a query
 * on another owner's table fails the type check.
 */
export interface DB {
  readonly [opaque]: "the database";
}

/** Every table at once: for the migrations, and for tests and benches that set up every owner's rows. */
export type WholeDb = Kysely<Database> | Transaction<Database>;

/** The connection opened at start, as the application holds it. */
export function opaqueDb(db: WholeDb): DB {
  // One of the two places where a handle changes type (see ownedTables): at run time it is the
  // same Kysely object.
  return db as unknown as DB;
}

/** The database with every table: migrations, test fixtures and benches only (tests/ownership.test.ts). */
export function wholeDb(db: DB | WholeDb): WholeDb {
  return "selectFrom" in db ? db : (db as unknown as WholeDb);
}

/** Answers when the database does: the health check. */
export async function ping(db: DB): Promise<void> {
  await sql`select 1`.execute(wholeDb(db));
}

/**
 * A table owner's view of the one database: the same connection, or the same open transaction,
 * typed with the owner's tables only. Features never query `DB` itself: each owner (a feature, or a
 * core module such as the audit log) makes its view once with `ownedTables<TheirTables>()`, and a
 * query on another owner's table then fails the type check. Other owners' data is reached through
 * the functions they publish.
 */
export type OwnDb<T> = Kysely<T>;

/** Makes an owner's view maker; see {@link OwnDb}. */
export function ownedTables<T extends Partial<Database>>(): (db: DB) => OwnDb<T> {
  // The only place a database handle changes type: Kysely's types are invariant in the table map
  // (a transaction callback receives the same map), so no subset of Database is assignable, but at
  // run time a view is the very same object.
  return (db) => db as unknown as Kysely<T>;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so that several
 * owners' writes (a vote closed, a member admitted, the audit entry) commit together.
 */
export async function inTransaction<R>(db: DB, work: (trx: DB) => Promise<R>): Promise<R> {
  const whole = wholeDb(db);
  if (whole.isTransaction) return work(db);
  return whole.transaction().execute((trx) => work(opaqueDb(trx)));
}

/** True when an error is a unique-constraint violation, whatever the dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  // better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY; pg: 23505.
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/** Counts come back as number on SQLite and as (parsed) int8 on PostgreSQL; normalise both. */
export function toCount(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return Number(value) || 0;
  return 0;
}

/** Booleans are stored as 0/1 integers: SQLite has no boolean type and better-sqlite3 cannot bind one. */
export const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);
export const isSet = (value: number | null | undefined): boolean => value === 1;

/**
 * Lower-case, accent-free text for searching: stored next to the original so that a plain LIKE
 * behaves the same on both dialects (SQLite's LIKE ignores ASCII case only, PostgreSQL's not at all).
 */
export function searchable(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Escapes LIKE wildcards in user input; queries use `escape '\'`-free patterns, so strip them. */
export function likePattern(term: string): string {
  return `%${searchable(term)
    .replace(/[%_\\]/g, " ")
    .trim()}%`;
}
