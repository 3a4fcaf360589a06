import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

/**
 * One line per request: method, path, status, duration. Never the address or the query string.
 * Portal dispatches (/entraide/<service>) are logged at trace level only: a line per visit would
 * be the per-visitor record the portal promises not to keep.
 */
const DISPATCH = /^\/(?:(?:fr|en)\/)?entraide\/[^/]+$/;
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = c.req.path;
    const log = c.get("deps").log;
    const line = {
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    };
    if (path.startsWith("/assets/") || DISPATCH.test(path)) log.trace(line, "request");
    else log.info(line, "request");
  };
}
