import { CompiledQuery, type Compilable, type Insertable, type QueryResult } from "kysely";
import type { DB } from "../../../db/adapter.js";
import { newId, newSortableId, slugify } from "../../../db/ids.js";
import type { StatsFilesTable, StatsSeriesTable } from "../stats.tables.js";
import { finalReport, type PriorFile, type Visit } from "./visit.js";
import { statsDb } from "../stats.tables.js";

/**
 * The crawler's writes, batched: a whole organization (its file, services and metrics) is stored
 * in one transaction with a handful of multi-row statements. Every write is keyed (file URL,
 * file+run, content hash, series key) so storing the same visits twice changes nothing more.
 */

const BATCH = 200;
const okResults = new Set(["ok", "generated", "not-modified"]);

export async function loadPriors(db: DB, urls: string[]): Promise<Map<string, PriorFile>> {
  const map = new Map<string, PriorFile>();
  for (let i = 0; i < urls.length; i += BATCH) {
    const rows = await statsDb(db)
      .selectFrom("stats_files")
      .selectAll()
      .where("url", "in", urls.slice(i, i + BATCH))
      .execute();
    for (const r of rows) map.set(r.url, r);
  }
  return map;
}

export async function loadBodies(db: DB, hashes: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += BATCH) {
    const rows = await statsDb(db)
      .selectFrom("stats_contents")
      .select(["hash", "body"])
      .where("hash", "in", hashes.slice(i, i + BATCH))
      .execute();
    for (const r of rows) map.set(r.hash, r.body);
  }
  return map;
}

function fileRow(v: Visit, runId: string, at: string): Insertable<StatsFilesTable> {
  const ok = okResults.has(v.outcome.result);
  const report = finalReport(v);
  const prior = v.prior;
  // A failed fetch keeps what we last knew of the content (its check, its names), marked failed.
  const keep = !report && prior;
  return {
    id: prior?.id ?? newId(),
    url: v.url,
    class: report ? v.cls : (prior?.class ?? null),
    parent_url: v.parentUrl,
    organization_url: v.organizationUrl,
    member_id: v.memberId ?? prior?.member_id ?? null,
    service_id: v.serviceId ?? prior?.service_id ?? null,
    name: report ? v.name : (prior?.name ?? null),
    software_key: report ? (v.softwareName ? slugify(v.softwareName) : null) : (prior?.software_key ?? null),
    software_name: report ? v.softwareName : (prior?.software_name ?? null),
    website: report ? v.website : (prior?.website ?? null),
    properties: report && v.properties ? JSON.stringify(v.properties) : (prior?.properties ?? null),
    etag: v.outcome.etag ?? (v.outcome.result === "not-modified" ? (prior?.etag ?? null) : null),
    last_modified:
      v.outcome.lastModified ?? (v.outcome.result === "not-modified" ? (prior?.last_modified ?? null) : null),
    content_hash: v.content?.hash ?? prior?.content_hash ?? null,
    fetched_at: at,
    last_success_at: ok ? at : (prior?.last_success_at ?? null),
    http_status: v.outcome.httpStatus,
    result: v.outcome.result,
    reason: v.outcome.reason,
    errors: report?.counts.error ?? (keep ? prior.errors : 0),
    warnings: report?.counts.warning ?? (keep ? prior.warnings : 0),
    voids: report?.counts.void ?? (keep ? prior.voids : 0),
    oks: report?.counts.ok ?? (keep ? prior.oks : 0),
    report: report ? JSON.stringify(report.results) : (prior?.report ?? null),
    last_run_id: runId,
    first_seen_at: prior?.first_seen_at ?? at,
    updated_at: at,
  };
}

async function chunked<T>(rows: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await run(rows.slice(i, i + BATCH));
}

/**
 * Building a multi-row insert with Kysely costs more than running it (an immutable node per
 * value). The crawl repeats the same few statements with different values, so the SQL built
 * for a given statement and row count is kept and reused with the new parameters. It is reused
 * only when Kysely's own parameters for that build equal ours, so the order cannot drift.
 */
const compiledSql = new Map<string, string>();

