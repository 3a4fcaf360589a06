import type { Deps } from "../../../deps.js";
import { createHostLimiter, type HostLimiter } from "./limiter.js";
import { createFetcher, type Fetcher } from "./fetch.js";
import { analyse, link, newVisit, type PriorFile, type Visit } from "./visit.js";
import { loadBodies, loadPriors, storeVisits } from "./store.js";
import { matchMember, matchServices, type MemberIndex, type OrgContext } from "./match.js";
import { importFromFiles } from "./import.js";
import { markItem, type ItemTally } from "./runs.js";
import type { WriteBatcher, Write } from "./batcher.js";
import { inTransaction } from "../../../db/adapter.js";

/**
 * One organization as one unit of work (crawlOrganization): its file, the service files it lists
 * and their metrics files, stored in one transaction; idempotent, so a unit retried (or taken by
 * another instance) never duplicates rows. The whole crawl around it is in run.ts.
 */

/** federation → organization → service → metrics: deeper links are reported, not followed. */
export const MAX_DEPTH = 3;

export interface CrawlOptions {
  limiter?: HostLimiter;
  fetcher?: Fetcher;
  memberId?: string | null;
  /** URLs above this organization (the federation file), for cycle detection. */
  ancestors?: string[];
  /** URL → organization that claimed it in this run (duplicate detection within one process). */
  claims?: Map<string, string>;
  /**
   * The last completed run before this one. A file that an organization listed then stays that
   * organization's while it still lists it, whichever organization of this run gets to it first.
   */
  previousRunId?: string | null;
  signal?: AbortSignal;
  /** Groups this organization's writes with others' (a whole crawl in one process). */
  batcher?: WriteBatcher;
  /** The run already registered this item as pending. */
  registered?: boolean;
  /** The directory's members, read once per crawl. */
  members?: MemberIndex;
}

function tools(deps: Deps, options: CrawlOptions) {
  const limiter =
    options.limiter ?? createHostLimiter(deps.config.stats.crawlConcurrency, deps.config.stats.crawlPerHost);
  return { limiter, fetcher: options.fetcher ?? createFetcher(deps, limiter, options.signal) };
}

/** Fetches and analyses one level of files (in parallel, through the limiter). */
export async function visitLevel(
  deps: Deps,
  fetcher: Fetcher,
  entries: { url: string; parentUrl: string | null; depth: number; subsKey?: string | null }[],
  organizationUrl: string | null,
  known?: Map<string, PriorFile>,
): Promise<Visit[]> {
  const priors =
    known ??
    (await loadPriors(
      deps.db,
      entries.map((e) => e.url),
    ));
  const visits = await Promise.all(
    entries.map(async (e) => {
      const prior = priors.get(e.url);
      const outcome = await fetcher.fetch(e.url, prior);
      const visit = newVisit(e.url, e.parentUrl, organizationUrl ?? e.url, e.depth, prior, outcome);
      visit.subsKey = e.subsKey ?? null;
      return visit;
    }),
  );
  const hashes = visits
    .filter((v) => v.outcome.result === "not-modified" && v.prior?.content_hash)
    .map((v) => v.prior?.content_hash ?? "");
  const bodies = hashes.length ? await loadBodies(deps.db, hashes) : new Map<string, string>();
  await Promise.all(visits.map((v) => analyse(v, bodies.get(v.prior?.content_hash ?? ""), MAX_DEPTH)));
  return visits;
}

interface Entry {
  url: string;
  parentUrl: string | null;
  depth: number;
  subsKey: string | null;
  /** URLs from the top down to this file, for cycle detection. */
  path: string[];
}

