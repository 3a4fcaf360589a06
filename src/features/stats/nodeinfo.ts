import type { Deps } from "../../deps.js";
import { OutboundError } from "../../http/outbound.js";
import { createHostLimiter, mapPool } from "./crawl/limiter.js";
import { allListedServices } from "../directory/published.js";
import { hostOf } from "./crawl/fetch.js";
import { statsDb } from "./stats.tables.js";
import { inTransaction } from "../../db/adapter.js";

/**
 * NodeInfo (PEERS.md §5): discovery at /.well-known/nodeinfo, then the document of the highest
 * schema we read (2.1, else 2.0). Users and activity are shown beside the ChatonsInfos figures.
 * Reading is pure and defensive: a field of the wrong type is left out, never trusted.
 */

const SCHEMAS = ["2.1", "2.0"] as const;
const MAX_BYTES = 256 * 1024;

/** Software known to publish NodeInfo (the fediverse and a few others). */
export const NODEINFO_SOFTWARE = new Set([
  "mastodon",
  "peertube",
  "pixelfed",
  "pleroma",
  "akkoma",
  "misskey",
  "funkwhale",
  "mobilizon",
  "lemmy",
  "writefreely",
  "friendica",
  "diaspora",
  "gotosocial",
  "plume",
  "bookwyrm",
  "hubzilla",
  "forgejo",
  "gitea",
]);

export function pickNodeinfoLink(jrd: unknown): { href: string; version: string } | undefined {
  if (typeof jrd !== "object" || jrd === null || !("links" in jrd) || !Array.isArray(jrd.links))
    return undefined;
  for (const version of SCHEMAS) {
    for (const link of jrd.links) {
      if (
        typeof link === "object" &&
        link !== null &&
        "rel" in link &&
        "href" in link &&
        typeof link.href === "string" &&
        link.rel === `http://nodeinfo.diaspora.software/ns/schema/${version}`
      )
        return { href: link.href, version };
    }
  }
  return undefined;
}

export interface NodeinfoFigures {
  version: string;
  softwareName: string | null;
  softwareVersion: string | null;
  openRegistrations: boolean | null;
  usersTotal: number | null;
  usersActiveMonth: number | null;
  usersActiveHalfyear: number | null;
  localPosts: number | null;
  localComments: number | null;
}

const count = (v: unknown) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? v : null;
const str = (v: unknown, max = 100) => (typeof v === "string" && v.length > 0 ? v.slice(0, max) : null);
const field = (o: unknown, key: string): unknown =>
  typeof o === "object" && o !== null && Object.hasOwn(o, key) ? Reflect.get(o, key) : undefined;

export function readNodeinfo(doc: unknown): NodeinfoFigures | undefined {
  const version = field(doc, "version");
  if (typeof version !== "string" || !/^[12]\.\d$/.test(version)) return undefined;
  const software = field(doc, "software");
  const usage = field(doc, "usage");
  const users = field(usage, "users");
  const open = field(doc, "openRegistrations");
  return {
    version,
    softwareName: str(field(software, "name")),
    softwareVersion: str(field(software, "version")),
    openRegistrations: typeof open === "boolean" ? open : null,
    usersTotal: count(field(users, "total")),
    usersActiveMonth: count(field(users, "activeMonth")),
    usersActiveHalfyear: count(field(users, "activeHalfyear")),
    localPosts: count(field(usage, "localPosts")),
    localComments: count(field(usage, "localComments")),
  };
}

/**
 * Where to look for the discovery document. NodeInfo lives at the host's root; a service
 * installed under a path (and the demo's simulated instances) may answer under that path first.
 */
export function discoveryUrls(serviceUrl: string): string[] {
  try {
    const u = new URL(serviceUrl);
    const root = `${u.origin}/.well-known/nodeinfo`;
    const base = u.pathname.endsWith("/") ? u.pathname : `${u.pathname}/`;
    return base === "/" ? [root] : [`${u.origin}${base}.well-known/nodeinfo`, root];
  } catch {
    return [];
  }
}

