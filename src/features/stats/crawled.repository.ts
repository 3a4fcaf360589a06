import type { DB } from "../../db/adapter.js";
import { statsDb } from "./stats.tables.js";
import { perFinishedRun } from "./run-memo.js";

/**
 * What the crawl found that the directory does not hold: organization and service files no
 * structure or service was matched to. The stats pages and exports list them too (marked), so a
 * federation's statistics do not depend on someone typing its members in.
 */

const READ = ["ok", "generated", "not-modified"] as const;

/** Files of the latest finished crawl (older files stop counting, as for the aggregates). */
async function latestRunId(db: DB): Promise<string | null> {
  const run = await statsDb(db)
    .selectFrom("stats_crawl_runs")
    .select("id")
    .where("status", "=", "done")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  return run?.id ?? null;
}

export interface CrawledOrganization {
  fileId: string;
  url: string;
  name: string;
  website: string | null;
  result: string;
  files: number;
  errors: number;
  warnings: number;
  failed: number;
  services: number;
}

export async function crawledOrganizations(db: DB): Promise<CrawledOrganization[]> {
  const run = await latestRunId(db);
  if (!run) return [];
  const files = await statsDb(db)
    .selectFrom("stats_files")
    .select([
      "id",
      "url",
      "class",
      "name",
      "website",
      "result",
      "errors",
      "warnings",
      "organization_url",
      "member_id",
    ])
    .where("last_run_id", "=", run)
    .where("organization_url", "is not", null)
    .execute();
  const byOrg = new Map<string, typeof files>();
  for (const f of files) {
    const key = f.organization_url ?? "";
    byOrg.set(key, [...(byOrg.get(key) ?? []), f]);
  }
  return files
    .filter((f) => f.class === "organization" && f.member_id === null)
    .map((org) => {
      const mine = byOrg.get(org.url) ?? [org];
      return {
        fileId: org.id,
        url: org.url,
        name: org.name ?? org.url,
        website: org.website,
        result: org.result,
        files: mine.length,
        errors: mine.reduce((s, f) => s + f.errors, 0),
        warnings: mine.reduce((s, f) => s + f.warnings, 0),
        failed: mine.filter((f) => !(READ as readonly string[]).includes(f.result)).length,
        services: mine.filter((f) => f.class === "service").length,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface CrawledService {
  fileId: string;
  url: string;
  name: string;
  website: string | null;
  softwareKey: string | null;
  softwareName: string | null;
  organizationName: string | null;
  organizationUrl: string | null;
  /** Slug of the directory structure its organization file belongs to, when there is one. */
  memberId: string | null;
  errors: number;
  warnings: number;
}

/** Kept per finished crawl when unfiltered (the overview and the lists ask for all of them). */
const allCrawledServices = perFinishedRun((db) => readCrawledServices(db, {}));

export async function crawledServices(db: DB, filter: { software?: string } = {}): Promise<CrawledService[]> {
  return filter.software ? readCrawledServices(db, filter) : allCrawledServices(db);
}

async function readCrawledServices(db: DB, filter: { software?: string }): Promise<CrawledService[]> {
  const run = await latestRunId(db);
  if (!run) return [];
  let query = statsDb(db)
    .selectFrom("stats_files as s")
    .leftJoin("stats_files as o", "o.url", "s.organization_url")
    .select([
      "s.id",
      "s.url",
      "s.name",
      "s.website",
      "s.software_key",
      "s.software_name",
      "s.errors",
      "s.warnings",
      "s.member_id",
      "s.organization_url",
      "o.name as organization_name",
    ])
    .where("s.last_run_id", "=", run)
    .where("s.class", "=", "service")
    .where("s.service_id", "is", null);
  if (filter.software) query = query.where("s.software_key", "=", filter.software);
  const rows = await query.orderBy("o.name").orderBy("s.name").execute();
  return rows.map((r) => ({
    fileId: r.id,
    url: r.url,
    name: r.name ?? r.url,
    website: r.website,
    softwareKey: r.software_key,
    softwareName: r.software_name,
    organizationName: r.organization_name,
    organizationUrl: r.organization_url,
    memberId: r.member_id,
    errors: r.errors,
    warnings: r.warnings,
  }));
}
