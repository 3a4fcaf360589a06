import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * better-sqlite3 behind Kysely with its prepared statements kept: Kysely asks the driver to
 * prepare every query's SQL text again, and preparing (parsing and planning) was about an eighth of
 * a dashboard request. The same text gets the same statement back, from a bounded LRU: queries
 * with a variable number of parameters (IN lists, batch inserts) make many texts, and each kept
 * statement holds memory inside SQLite. Kysely runs one query at a time on the connection, so a
 * statement is never in use twice at once.
 */
export interface StatementCache extends SqliteDatabase {
  /** Statements prepared so far (misses), for tests and benches. */
  readonly prepared: number;
  readonly size: number;
}

export function cachedStatements(database: SQLite.Database, maxStatements = 500): StatementCache {
  const statements = new Map<string, SqliteStatement>();
  let prepared = 0;
  return {
    prepare(sql: string): SqliteStatement {
      const known = statements.get(sql);
      if (known) {
        // Refresh its place in the LRU order.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      prepared++;
      statements.set(sql, statement);
      if (statements.size > maxStatements) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
    get prepared() {
      return prepared;
    },
    get size() {
      return statements.size;
    },
  };
}
