import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { translator } from "../../i18n/index.js";
import { wholeDb } from "../../db/adapter.js";

const fr = translator("fr");

describe("the collective's life in the demo", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it("has messages at the contact desk, one answered and one handed to the coordinators", async () => {
    const messages = await wholeDb(t.deps.db).selectFrom("contact_messages").select("status").execute();
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(messages.map((m) => m.status)).toEqual(expect.arrayContaining(["open", "answered", "handed"]));
    expect(await wholeDb(t.deps.db).selectFrom("contact_thread").select("kind").execute()).not.toHaveLength(
      0,
    );
  });

  it("has a past meeting with its agenda, minutes and a decision, and the next one with its agenda", async () => {
    const { db, now } = t.deps;
    const meetings = await wholeDb(db).selectFrom("meetings").selectAll().orderBy("starts_at").execute();
    const [past, next] = meetings;
    expect(past && past.starts_at < now().toISOString() && past.minutes_published_at).toBeTruthy();
    expect(next && next.starts_at > now().toISOString() && next.call_url).toBeTruthy();
    for (const meeting of [past, next]) {
      const agenda = await wholeDb(db)
        .selectFrom("meeting_agenda_items")
        .select("id")
        .where("meeting_id", "=", meeting?.id ?? "")
        .execute();
      expect(agenda.length).toBeGreaterThanOrEqual(2);
    }
    expect(await wholeDb(db).selectFrom("meeting_decisions").selectAll().execute()).toHaveLength(1);
    const page = await t.client().get(`/fr/meetings/${past?.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h2>Points abordés</h2>");
  });

  it("has news on the home page and in the feed, and a mediation team", async () => {
    const news = await wholeDb(t.deps.db).selectFrom("news_items").select("kind").execute();
    expect(news.filter((n) => n.kind === "post").length).toBeGreaterThanOrEqual(3);
    const home = await t.client().get("/fr");
    expect(home.text).toContain(fr("news.home.title"));
    expect((await t.client().get("/fr/news.atom")).status).toBe(200);
    expect((await t.client().get("/fr/calendar.ics")).text).toContain("BEGIN:VEVENT");
    expect(await wholeDb(t.deps.db).selectFrom("mediation_team").selectAll().execute()).toHaveLength(1);
    expect(await wholeDb(t.deps.db).selectFrom("mediation_reports").selectAll().execute()).toHaveLength(1);
  });
});
