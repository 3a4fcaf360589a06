import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { createApp } from "../../src/app.js";
import { features } from "../../src/features/index.js";
import { csrfFrom, type TestClient } from "../helpers/client.js";
import { castFor, ROLES, type Cast, type Role } from "./matrix-setup.js";
import { concretePath } from "./matrix-routes.js";

/**
 * The authorization matrix: every route that writes, for every role, against the demo collective.
 * "deny" means 401 for anonymous visitors and 403 (or 404 where the record is hidden from them)
 * for everyone else; "allow" means the request gets past authorization (it may still be refused
 * for its content, 422, or for the state of the record, 409/410). Every form carries a valid CSRF
 * token here: the CSRF test proves that part separately.
 */
type Rule = "deny" | "allow" | "skip";
type Row = Record<Role, Rule>;

const row = (
  anonymous: Rule,
  candidate: Rule,
  otherMember: Rule,
  member: Rule,
  structureAdmin: Rule,
  platformAdmin: Rule,
): Row => ({
  anonymous,
  candidate,
  otherMember,
  member,
  structureAdmin,
  platformAdmin,
});
const SIGNED_IN = row("deny", "allow", "allow", "allow", "allow", "allow");
const STRUCTURE_ADMIN = row("deny", "deny", "deny", "deny", "allow", "allow");
const PLATFORM_ADMIN = row("deny", "deny", "deny", "deny", "deny", "allow");
const COLLECTIVE = row("deny", "deny", "allow", "allow", "allow", "allow");
const PUBLIC = row("skip", "skip", "skip", "skip", "skip", "skip");

/** Expected answers, route by route. A write route missing here fails the test. */
const MATRIX: Record<string, Row> = {
  "/fr/login": PUBLIC,
  "/fr/login/link": PUBLIC,
  "/fr/login/link/:token": PUBLIC,
  "/fr/logout": PUBLIC,
  "/fr/signup": PUBLIC,
  "/fr/signup/confirm/:token": PUBLIC,
  "/fr/password/forgot": PUBLIC,
  "/fr/password/reset/:token": PUBLIC,
  "/fr/account/profile": SIGNED_IN,
  "/fr/account/password": SIGNED_IN,
  "/fr/account/delete": SIGNED_IN,
  "/fr/members/new": SIGNED_IN,
  "/fr/dashboard/invitations/:token": SIGNED_IN,
  "/fr/kittens/keep": row("deny", "skip", "skip", "skip", "skip", "skip"),
  "/fr/applications": SIGNED_IN,

  "/fr/members/:slug/edit": STRUCTURE_ADMIN,
  "/fr/members/:slug/services/new": STRUCTURE_ADMIN,
  "/fr/members/:slug/services/:service/edit": STRUCTURE_ADMIN,
  "/fr/members/:slug/services/:service/archive": STRUCTURE_ADMIN,
  "/fr/members/:slug/services/:service/restore": STRUCTURE_ADMIN,
  "/fr/dashboard/:slug/invitations": STRUCTURE_ADMIN,
  "/fr/stats/organizations/:slug/source": STRUCTURE_ADMIN,
  "/fr/stats/metrics/:slug/:service": STRUCTURE_ADMIN,
  "/fr/stats/metrics/:slug/:service/upload": STRUCTURE_ADMIN,
  "/fr/entraide/members/:slug/instances": STRUCTURE_ADMIN,
  "/fr/entraide/members/:slug/instances/:id": STRUCTURE_ADMIN,
  "/fr/entraide/members/:slug/instances/:id/pause": STRUCTURE_ADMIN,
  "/fr/entraide/members/:slug/instances/:id/check": STRUCTURE_ADMIN,
  "/fr/entraide/members/:slug/instances/:id/withdraw": STRUCTURE_ADMIN,

  "/fr/members/:slug/archive": PLATFORM_ADMIN,
  "/fr/members/:slug/restore": PLATFORM_ADMIN,
  "/fr/admin/people": PLATFORM_ADMIN,
  "/fr/admin/jobs/:name/run": PLATFORM_ADMIN,
  "/fr/admin/categories": PLATFORM_ADMIN,
  "/fr/admin/categories/:id": PLATFORM_ADMIN,
  "/fr/admin/alternatives": PLATFORM_ADMIN,
  "/fr/admin/alternatives/:id": PLATFORM_ADMIN,
  "/fr/stats/crawls": PLATFORM_ADMIN,
  "/fr/stats/import": PLATFORM_ADMIN,
  "/fr/stats/import/software": PLATFORM_ADMIN,
  "/fr/stats/check": PUBLIC,
  "/fr/admin/entraide/instances/:id/approve": PLATFORM_ADMIN,
  "/fr/admin/entraide/instances/:id/reject": PLATFORM_ADMIN,
  "/fr/admin/entraide/instances/:id/check": PLATFORM_ADMIN,
  "/fr/admin/entraide/services": PLATFORM_ADMIN,
  "/fr/admin/entraide/services/:id": PLATFORM_ADMIN,
  "/fr/charter/reassessments/request": PLATFORM_ADMIN,
  "/fr/charter/admin/drafts": PLATFORM_ADMIN,
  "/fr/charter/admin/:id/summary": PLATFORM_ADMIN,
  "/fr/charter/admin/:id/criteria/:criterion?": PLATFORM_ADMIN,
  "/fr/charter/admin/:id/criteria/:criterion/delete": PLATFORM_ADMIN,
  "/fr/charter/admin/:id/publish": PLATFORM_ADMIN,
  "/fr/charter/admin/:id/propose": PLATFORM_ADMIN,
  "/fr/rounds/new": PLATFORM_ADMIN,
  "/fr/rounds/:id/advance": PLATFORM_ADMIN,
  "/fr/chores": PLATFORM_ADMIN,
  "/fr/chores/:slug/archive": PLATFORM_ADMIN,
  "/fr/chores/turns/:id/skip": PLATFORM_ADMIN,

  // Re-assessing one's own structure: any signed-in person may ask, the handler checks the structure.
  "/fr/charter/reassessments/start": SIGNED_IN,
  "/fr/decisions": COLLECTIVE,
  // One vote per member structure: a platform admin without a structure has none.
  "/fr/decisions/:id/vote": row("deny", "deny", "allow", "allow", "allow", "deny"),
  "/fr/chores/turns/:id/take": COLLECTIVE,
  // Releasing or closing a turn: its volunteer or a platform admin (the turn is free here).
  "/fr/chores/turns/:id/release": row("deny", "deny", "deny", "deny", "deny", "allow"),
  "/fr/chores/turns/:id/done": row("deny", "deny", "deny", "deny", "deny", "allow"),
  // Asking a named person to take a turn: coordinators; answering: the person asked (M's plain member here).
  "/fr/chores/turns/:id/ask": PLATFORM_ADMIN,
  "/fr/chores/requests/:id/accept": row("deny", "deny", "deny", "allow", "deny", "deny"),
  "/fr/chores/requests/:id/decline": row("deny", "deny", "deny", "allow", "deny", "deny"),
  // The candidate's file: its own people edit it; the collective reviews and discusses it.
  "/fr/applications/:id/parts/:letter": row("deny", "allow", "deny", "deny", "deny", "deny"),
  // The demo file is already submitted (its own tests cover a successful submission).
  "/fr/applications/:id/submit": row("deny", "skip", "deny", "deny", "deny", "deny"),
  "/fr/applications/:id/checks": row("deny", "allow", "allow", "allow", "allow", "allow"),
  "/fr/applications/:id/messages": row("deny", "allow", "allow", "allow", "allow", "allow"),
  "/fr/applications/:id/reviews": COLLECTIVE,

  // The collective's life. Anyone may write to the contact desk or the mediation team.
  "/fr/contact": PUBLIC,
  "/fr/mediation/report": PUBLIC,
  "/fr/mediation/follow": PUBLIC,
  // The desk: this week's contact turn holder (the platform admin here) and the coordinators.
  "/fr/contact/desk/:id/reply": PLATFORM_ADMIN,
  "/fr/contact/desk/:id/handover": PLATFORM_ADMIN,
  "/fr/contact/desk/:id/close": PLATFORM_ADMIN,
  "/fr/meetings": PLATFORM_ADMIN,
  "/fr/meetings/:id": PLATFORM_ADMIN,
  "/fr/meetings/:id/agenda": COLLECTIVE,
  // Minutes: the meeting's facilitator (M's admin here) or note-taker, and coordinators.
  "/fr/meetings/:id/minutes": STRUCTURE_ADMIN,
  "/fr/calendar/feed": COLLECTIVE,
  "/fr/calendar/feed/revoke": SIGNED_IN,
  "/fr/news": PLATFORM_ADMIN,
  "/fr/news/:id": PLATFORM_ADMIN,
  "/fr/news/:id/delete": PLATFORM_ADMIN,
  "/fr/mediation/team": PLATFORM_ADMIN,
  "/fr/mediation/team/:id/remove": PLATFORM_ADMIN,
  // Reports: the mediation team only (M's plain member here), not even platform admins.
  "/fr/mediation/reports/:id/reply": row("deny", "deny", "deny", "allow", "deny", "deny"),
  "/fr/mediation/reports/:id/status": row("deny", "deny", "deny", "allow", "deny", "deny"),
};

