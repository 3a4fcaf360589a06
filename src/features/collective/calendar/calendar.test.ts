import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../../tests/helpers/factories.js";
import { csrfFrom, type TestClient } from "../../../../tests/helpers/client.js";
import { newId } from "../../../db/ids.js";
import { translator } from "../../../i18n/index.js";
import { insertMeeting } from "../meetings/meetings.repository.js";
import { giveTurn, makeDecision, memberPerson, signedIn } from "../test-helpers.js";
import { wholeDb } from "../../../db/adapter.js";

const fr = translator("fr");
const now = new Date("2026-11-25T10:00:00.000Z");

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  allDay: boolean;
  url: string;
}

/** Reads an iCalendar file back with an independent parser (ical.js), as a calendar client would. */
function parseIcs(text: string): { name: string; events: Parsed[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      url: String(v.getFirstPropertyValue("url") ?? ""),
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname") ?? ""), events };
}

describe("the calendar feeds", () => {
  let t: TestPlatform;
  let member: Awaited<ReturnType<typeof memberPerson>>;

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => now });
    const { db } = t.deps;
    member = await memberPerson(db, "Maëlle");
    await insertMeeting(
      db,
      {
        title: "Réunion de décembre",
        startsAt: "2026-12-03T18:00:00.000Z",
        durationMinutes: 90,
        callUrl: "https://visio.example/secret-room",
        callServiceId: null,
        facilitatorId: member.id,
        noteTakerId: null,
        lang: "fr",
      },
      null,
      now.toISOString(),
    );
    await wholeDb(db)
      .insertInto("rounds")
      .values({
        id: newId(),
        label: "Portée n°21",
        opens_at: "2026-11-01T00:00:00.000Z",
        review_at: "2026-12-01T00:00:00.000Z",
        vote_at: "2026-12-10T00:00:00.000Z",
        closes_at: "2026-12-20T00:00:00.000Z",
        phase: "open",
        quorum_percent: 0,
        majority: "simple",
        tie_outcome: "reject",
        quorum_outcome: "reject",
        results_hidden: 0,
        created_at: now.toISOString(),
        created_by: null,
        decided_at: null,
      })
      .execute();
    await makeDecision(db, { title: "Budget du camp", closesAt: "2026-12-05T12:00:00.000Z" });
    await giveTurn(db, "contact", "2026-11-30", member.id);
    await giveTurn(db, "contact", "2026-12-07", null);
  });
  afterAll(async () => {
    await t.stop();
  });

  it("publishes meetings, round phases, votes closing and chore turns as iCalendar", async () => {
    const res = await t.client().get("/fr/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const { name, events } = parseIcs(res.text);
    expect(name).toBe(fr("calendar.feed.name", { collective: t.config.collective.name }));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        "Réunion de décembre",
        fr("calendar.round.open", { round: "Portée n°21" }),
        fr("calendar.round.review", { round: "Portée n°21" }),
        fr("calendar.round.vote", { round: "Portée n°21" }),
        fr("calendar.vote.closes", { title: "Budget du camp" }),
        "Répondre à l'adresse de contact",
        fr("calendar.turn.needed", { chore: "Répondre à l'adresse de contact" }),
      ]),
    );
    const meeting = events.find((e) => e.summary === "Réunion de décembre");
    expect(meeting?.start).toBe("2026-12-03T18:00:00Z");
    expect(meeting?.url).toMatch(/\/fr\/meetings\/[0-9a-f-]+$/);
    const turn = events.find((e) => e.summary === "Répondre à l'adresse de contact");
    expect(turn).toMatchObject({ allDay: true, start: "2026-11-30" });
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // The public feed names nobody and gives no call link.
    expect(res.text).not.toContain("Maëlle");
    expect(res.text).not.toContain("secret-room");
    expect(parseIcs((await t.client().get("/en/calendar.ics")).text).name).toContain("calendar");
  });

  async function feedFor(client: TestClient): Promise<string> {
    const res = await client.submit("/fr/calendar", "/fr/calendar/feed", {});
    expect(res.status).toBe(303);
    const key = new URL(res.location ?? "", t.url).searchParams.get("key");
    if (!key) throw new Error("no key in the redirect");
    return key;
  }

  it("gives a person a secret feed of their own turns, stored hashed", async () => {
    const client = await signedIn(t, member);
    const key = await feedFor(client);
    const stored = await wholeDb(t.deps.db).selectFrom("calendar_feeds").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.person_id).toBe(member.id);
    expect(stored[0]?.token_hash).not.toBe(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    const page = await client.get(`/fr/calendar?key=${key}`);
    expect(page.text).toContain(`/fr/calendar/mine.ics?key=${key}`);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // Nobody else sees the address, even holding it.
    const other = await signedIn(t, await memberPerson(t.deps.db));
    expect((await other.get(`/fr/calendar?key=${key}`)).text).not.toContain(`mine.ics?key=${key}`);

    const feed = await t.client().get(`/fr/calendar/mine.ics?key=${encodeURIComponent(key)}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toContain("no-store");
    const { events } = parseIcs(feed.text);
    expect(events.map((e) => [e.summary, e.start])).toEqual([
      ["Répondre à l'adresse de contact", "2026-11-30"],
    ]);
    expect((await t.client().get("/fr/calendar/mine.ics?key=wrong")).status).toBe(404);
    expect((await t.client().get("/fr/calendar/mine.ics")).status).toBe(404);
  });

  it("replaces and revokes the secret feed", async () => {
    const client = await signedIn(t, member);
    const first = await feedFor(client);
    const second = await feedFor(client);
    expect((await t.client().get(`/fr/calendar/mine.ics?key=${first}`)).status).toBe(404);
    expect((await t.client().get(`/fr/calendar/mine.ics?key=${second}`)).status).toBe(200);
    const res = await client.submit("/fr/calendar", "/fr/calendar/feed/revoke", {});
    expect(res.status).toBe(303);
    expect((await t.client().get(`/fr/calendar/mine.ics?key=${second}`)).status).toBe(404);
    expect(await wholeDb(t.deps.db).selectFrom("calendar_feeds").selectAll().execute()).toEqual([]);
  });

  it("keeps personal feeds for the collective's people", async () => {
    const anonymous = t.client();
    const token = csrfFrom((await anonymous.get("/fr/contact")).text, "/fr/contact") ?? "";
    expect((await anonymous.post("/fr/calendar/feed", { _csrf: token })).status).toBe(401);
    const org = await makeMember(t.deps.db, { membership: "candidate" });
    const candidate = await signedIn(
      t,
      await makePerson(t.deps.db, { memberships: [{ memberId: org.id, role: "admin" }] }),
    );
    const page = await candidate.get("/fr/calendar");
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('action="/fr/calendar/feed"');
    const csrf = csrfFrom(page.text, "/fr/logout") ?? "";
    expect((await candidate.post("/fr/calendar/feed", { _csrf: csrf })).status).toBe(403);
  });

  it("lists what comes next on the calendar page", async () => {
    const page = await t.client().get("/fr/calendar");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Réunion de décembre");
    expect(page.text).toContain(`${t.url}/fr/calendar.ics`);
  });
});
