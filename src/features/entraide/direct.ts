import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../../deps.js";
import { portalFor } from "./live.js";

/** `GET /entraide/<service>?direct=1`, unprefixed or under a language, and nothing else. */
const DIRECT = /^\/((?:fr|en)\/)?entraide\/([a-z0-9-]{1,64})\?direct=1$/;

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
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const portal = portalFor(deps);
  const fixed: [string, string][] = [
    ...securityHeaders.filter(([name]) => name !== "referrer-policy"),
    // Each visit is a new draw, and where a visitor goes is nobody else's business.
    ["cache-control", "no-store"],
    ["referrer-policy", "no-referrer"],
    ["content-length", "0"],
  ];
  return (req, res) => {
    if (req.method !== "GET" || req.url === undefined) return false;
    const match = DIRECT.exec(req.url);
    const snap = match ? portal.current() : undefined;
    const service = snap?.byId.get(match?.[2] ?? "");
    const choice = service ? portal.choose(service) : null;
    if (!choice) return false;
    const headers = [...fixed, ["location", choice.instance.url]];
    // Without a language in the path the app negotiates one, and says so.
    if (match?.[1] === undefined) headers.push(["vary", "Accept-Language"]);
    try {
      res.writeHead(303, headers.flat());
    } catch {
      // A location Node refuses to send: the app's answer handles it.
      return false;
    }
    res.end();
    portal.recordVisit(choice.instance.id);
    return true;
  };
}
