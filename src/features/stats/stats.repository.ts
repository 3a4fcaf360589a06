import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import type { SeriesPeriod } from "./stats.tables.js";
import { parseValues } from "./metrics.js";
import { uptimeRatios } from "./uptime.js";
import { crawledOrganizations, crawledServices } from "./crawled.repository.js";

/** Reads for the stats pages and exports (lists). Details are in detail.repository.ts. */

export { listServices, type ServiceListRow } from "./services.repository.js";

export async function latestRun(db: DB) {
  return db.selectFrom("stats_crawl_runs").selectAll().orderBy("started_at", "desc").executeTakeFirst();
}

export async function latestFinishedRun(db: DB) {
  return db
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .where("status", "=", "done")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
}

export async function overviewCounts(db: DB) {
  const one = async (q: Promise<{ n: unknown } | undefined>) => toCount((await q)?.n);
  const members = await one(
    db
      .selectFrom("members")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("membership", "=", "member")
      .where("archived_at", "is", null)
      .executeTakeFirst(),
  );
  const services = await one(
    db
      .selectFrom("services")
      .innerJoin("members", "members.id", "services.member_id")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("members.membership", "=", "member")
      .where("services.archived_at", "is", null)
      .where("members.archived_at", "is", null)
      .executeTakeFirst(),
  );
  const software = await one(
    db
      .selectFrom("services")
      .select((eb) => eb.fn.count("software_id").distinct().as("n"))
      .where("archived_at", "is", null)
      .executeTakeFirst(),
  );
  const categories = await one(
    db
      .selectFrom("services")
      .select((eb) => eb.fn.count("category_id").distinct().as("n"))
      .where("archived_at", "is", null)
      .executeTakeFirst(),
  );
  const files = await db
    .selectFrom("stats_files")
    .select((eb) => [
      "result",
      eb.fn.countAll().as("n"),
      eb.fn.sum<number>("errors").as("errors"),
      eb.fn.sum<number>("warnings").as("warnings"),
    ])
    .groupBy("result")
    .execute();
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

export async function growth(db: DB, now: Date) {
  const members = await db
    .selectFrom("members")
    .select("joined_at")
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .execute();
  const services = await db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select("services.start_date")
    .where("members.membership", "=", "member")
    .where("services.archived_at", "is", null)
    .execute();
  return {
    members: cumulativeByYear(
      members.map((m) => m.joined_at),
      now,
    ),
    services: cumulativeByYear(
      services.map((s) => s.start_date),
      now,
    ),
  };
}

export async function aggregateSeries(
  db: DB,
  scope: "federation" | "software" | "category",
  scopeId: string,
  metric: string,
  period: SeriesPeriod,
) {
  const rows = await db
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
  const rows = await db
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
  const members = await db
    .selectFrom("members")
    .select(["id", "slug", "name", "chatonsinfos_url", "chatonsinfos_source_of_truth", "status"])
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  const files = await db
    .selectFrom("stats_files")
    .select(["id", "member_id", "class", "url", "result", "errors", "warnings", "fetched_at"])
    .where("member_id", "is not", null)
    .execute();
  const services = await db
    .selectFrom("services")
    .select((eb) => ["member_id", eb.fn.countAll().as("n")])
    .where("archived_at", "is", null)
    .groupBy("member_id")
    .execute();
  const serviceCount = new Map(services.map((s) => [s.member_id, toCount(s.n)]));
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
      chatonsinfos_url: m.chatonsinfos_url,
      sourceOfTruth: m.chatonsinfos_source_of_truth === 1,
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

export async function listSoftware(db: DB) {
  const rows = await db
    .selectFrom("software")
    .innerJoin("services", "services.software_id", "software.id")
    .innerJoin("members", "members.id", "services.member_id")
    .select((eb) => [
      "software.slug",
      "software.name",
      "software.license",
      eb.fn.countAll().as("services"),
      eb.fn.count("services.member_id").distinct().as("members"),
    ])
    .where("services.archived_at", "is", null)
    .where("members.membership", "=", "member")
    .groupBy(["software.slug", "software.name", "software.license"])
    .execute();
  const crawled = await db
    .selectFrom("stats_files")
    .select((eb) => ["software_key", eb.fn.countAll().as("n")])
    .where("class", "=", "service")
    .where("software_key", "is not", null)
    .groupBy("software_key")
    .execute();
  const crawledBy = new Map(crawled.map((c) => [c.software_key, toCount(c.n)]));
  const listed = rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    license: r.license,
    services: toCount(r.services),
    members: toCount(r.members),
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

export async function listCategories(db: DB) {
  const rows = await db
    .selectFrom("categories")
    .leftJoin("services", (j) =>
      j.onRef("services.category_id", "=", "categories.id").on("services.archived_at", "is", null),
    )
    .select((eb) => [
      "categories.id",
      "categories.family",
      "categories.name_fr",
      "categories.name_en",
      "categories.position",
      eb.fn.count("services.id").as("services"),
      eb.fn.count("services.member_id").distinct().as("members"),
    ])
    .where("categories.archived_at", "is", null)
    .groupBy([
      "categories.id",
      "categories.family",
      "categories.name_fr",
      "categories.name_en",
      "categories.position",
    ])
    .orderBy("categories.position")
    .execute();
  return rows.map((r) => ({ ...r, services: toCount(r.services), members: toCount(r.members) }));
}
