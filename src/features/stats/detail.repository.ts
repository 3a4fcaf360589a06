import type { DB } from "../../db/adapter.js";
import {
  findListedMember,
  importableMembers,
  structuresByIds,
  type FieldValues,
  type Structure,
} from "../directory/published.js";
import { serviceEvenArchived } from "../directory/published-listings.js";
import { toCount } from "../../db/adapter.js";
import { parseFlags, parseValues, sumSeries, type Flag } from "./metrics.js";
import type { SeriesPeriod } from "./stats.tables.js";
import { statsDb } from "./stats.tables.js";
import { parseReport } from "./report.js";
import { readFacts, type FileFacts } from "./facts.js";

/** Reads for the detail pages: one file, one run, one organization or service, uptime. */

export { parseReport };

export const FILES_PAGE = 100;

/** Adds the structure's slug and name to rows that name one (archived structures still named). */
async function withMembers<R extends { member_id: string | null }>(
  db: DB,
  rows: R[],
): Promise<(R & { member_slug: string | null; member_name: string | null })[]> {
  const members = await structuresByIds(
    db,
    rows.flatMap((r) => (r.member_id ? [r.member_id] : [])),
  );
  return rows.map((r) => {
    const m = r.member_id ? members.get(r.member_id) : undefined;
    return { ...r, member_slug: m?.slug ?? null, member_name: m?.name ?? null };
  });
}

export async function listFiles(
  db: DB,
  filter: { problem?: "errors" | "failed" | ""; page: number; memberId?: string },
) {
  let query = statsDb(db)
    .selectFrom("stats_files")
    .select([
      "stats_files.id",
      "stats_files.member_id",
      "stats_files.url",
      "stats_files.class",
      "stats_files.name",
      "stats_files.result",
      "stats_files.reason",
      "stats_files.errors",
      "stats_files.warnings",
      "stats_files.voids",
      "stats_files.oks",
      "stats_files.fetched_at",
      "stats_files.last_success_at",
    ]);
  if (filter.problem === "errors") query = query.where("stats_files.errors", ">", 0);
  if (filter.problem === "failed")
    query = query.where("stats_files.result", "not in", ["ok", "generated", "not-modified"]);
  if (filter.memberId) query = query.where("stats_files.member_id", "=", filter.memberId);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  const rows = await query
    .orderBy("stats_files.errors", "desc")
    .orderBy("stats_files.url")
    .limit(FILES_PAGE)
    .offset((filter.page - 1) * FILES_PAGE)
    .execute();
  return { rows: await withMembers(db, rows), total: toCount(total?.n) };
}

/** One file with its content, history and children; `all` lists valid properties too. */
export async function fileDetail(db: DB, id: string, all = false) {
  const row = await statsDb(db).selectFrom("stats_files").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [withMember] = await withMembers(db, [row]);
  const service = row.service_id ? await serviceEvenArchived(db, row.service_id) : undefined;
  const file = {
    ...row,
    ...withMember,
    service_slug: service?.slug ?? null,
    service_name: service?.name ?? null,
  };
  const content = file.content_hash
    ? await statsDb(db)
        .selectFrom("stats_contents")
        .select(["body", "encoding", "size", "facts"])
        .where("hash", "=", file.content_hash)
        .executeTakeFirst()
    : undefined;
  const history = await statsDb(db)
    .selectFrom("stats_file_history")
    .selectAll()
    .where("file_id", "=", id)
    .orderBy("fetched_at", "desc")
    .limit(60)
    .execute();
  const children = await statsDb(db)
    .selectFrom("stats_files")
    .select(["id", "url", "class", "result", "errors", "warnings"])
    .where("parent_url", "=", file.url)
    .orderBy("url")
    .execute();
  const stored = parseReport(file.report);
  // The stored report keeps problems only; the facts stored with the content hold the whole check
  // (valid properties too), written by the crawl. A refused file has no valid properties to show.
  const facts = readFacts(content?.facts);
  const results =
    all && facts && facts.results.length > 0
      ? [...facts.results, ...stored.filter((r) => r.code.startsWith("subs-"))]
      : stored;
  return { file, content, history, children, results };
}

/** What the crawl stored about a file's current content, or undefined (never crawled, or not yet). */
export async function factsOfFile(db: DB, id: string): Promise<FileFacts | undefined> {
  const row = await statsDb(db)
    .selectFrom("stats_files")
    .innerJoin("stats_contents", "stats_contents.hash", "stats_files.content_hash")
    .select("stats_contents.facts")
    .where("stats_files.id", "=", id)
    .executeTakeFirst();
  return readFacts(row?.facts);
}

