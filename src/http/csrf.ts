import { createHmac, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppContext, AppEnv } from "./context.js";
import { HttpError, readBody } from "./http-error.js";

/**
 * CSRF defence in two layers, on every unsafe request:
 * 1. the browser's own signal: Sec-Fetch-Site / Origin must say the form came from this site;
 * 2. a token in the form: the session's secret token for signed-in people, or, for anonymous
 *    forms (sign-in, password reset), an HMAC of the current hour: anonymous visitors get no cookie,
 *    so there is nothing to bind a token to, and the origin check carries the weight there.
 */

const HOUR = 3_600_000;

function anonymousToken(secret: string, bucket: number): string {
  return createHmac("sha256", secret).update(`anon-form:${bucket}`).digest("base64url");
}

export function csrfToken(c: AppContext): string {
  const session = c.get("session");
  if (session) return session.csrfToken;
  const { secret, now } = c.get("deps");
  return anonymousToken(secret, Math.floor(now().getTime() / HOUR));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function tokenIsValid(c: AppContext, token: string): boolean {
  const session = c.get("session");
  if (session) return safeEqual(token, session.csrfToken);
  const { secret, now } = c.get("deps");
  const bucket = Math.floor(now().getTime() / HOUR);
  return [bucket, bucket - 1, bucket - 2].some((b) => safeEqual(token, anonymousToken(secret, b)));
}

function originIsOurs(c: AppContext): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return origin !== "null";
  const ours = new Set([new URL(c.get("deps").config.baseUrl).origin, new URL(c.req.url).origin]);
  return ours.has(origin);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    if (!originIsOurs(c)) throw new HttpError(403, "csrf");
    const type = c.req.header("content-type") ?? "";
    let token: string | undefined;
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const body = await readBody(() => c.req.parseBody());
      const value = body["_csrf"];
      token = typeof value === "string" ? value : undefined;
    } else {
      token = c.req.header("x-csrf-token");
    }
    if (!token || !tokenIsValid(c, token)) throw new HttpError(403, "csrf");
    return next();
  };
}
