import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context, HonoRequest, MiddlewareHandler, Next } from "hono";
import type { DB } from "../db/adapter.js";
import type { AppEnv } from "./context.js";
import { latestAuditAt, noticeAuditLogChange, onAudit } from "../audit/audit.js";
import { isLocale } from "../i18n/index.js";
import { createFront, type Entry, type FrontOptions } from "./page-cache-front.js";

/**
 * A small in-memory cache of public pages for anonymous visitors. A handler opts in by setting the
 * `x-cache-ttl` header (seconds); the header never leaves the server. Entries are dropped when:
 * - any audited write happens in this instance (immediately), or in another instance sharing the
 *   database (seen within `pollMs`, by watching the newest audit entry);
 * - their time-to-live passes (for data written without an audit entry, such as crawl results).
 * Signed-in people always get fresh pages (theirs carry a session, flash messages, forms).
 * The key keeps only the query parameters the page reads, in a fixed order (see trackQueryReads,
 * decision 070): `?utm_source=x` or a reordered query string still hits.
 */
export const CACHE_HEADER = "x-cache-ttl";

/** How long past its time an expired page may still be served while it is rendered anew. */
const STALE_MS = 60_000;

/** How long a request waits for the same page being rendered for someone else, at most. */
const RENDER_WAIT_MS = 5_000;

export interface PageCache {
  middleware: MiddlewareHandler<AppEnv>;
  /**
   * With `front` options: answers a hit straight from Node's request, before the web app (decision
   * 072). Returns false to leave the request to the app.
   */
  front: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Hits answered by the front path so far. */
  readonly frontAnswers: number;
  /**
   * Lets an expired page be rendered anew away from any visitor, through the app's own `fetch`:
   * everyone, the visitor who found it expired included, gets the page of a moment ago meanwhile.
   * Without it, that visitor's request renders it (and waits).
   */
  renderThrough(fetch: (request: Request) => Promise<Response>): void;
  clear(): void;
  stop(): void;
  readonly size: number;
}

