import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import type { SeriesPeriod } from "./stats.tables.js";
import { parseValues } from "./metrics.js";
import { uptimeRatios } from "./uptime.js";
import { crawledOrganizations, crawledServices } from "./crawled.repository.js";
import { listStructures } from "../directory/published.js";
import {
  directoryFigures,
  listedServiceCounts,
  type DirectoryFigures,
} from "../directory/published-listings.js";
import { statsDb } from "./stats.tables.js";
import { perFinishedRun } from "./run-memo.js";

/** Reads for the stats pages and exports (lists). Details are in detail.repository.ts. */

export { listServices, type ServiceListRow } from "./services.repository.js";
export async function listCategories(db: DB, figures?: DirectoryFigures) {
  return (figures ?? (await directoryFigures(db))).categories;
}

export async function latestRun(db: DB) {
  return statsDb(db)
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .orderBy("started_at", "desc")
    .executeTakeFirst();
}

export async function latestFinishedRun(db: DB) {
  return statsDb(db)
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .where("status", "=", "done")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
}

/** Files by result, with their errors and warnings: they change only while a crawl runs. */
const fileResults = perFinishedRun((db) =>
  statsDb(db)
    .selectFrom("stats_files")
    .select((eb) => [
      "result",
      eb.fn.countAll().as("n"),
      eb.fn.sum<number>("errors").as("errors"),
      eb.fn.sum<number>("warnings").as("warnings"),
    ])
    .groupBy("result")
    .execute(),
);

/** How many crawled service files name each software, kept per finished crawl. */
const crawledSoftwareCounts = perFinishedRun(async (db) => {
  const crawled = await statsDb(db)
    .selectFrom("stats_files")
    .select((eb) => ["software_key", eb.fn.countAll().as("n")])
    .where("class", "=", "service")
    .where("software_key", "is not", null)
    .groupBy("software_key")
    .execute();
  return new Map(crawled.map((c) => [c.software_key, toCount(c.n)]));
});

/** `figures`, when the caller already read them, saves asking the directory for its version again. */
export async function overviewCounts(db: DB, figures?: DirectoryFigures) {
  const { members, services, software, categories } = (figures ?? (await directoryFigures(db))).counts;
  const files = await fileResults(db);
  return {
    members,
    services,
    software,
    categories,
    files: files.map((f) => ({
      result: f.result,
      n: toCount(f.n),
      errors: toCount(f.errors),
      warnings: toCount(f.warnings),
    })),
  };
}

/** Year → cumulative count, from a list of YYYY-MM-DD dates. */
export function cumulativeByYear(dates: (string | null)[], now: Date): { label: string; value: number }[] {
  const perYear = new Map<number, number>();
  const today = now.toISOString().slice(0, 10);
  for (const d of dates) {
    const y = Number(d?.slice(0, 4));
    // A date in the future (a service announced ahead) is not growth yet.
    if (d && y > 1990 && d <= today) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  }
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const out: { label: string; value: number }[] = [];
  let total = 0;
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return out;
  for (let y = first; y <= last; y++) {
    total += perYear.get(y) ?? 0;
    out.push({ label: String(y), value: total });
  }
  return out;
}

export async function growth(db: DB, now: Date, figures?: DirectoryFigures) {
  const dates = (figures ?? (await directoryFigures(db))).growth;
  return { members: cumulativeByYear(dates.members, now), services: cumulativeByYear(dates.services, now) };
}

export async function aggregateSeries(
  db: DB,
  scope: "federation" | "software" | "category",
  scopeId: string,
  metric: string,
  period: SeriesPeriod,
) {
  const rows = await statsDb(db)
    .selectFrom("stats_aggregates")
    .selectAll()
    .where("scope", "=", scope)
    .where("scope_id", "=", scopeId)
    .where("metric", "=", metric)
    .where("period", "=", period)
    .orderBy("year")
    .execute();
  return rows.map((r) => ({
    year: r.year,
    period: r.period,
    values: parseValues(r.value_list),
    contributors: r.contributors,
    flagged: r.flagged,
  }));
}

export async function aggregateMetrics(
  db: DB,
  scope: "federation" | "software" | "category",
  scopeId: string,
) {
  const rows = await statsDb(db)
    .selectFrom("stats_aggregates")
    .select(["metric", "period"])
    .distinct()
    .where("scope", "=", scope)
    .where("scope_id", "=", scopeId)
    .orderBy("metric")
    .execute();
  return rows;
}