export async function rawFile(db: DB, id: string) {
  return statsDb(db)
    .selectFrom("stats_files")
    .innerJoin("stats_contents", "stats_contents.hash", "stats_files.content_hash")
    .select(["stats_files.url", "stats_contents.body", "stats_contents.hash"])
    .where("stats_files.id", "=", id)
    .executeTakeFirst();
}

export async function listRuns(db: DB, limit = 60) {
  return statsDb(db)
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
}

export async function runDetail(db: DB, id: string) {
  const run = await statsDb(db)
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!run) return undefined;
  const failures = await statsDb(db)
    .selectFrom("stats_file_history")
    .innerJoin("stats_files", "stats_files.id", "stats_file_history.file_id")
    .select([
      "stats_files.id",
      "stats_files.url",
      "stats_files.member_id",
      "stats_file_history.result",
      "stats_file_history.reason",
      "stats_file_history.http_status",
    ])
    .where("stats_file_history.run_id", "=", id)
    .where("stats_file_history.result", "not in", ["ok", "generated", "not-modified"])
    .orderBy("stats_files.url")
    .limit(500)
    .execute();
  const items = await statsDb(db)
    .selectFrom("stats_crawl_items")
    .select([
      "stats_crawl_items.url",
      "stats_crawl_items.member_id",
      "stats_crawl_items.status",
      "stats_crawl_items.files",
      "stats_crawl_items.failures",
      "stats_crawl_items.error",
    ])
    .where("stats_crawl_items.run_id", "=", id)
    .orderBy("stats_crawl_items.failures", "desc")
    .orderBy("stats_crawl_items.url")
    .limit(500)
    .execute();
  return { run, failures: await withMembers(db, failures), items: await withMembers(db, items) };
}

/** A listed structure, with what the directory holds of the fields its organization file states. */
export interface StatsMember extends Structure {
  fields: FieldValues;
}

export async function memberBySlug(db: DB, slug: string): Promise<StatsMember | undefined> {
  const member = await findListedMember(db, slug);
  if (!member) return undefined;
  const [importable] = await importableMembers(db, { slug });
  return { ...member, fields: importable?.values ?? {} };
}

export async function filesOfMember(db: DB, memberId: string) {
  return statsDb(db)
    .selectFrom("stats_files")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("class")
    .orderBy("url")
    .execute();
}

/** Series summed over a set of files (an organization's services): computed on demand. */
export async function seriesOfFiles(db: DB, fileIds: string[]) {
  if (fileIds.length === 0) return [];
  const rows = await statsDb(db)
    .selectFrom("stats_series")
    .selectAll()
    .where("file_id", "in", fileIds)
    .execute();
  const groups = new Map<
    string,
    {
      metric: string;
      year: number;
      period: SeriesPeriod;
      lists: { values: (number | null)[]; flags: Flag[] }[];
    }
  >();
  for (const r of rows) {
    const key = `${r.metric}|${r.year}|${r.period}`;
    const g = groups.get(key) ?? { metric: r.metric, year: r.year, period: r.period, lists: [] };
    g.lists.push({ values: parseValues(r.value_list), flags: parseFlags(r.flags) });
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const summed = sumSeries(g.lists);
    const flags = g.lists.length === 1 ? (g.lists[0]?.flags ?? []) : [];
    return {
      metric: g.metric,
      year: g.year,
      period: g.period,
      values: summed.values,
      flagged: summed.flagged,
      flags,
    };
  });
}

// Uptime reads live with the rest of uptime (the observation store, decision 017).
export { uptimeByMember, uptimeRows } from "./uptime.js";

export type NodeinfoRead = Awaited<ReturnType<typeof nodeinfoOf>>[number];

/** The last NodeInfo read of each service, with its flags as booleans. */
export async function nodeinfoOf(db: DB, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  const rows = await statsDb(db)
    .selectFrom("stats_nodeinfo")
    .selectAll()
    .where("service_id", "in", serviceIds)
    .execute();
  return rows.map(({ ok, open_registrations, ...row }) => ({
    ...row,
    ok: ok === 1,
    openRegistrations: open_registrations === null ? null : open_registrations === 1,
  }));
}

export async function nodeinfoHistory(db: DB, serviceId: string) {
  return statsDb(db)
    .selectFrom("stats_nodeinfo_daily")
    .selectAll()
    .where("service_id", "=", serviceId)
    .orderBy("day")
    .execute();
}