export function createPageCache(
  db: DB,
  options: {
    maxEntries?: number;
    pollMs?: number;
    maxPaths?: number;
    front?: FrontOptions;
    /** Milliseconds for the entries' time to live (tests drive it). */
    now?: () => number;
  } = {},
): PageCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxPaths = options.maxPaths ?? 10_000;
  const pollMs = options.pollMs ?? 2_000;
  const entries = new Map<string, Entry>();
  // Ids are random: the mark of change is the latest entry's time (indexed, so the poll stays cheap
  // on a long log). A write in the very millisecond of the last one seen waits for the TTL.
  let lastSeen: string | undefined;
  const front = options.front ? createFront(entries, { ...options.front, now }, 2 * maxEntries) : undefined;
  // Counts the clears: a page whose render began before one may show what the write changed.
  let generation = 0;
  const clear = () => {
    generation++;
    entries.clear();
    front?.forget();
  };

  const unsubscribe = onAudit(clear);

  // Other instances' writes: the newest audit id changes. Only polled while something is cached.
  const timer = setInterval(() => {
    if (entries.size === 0 && lastSeen !== undefined) return;
    latestAuditAt(db)
      .then((at) => {
        const mark = at ?? "";
        // Before the first answer nothing tells what was cached against: drop it to be safe.
        // The directory snapshot is told too, or the next render could use one read before the
        // write, and the page made from it would be kept until the next write.
        if (mark !== lastSeen) {
          clear();
          noticeAuditLogChange();
        }
        lastSeen = mark;
      })
      .catch(clear);
  }, pollMs);
  timer.unref();

  // Per path, every query parameter name a page has ever read there (or "all of them").
  const readAt = new Map<string, Reads>();

  // Misses being rendered, by key: a page that expires while hundreds of visitors ask for it is
  // rendered once (a 1.2 MB map at 100 × the demo costs 190 ms), and the others get the expired page
  // meanwhile, or wait for the new one when there is none (after a write emptied the cache).
  const rendering = new Map<string, Promise<void>>();

  // Under load a render waits for the event loop at each query (hundreds of other answers go
  // between two of them on PostgreSQL): the visitor who found the page expired waited over a
  // second at 100 × the demo. Renders made for nobody are marked by their request.
  let fetchApp: ((request: Request) => Promise<Response>) | undefined;
  const background = new WeakSet<Request>();
  const renderInBackground = (key: string, asked: Request) => {
    if (!fetchApp) return false;
    // Anonymous, as the page is: no cookie, only what the locale may be negotiated from.
    const headers = new Headers();
    const language = asked.headers.get("accept-language");
    if (language) headers.set("accept-language", language);
    const request = new Request(asked.url, { headers });
    background.add(request);
    const done: Promise<void> = fetchApp(request)
      .then((res) => res.arrayBuffer())
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (rendering.get(key) === done) rendering.delete(key);
      });
    rendering.set(key, done);
    return true;
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== "GET" || c.get("session")) return next();
    const url = new URL(c.req.url);
    const locale = c.get("locale");
    const known = readAt.get(url.pathname);
    const key = known ? cacheKey(url, known, locale) : undefined;
    const fresh = (): Entry | undefined => {
      const hit = key === undefined ? undefined : entries.get(key);
      return hit && hit.expires > now() ? hit : undefined;
    };
    const serve = (hit: Entry, at: string) => {
      // Refresh its place in the LRU order.
      entries.delete(at);
      entries.set(at, hit);
      if (front && prefixed(c.req.path)) front.remember(target(url), at, hit, c.req.path);
      const headers = new Headers(hit.headers);
      headers.set("x-cache", "hit");
      return new Response(hit.body, { status: hit.status, headers });
    };
    const hit = fresh();
    if (key !== undefined && hit) return serve(hit, key);
    const own = background.has(c.req.raw);
    const other = key === undefined || own ? undefined : rendering.get(key);
    // Expired: the page of a moment ago, rather than a wait, while it is rendered anew.
    const stale = key === undefined ? undefined : entries.get(key);
    const usable = stale !== undefined && stale.expires + STALE_MS > now();
    if (key !== undefined && usable && other) return serve(stale, key);
    if (key !== undefined && usable && !own && renderInBackground(key, c.req.raw)) return serve(stale, key);
    if (key !== undefined && other) {
      await Promise.race([other, new Promise((r) => setTimeout(r, RENDER_WAIT_MS).unref())]);
      const rendered = fresh();
      if (rendered) return serve(rendered, key);
    }
    let done: (() => void) | undefined;
    if (key !== undefined && !rendering.has(key))
      rendering.set(key, new Promise<void>((resolve) => (done = resolve)));
    try {
      await renderAndStore(c, next, url, known, locale, now());
    } finally {
      if (done && key !== undefined) {
        rendering.delete(key);
        done();
      }
    }
  };

  const renderAndStore = async (
    c: Context<AppEnv>,
    next: Next,
    url: URL,
    known: Reads | undefined,
    locale: string,
    now: number,
  ): Promise<void> => {
    const reads: Reads = { names: new Set(), all: false };
    trackQueryReads(c.req, reads);
    // The handler sees its parameters with names in order (each name's values kept in theirs):
    // what it reads is the same, and the query string it echoes is the canonical one.
    const sorted = canonicalSearch(url, { names: new Set(), all: true });
    if (sorted !== url.search.slice(1)) {
      const href = `${url.origin}${url.pathname}${sorted ? `?${sorted}` : ""}`;
      Object.defineProperty(c.req, "url", { configurable: true, get: () => href });
    }
    const began = generation;
    await next();
    const ttl = Number(c.res.headers.get(CACHE_HEADER) ?? "0");
    c.res.headers.delete(CACHE_HEADER);
    if (!(ttl > 0) || c.res.status !== 200 || c.res.headers.has("set-cookie")) return;
    if (generation !== began) return;
    const learned = merge(known, reads);
    // Forgetting what a path's pages read, or a page reading a new name, keys requests anew: what
    // the front path remembers is stale. (A path seen for the first time has nothing remembered.)
    if (readAt.size >= maxPaths && !known) {
      readAt.clear();
      front?.forget();
    } else if (known && (learned.all !== known.all || learned.names.size !== known.names.size)) {
      front?.forget();
    }
    readAt.set(url.pathname, learned);
    // Only a request with nothing the page did not read is stored: the page echoes its query
    // string (language links), and the entry is served to every request that agrees with it on
    // the parameters read.
    if (canonicalSearch(url, reads) !== sorted) return;
    // A Uint8Array (not an ArrayBuffer): @hono/node-server writes it straight to the socket, where
    // an ArrayBuffer body goes through a web stream and costs several times more per hit.
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const stored: Entry = {
      status: c.res.status,
      body,
      headers: [...c.res.headers],
      expires: now + ttl * 1000,
      wire: undefined,
    };
    const storedKey = cacheKey(url, learned, locale);
    entries.set(storedKey, stored);
    if (front && prefixed(c.req.path)) front.remember(target(url), storedKey, stored, c.req.path);
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  };

  return {
    middleware,
    front: front ? front.answer : () => false,
    clear,
    renderThrough(fetch) {
      fetchApp = fetch;
    },
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
    get size() {
      return entries.size;
    },
    get frontAnswers() {
      return front?.answered ?? 0;
    },
  };
}

