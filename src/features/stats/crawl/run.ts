import type { Deps } from "../../../deps.js";
import { newSortableId } from "../../../db/ids.js";
import type { FanOut } from "../../../jobs/scheduler.js";
import type { CrawlTrigger } from "../stats.tables.js";
import { generatedUrls } from "../generated.js";
import { createHostLimiter, mapPool, type HostLimiter } from "./limiter.js";
import { createFetcher, type Fetcher } from "./fetch.js";
import { link } from "./visit.js";
import { storeVisits } from "./store.js";
import { loadMemberIndex, memberIdsBySubs, type MemberIndex } from "./match.js";
import { finishRun, recomputeAggregates, registerItems } from "./runs.js";
import { createWriteBatcher, type WriteBatcher } from "./batcher.js";
import { crawlOrganization, visitLevel } from "./crawler.js";
import { statsDb } from "../stats.tables.js";
import { inTransaction } from "../../../db/adapter.js";

/**
 * A whole crawl: start (run row, federation file, one pending item per organization), the
 * organizations (crawlOrganization, the unit), then the aggregates and the final tally. In one
 * process (`crawlFederation`, the CLI) or spread over instances as a fan-out job (`crawlFanOut`).
 */

export interface RunOptions {
  trigger: CrawlTrigger;
  signal?: AbortSignal;
  /** Another way to read files (the demo seeds its history without HTTP). */
  fetcher?: Fetcher;
}

interface Started {
  runId: string;
  root: string;
  items: { url: string; memberId: string | null }[];
}

/** What concurrent organizations of one run share in one process. */
interface Shared {
  runId: string;
  limiter: HostLimiter;
  fetcher: Fetcher;
  batcher: WriteBatcher;
  claims: Map<string, string>;
  previousRunId: string | null;
  members: MemberIndex;
  memberIds: Map<string, string | null>;
}

/** Runs this process takes part in (normally one: the job's lease allows one crawl at a time). */
const runs = new Map<string, Shared>();

async function shared(
  deps: Deps,
  runId: string,
  options: RunOptions | { signal?: AbortSignal },
): Promise<Shared> {
  const known = runs.get(runId);
  if (known) return known;
  const limiter = createHostLimiter(deps.config.stats.crawlConcurrency, deps.config.stats.crawlPerHost);
  const items = await statsDb(deps.db)
    .selectFrom("stats_crawl_items")
    .select(["url", "member_id"])
    .where("run_id", "=", runId)
    .execute();
  const created: Shared = {
    runId,
    limiter,
    fetcher:
      ("fetcher" in options ? options.fetcher : undefined) ?? createFetcher(deps, limiter, options.signal),
    batcher: createWriteBatcher(deps.db),
    claims: new Map(),
    previousRunId:
      (
        await statsDb(deps.db)
          .selectFrom("stats_crawl_runs")
          .select("id")
          .where("id", "<", runId)
          .where("status", "=", "done")
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirst()
      )?.id ?? null,
    members: await loadMemberIndex(deps),
    memberIds: new Map(items.map((i) => [i.url, i.member_id])),
  };
  // A run finished by another instance never calls completeCrawl here: keep only recent ones.
  for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - 3))) runs.delete(old);
  runs.set(runId, created);
  return created;
}

