import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { isLocale, negotiateLocale, translator } from "../i18n/index.js";

/**
 * The locale comes from the path (/fr/…, /en/…) so that a visitor's choice is kept in links, with
 * no cookie. Paths without a prefix (/api, /entraide/pad, /healthz) use Accept-Language.
 */
export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const first = path.split("/")[1];
    const fromPath = isLocale(first) ? first : undefined;
    const locale =
      fromPath ?? negotiateLocale(c.req.header("accept-language"), c.get("deps").config.defaultLocale);
    c.set("locale", locale);
    c.set("t", translator(locale));
    c.set("localPath", fromPath ? path.slice(3) || "/" : path);
    await next();
    if (!fromPath) c.header("Vary", "Accept-Language", { append: true });
  };
}