/**
 * The front path answers only pages whose locale is in the path: elsewhere the locale, and so the
 * key, come from Accept-Language, which the app negotiates.
 */
function prefixed(path: string): boolean {
  const end = path.indexOf("/", 1);
  return isLocale(path.slice(1, end < 0 ? undefined : end));
}

/** The request target as Node receives it for this URL (the URL as the app parsed it). */
const target = (url: URL): string => `${url.pathname}${url.search}`;

/** The query parameter names a page read while it was built; `all` when it listed them. */
export interface Reads {
  names: Set<string>;
  all: boolean;
}

function watched<T extends object>(record: T, reads: Reads): T {
  return new Proxy(record, {
    get(target, p, receiver) {
      if (typeof p === "string") reads.names.add(p);
      return Reflect.get(target, p, receiver);
    },
    has(target, p) {
      if (typeof p === "string") reads.names.add(p);
      return Reflect.has(target, p);
    },
    ownKeys(target) {
      reads.all = true;
      return Reflect.ownKeys(target);
    },
  });
}

/**
 * Records which query parameters the handlers read through `c.req.query()` / `c.req.queries()`
 * (by name, or by property on the record they return; listing the record's keys reads them all).
 * A page is a function of what it reads: two requests that agree on those parameters get the same
 * page, whatever else their query strings carry. Reading `c.req.url` itself is not tracked: pages
 * only echo it (the language links), which is why only canonical requests are stored.
 */
export function trackQueryReads(req: HonoRequest, reads: Reads): void {
  const query = req.query.bind(req);
  const queries = req.queries.bind(req);
  Object.defineProperty(req, "query", {
    configurable: true,
    value: (key?: string) => {
      if (key === undefined) return watched(query(), reads);
      reads.names.add(key);
      return query(key);
    },
  });
  Object.defineProperty(req, "queries", {
    configurable: true,
    value: (key?: string) => {
      if (key === undefined) return watched(queries(), reads);
      reads.names.add(key);
      return queries(key);
    },
  });
}

export function merge(known: Reads | undefined, reads: Reads): Reads {
  if (!known) return { names: new Set(reads.names), all: reads.all };
  return { names: new Set([...known.names, ...reads.names]), all: known.all || reads.all };
}

/** The query string restricted to the names read, names sorted, each name's values in their order. */
export function canonicalSearch(url: URL, reads: Reads): string {
  const names = [...new Set(url.searchParams.keys())].filter((n) => reads.all || reads.names.has(n)).sort();
  const out = new URLSearchParams();
  for (const name of names) for (const value of url.searchParams.getAll(name)) out.append(name, value);
  return out.toString();
}

export function cacheKey(url: URL, reads: Reads, locale: string): string {
  return `${url.pathname}?${canonicalSearch(url, reads)}|${locale}`;
}