/** Routes that change what the other rows act on run last. */
const LAST = [
  "/fr/members/:slug/archive",
  "/fr/members/:slug/restore",
  "/fr/account/delete",
  "/fr/chores/:slug/archive",
  "/fr/news/:id/delete",
];

let t: TestPlatform;
let cast: Cast;
let routes: string[] = [];
const clients = new Map<Role, { client: TestClient; token: string }>();

beforeAll(async () => {
  t = await startTestPlatform({ demo: true });
  cast = await castFor(t);
  const app = createApp(t.deps, features);
  routes = [
    ...new Set(app.routes.filter((r) => r.method === "POST" && r.path.startsWith("/fr/")).map((r) => r.path)),
  ];
  routes.sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b));
  for (const role of ROLES) {
    const client = t.client();
    if (role !== "anonymous") await client.login(cast.emails[role], cast.password);
    const page = await client.get("/fr/signup");
    clients.set(role, { client, token: csrfFrom(page.text) ?? "" });
  }
}, 120_000);
afterAll(async () => {
  await t.stop();
});

describe("authorization matrix", () => {
  it("knows every write route of the platform", () => {
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
  });

  it("gives each role exactly the answer it should", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const expected = MATRIX[route];
      if (!expected) continue;
      const path = concretePath(route, cast);
      // Denials first: they must not change anything the allowed roles then act on.
      const order = [...ROLES].sort(
        (a, b) => Number(expected[a] === "allow") - Number(expected[b] === "allow"),
      );
      for (const role of order) {
        const rule = expected[role];
        const entry = clients.get(role);
        if (rule === "skip" || !entry) continue;
        const { status } = await entry.client.post(path, { _csrf: entry.token });
        const denied = role === "anonymous" ? status === 401 : status === 403 || status === 404;
        const ok = rule === "deny" ? denied : status !== 401 && status !== 403 && status < 500;
        if (!ok) wrong.push(`${route} as ${role}: ${status} (expected ${rule})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
