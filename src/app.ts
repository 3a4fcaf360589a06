import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { trimTrailingSlash } from "hono/trailing-slash";
import type { AppEnv } from "./http/context.js";
import type { Deps } from "./deps.js";
import type { Feature } from "./features/feature.js";
import { requestLog } from "./http/request-log.js";
import { securityHeaders } from "./http/security.js";
import { localeMiddleware } from "./http/locale.js";
import { mountAssets } from "./http/assets.js";
import { sessionMiddleware } from "./http/session.js";
import { csrfMiddleware } from "./http/csrf.js";
import { errorPage, notFound, onError } from "./http/errors.js";
import { LOCALES, negotiateLocale } from "./i18n/index.js";
import { ping } from "./db/adapter.js";
import type { PageCache } from "./http/page-cache.js";

/** Builds the web application: shared middleware, then every feature's routes. */
export function createApp(
  deps: Deps,
  features: Feature[],
  /** workerSlot: named by the health check, so that a proxy or a test can tell workers apart. */
  options: { pageCache?: PageCache; workerSlot?: number } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("features", features);
    await next();
  });
  app.use("*", requestLog());
  app.use("*", securityHeaders(config.secureCookies));
  app.use("*", localeMiddleware());
  app.use("*", trimTrailingSlash());
  for (const feature of features) feature.fastRoot?.(app);

  app.get("/healthz", async (c) => {
    try {
      await ping(deps.db);
      return c.json(
        options.workerSlot === undefined ? { status: "ok" } : { status: "ok", worker: options.workerSlot },
      );
    } catch {
      return c.json({ status: "error", database: "unreachable" }, 503);
    }
  });
  mountAssets(app, config);

  const limit = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: (c) => errorPage(c, 413, "413", { max: `${Math.round(config.maxBodyBytes / 1024)} KB` }),
  });
  // A GET or HEAD has no body here (@hono/node-server gives them none), and asking for it made
  // @hono/node-server build a whole Request and AbortController per page (seen in the profile).
  app.use("*", (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limit(c, next)));
  app.use("*", sessionMiddleware());
  app.use("*", csrfMiddleware());
  if (options.pageCache) app.use("*", options.pageCache.middleware);

  app.get("/", (c) => {
    const locale = negotiateLocale(c.req.header("accept-language"), config.defaultLocale);
    c.header("Vary", "Accept-Language");
    c.header("Cache-Control", "no-store");
    return c.redirect(`/${locale}`, 302);
  });

  for (const feature of features) feature.root?.(app);

  const pages = new Hono<AppEnv>();
  for (const feature of features) feature.pages?.(pages);
  for (const locale of LOCALES) app.route(`/${locale}`, pages);

  app.notFound(notFound);
  app.onError(onError);
  return app;
}
