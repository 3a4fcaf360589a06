import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import type { CrawlStatus, SeriesPeriod, StatsAggregatesTable } from "../stats.tables.js";
import { serviceClassification } from "../../directory/published-listings.js";
import { addToSum, parseFlags, parseValues, type Flag, type Summed } from "../metrics.js";
import { statsDb } from "../stats.tables.js";
import { inTransaction } from "../../../db/adapter.js";

/** Crawl run bookkeeping: item states, progress counters, the final tally and the aggregates. */

export interface ItemTally {
  files: number;
  failures: number;
  ok?: number;
  unchanged?: number;
  errors?: number;
  warnings?: number;
  error?: string;
}

export async function markItem(
  deps: Deps,
  runId: string,
  url: string,
  memberId: string | null,
  phase: "start" | "done" | "failed",
  tally: ItemTally = { files: 0, failures: 0 },
  db: DB = deps.db,
): Promise<void> {
  const at = deps.now().toISOString();
  if (phase === "start") {
    await statsDb(db)
      .insertInto("stats_crawl_items")
      .values({
        run_id: runId,
        url,
        member_id: memberId,
        status: "pending",
        files: 0,
        failures: 0,
        started_at: at,
        finished_at: null,
        error: null,
      })
      .onConflict((oc) => oc.columns(["run_id", "url"]).doNothing())
      .execute();
    return;
  }
  // Only the first finish of an item moves the run's counters: a retried item counts once.
  const changed = await statsDb(db)
    .updateTable("stats_crawl_items")
    .set({
      status: phase,
      member_id: memberId,
      files: tally.files,
      failures: tally.failures,
      finished_at: at,
      error: tally.error?.slice(0, 500) ?? null,
    })
    .where("run_id", "=", runId)
    .where("url", "=", url)
    .where("status", "<>", "done")
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return;
  await statsDb(db)
    .updateTable("stats_crawl_runs")
    .set((eb) => ({
      items_done: eb("items_done", "+", 1),
      files_total: eb("files_total", "+", tally.files),
      files_ok: eb("files_ok", "+", tally.ok ?? 0),
      files_unchanged: eb("files_unchanged", "+", tally.unchanged ?? 0),
      files_failed: eb("files_failed", "+", tally.failures),
      errors: eb("errors", "+", tally.errors ?? 0),
      warnings: eb("warnings", "+", tally.warnings ?? 0),
      updated_at: at,
    }))
    .where("id", "=", runId)
    .execute();
}

