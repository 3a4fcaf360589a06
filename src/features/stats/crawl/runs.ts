import type { Deps } from "../../../deps.js";
import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import type { CrawlStatus, SeriesPeriod, StatsAggregatesTable } from "../stats.tables.js";
import { parseFlags, parseValues, sumSeries, type Flag } from "../metrics.js";

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
    await db
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
  const changed = await db
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
  await db
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
    await deps.db
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
  const rows = await deps.db
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
  const run = await deps.db
    .selectFrom("stats_crawl_runs")
    .select(["items_total", "items_done"])
    .where("id", "=", runId)
    .executeTakeFirst();
  const summary =
    status === "done"
      ? `${run?.items_done ?? 0}/${run?.items_total ?? 0} organizations, ${total} files: ${ok} read, ${unchanged} unchanged, ${failed} failed; ${errors} errors, ${warnings} warnings`
      : `failed: ${note}`;
  const at = deps.now().toISOString();
  await deps.db
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

interface Bucket {
  scope: StatsAggregatesTable["scope"];
  scopeId: string;
  metric: string;
  year: number;
  period: SeriesPeriod;
  lists: { values: (number | null)[]; flags: Flag[] }[];
}

const PAGE = 5_000;

/**
 * Sums every service's series per federation, software and category. Files not reached by the
 * latest finished crawl no longer count. Reads the series page by page so memory stays bounded.
 */
export async function recomputeAggregates(deps: Deps, runId: string): Promise<number> {
  const { db } = deps;
  const services = await db
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .select(["services.id", "services.category_id", "software.slug as software_slug"])
    .execute();
  const serviceInfo = new Map(services.map((s) => [s.id, s]));
  const parents = new Map(
    (
      await db
        .selectFrom("stats_files")
        .select(["url", "software_key"])
        .where("class", "=", "service")
        .execute()
    ).map((r) => [r.url, r.software_key]),
  );
  const buckets = new Map<string, Bucket>();
  const add = (
    scope: Bucket["scope"],
    scopeId: string,
    row: { metric: string; year: number; period: SeriesPeriod },
    list: Bucket["lists"][number],
  ) => {
    const key = `${scope}|${scopeId}|${row.metric}|${row.year}|${row.period}`;
    let b = buckets.get(key);
    if (!b) {
      b = { scope, scopeId, metric: row.metric, year: row.year, period: row.period, lists: [] };
      buckets.set(key, b);
    }
    b.lists.push(list);
  };
  let after: [string, string, number, SeriesPeriod] | undefined;
  for (;;) {
    const rows = await db
      .selectFrom("stats_series")
      .innerJoin("stats_files", "stats_files.id", "stats_series.file_id")
      .select([
        "stats_series.file_id",
        "stats_series.metric",
        "stats_series.year",
        "stats_series.period",
        "stats_series.value_list",
        "stats_series.flags",
        "stats_files.software_key",
        "stats_files.service_id",
        "stats_files.parent_url",
        "stats_files.class",
      ])
      .where("stats_files.last_run_id", "=", runId)
      .where("stats_files.class", "in", ["service", "metrics"])
      .$if(after !== undefined, (qb) =>
        qb.where((eb) =>
          eb(
            eb.refTuple(
              "stats_series.file_id",
              "stats_series.metric",
              "stats_series.year",
              "stats_series.period",
            ),
            ">",
            eb.tuple(...(after ?? ["", "", 0, "months"])),
          ),
        ),
      )
      .orderBy("stats_series.file_id")
      .orderBy("stats_series.metric")
      .orderBy("stats_series.year")
      .orderBy("stats_series.period")
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const list = { values: parseValues(r.value_list), flags: parseFlags(r.flags) };
      const info = r.service_id ? serviceInfo.get(r.service_id) : undefined;
      const software =
        r.software_key ?? (r.parent_url ? parents.get(r.parent_url) : null) ?? info?.software_slug ?? null;
      add("federation", "", r, list);
      if (software) add("software", software, r, list);
      if (info?.category_id) add("category", info.category_id, r, list);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = [last.file_id, last.metric, last.year, last.period];
  }
  const at = deps.now().toISOString();
  const out = [...buckets.values()].map((b) => {
    const summed = sumSeries(b.lists);
    return {
      scope: b.scope,
      scope_id: b.scopeId,
      metric: b.metric,
      year: b.year,
      period: b.period,
      value_list: JSON.stringify(summed.values),
      contributors: summed.contributors,
      flagged: summed.flagged,
      computed_at: at,
    };
  });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("stats_aggregates").execute();
    for (let i = 0; i < out.length; i += 200)
      await trx
        .insertInto("stats_aggregates")
        .values(out.slice(i, i + 200))
        .execute();
  });
  return out.length;
}
