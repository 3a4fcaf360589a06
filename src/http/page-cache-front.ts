import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log.js";

/**
 * The page cache's front path (decision 072): a hit for an anonymous GET answered straight from
 * Node's request, before the web app, with the very status, headers and body the app would send
 * for that hit. Through the app a hit cost the request and context objects, the URL parsed twice
 * and the whole middleware chain, for an answer that is a map lookup.
 *
 * What makes it sound: an address is only ever answered here after the app itself served or stored
 * that exact entry for that exact request target (`remember`, called from the cache middleware), so
 * everything the app decides before the cache (routes mounted earlier, the locale from the path)
 * has already been decided the same way. The front path then only re-checks what varies between
 * two requests for the same target: the method, the session cookie, the Host header, the entry
 * still being the one the app would find and still fresh.
 */

export interface Entry {
  status: number;
  body: Uint8Array;
  headers: [string, string][];
  expires: number;
  /** Every header a hit sends after the app's outer middleware, flat, built once at store time. */
  wire: string[] | undefined;
}

export interface FrontOptions {
  /** The security headers the app adds to every response (securityHeaderList). */
  securityHeaders: [string, string][];
  /** The session cookie's name: a request carrying it is never answered here. */
  sessionCookie: string;
  log: Logger;
  /** The Date header, from the platform's clock. */
  date: () => string;
}

interface Remembered {
  key: string;
  entry: Entry;
  /** The path the request log would write (Hono's `c.req.path`). */
  path: string;
}

/**
 * The headers the app sends with a hit, as Node gets them from @hono/node-server: the stored ones,
 * `x-cache: hit` and the security headers the page did not set itself, in a Headers object's
 * (sorted) order, then its default Content-Type and its Content-Length. The first pair is the
 * Date header, filled in per answer.
 */
export function wireHeaders(entry: Entry, securityHeaders: [string, string][]): string[] {
  const headers = new Headers(entry.headers);
  headers.set("x-cache", "hit");
  for (const [name, value] of securityHeaders) if (!headers.has(name)) headers.set(name, value);
  const wire = ["date", "", ...[...headers].flat()];
  if (!headers.has("content-type")) wire.push("content-type", "text/plain; charset=UTF-8");
  if (!headers.has("content-length")) wire.push("Content-Length", String(entry.body.byteLength));
  return wire;
}

export interface Front {
  /** Called by the cache middleware when the app serves or stores `entry` for this target. */
  remember(target: string, key: string, entry: Entry, path: string): void;
  forget(): void;
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** How many hits were answered here (for tests: the answer itself must not tell). */
  readonly answered: number;
}

export function createFront(
  entries: Map<string, Entry>,
  options: FrontOptions & { now: () => number },
  maxTargets: number,
): Front {
  // Request target (path and query string, as sent) -> the entry the app found for it.
  const targets = new Map<string, Remembered>();
  const { sessionCookie, log, date } = options;
  const hosts = new Set<string>();
  let answered = 0;

  // @hono/node-server refuses (400) a request with no Host or one that is not a plain host: the
  // front path answers only hosts that pass the same test, remembered once seen.
  const hostOk = (host: string | undefined): boolean => {
    if (host === undefined || host === "") return false;
    if (hosts.has(host)) return true;
    let ok = false;
    try {
      const url = new URL(`http://${host}/`);
      ok = url.hostname.length === host.length || url.hostname === host.replace(/:\d+$/, "");
    } catch {
      ok = false;
    }
    if (ok && hosts.size < 64) hosts.add(host);
    return ok;
  };

  return {
    remember(target, key, entry, path) {
      const known = targets.get(target);
      if (known && known.entry === entry) return;
      if (!known && targets.size >= maxTargets) {
        const oldest = targets.keys().next().value;
        if (oldest !== undefined) targets.delete(oldest);
      }
      entry.wire ??= wireHeaders(entry, options.securityHeaders);
      targets.set(target, { key, entry, path });
    },
    forget: () => targets.clear(),
    get answered() {
      return answered;
    },
    answer(req, res) {
      if (req.method !== "GET" || req.url === undefined) return false;
      const known = targets.get(req.url);
      if (!known) return false;
      const started = performance.now();
      const { entry, key } = known;
      // Dropped, replaced or expired since: the app decides (and stores afresh).
      if (entries.get(key) !== entry || entry.expires <= options.now() || !entry.wire) return false;
      // Node keeps the first Host and joins every Cookie line: look at them as it would, without
      // building its header object.
      const raw = req.rawHeaders;
      let host: string | undefined;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i] ?? "";
        if (name.length === 6 && name.toLowerCase() === "cookie") {
          if ((raw[i + 1] ?? "").includes(sessionCookie)) return false;
        } else if (host === undefined && name.length === 4 && name.toLowerCase() === "host") {
          host = raw[i + 1];
        }
      }
      if (!hostOk(host)) return false;
      // The same LRU refresh as a hit through the app.
      entries.delete(key);
      entries.set(key, entry);
      // writeHead copies the list before returning: filling in the date in place is safe.
      entry.wire[1] = date();
      res.writeHead(entry.status, entry.wire);
      res.end(entry.body);
      answered++;
      if (log.isLevelEnabled("info")) {
        const ms = Math.round(performance.now() - started);
        log.info({ method: "GET", path: known.path, status: entry.status, ms }, "request");
      }
      return true;
    },
  };
}
