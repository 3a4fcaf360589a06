import type { DB } from "../../db/adapter.js";
import { statsDb } from "./stats.tables.js";

/**
 * Reads over the files of the latest finished crawl (coverage, services the directory does not
 * hold) cost hundreds of milliseconds at 10,000 organizations, yet those files change only when
 * another crawl starts. Such a read is kept per finished run and computed again when the runs
 * change; while a crawl is running it is computed on every call, as before. Make them at module
 * level: each registers itself for `warmFinishedRunReads`.
 */
export function perFinishedRun<T>(compute: (db: DB) => Promise<T>): (db: DB) => Promise<T> {
  const memo = new WeakMap<DB, { key: string; value: Promise<T> }>();
  const read = async (db: DB): Promise<T> => {
    const latest = await statsDb(db)
      .selectFrom("stats_crawl_runs")
      .select(["id", "status", "finished_at"])
      .orderBy("started_at", "desc")
      .executeTakeFirst();
    if (!latest || latest.status === "running") return compute(db);
    const key = `${latest.id}|${latest.status}|${latest.finished_at ?? ""}`;
    const known = memo.get(db);
    if (known?.key === key) return known.value;
    const value = compute(db);
    memo.set(db, { key, value });
    value.catch(() => memo.delete(db));
    return value;
  };
  everyRead.push(read);
  return read;
}

const everyRead: ((db: DB) => Promise<unknown>)[] = [];

/**
 * Computes every read kept per finished crawl, for the crawl that just ended: the crawl job calls
 * it, so that the first visitor of the stats pages after a crawl does not pay for them (about 1.4 s
 * of CPU at 10,000 organizations, bench/scale.ts). Another instance computes them at its first
 * render after the crawl.
 */
export async function warmFinishedRunReads(db: DB): Promise<void> {
  for (const read of everyRead) await read(db);
}
