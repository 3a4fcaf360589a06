import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makePerson } from "../../../tests/helpers/factories.js";
import { translator } from "../../i18n/index.js";
import { giveTurn, memberPerson, signedIn } from "./test-helpers.js";
import { STEPS } from "./starter/starter.routes.js";
import * as catalogue from "./collective.messages.js";
import { wholeDb } from "../../db/adapter.js";

const fr = translator("fr");
const now = new Date("2026-11-25T10:00:00.000Z");

describe("the collective feature's catalogue", () => {
  it("has every string in French, English and German, none left empty", () => {
    const keys = Object.keys(catalogue.fr).sort();
    expect(Object.keys(catalogue.en).sort()).toEqual(keys);
    expect(Object.keys(catalogue.de).sort()).toEqual(keys);
    for (const locale of [catalogue.fr, catalogue.en, catalogue.de])
      expect(Object.values(locale).filter((v) => v.trim() === "")).toEqual([]);
  });
});

describe("the collective's life", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ now: () => now });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("walks a would-be member through the starter guide, to the charter and the application", async () => {
    const index = await t.client().get("/fr/starter-guide");
    expect(index.status).toBe(200);
    expect(index.text).toContain("<h1>Je veux devenir un chaton</h1>");
    for (const step of STEPS) {
      expect(index.text).toContain(`href="/fr/starter-guide/${step}"`);
      for (const locale of ["fr", "en"])
        expect((await t.client().get(`/${locale}/starter-guide/${step}`)).status).toBe(200);
    }
    const assess = await t.client().get("/fr/starter-guide/self-assessment");
    expect(assess.text).toContain('href="/fr/charter"');
    expect(assess.text).toContain('href="/fr/apply"');
    expect(assess.text).toContain(fr("starter.step_of", { n: 3, total: STEPS.length }));
    expect((await t.client().get("/en/starter-guide/pre-checks")).text).toContain('href="/en/apply"');
    expect((await t.client().get("/fr/starter-guide/nope")).status).toBe(404);
    expect((await t.client().get("/fr/join")).text).toContain('href="/fr/starter-guide"');
  });

  it("links the footer to the contact form, the news, the meetings and the code of conduct", async () => {
    const home = await t.client().get("/en");
    for (const path of ["/en/contact", "/en/news", "/en/meetings", "/en/code-of-conduct"])
      expect(home.text).toContain(`href="${path}"`);
  });

  it("puts a person's part of the collective's life in their data export", async () => {
    const person = await memberPerson(t.deps.db, "Élise Export");
    await giveTurn(t.deps.db, "contact", "2026-11-23", person.id);
    await t.client().submit("/fr/contact", "/fr/contact", {
      name: "Élise",
      email: person.email,
      subject: "Ma propre question",
      message: "Une question posée avant d'avoir un compte.",
    });
    const client = await signedIn(t, person);
    const [message] = await wholeDb(t.deps.db).selectFrom("contact_messages").select("id").execute();
    const desk = `/fr/contact/desk/${message?.id}`;
    expect((await client.submit(desk, `${desk}/reply`, { body: "Réponse de la permanence" })).status).toBe(
      303,
    );
    expect((await client.submit("/fr/calendar", "/fr/calendar/feed", {})).status).toBe(303);
    const admin = await makePerson(t.deps.db, { admin: true });
    const coordinator = await signedIn(t, admin);
    await coordinator.submit("/fr/news/new", "/fr/news", { title: "Nouvelle", body: "Texte" });

    const res = await client.get("/fr/account/export");
    const data: unknown = JSON.parse(res.text);
    expect(data).toMatchObject({
      collective: {
        contact: {
          messagesSent: [{ subject: "Ma propre question" }],
          deskSteps: [{ kind: "reply", body: "Réponse de la permanence" }],
        },
        calendarFeed: { createdAt: now.toISOString() },
        meetings: { agendaItems: [], roles: [] },
        mediation: { reportsFiled: [], team: null },
        news: [],
      },
    });
    expect(res.text).not.toContain("token_hash");
    const adminExport = await coordinator.get("/fr/account/export");
    const adminData: unknown = JSON.parse(adminExport.text);
    expect(adminData).toMatchObject({ collective: { news: [{ title: "Nouvelle", body: "Texte" }] } });

    // Leaving the platform keeps what the desk did, without the person; their secret feed goes.
    const gone = await client.submit("/fr/account/delete", "/fr/account/delete", {
      password: person.password,
    });
    expect(gone.status).toBe(303);
    const steps = await wholeDb(t.deps.db).selectFrom("contact_thread").select("person_id").execute();
    expect(steps).toEqual([{ person_id: null }]);
    expect(await wholeDb(t.deps.db).selectFrom("calendar_feeds").selectAll().execute()).toEqual([]);
  });
});
