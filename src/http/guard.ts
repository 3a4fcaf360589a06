import type { MiddlewareHandler } from "hono";
import type { AppContext, AppEnv } from "./context.js";

/**
 * Declares an area's authorization once, where its sub-app is mounted: every route of the area
 * runs the check first (it throws HttpError 401/403, which the error handler renders). Per-object
 * rules (this structure's admins, this application's reviewers) stay in the handlers' policies.
 */
export function guard(check: (c: AppContext) => unknown): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    check(c);
    await next();
  };
}
