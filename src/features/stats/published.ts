import type { DB } from "../../db/adapter.js";
import { statsDb } from "./stats.tables.js";

/**
 * What the stats feature publishes to the others, read-only: for the admin home, the last crawl
 * and how many files it could not read. Queried through the plain handle: stats has no owner view
 * yet; when it does, only this file changes.
 */
export interface LastCrawl {
  id: string;
  status: "running" | "done" | "failed";
  startedAt: string;
  filesFailed: number;
  errors: number;
}

export async function lastCrawl(db: DB): Promise<LastCrawl | undefined> {
  const row = await statsDb(db)
    .selectFrom("stats_crawl_runs")
    .select(["id", "status", "started_at", "files_failed", "errors"])
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        status: row.status,
        startedAt: row.started_at,
        filesFailed: row.files_failed,
        errors: row.errors,
      }
    : undefined;
}
