import { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppContext, AppEnv } from "../../http/context.js";
import { render } from "../../http/render.js";
import { alternatives as outsideThePortal, type Alternative } from "./directory.port.js";
import { LOCALES } from "../../i18n/index.js";
import { portalFor, type Snapshot } from "./live.js";
import { GoPage, NonePage, PortalPage, UnknownPage } from "./portal.views.js";

/**
 * The visitor's side: the portal page and the dispatch. Both read only the in-memory table (see
 * live.ts); the dispatch writes nothing but a counter in memory. No cookie is set (anonymous
 * visitors have no session) and nothing about the visitor is kept.
 */

/**
 * The portal page and the dispatch page depend only on the table, the language and the chosen
 * instance (no session, no form), so each is rendered once per table. A query string skips the
 * memo: it shows in the language-switch link and must not grow the memo without bound.
 */
const rendered = new WeakMap<Snapshot, Map<string, string>>();

async function memoRender(c: AppContext, snap: Snapshot, key: string, page: () => Child) {
  if (new URL(c.req.url).search !== "") return render(c, page());
  const memo = rendered.get(snap) ?? new Map<string, string>();
  rendered.set(snap, memo);
  const full = `${c.get("locale")}|${c.get("localPath")}|${key}`;
  let html = memo.get(full);
  if (html === undefined) {
    html = `<!doctype html>${String(await Promise.resolve(page()))}`;
    memo.set(full, html);
  }
  return c.html(html);
}

/** Members offering a service outside the portal, read once per table (a dead service stays cheap). */
const outside = new WeakMap<Snapshot, Map<string, Promise<Alternative[]>>>();

function alternatives(c: AppContext, snap: Snapshot, categoryId: string) {
  const memo = outside.get(snap) ?? new Map<string, Promise<Alternative[]>>();
  outside.set(snap, memo);
  let rows = memo.get(categoryId);
  if (!rows) {
    rows = outsideThePortal(c.get("deps").db, categoryId);
    // A failed read is not remembered: the next visitor tries again.
    rows.catch(() => memo.delete(categoryId));
    memo.set(categoryId, rows);
  }
  return rows;
}

async function portalPage(c: AppContext) {
  const snap = await portalFor(c.get("deps")).snapshot();
  return memoRender(c, snap, "portal", () => <PortalPage c={c} services={snap.services} />);
}

async function dispatch(c: AppContext) {
  const deps = c.get("deps");
  const portal = portalFor(deps);
  const snap = await portal.snapshot();
  // Each visit is a new draw, and where a visitor goes is nobody else's business.
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  const service = snap.byId.get(c.req.param("service") ?? "");
  if (!service) return render(c, <UnknownPage c={c} services={snap.services} />, 404);
  const wanted = c.req.query("instance");
  const choice = portal.choose(service, { instance: wanted, not: c.req.query("not") });
  if (!choice) {
    const others = await alternatives(c, snap, service.categoryId);
    return render(c, <NonePage c={c} service={service} others={others} />, 503);
  }
  if (c.req.method === "GET") portal.recordVisit(choice.instance.id);
  if (c.req.query("direct") === "1") return c.redirect(choice.instance.url, 303);
  const unavailable = !!wanted && !choice.requested;
  return memoRender(c, snap, `go|${choice.instance.id}`, () => (
    <GoPage c={c} service={service} instance={choice.instance} choiceUnavailable={unavailable} />
  ));
}

/**
 * The public portal, /entraide and /entraide/<service>, at the root (locale negotiated) and under
 * every locale prefix. No guard: visitors are anonymous, and nothing here is private.
 */
export function portalRoutes(router: Hono<AppEnv>): void {
  const area = new Hono<AppEnv>();
  area.get("/", portalPage);
  area.get("/:service", dispatch);
  router.route("/entraide", area);
}

/**
 * The dispatch on the fast path (no session, CSRF, body limit or page cache: it needs none), in
 * both languages and unprefixed. The visitor is never signed in as far as this route knows.
 */
export function dispatchRoutes(app: Hono<AppEnv>): void {
  for (const prefix of ["", ...LOCALES.map((l) => `/${l}`)]) app.get(`${prefix}/entraide/:service`, dispatch);
}