export async function startCrawl(deps: Deps, options: RunOptions): Promise<Started> {
  const { config, db } = deps;
  const root = config.stats.federationUrl ?? generatedUrls(config).federation;
  const runId = newSortableId();
  const at = deps.now().toISOString();
  // The job's lease lets one crawl run at a time: a run still "running" was interrupted.
  await statsDb(db)
    .updateTable("stats_crawl_runs")
    .set({
      status: "failed",
      summary: "interrupted (the platform stopped during the crawl)",
      updated_at: at,
      finished_at: at,
    })
    .where("status", "=", "running")
    .execute();
  await statsDb(db)
    .insertInto("stats_crawl_runs")
    .values({
      id: runId,
      trigger: options.trigger,
      root_url: root,
      status: "running",
      started_at: at,
      updated_at: at,
      finished_at: null,
      items_total: 0,
      items_done: 0,
      files_total: 0,
      files_ok: 0,
      files_unchanged: 0,
      files_failed: 0,
      errors: 0,
      warnings: 0,
      summary: null,
    })
    .execute();
  try {
    const { fetcher } = await shared(deps, runId, options);
    const [fed] = await visitLevel(deps, fetcher, [{ url: root, parentUrl: null, depth: 0 }], null);
    if (!fed) throw new Error("no federation file");
    fed.organizationUrl = null;
    const subs = fed.children.filter((c, i, all) => all.findIndex((x) => x.url === c.url) === i);
    for (const c of fed.children.filter((c, i, all) => all.findIndex((x) => x.url === c.url) !== i))
      fed.links.push(link(c, "subs-duplicate"));
    await inTransaction(db, async (trx) => {
      await storeVisits(trx, runId, [fed], at, deps.dialect);
      await statsDb(trx)
        .updateTable("stats_crawl_runs")
        .set({ items_total: subs.length })
        .where("id", "=", runId)
        .execute();
    });
    const members = await memberIdsBySubs(
      deps,
      subs.map((s) => ({ key: s.key.slice("subs.".length), url: s.url })),
    );
    const items = subs.map((s) => ({ url: s.url, memberId: members.get(s.url) ?? null }));
    await registerItems(deps, runId, items);
    const mine = runs.get(runId);
    if (mine) for (const i of items) mine.memberIds.set(i.url, i.memberId);
    return { runId, root, items };
  } catch (error) {
    runs.delete(runId);
    await finishRun(deps, runId, error instanceof Error ? error.message : String(error), "failed");
    throw error;
  }
}

/** One organization of a started run, sharing what this process already holds for the run. */
export async function crawlItem(deps: Deps, runId: string, root: string, url: string, signal?: AbortSignal) {
  const s = await shared(deps, runId, signal ? { signal } : {});
  return crawlOrganization(deps, runId, url, {
    limiter: s.limiter,
    fetcher: s.fetcher,
    memberId: s.memberIds.get(url) ?? null,
    ancestors: [root],
    claims: s.claims,
    previousRunId: s.previousRunId,
    batcher: s.batcher,
    registered: true,
    members: s.members,
    ...(signal ? { signal } : {}),
  });
}

export async function completeCrawl(deps: Deps, runId: string): Promise<string> {
  await runs.get(runId)?.batcher.flush();
  runs.delete(runId);
  await recomputeAggregates(deps, runId);
  return finishRun(deps, runId, "", "done");
}

/** A whole crawl in this process: returns the run id and a one-line summary. */
export async function crawlFederation(
  deps: Deps,
  options: RunOptions,
): Promise<{ runId: string; summary: string }> {
  const { runId, root, items } = await startCrawl(deps, options);
  try {
    await mapPool(items, deps.config.stats.crawlConcurrency, async (item) => {
      if (!options.signal?.aborted) await crawlItem(deps, runId, root, item.url, options.signal);
    });
    if (options.signal?.aborted) throw new Error("interrupted");
    return { runId, summary: await completeCrawl(deps, runId) };
  } catch (error) {
    runs.delete(runId);
    await finishRun(deps, runId, error instanceof Error ? error.message : String(error), "failed");
    throw error;
  }
}

function parseContext(context: string | undefined): { run: string; root: string } {
  const raw: unknown = JSON.parse(context ?? "{}");
  if (
    typeof raw === "object" &&
    raw !== null &&
    "run" in raw &&
    "root" in raw &&
    typeof raw.run === "string" &&
    typeof raw.root === "string"
  )
    return { run: raw.run, root: raw.root };
  throw new Error("crawl context missing");
}

/** The crawl as a fan-out job: one item per organization, any instance may take any item. */
export function crawlFanOut(deps: Deps): FanOut {
  return {
    concurrency: deps.config.stats.crawlConcurrency,
    async plan(signal) {
      const { runId, root, items } = await startCrawl(deps, { trigger: "job", signal });
      return { items: items.map((i) => i.url), context: JSON.stringify({ run: runId, root }) };
    },
    async process(_jobRun, item, context, signal) {
      const { run, root } = parseContext(context);
      await crawlItem(deps, run, root, item, signal);
    },
    finish: (_jobRun, context) => completeCrawl(deps, parseContext(context).run),
  };
}