/** Walks an organization's tree; returns every visit (organization first). */
async function walk(deps: Deps, runId: string, url: string, fetcher: Fetcher, options: CrawlOptions) {
  const all: Visit[] = [];
  const seen = new Set<string>([url]);
  const top = options.ancestors ?? [];
  let level: Entry[] = [{ url, parentUrl: top.at(-1) ?? null, depth: 1, subsKey: null, path: [...top, url] }];
  let known: Map<string, PriorFile> | undefined;
  while (level.length > 0) {
    const visits = await visitLevel(deps, fetcher, level, url, known);
    all.push(...visits);
    const next: Entry[] = [];
    const priors = await loadPriors(
      deps.db,
      visits.flatMap((v) => v.children.map((c) => c.url)),
    );
    visits.forEach((v, index) => {
      const path = level[index]?.path ?? [];
      for (const child of v.children) {
        if (path.includes(child.url)) {
          v.links.push(link(child, "subs-cycle"));
          continue;
        }
        if (seen.has(child.url)) {
          v.links.push(link(child, "subs-duplicate"));
          continue;
        }
        const owner =
          options.claims?.get(child.url) ??
          priorOwner(priors.get(child.url), runId, options.previousRunId ?? null);
        if (owner && owner !== url) {
          v.links.push(link(child, "subs-duplicate", { owner }));
          continue;
        }
        options.claims?.set(child.url, url);
        seen.add(child.url);
        next.push({
          url: child.url,
          parentUrl: v.url,
          depth: v.depth + 1,
          subsKey: child.key.slice("subs.".length),
          path: [...path, child.url],
        });
      }
    });
    level = next;
    // The children's rows, read for the ownership check, are the next level's priors.
    known = priors;
  }
  return all;
}

/**
 * Who owns a file before this organization may follow it: whoever stored it in this run (another
 * instance, in a fan-out), else whoever owned it at the last completed run. An owner that stopped
 * listing the file loses it one run later, when its row no longer carries that run.
 */
function priorOwner(
  prior: { last_run_id: string | null; organization_url: string | null } | undefined,
  runId: string,
  previousRunId: string | null,
) {
  if (!prior?.last_run_id) return null;
  return prior.last_run_id === runId || prior.last_run_id === previousRunId ? prior.organization_url : null;
}

/**
 * Crawls one organization (the unit a job queue can hand to any instance). Safe to call twice
 * for the same run and URL: rows are keyed, and the run's counters move only on the first finish.
 */
export async function crawlOrganization(
  deps: Deps,
  runId: string,
  url: string,
  options: CrawlOptions = {},
): Promise<{ files: number; failures: number }> {
  const { fetcher } = tools(deps, options);
  if (!options.registered) await markItem(deps, runId, url, options.memberId ?? null, "start");
  try {
    const visits = await walk(deps, runId, url, fetcher, options);
    const ctx: OrgContext = await matchMember(
      deps,
      url,
      visits[0],
      options.memberId ?? null,
      options.members,
    );
    matchServices(ctx, visits);
    // Parsed files are only needed again to import them; until the write, keep memory low.
    if (!ctx.member?.filesAreSourceOfTruth) for (const v of visits) v.parsed = undefined;
    const at = deps.now().toISOString();
    const tally = tallyOf(visits);
    const write: Write = async (trx) => {
      await storeVisits(trx, runId, visits, at, deps.dialect);
      if (ctx.member?.filesAreSourceOfTruth) await importFromFiles(trx, deps, ctx, visits, at);
      await markItem(deps, runId, url, ctx.member?.id ?? null, "done", tally, trx);
    };
    if (options.batcher) await options.batcher.write(write);
    else await inTransaction(deps.db, write);
    return { files: tally.files, failures: tally.failures };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn({ runId, url, err: error }, "crawl of an organization failed");
    await markItem(deps, runId, url, options.memberId ?? null, "failed", {
      files: 0,
      failures: 1,
      error: message,
    });
    return { files: 0, failures: 1 };
  }
}

function tallyOf(visits: Visit[]): ItemTally {
  const t = { files: visits.length, failures: 0, ok: 0, unchanged: 0, errors: 0, warnings: 0 };
  for (const v of visits) {
    const r = v.outcome.result;
    if (r === "ok" || r === "generated") t.ok++;
    else if (r === "not-modified") t.unchanged++;
    else t.failures++;
    t.errors += v.report?.counts.error ?? 0;
    t.warnings += v.report?.counts.warning ?? 0;
  }
  return t;
}

export { crawlFederation, crawlFanOut, type RunOptions } from "./run.js";
