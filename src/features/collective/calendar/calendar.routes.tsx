import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { render } from "../../../http/render.js";
import { requirePerson } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { nowIso } from "../../../db/ids.js";
import { isCollectivePerson, requireCollectivePerson } from "../policy.js";
import { choreTurns, peopleByIds } from "../ports.js";
import * as repo from "./calendar.repository.js";
import { collectiveEvents, turnEvents } from "./events.js";
import { toIcs } from "./ics.js";
import { CalendarPage } from "./calendar.views.js";

function ics(c: AppContext, body: string) {
  c.header("content-type", "text/calendar; charset=utf-8");
  c.header("content-disposition", 'inline; filename="calendar.ics"');
  return c.body(body);
}

export function calendarPages(router: Hono<AppEnv>): void {
  router.get("/calendar", async (c) => {
    const { db, now } = c.get("deps");
    const person = c.get("person");
    const events = await collectiveEvents(db, c.get("t"), c.get("locale"), now());
    const upcoming = events.filter((e) => (e.end ?? e.start) >= now()).slice(0, 15);
    const feed = person && isCollectivePerson(person) ? await repo.feedOf(db, person.id) : undefined;
    // The secret address is shown once, right after it was made, to its owner only.
    const key = c.req.query("key") ?? "";
    const fresh = person && key && (await repo.feedOwner(db, key)) === person.id ? key : null;
    if (fresh) c.header("referrer-policy", "no-referrer");
    return render(c, <CalendarPage c={c} upcoming={upcoming} feed={feed ?? null} freshKey={fresh} />);
  });

  router.get("/calendar.ics", async (c) => {
    const { db, now, config } = c.get("deps");
    const t = c.get("t");
    const events = await collectiveEvents(db, t, c.get("locale"), now());
    c.header(CACHE_HEADER, "300");
    const name = t("calendar.feed.name", { collective: config.collective.name });
    return ics(c, toIcs(events, { name, baseUrl: config.baseUrl, locale: c.get("locale"), now: now() }));
  });

  router.get("/calendar/mine.ics", async (c) => {
    const { db, now, config } = c.get("deps");
    const personId = await repo.feedOwner(db, c.req.query("key") ?? "");
    const person = personId ? (await peopleByIds(db, [personId])).get(personId) : undefined;
    if (!person || person.disabled) throw new HttpError(404, "404");
    const t = c.get("t");
    const since = new Date(now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const turns = await choreTurns(db, { assigneeId: person.id, from: since });
    const events = turnEvents(t, c.get("locale"), turns, false);
    c.header("cache-control", "private, no-store");
    c.header("referrer-policy", "no-referrer");
    const name = t("calendar.mine.name", { collective: config.collective.name });
    return ics(c, toIcs(events, { name, baseUrl: config.baseUrl, locale: c.get("locale"), now: now() }));
  });

  router.post("/calendar/feed", async (c) => {
    const person = requireCollectivePerson(c);
    return commitAndRedirect(c, {
      write: (trx) => repo.createFeed(trx, person.id, nowIso()),
      audit: {
        actor: { personId: person.id },
        action: "calendar.feed.create",
        subject: { type: "person", id: person.id },
      },
      to: (token) => `${href(c, "/calendar")}?key=${encodeURIComponent(token)}#mine`,
    });
  });

  router.post("/calendar/feed/revoke", async (c) => {
    const person = requirePerson(c);
    return commitAndRedirect(c, {
      write: (trx) => repo.revokeFeed(trx, person.id),
      audit: {
        actor: { personId: person.id },
        action: "calendar.feed.revoke",
        subject: { type: "person", id: person.id },
      },
      flash: "calendar.mine.revoked",
      to: `${href(c, "/calendar")}#mine`,
    });
  });
}
