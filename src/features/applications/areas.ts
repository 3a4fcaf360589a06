import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { guard } from "../../http/guard.js";

/**
 * Mounts one area of the feature under `prefix`, its guard in front of each of its routes (null for
 * public pages). A sub-app's own `use(guard(…))` would reach every path under the prefix, and the
 * areas here share theirs: the rounds admin's /rounds/new sits next to the public /rounds/:id, the
 * vote next to the public decision page. So the guard is put on the area's routes, and nowhere else.
 */
export function mountArea(
  router: Hono<AppEnv>,
  prefix: string,
  check: ((c: AppContext) => unknown) | null,
  area: Hono<AppEnv>,
): void {
  if (!check) {
    router.route(prefix, area);
    return;
  }
  const areaGuard = guard(check);
  const guarded = new Hono<AppEnv>();
  for (const r of area.routes) guarded.on(r.method, r.path, areaGuard, r.handler);
  router.route(prefix, guarded);
}
