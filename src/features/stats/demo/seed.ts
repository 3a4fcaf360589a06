import type { Deps } from "../../../deps.js";
import type { DemoWorld } from "../../../demo/world.js";
import { newSortableId } from "../../../db/ids.js";
import { inTransaction } from "../../../db/adapter.js";
import { addDaily, seedLatest, type DailyCounts } from "../../../probe/probe.repository.js";
import { crawlFederation } from "../crawl/crawler.js";
import { createFetcher, type Fetcher, type FetchOutcome } from "../crawl/fetch.js";
import { createHostLimiter } from "../crawl/limiter.js";
import { memberBySlug, servicesOf } from "../generated.js";
import { NODEINFO_SOFTWARE } from "../nodeinfo.js";
import { hash01, metricsFileName, metricsText, organizationText, serviceAnswer } from "./files.js";
import { statsDb } from "../stats.tables.js";

/**
 * History for the demo, so its pages are rich on first start: one crawl read in-process (the
 * demo sites are not served yet while seeding), 29 earlier crawls derived from it, 120 days of
 * uptime and NodeInfo figures. The crawl job at start then fetches the files over loopback.
 */

const DAY = 86_400_000;
const UPTIME_DAYS = 120;
const RUNS = 30;

/** Reads the demo members' files as their simulated sites would serve them, without HTTP. */
function inProcessFetcher(deps: Deps, world: DemoWorld): Fetcher {
  const fallback = createFetcher(deps, createHostLimiter(4, 2));
  const ok = (url: string, body: string): FetchOutcome => ({
    url,
    result: "ok",
    httpStatus: 200,
    reason: null,
    body: new TextEncoder().encode(body),
    etag: null,
    lastModified: null,
  });
  const fail = (
    url: string,
    result: FetchOutcome["result"],
    status: number,
    reason: string,
  ): FetchOutcome => ({
    url,
    result,
    httpStatus: status,
    reason,
    body: undefined,
    etag: null,
    lastModified: null,
  });
  return {
    async fetch(url, prior) {
      const match = url.startsWith(world.sitesBaseUrl)
        ? /^\/([^/]+)\/\.well-known\/chatonsinfos\/([^/]+)$/.exec(url.slice(world.sitesBaseUrl.length))
        : null;
      if (!match?.[1] || !match[2]) return fallback.fetch(url, prior);
      const m = await memberBySlug(deps.db, match[1]);
      if (!m) return fail(url, "http-error", 404, "HTTP 404");
      const services = await servicesOf(deps.db, m.id);
      if (match[2] === `${m.slug}.properties`) return ok(url, organizationText(deps.config, m, services));
      const index = services.findIndex((s) => match[2] === `${s.slug}.properties`);
      const service = services[index];
      if (service) {
        const answer = serviceAnswer(deps.config, m, service, index);
        if (answer.status === 404) return fail(url, "http-error", 404, "HTTP 404");
        if (answer.type.includes("html"))
          return fail(url, "html", 200, "an HTML page was served (text/html), not a properties file");
        return ok(url, answer.body);
      }
      const metrics = services.find((s) => match[2] === metricsFileName(s.slug));
      return metrics
        ? ok(url, metricsText(deps.config, m, metrics, deps.now()))
        : fail(url, "http-error", 404, "HTTP 404");
    },
  };
}

