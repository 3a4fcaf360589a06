import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import type { AppEnv } from "./context.js";
import type { Database } from "../db/schema.js";
import { latestAuditAt, onAudit } from "../audit/audit.js";

/**
 * A small in-memory cache of public pages for anonymous visitors. A handler opts in by setting the
 * `x-cache-ttl` header (seconds); the header never leaves the server. Entries are dropped when:
 * - any audited write happens in this instance (immediately), or in another instance sharing the
 *   database (seen within `pollMs`, by watching the newest audit entry);
 * - their time-to-live passes (for data written without an audit entry, such as crawl results).
 * Signed-in people always get fresh pages (theirs carry a session, flash messages, forms).
 */
export const CACHE_HEADER = "x-cache-ttl";

interface Entry {
  status: number;
  body: Uint8Array;
  headers: [string, string][];
  expires: number;
}

export interface PageCache {
  middleware: MiddlewareHandler<AppEnv>;
  clear(): void;
  stop(): void;
  readonly size: number;
}

export function createPageCache(
  db: Kysely<Database>,
  options: { maxEntries?: number; pollMs?: number } = {},
): PageCache {
  const maxEntries = options.maxEntries ?? 1_000;
  const pollMs = options.pollMs ?? 2_000;
  const entries = new Map<string, Entry>();
  // Ids are random: the mark of change is the latest entry's time (indexed, so the poll stays cheap
  // on a long log). A write in the very millisecond of the last one seen waits for the TTL.
  let lastSeen: string | undefined;

  const unsubscribe = onAudit(() => entries.clear());

  // Other instances' writes: the newest audit id changes. Only polled while something is cached.
  const timer = setInterval(() => {
    if (entries.size === 0 && lastSeen !== undefined) return;
    latestAuditAt(db)
      .then((at) => {
        const mark = at ?? "";
        // Before the first answer nothing tells what was cached against: drop it to be safe.
        if (mark !== lastSeen) entries.clear();
        lastSeen = mark;
      })
      .catch(() => entries.clear());
  }, pollMs);
  timer.unref();

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== "GET" || c.get("session")) return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}|${c.get("locale")}`;
    const hit = entries.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) {
      // Refresh its place in the LRU order.
      entries.delete(key);
      entries.set(key, hit);
      const headers = new Headers(hit.headers);
      headers.set("x-cache", "hit");
      return new Response(hit.body, { status: hit.status, headers });
    }
    await next();
    const ttl = Number(c.res.headers.get(CACHE_HEADER) ?? "0");
    c.res.headers.delete(CACHE_HEADER);
    if (!(ttl > 0) || c.res.status !== 200 || c.res.headers.has("set-cookie")) return;
    // A Uint8Array (not an ArrayBuffer): @hono/node-server writes it straight to the socket, where
    // an ArrayBuffer body goes through a web stream and costs several times more per hit.
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    entries.set(key, { status: c.res.status, body, headers: [...c.res.headers], expires: now + ttl * 1000 });
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  };

  return {
    middleware,
    clear: () => entries.clear(),
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
    get size() {
      return entries.size;
    },
  };
}
