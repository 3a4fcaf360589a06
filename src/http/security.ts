import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

/**
 * Strict headers on every response. The CSP allows nothing from another origin and no inline
 * script or style: every page must work with what the platform itself serves.
 *
 * The list is computed once: these headers go on every response, including the entraide dispatch
 * that must answer thousands of times a second, and hono/secure-headers rebuilt them per request.
 * A handler may set a stricter header of its own first (the dispatch sends no-referrer).
 */
export function securityHeaderList(https: boolean): [string, string][] {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return [
    ["content-security-policy", csp],
    ["cross-origin-opener-policy", "same-origin"],
    ["cross-origin-resource-policy", "same-origin"],
    ["origin-agent-cluster", "?1"],
    ["permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
    ["referrer-policy", "same-origin"],
    ["x-content-type-options", "nosniff"],
    ["x-dns-prefetch-control", "off"],
    ["x-frame-options", "DENY"],
    ["x-permitted-cross-domain-policies", "none"],
    ...(https
      ? ([["strict-transport-security", "max-age=63072000; includeSubDomains"]] as [string, string][])
      : []),
  ];
}

/**
 * The headers that still act on a redirect (decision 074). A browser never renders a redirect's
 * body: the policies of a document (CSP, framing, sniffing, opener, permissions) apply to the page
 * it lands on, which carries its own. What acts on the redirect itself stays: the referrer policy
 * (it decides what the next request tells), the resource policy (no other site may load the
 * redirect as an image or a script) and HSTS. The entraide dispatch answers thousands of these a
 * second, and each header costs Node a validation and the socket its bytes.
 */
export function redirectHeaders(list: [string, string][]): [string, string][] {
  return list.filter(([name]) => ACTING_ON_REDIRECTS.has(name));
}
const ACTING_ON_REDIRECTS = new Set([
  "referrer-policy",
  "cross-origin-resource-policy",
  "strict-transport-security",
]);

const isRedirect = (res: Response): boolean =>
  res.status >= 300 && res.status < 400 && res.headers.has("location");

export function securityHeaders(https: boolean): MiddlewareHandler<AppEnv> {
  const list = securityHeaderList(https);
  const redirect = redirectHeaders(list);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of isRedirect(c.res) ? redirect : list)
      if (!headers.has(name)) headers.set(name, value);
  };
}