async function seedRuns(deps: Deps, latest: string, at: Date): Promise<void> {
  const files = await statsDb(deps.db)
    .selectFrom("stats_file_history")
    .selectAll()
    .where("run_id", "=", latest)
    .execute();
  const run = await statsDb(deps.db)
    .selectFrom("stats_crawl_runs")
    .selectAll()
    .where("id", "=", latest)
    .executeTakeFirstOrThrow();
  // Older runs first, so that their sortable ids come before the latest one's.
  const ids: string[] = [];
  for (let i = RUNS - 1; i >= 1; i--) ids.push(newSortableId());
  for (const [n, id] of ids.entries()) {
    const daysAgo = RUNS - 1 - n;
    const started = new Date(at.getTime() - daysAgo * DAY);
    const history = files.map((f) => {
      const outage = hash01(`outage:${f.file_id}:${daysAgo}`) < 0.02;
      return {
        ...f,
        id: newSortableId(),
        run_id: id,
        fetched_at: started.toISOString(),
        ...(outage
          ? {
              result: "timeout" as const,
              reason: "demo: the server did not answer in time",
              http_status: null,
              errors: 0,
              warnings: 0,
            }
          : {}),
      };
    });
    const failed = history.filter((h) => !["ok", "generated", "not-modified"].includes(h.result)).length;
    await inTransaction(deps.db, async (trx) => {
      await statsDb(trx)
        .insertInto("stats_crawl_runs")
        .values({
          ...run,
          id,
          trigger: "demo",
          started_at: started.toISOString(),
          updated_at: started.toISOString(),
          finished_at: new Date(started.getTime() + 38_000).toISOString(),
          files_failed: failed,
          files_ok: history.length - failed,
          summary: `${run.items_total} organizations, ${history.length} files, ${failed} failed (demo history)`,
        })
        .execute();
      for (let i = 0; i < history.length; i += 300)
        await statsDb(trx)
          .insertInto("stats_file_history")
          .values(history.slice(i, i + 300))
          .execute();
    });
  }
}

async function seedUptime(deps: Deps, world: DemoWorld, now: Date): Promise<void> {
  const rows: DailyCounts[] = [];
  const latest: Parameters<typeof seedLatest>[1] = [];
  for (const m of world.members)
    for (const s of m.services) {
      const flaky = hash01(`flaky:${m.slug}/${s.slug}`) < 0.05;
      const speed = 40 + Math.round(hash01(`speed:${s.id}`) * 400);
      for (let d = UPTIME_DAYS; d >= 1; d--) {
        const day = new Date(now.getTime() - d * DAY).toISOString().slice(0, 10);
        const bad = hash01(`down:${s.id}:${day}`);
        const lost = flaky ? 4 : bad < 0.015 ? 1 + (Math.floor(bad * 1000) % 20) : bad < 0.05 ? 1 : 0;
        rows.push({
          url: s.url,
          day,
          checks: 24,
          reachable: 24 - lost,
          totalMs: 24 * speed,
          judged: 0,
          usable: 0,
          usableMs: 0,
        });
      }
      latest.push({
        url: s.url,
        observedAt: new Date(now.getTime() - DAY).toISOString(),
        reachable: true,
        status: 200,
        elapsedMs: speed,
        since: new Date(now.getTime() - 3 * DAY).toISOString(),
      });
    }
  await inTransaction(deps.db, async (trx) => {
    await addDaily(trx, rows);
    await seedLatest(trx, latest);
  });
}

async function seedNodeinfo(deps: Deps, world: DemoWorld, now: Date): Promise<void> {
  const daily: {
    service_id: string;
    day: string;
    users_total: number;
    users_active_month: number;
    local_posts: number;
  }[] = [];
  for (const m of world.members)
    for (const s of m.services) {
      if (!s.softwareSlug || !NODEINFO_SOFTWARE.has(s.softwareSlug)) continue;
      const total = Math.round(30 + hash01(`users:${m.slug}/${s.slug}`) * 3000);
      for (let d = UPTIME_DAYS; d >= 1; d--) {
        const users = Math.round(total * (1 - d * 0.002));
        daily.push({
          service_id: s.id,
          day: new Date(now.getTime() - d * DAY).toISOString().slice(0, 10),
          users_total: users,
          users_active_month: Math.round(users * 0.22),
          local_posts: users * 40,
        });
      }
    }
  for (let i = 0; i < daily.length; i += 500)
    await statsDb(deps.db)
      .insertInto("stats_nodeinfo_daily")
      .values(daily.slice(i, i + 500))
      .execute();
}

export async function statsSeedDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const now = deps.now();
  const yesterday = new Date(Math.floor(now.getTime() / DAY) * DAY - DAY + 3 * 3_600_000);
  const past = { ...deps, now: () => yesterday };
  const { runId } = await crawlFederation(past, { trigger: "demo", fetcher: inProcessFetcher(past, world) });
  await seedRuns(deps, runId, yesterday);
  await seedUptime(deps, world, now);
  await seedNodeinfo(deps, world, now);
  deps.log.info({ runs: RUNS, days: UPTIME_DAYS }, "demo statistics history loaded");
}