export async function listOrganizations(db: DB, now: Date): Promise<OrganizationListRow[]> {
  const members = await listStructures(db, { membership: "member" });
  const files = await statsDb(db)
    .selectFrom("stats_files")
    .select(["id", "member_id", "class", "url", "result", "errors", "warnings", "fetched_at"])
    .where("member_id", "is not", null)
    .execute();
  const serviceCount = await listedServiceCounts(db);
  const up = (await uptimeRatios(db, now)).members;
  // Grouped once: a federation of 10,000 members has some 200,000 files.
  const filesOf = new Map<string, typeof files>();
  for (const f of files) {
    const key = f.member_id ?? "";
    const list = filesOf.get(key);
    if (list) list.push(f);
    else filesOf.set(key, [f]);
  }
  const listed: OrganizationListRow[] = members.map((m) => {
    const mine = filesOf.get(m.id) ?? [];
    const org = mine.find((f) => f.class === "organization");
    return {
      id: m.id,
      slug: m.slug,
      name: m.name,
      chatonsinfos_url: m.chatonsinfosUrl,
      sourceOfTruth: m.filesAreSourceOfTruth,
      inDirectory: true,
      file: org ? { id: org.id, result: org.result } : undefined,
      files: mine.length,
      errors: mine.reduce((s, f) => s + f.errors, 0),
      warnings: mine.reduce((s, f) => s + f.warnings, 0),
      failed: mine.filter((f) => !["ok", "generated", "not-modified"].includes(f.result)).length,
      services: serviceCount.get(m.id) ?? 0,
      crawledServices: mine.filter((f) => f.class === "service").length,
      uptime: up.get(m.id) ?? null,
    };
  });
  // Found by the crawl, not in the directory: listed too, marked, with what the files say.
  const outside: OrganizationListRow[] = (await crawledOrganizations(db)).map((o) => ({
    id: o.fileId,
    slug: null,
    name: o.name,
    chatonsinfos_url: o.url,
    sourceOfTruth: false,
    inDirectory: false,
    file: { id: o.fileId, result: o.result },
    files: o.files,
    errors: o.errors,
    warnings: o.warnings,
    failed: o.failed,
    services: o.services,
    crawledServices: o.services,
    uptime: null,
  }));
  return [...listed, ...outside].sort((a, b) => a.name.localeCompare(b.name));
}

export interface OrganizationListRow {
  /** The structure's id, or its organization file's id when the directory does not hold it. */
  id: string;
  /** null when the directory does not hold it. */
  slug: string | null;
  name: string;
  chatonsinfos_url: string | null;
  sourceOfTruth: boolean;
  inDirectory: boolean;
  file: { id: string; result: string } | undefined;
  files: number;
  errors: number;
  warnings: number;
  failed: number;
  services: number;
  crawledServices: number;
  uptime: number | null;
}

export async function listSoftware(db: DB, figures?: DirectoryFigures) {
  const rows = (figures ?? (await directoryFigures(db))).software;
  const crawledBy = await crawledSoftwareCounts(db);
  const listed = rows.map((r) => ({
    ...r,
    crawled: crawledBy.get(r.slug) ?? 0,
    inDirectory: true,
  }));
  // Software only the crawled files name (services the directory does not hold).
  const known = new Set(listed.map((r) => r.slug));
  const outside = new Map<string, { name: string; n: number }>();
  for (const s of await crawledServices(db)) {
    if (!s.softwareKey || known.has(s.softwareKey)) continue;
    const entry = outside.get(s.softwareKey);
    outside.set(s.softwareKey, {
      name: entry?.name ?? s.softwareName ?? s.softwareKey,
      n: (entry?.n ?? 0) + 1,
    });
  }
  const extra = [...outside].map(([slug, o]) => ({
    slug,
    name: o.name,
    license: null,
    services: 0,
    members: 0,
    crawled: crawledBy.get(slug) ?? o.n,
    inDirectory: false,
  }));
  return [...listed, ...extra].sort(
    (a, b) => b.services - a.services || b.crawled - a.crawled || a.name.localeCompare(b.name),
  );
}