/** All the organizations of a run, as pending items, in a few statements. */
export async function registerItems(
  deps: Deps,
  runId: string,
  items: { url: string; memberId: string | null }[],
) {
  const at = deps.now().toISOString();
  const rows = items.map((i) => ({
    run_id: runId,
    url: i.url,
    member_id: i.memberId,
    status: "pending" as const,
    files: 0,
    failures: 0,
    started_at: at,
    finished_at: null,
    error: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await statsDb(deps.db)
      .insertInto("stats_crawl_items")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(["run_id", "url"]).doNothing())
      .execute();
}

/** Recounts the run from its history (exact whatever retries happened) and closes it. */
export async function finishRun(
  deps: Deps,
  runId: string,
  note: string,
  status: CrawlStatus,
): Promise<string> {
  const rows = await statsDb(deps.db)
    .selectFrom("stats_file_history")
    .select((eb) => [
      "result",
      eb.fn.countAll().as("n"),
      eb.fn.sum<number>("errors").as("errors"),
      eb.fn.sum<number>("warnings").as("warnings"),
    ])
    .where("run_id", "=", runId)
    .groupBy("result")
    .execute();
  let total = 0;
  let ok = 0;
  let unchanged = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of rows) {
    const n = toCount(r.n);
    total += n;
    if (r.result === "ok" || r.result === "generated") ok += n;
    if (r.result === "not-modified") unchanged += n;
    errors += toCount(r.errors);
    warnings += toCount(r.warnings);
  }
  const failed = total - ok - unchanged;
  const run = await statsDb(deps.db)
    .selectFrom("stats_crawl_runs")
    .select(["items_total", "items_done"])
    .where("id", "=", runId)
    .executeTakeFirst();
  const summary =
    status === "done"
      ? `${run?.items_done ?? 0}/${run?.items_total ?? 0} organizations, ${total} files: ${ok} read, ${unchanged} unchanged, ${failed} failed; ${errors} errors, ${warnings} warnings`
      : `failed: ${note}`;
  const at = deps.now().toISOString();
  await statsDb(deps.db)
    .updateTable("stats_crawl_runs")
    .set({
      status,
      finished_at: at,
      updated_at: at,
      files_total: total,
      files_ok: ok,
      files_unchanged: unchanged,
      files_failed: failed,
      errors,
      warnings,
      summary: summary.slice(0, 500),
    })
    .where("id", "=", runId)
    .execute();
  return summary;
}

interface Bucket extends Summed {
  scope: StatsAggregatesTable["scope"];
  scopeId: string;
  metric: string;
  year: number;
  period: SeriesPeriod;
}

const PAGE = 500;

/**
 * Sums every service's series per federation, software and category. Files not reached by the
 * latest finished crawl no longer count. Walks the run's files page by page (index on
 * last_run_id, id) and adds their series into running sums, so time and memory stay linear.
 */
export async function recomputeAggregates(deps: Deps, runId: string): Promise<number> {
  const { db } = deps;
  const serviceInfo = await serviceClassification(db);
  const buckets = new Map<string, Bucket>();
  const add = (
    scope: Bucket["scope"],
    scopeId: string,
    row: { metric: string; year: number; period: SeriesPeriod },
    list: { values: (number | null)[]; flags: Flag[] },
  ) => {
    const key = `${scope}|${scopeId}|${row.metric}|${row.year}|${row.period}`;
    let b = buckets.get(key);
    if (!b) {
      b = {
        scope,
        scopeId,
        metric: row.metric,
        year: row.year,
        period: row.period,
        values: [],
        contributors: 0,
        flagged: 0,
      };
      buckets.set(key, b);
    }
    addToSum(b, list);
  };
  let after = "";
  for (;;) {
    const files = await statsDb(db)
      .selectFrom("stats_files")
      .select(["id", "url", "class", "software_key", "service_id", "parent_url"])
      .where("last_run_id", "=", runId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    const counted = files.filter((f) => f.class === "service" || f.class === "metrics");
    // A metrics file's software is its service file's: read the parents of this page at once.
    const parentUrls = [
      ...new Set(counted.filter((f) => f.class === "metrics" && f.parent_url).map((f) => f.parent_url ?? "")),
    ];
    const parents = new Map(
      parentUrls.length === 0
        ? []
        : (
            await statsDb(db)
              .selectFrom("stats_files")
              .select(["url", "software_key"])
              .where("url", "in", parentUrls)
              .execute()
          ).map((r) => [r.url, r.software_key]),
    );
    const byId = new Map(counted.map((f) => [f.id, f]));
    const series =
      counted.length === 0
        ? []
        : await statsDb(db)
            .selectFrom("stats_series")
            .selectAll()
            .where("file_id", "in", [...byId.keys()])
            .execute();
    for (const r of series) {
      const f = byId.get(r.file_id);
      if (!f) continue;
      const list = { values: parseValues(r.value_list), flags: parseFlags(r.flags) };
      const info = f.service_id ? serviceInfo.get(f.service_id) : undefined;
      const software =
        f.software_key ?? (f.parent_url ? parents.get(f.parent_url) : null) ?? info?.softwareSlug ?? null;
      add("federation", "", r, list);
      if (software) add("software", software, r, list);
      if (info?.categoryId) add("category", info.categoryId, r, list);
    }
    const last = files.at(-1);
    if (!last || files.length < PAGE) break;
    after = last.id;
  }
  const at = deps.now().toISOString();
  const out = [...buckets.values()].map((b) => {
    return {
      scope: b.scope,
      scope_id: b.scopeId,
      metric: b.metric,
      year: b.year,
      period: b.period,
      value_list: JSON.stringify(b.values),
      contributors: b.contributors,
      flagged: b.flagged,
      computed_at: at,
    };
  });
  await inTransaction(db, async (trx) => {
    await statsDb(trx).deleteFrom("stats_aggregates").execute();
    for (let i = 0; i < out.length; i += 200)
      await statsDb(trx)
        .insertInto("stats_aggregates")
        .values(out.slice(i, i + 200))
        .execute();
  });
  return out.length;
}
