import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

/** One line per request: method, path, status, duration. Never the address or the query string. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const path = new URL(c.req.url).pathname;
    const log = c.get("deps").log;
    const line = {
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    };
    if (path.startsWith("/assets/")) log.trace(line, "request");
    else log.info(line, "request");
  };
}
