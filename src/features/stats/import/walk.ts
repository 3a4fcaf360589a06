import type { Deps } from "../../../deps.js";
import { createHostLimiter, mapPool } from "../crawl/limiter.js";
import { createFetcher } from "../crawl/fetch.js";
import { visitLevel } from "../crawl/crawler.js";
import type { Visit } from "../crawl/visit.js";
import type { PriorFile } from "../crawl/visit.js";

/**
 * Reads a federation for the import with the crawler's own fetch and analysis (outbound module,
 * robots.txt, limiter, tolerant reader), storing nothing: federation → organizations → services.
 * No conditional requests, so every file is read whole.
 */

export interface WalkedService {
  subsKey: string;
  visit: Visit;
}

export interface WalkedOrganization {
  subsKey: string;
  visit: Visit;
  services: WalkedService[];
}

export interface Walk {
  federation: Visit;
  organizations: WalkedOrganization[];
}

const keyOf = (subs: string) => subs.slice("subs.".length);

async function level(
  deps: Deps,
  fetch: ReturnType<typeof createFetcher>,
  urls: { url: string; parent: string | null; depth: number }[],
  org: string | null,
) {
  const none = new Map<string, PriorFile>();
  return visitLevel(
    deps,
    fetch,
    urls.map((u) => ({ url: u.url, parentUrl: u.parent, depth: u.depth })),
    org,
    none,
  );
}

export async function walkFederation(deps: Deps, url: string, signal?: AbortSignal): Promise<Walk> {
  const { crawlConcurrency, crawlPerHost } = deps.config.stats;
  const limiter = createHostLimiter(crawlConcurrency, crawlPerHost);
  const fetcher = createFetcher(deps, limiter, signal);
  const [federation] = await level(deps, fetcher, [{ url, parent: null, depth: 0 }], null);
  if (!federation) throw new Error("no federation file");
  const unique = federation.children.filter((c, i, all) => all.findIndex((x) => x.url === c.url) === i);
  const organizations: WalkedOrganization[] = [];
  await mapPool(unique, crawlConcurrency, async (child) => {
    const [visit] = await level(deps, fetcher, [{ url: child.url, parent: url, depth: 1 }], child.url);
    if (!visit) return;
    const subs =
      visit.cls === "organization" ? visit.children.filter((c) => c.url !== url && c.url !== child.url) : [];
    const visits = subs.length
      ? await level(
          deps,
          fetcher,
          subs.map((s) => ({ url: s.url, parent: child.url, depth: 2 })),
          child.url,
        )
      : [];
    const services = visits.map((v, i) => ({ subsKey: keyOf(subs[i]?.key ?? ""), visit: v }));
    organizations.push({ subsKey: keyOf(child.key), visit, services });
  });
  // Parallel fetches finish in any order; the report follows the federation file's order.
  const order = new Map(unique.map((c, i) => [c.url, i]));
  organizations.sort((a, b) => (order.get(a.visit.url) ?? 0) - (order.get(b.visit.url) ?? 0));
  return { federation, organizations };
}