async function getJson(deps: Deps, url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await deps.outbound.fetch({
    url,
    headers: { accept: "application/json" },
    maxBytes: MAX_BYTES,
    ...(signal ? { signal } : {}),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return JSON.parse(res.body.toString("utf8"));
}

export type NodeinfoOutcome =
  { ok: true; url: string; figures: NodeinfoFigures } | { ok: false; url: string | null; error: string };

export async function fetchNodeinfo(
  deps: Deps,
  serviceUrl: string,
  signal?: AbortSignal,
): Promise<NodeinfoOutcome> {
  let lastError = "no discovery document";
  for (const discovery of discoveryUrls(serviceUrl)) {
    try {
      const link = pickNodeinfoLink(await getJson(deps, discovery, signal));
      if (!link) {
        lastError = "no NodeInfo 2.0 or 2.1 link in the discovery document";
        continue;
      }
      const figures = readNodeinfo(await getJson(deps, new URL(link.href, discovery).href, signal));
      if (!figures) return { ok: false, url: link.href, error: "the NodeInfo document is not valid" };
      return { ok: true, url: link.href, figures };
    } catch (error) {
      lastError =
        error instanceof OutboundError
          ? `${error.code}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
    }
  }
  return { ok: false, url: null, error: lastError.slice(0, 300) };
}

async function targets(deps: Deps) {
  const rows = await allListedServices(deps.db);
  const crawled = new Map(
    (
      await statsDb(deps.db)
        .selectFrom("stats_files")
        .select(["service_id", "software_key"])
        .where("service_id", "is not", null)
        .where("class", "=", "service")
        .execute()
    ).map((r) => [r.service_id ?? "", r.software_key]),
  );
  return rows.filter(
    (r) => NODEINFO_SOFTWARE.has(r.softwareSlug ?? "") || NODEINFO_SOFTWARE.has(crawled.get(r.id) ?? ""),
  );
}

export async function runNodeinfo(deps: Deps, signal?: AbortSignal): Promise<string> {
  const services = await targets(deps);
  const limiter = createHostLimiter(deps.config.stats.crawlConcurrency, deps.config.stats.crawlPerHost);
  const results = await mapPool(services, deps.config.stats.crawlConcurrency, (s) =>
    limiter.run(hostOf(s.url), async () => ({ id: s.id, outcome: await fetchNodeinfo(deps, s.url, signal) })),
  );
  const at = deps.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    for (const { id, outcome } of results) {
      const f = outcome.ok ? outcome.figures : undefined;
      const row = {
        url: outcome.url,
        fetched_at: at,
        ok: outcome.ok ? 1 : 0,
        schema_version: f?.version ?? null,
        software_name: f?.softwareName ?? null,
        software_version: f?.softwareVersion ?? null,
        open_registrations: f?.openRegistrations === null || !f ? null : f.openRegistrations ? 1 : 0,
        users_total: f?.usersTotal ?? null,
        users_active_month: f?.usersActiveMonth ?? null,
        users_active_halfyear: f?.usersActiveHalfyear ?? null,
        local_posts: f?.localPosts ?? null,
        local_comments: f?.localComments ?? null,
        error: outcome.ok ? null : outcome.error,
      };
      await statsDb(trx)
        .insertInto("stats_nodeinfo")
        .values({ service_id: id, ...row })
        .onConflict((oc) => oc.column("service_id").doUpdateSet(row))
        .execute();
      if (!f) continue;
      const daily = {
        users_total: f.usersTotal,
        users_active_month: f.usersActiveMonth,
        local_posts: f.localPosts,
      };
      await statsDb(trx)
        .insertInto("stats_nodeinfo_daily")
        .values({ service_id: id, day: at.slice(0, 10), ...daily })
        .onConflict((oc) => oc.columns(["service_id", "day"]).doUpdateSet(daily))
        .execute();
    }
  });
  const ok = results.filter((r) => r.outcome.ok).length;
  return `${results.length} NodeInfo services read: ${ok} answered`;
}
