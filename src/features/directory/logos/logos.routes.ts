import type { Hono } from "hono";
import type { AppContext, AppEnv, FlashMessage } from "../../../http/context.js";
import { HttpError } from "../../../http/errors.js";
import { canSeeMember } from "../directory.policy.js";
import { findLogo, findLogoBySlug } from "./logos.repository.js";
import { isLogoType } from "./logos.js";
import { refreshLogo } from "./logos.fetch.js";
import { REFUSAL_MESSAGES } from "./logos.views.js";

const YEAR_S = 31_536_000;
/** A person waits for the save; a slow logo server is left to the periodic job. */
const INLINE_TIMEOUT_MS = 5_000;

/**
 * After a member's page was saved: fetches the logo at once when its address changed (or the last
 * try failed), so the person sees the result. The page is saved whatever happens here; the refusal
 * reason goes into the flash message and the dashboard.
 */
export async function fetchLogoAfterSave(
  c: AppContext,
  memberId: string,
  urlChanged: boolean,
): Promise<FlashMessage> {
  const done: FlashMessage = { kind: "success", text: "directory.edit.done" };
  const deps = c.get("deps");
  if (!urlChanged && !(await findLogo(deps.db, memberId))?.error) return done;
  const outcome = await refreshLogo(deps, memberId, { timeoutMs: INLINE_TIMEOUT_MS });
  if (outcome.status !== "refused") return done;
  const t = c.get("t");
  return {
    kind: "error",
    text: t("directory.logo.saved_refused", { reason: t(REFUSAL_MESSAGES[outcome.reason]) }),
  };
}

/**
 * Serves a member's stored logo. The bytes were recognised as a raster image when fetched and are
 * sent with that type and nosniff, so no browser ever treats them as anything else.
 */
async function serveLogo(c: AppContext) {
  const row = await findLogoBySlug(c.get("deps").db, c.req.param("slug") ?? "");
  const type = row?.content_type ?? null;
  if (!row?.data || !row.content_hash || !isLogoType(type)) throw new HttpError(404, "404");
  // A candidate's logo would name it: same visibility as its page.
  if (!canSeeMember(c.get("person"), row)) throw new HttpError(404, "404");
  const isPublic = row.membership === "member" && !row.archived_at;
  const version = row.content_hash.slice(0, 16);
  const etag = `"${version}"`;
  c.header("Content-Type", type);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("ETag", etag);
  c.header(
    "Cache-Control",
    !isPublic
      ? "private, no-cache"
      : c.req.query("v") === version
        ? `public, max-age=${YEAR_S}, immutable`
        : "public, max-age=300",
  );
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(new Uint8Array(Buffer.from(row.data, "base64")), 200);
}

/** At the root: images are not localised. */
export function logoRoutes(app: Hono<AppEnv>): void {
  app.get("/members/:slug/logo", (c) => serveLogo(c));
}