function sameParameters(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

async function insertRows<T extends object>(
  trx: DB,
  name: string,
  rows: T[],
  build: (rows: T[]) => Compilable<unknown>,
): Promise<QueryResult<unknown>> {
  const first = rows[0];
  if (!first) return { rows: [] };
  const columns = Object.keys(first);
  const parameters = rows.flatMap((r) =>
    columns.map((c) => (Object.hasOwn(r, c) ? Reflect.get(r, c) : null)),
  );
  const key = `${name}|${rows.length}|${columns.join(",")}`;
  const cached = compiledSql.get(key);
  if (cached) return statsDb(trx).executeQuery(CompiledQuery.raw(cached, parameters));
  const compiled = build(rows).compile();
  if (sameParameters(compiled.parameters, parameters)) compiledSql.set(key, compiled.sql);
  return statsDb(trx).executeQuery(compiled);
}

/** Stores visits; returns the file id of each URL. `dialect` keys the statement cache. */
export async function storeVisits(
  trx: DB,
  runId: string,
  visits: Visit[],
  at: string,
  dialect: string,
): Promise<Map<string, string>> {
  const contents = new Map<
    string,
    { hash: string; body: string; size: number; encoding: string; first_seen_at: string }
  >();
  for (const v of visits)
    if (v.content?.fresh)
      contents.set(v.content.hash, {
        hash: v.content.hash,
        body: v.content.text,
        size: v.content.size,
        encoding: v.content.encoding,
        first_seen_at: at,
      });
  await chunked([...contents.values()], (chunk) =>
    insertRows(trx, `${dialect}:contents`, chunk, (rows) =>
      statsDb(trx)
        .insertInto("stats_contents")
        .values(rows)
        .onConflict((oc) => oc.column("hash").doNothing()),
    ),
  );

  const rows = visits.map((v) => fileRow(v, runId, at));
  const ids = new Map<string, string>();
  await chunked(rows, async (chunk) => {
    const returned = await insertRows(trx, `${dialect}:files`, chunk, (values) =>
      statsDb(trx)
        .insertInto("stats_files")
        .values(values)
        .onConflict((oc) =>
          oc.column("url").doUpdateSet((eb) => ({
            class: eb.ref("excluded.class"),
            parent_url: eb.ref("excluded.parent_url"),
            organization_url: eb.ref("excluded.organization_url"),
            member_id: eb.ref("excluded.member_id"),
            service_id: eb.ref("excluded.service_id"),
            name: eb.ref("excluded.name"),
            software_key: eb.ref("excluded.software_key"),
            software_name: eb.ref("excluded.software_name"),
            website: eb.ref("excluded.website"),
            properties: eb.ref("excluded.properties"),
            etag: eb.ref("excluded.etag"),
            last_modified: eb.ref("excluded.last_modified"),
            content_hash: eb.ref("excluded.content_hash"),
            fetched_at: eb.ref("excluded.fetched_at"),
            last_success_at: eb.ref("excluded.last_success_at"),
            http_status: eb.ref("excluded.http_status"),
            result: eb.ref("excluded.result"),
            reason: eb.ref("excluded.reason"),
            errors: eb.ref("excluded.errors"),
            warnings: eb.ref("excluded.warnings"),
            voids: eb.ref("excluded.voids"),
            oks: eb.ref("excluded.oks"),
            report: eb.ref("excluded.report"),
            last_run_id: eb.ref("excluded.last_run_id"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .returning(["id", "url"]),
    );
    for (const r of returned.rows) {
      const id = field(r, "id");
      const url = field(r, "url");
      if (id && url) ids.set(url, id);
    }
  });

  const history = rows.map((r) => ({
    id: newSortableId(),
    file_id: ids.get(r.url) ?? r.id,
    run_id: runId,
    fetched_at: at,
    http_status: r.http_status ?? null,
    result: r.result,
    reason: r.reason ?? null,
    content_hash: r.content_hash ?? null,
    errors: r.errors ?? 0,
    warnings: r.warnings ?? 0,
  }));
  await chunked(history, (chunk) =>
    insertRows(trx, `${dialect}:history`, chunk, (values) =>
      statsDb(trx)
        .insertInto("stats_file_history")
        .values(values)
        .onConflict((oc) =>
          oc.columns(["file_id", "run_id"]).doUpdateSet((eb) => ({
            fetched_at: eb.ref("excluded.fetched_at"),
            http_status: eb.ref("excluded.http_status"),
            result: eb.ref("excluded.result"),
            reason: eb.ref("excluded.reason"),
            content_hash: eb.ref("excluded.content_hash"),
            errors: eb.ref("excluded.errors"),
            warnings: eb.ref("excluded.warnings"),
          })),
        ),
    ),
  );

  await storeSeries(trx, visits, ids, at, dialect);
  return ids;
}

const field = (row: unknown, key: string): string | undefined => {
  const value =
    typeof row === "object" && row !== null && Object.hasOwn(row, key) ? Reflect.get(row, key) : undefined;
  return typeof value === "string" ? value : undefined;
};

async function storeSeries(trx: DB, visits: Visit[], ids: Map<string, string>, at: string, dialect: string) {
  const fresh = visits.filter((v) => v.series !== undefined);
  const fileIds = fresh.map((v) => ids.get(v.url)).filter((id): id is string => id !== undefined);
  await chunked(fileIds, (chunk) =>
    statsDb(trx).deleteFrom("stats_series").where("file_id", "in", chunk).execute(),
  );
  const series: Insertable<StatsSeriesTable>[] = [];
  for (const v of fresh) {
    const fileId = ids.get(v.url);
    if (!fileId) continue;
    for (const s of v.series ?? [])
      series.push({
        file_id: fileId,
        metric: s.metric,
        year: s.year,
        period: s.period,
        value_list: JSON.stringify(s.values),
        flags: JSON.stringify(s.flags),
        updated_at: at,
      });
  }
  // Duplicate keys in one file (same metric written twice) keep the last, as the parser does.
  const unique = new Map(series.map((s) => [`${s.file_id}|${s.metric}|${s.year}|${s.period}`, s]));
  await chunked([...unique.values()], (chunk) =>
    insertRows(trx, `${dialect}:series`, chunk, (values) =>
      statsDb(trx).insertInto("stats_series").values(values),
    ),
  );
}
