import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../../deps.js";
import { redirectHeaders } from "../../http/security.js";
import { portalFor, type LiveInstance } from "./live.js";

const QUERY = "?direct=1";
const PATHS = ["/entraide/", "/fr/entraide/", "/en/entraide/"] as const;

/**
 * The service id of `GET /entraide/<service>?direct=1`, unprefixed or under fr or en, and nothing
 * else (`[a-z0-9-]{1,64}`); `prefixed` says whether the language was in the path. Read by hand,
 * with no regular expression and its match array per visitor.
 */
function serviceOf(url: string): { id: string; prefixed: boolean } | undefined {
  if (!url.endsWith(QUERY)) return undefined;
  const prefix = PATHS.find((p) => url.startsWith(p));
  if (prefix === undefined) return undefined;
  const end = url.length - QUERY.length;
  if (end - prefix.length < 1 || end - prefix.length > 64) return undefined;
  for (let i = prefix.length; i < end; i++) {
    const ch = url.charCodeAt(i);
    // a-z, 0-9, "-"
    if (!((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 45)) return undefined;
  }
  return { id: url.slice(prefix.length, end), prefixed: prefix !== PATHS[0] };
}

/**
 * The 303 of the entraide dispatch answered straight from Node's request, before the web app.
 *
 * This is the one answer that must hold a lockdown-style surge (issue 5: 10,000 a second on two
 * cores). Through the app it costs the request and response objects and the middleware chain, for
 * an answer that needs none of them: it reads no session, no form, no database, only the in-memory
 * table. Anything unusual (another method, a query beyond `direct=1`, an unknown service, no
 * healthy instance, the table not loaded yet) returns false and the app answers as usual, so the
 * pages, errors and messages stay in one place (portal.routes.tsx). See decision 033.
 */
export function directDispatch(
  deps: Deps,
  securityHeaders: [string, string][],
  date: () => string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const portal = portalFor(deps);
  const fixed: string[] = [
    ...redirectHeaders(securityHeaders).filter(([name]) => name !== "referrer-policy"),
    // Each visit is a new draw, and where a visitor goes is nobody else's business.
    ["cache-control", "no-store"],
    ["referrer-policy", "no-referrer"],
    ["content-length", "0"],
  ].flat();
  // The header list of a 303 to each instance, built once per instance (the table is rebuilt, and
  // these with it, when instances change). The first pair is the Date, filled in per answer.
  const lists = [new WeakMap<LiveInstance, string[]>(), new WeakMap<LiveInstance, string[]>()];
  const listFor = (instance: LiveInstance, prefixed: boolean): string[] => {
    const memo = lists[prefixed ? 1 : 0] ?? new WeakMap<LiveInstance, string[]>();
    let list = memo.get(instance);
    if (!list) {
      list = ["date", "", ...fixed, "location", instance.url];
      // Without a language in the path the app negotiates one, and says so.
      if (!prefixed) list.push("vary", "Accept-Language");
      memo.set(instance, list);
    }
    return list;
  };
  return (req, res) => {
    if (req.method !== "GET" || req.url === undefined) return false;
    const asked = serviceOf(req.url);
    const snap = asked ? portal.current() : undefined;
    const service = asked ? snap?.byId.get(asked.id) : undefined;
    const choice = service ? portal.choose(service) : null;
    if (!asked || !choice) return false;
    const list = listFor(choice.instance, asked.prefixed);
    // writeHead copies the list before returning: filling in the date in place is safe.
    list[1] = date();
    try {
      res.writeHead(303, list);
    } catch {
      // A location Node refuses to send: the app's answer handles it.
      return false;
    }
    res.end();
    portal.recordVisit(choice.instance.id);
    return true;
  };
}
