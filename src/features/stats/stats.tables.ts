import { ownedTables } from "../../db/adapter.js";

/** Tables owned by the stats feature (see stats.migrations.ts). */
export interface StatsTables {
  stats_crawl_runs: StatsCrawlRunsTable;
  stats_crawl_items: StatsCrawlItemsTable;
  stats_files: StatsFilesTable;
  stats_file_history: StatsFileHistoryTable;
  stats_contents: StatsContentsTable;
  stats_series: StatsSeriesTable;
  stats_aggregates: StatsAggregatesTable;
  stats_robots: StatsRobotsTable;
  stats_nodeinfo: StatsNodeinfoTable;
  stats_nodeinfo_daily: StatsNodeinfoDailyTable;
  stats_imports: StatsImportsTable;
  stats_import_records: StatsImportRecordsTable;
  stats_software_categories: StatsSoftwareCategoriesTable;
  stats_entered_metrics: StatsEnteredMetricsTable;
}

export type CrawlTrigger = "job" | "cli" | "test" | "demo";
export type CrawlStatus = "running" | "done" | "failed";

/** One crawl of the whole federation; its counters are updated as organizations are done. */
export interface StatsCrawlRunsTable {
  id: string;
  trigger: CrawlTrigger;
  root_url: string;
  status: CrawlStatus;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  /** Organizations to crawl, and done so far (the progress shown on the journal). */
  items_total: number;
  items_done: number;
  files_total: number;
  files_ok: number;
  files_unchanged: number;
  files_failed: number;
  errors: number;
  warnings: number;
  summary: string | null;
}

/**
 * One organization of a run: the unit of work (fetch its file, its services, their metrics). Keyed
 * by (run, url) so processing an item twice (a retry, another instance) updates instead of adding.
 */
export interface StatsCrawlItemsTable {
  run_id: string;
  url: string;
  member_id: string | null;
  status: "pending" | "done" | "failed";
  files: number;
  failures: number;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

export type FetchResult =
  | "ok"
  | "not-modified"
  | "generated"
  | "http-error"
  | "html"
  | "too-large"
  | "timeout"
  | "blocked"
  | "robots"
  | "too-many-redirects"
  | "dns"
  | "tls"
  | "network"
  | "bad-url"
  | "empty";

/** The latest known state of each crawled URL. */
export interface StatsFilesTable {
  id: string;
  url: string;
  /** federation, organization, service, metrics, device; null when never read. */
  class: string | null;
  parent_url: string | null;
  /** The organization file this file was reached from (itself for an organization). */
  organization_url: string | null;
  member_id: string | null;
  service_id: string | null;
  /** Name read from the file (federation/organization/service.name). */
  name: string | null;
  /** slugify(software.name) of a service file. */
  software_key: string | null;
  software_name: string | null;
  /** service.website or organization.website read from the file (a fact of the crawl). */
  website: string | null;
  /** JSON: rule key → "valid" | "invalid" | "empty", for the properties the file fills. */
  properties: string | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  fetched_at: string | null;
  last_success_at: string | null;
  http_status: number | null;
  result: FetchResult;
  reason: string | null;
  errors: number;
  warnings: number;
  voids: number;
  oks: number;
  /** JSON: CheckResult[] of the current content, plus link problems (cycles, duplicates). */
  report: string | null;
  last_run_id: string | null;
  first_seen_at: string;
  updated_at: string;
}

/** Each fetch of each file: what came back and what the check found. */
export interface StatsFileHistoryTable {
  id: string;
  file_id: string;
  run_id: string;
  fetched_at: string;
  http_status: number | null;
  result: FetchResult;
  reason: string | null;
  content_hash: string | null;
  errors: number;
  warnings: number;
}

/** Crawled contents by SHA-256, stored once however many times they are fetched. */
export interface StatsContentsTable {
  hash: string;
  body: string;
  size: number;
  encoding: string;
  first_seen_at: string;
}

export type SeriesPeriod = "months" | "weeks" | "days";

/** One metrics list of one file: metrics.<metric>.<year>.<period>. */
export interface StatsSeriesTable {
  file_id: string;
  metric: string;
  year: number;
  period: SeriesPeriod;
  /** JSON array of numbers or null (no data). */
  value_list: string;
  /** JSON array of {i, reason}: entries left out of sums (negative, sudden jump). */
  flags: string;
  updated_at: string;
}

export type AggregateScope = "federation" | "software" | "category";

/** Sums computed at the end of each crawl for the federation, each software and each category. */
export interface StatsAggregatesTable {
  scope: AggregateScope;
  scope_id: string;
  metric: string;
  year: number;
  period: SeriesPeriod;
  value_list: string;
  contributors: number;
  flagged: number;
  computed_at: string;
}

/** robots.txt per origin, read at most once a day. */
export interface StatsRobotsTable {
  origin: string;
  fetched_at: string;
  status: number | null;
  /** JSON RobotsRules, or null when the whole site is off limits (unreachable robots.txt). */
  rules: string | null;
}

/** Probes of one service on one UTC day. Kept at least two years. */
/** The last NodeInfo read of a service (Mastodon, PeerTube…). */
export interface StatsNodeinfoTable {
  service_id: string;
  url: string | null;
  fetched_at: string;
  ok: number;
  schema_version: string | null;
  software_name: string | null;
  software_version: string | null;
  open_registrations: number | null;
  users_total: number | null;
  users_active_month: number | null;
  users_active_halfyear: number | null;
  local_posts: number | null;
  local_comments: number | null;
  error: string | null;
}

export interface StatsNodeinfoDailyTable {
  service_id: string;
  day: string;
  users_total: number | null;
  users_active_month: number | null;
  local_posts: number | null;
}

/** One federation import (command line or admin page) and what it did. */
export interface StatsImportsTable {
  id: string;
  url: string;
  dry_run: number;
  actor_person_id: string | null;
  status: "running" | "done" | "failed";
  started_at: string;
  finished_at: string | null;
  /** JSON ImportReport (see import/report.ts). */
  report: string | null;
}

/**
 * What the import last read from a file for the structure or service it feeds: a field whose
 * value in the platform still equals it was not edited there, so a new value may replace it.
 */
export interface StatsImportRecordsTable {
  url: string;
  kind: "member" | "service";
  entity_id: string;
  /** JSON object: field → value as the file stated it. */
  fields: string;
  updated_at: string;
}

/** The platform's additions to the shipped software → category table (import/software.ts). */
export interface StatsSoftwareCategoriesTable {
  software_key: string;
  software_name: string;
  category_id: string;
  updated_at: string;
  updated_by: string | null;
}

/** Whose value an entered metric is: one month, one ISO-numbered week or one day. */
export type EnteredPeriodKind = "month" | "week" | "day";

/**
 * A metric value a structure's admin entered (or uploaded) for a service whose file the platform
 * generates; the generated file states it as a `metrics.*` list. One row per service, metric and
 * period: entering it again replaces the value.
 */
export interface StatsEnteredMetricsTable {
  id: string;
  service_id: string;
  /** The metric path, e.g. "http.visits" (the key is metrics.<metric>.<year>.<period>). */
  metric: string;
  period_kind: EnteredPeriodKind;
  /** "2026-03" (month), "2026-W05" (week), "2026-03-15" (day). */
  period: string;
  value: number;
  entered_by: string;
  entered_at: string;
}

/** The stats feature's view of the database: its own tables only (docs/ARCHITECTURE.md, ownership). */
export const statsDb = ownedTables<StatsTables>();
