import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../../tests/helpers/client.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { audit } from "../../../audit/audit.js";
import { translator } from "../../../i18n/index.js";
import { makeDecision, memberPerson, signedIn } from "../test-helpers.js";
import { wholeDb } from "../../../db/adapter.js";

const fr = translator("fr");
let clock = new Date("2026-11-25T10:00:00.000Z");

/** An Atom text construct, with or without its type attribute. */
const text = z.union([z.string(), z.object({ "#text": z.string() }).transform((v) => v["#text"])]);

const AtomSchema = z.object({
  feed: z.object({
    title: text,
    entry: z.array(z.object({ title: text, id: z.string(), content: text })).default([]),
  }),
});

/** Reads the Atom document back with an independent XML parser. */
function parseAtom(xml: string) {
  const parsed: unknown = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "entry",
  }).parse(xml);
  const { feed } = AtomSchema.parse(parsed);
  return { title: feed.title, entries: feed.entry };
}

describe("the news", () => {
  let t: TestPlatform;
  let admin: Awaited<ReturnType<typeof makePerson>>;

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    admin = await makePerson(t.deps.db, { admin: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  const items = () =>
    wholeDb(t.deps.db).selectFrom("news_items").selectAll().orderBy("published_at").execute();

  it("lets coordinators only write news, in sanitised Markdown", async () => {
    expect((await t.client().get("/fr/news")).status).toBe(200);
    const member = await signedIn(t, await memberPerson(t.deps.db));
    const token = csrfFrom((await member.get("/fr/news")).text, "/fr/logout") ?? "";
    expect((await member.post("/fr/news", { _csrf: token, title: "x", body: "y" })).status).toBe(403);
    expect((await member.get("/fr/news/new")).status).toBe(403);
    const client = await signedIn(t, admin);
    expect((await client.submit("/fr/news/new", "/fr/news", { title: "Sans texte", body: "" })).status).toBe(
      422,
    );
    const res = await client.submit("/fr/news/new", "/fr/news", {
      title: "Le guichet de contact est ouvert",
      body: "Écrivez-nous par le **formulaire**.<script>alert(1)</script>",
    });
    expect(res.status).toBe(303);
    const page = await t.client().get(res.location ?? "");
    expect(page.text).toContain("<strong>formulaire</strong>");
    expect(page.text).not.toContain("<script>alert");
    const [stored] = await items();
    expect(stored).toMatchObject({ kind: "post", created_by: admin.id });
    const edit = `/fr/news/${stored?.id}`;
    expect(
      (await client.submit(`${edit}/edit`, edit, { title: "Le guichet est ouvert", body: "Bienvenue." }))
        .status,
    ).toBe(303);
    expect((await t.client().get(edit)).text).toContain("Le guichet est ouvert");
  });

  it("turns admissions and published decisions of the audit log into news, once", async () => {
    const { db } = t.deps;
    const joined = await makeMember(db, { name: "Chaton Nouveau", slug: "chaton-nouveau" });
    const decision = await makeDecision(db, {
      title: "Adopter la charte v3",
      closesAt: "2026-11-24T12:00:00.000Z",
      status: "closed",
      outcome: "adopted",
    });
    await audit(db, {
      actor: null,
      action: "member.join",
      subject: { type: "member", id: joined.id },
      data: { round: "Portée n°21" },
    });
    await audit(db, { actor: null, action: "decision.close", subject: { type: "decision", id: decision } });
    // A person joining a structure by invitation is no admission.
    await audit(db, {
      actor: { personId: admin.id },
      action: "member.join",
      subject: { type: "member", id: joined.id },
      data: { role: "member", invitation: "x" },
    });
    await t.deps.jobs.runNow("collective.news");
    await t.deps.jobs.runNow("collective.news");
    const automatic = (await items()).filter((i) => i.kind !== "post");
    expect(automatic.map((i) => i.kind).sort()).toEqual(["decision", "member"]);
    const page = await t.client().get("/fr/news");
    expect(page.text).toContain(escapeHtml(fr("news.auto.member.title", { name: "Chaton Nouveau" })));
    expect(page.text).toContain('href="/fr/members/chaton-nouveau"');
    expect(page.text).toContain(
      escapeHtml(fr("news.auto.decision.title", { title: "Adopter la charte v3" })),
    );
    expect(page.text).toContain(fr("applications.outcome.adopted"));

    clock = new Date("2026-11-25T11:00:00.000Z");
    const later = await makeMember(db, { name: "Chaton Suivant" });
    await audit(db, {
      actor: null,
      action: "member.join",
      subject: { type: "member", id: later.id },
      data: { round: "Portée n°21" },
    });
    await t.deps.jobs.runNow("collective.news");
    expect((await items()).filter((i) => i.kind === "member")).toHaveLength(2);
  });

  it("publishes the news as an Atom feed", async () => {
    const res = await t.client().get("/fr/news.atom");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const feed = parseAtom(res.text);
    expect(feed.title).toBe(fr("news.feed.title", { collective: t.config.collective.name }));
    const titles = feed.entries.map((e) => e.title);
    expect(titles).toContain("Le guichet est ouvert");
    expect(titles).toContain(fr("news.auto.member.title", { name: "Chaton Suivant" }));
    const member = feed.entries.find((e) => e.title.includes("Chaton Nouveau"));
    expect(member?.content).toContain(`${t.url}/fr/members/chaton-nouveau`);
    for (const entry of feed.entries) expect(entry.id).toMatch(new RegExp(`^${t.url}/fr/news/`));
    expect(res.text).not.toContain("<script>");
  });

  it("shows the latest news on the home page", async () => {
    const home = await t.client().get("/fr");
    expect(home.text).toContain(fr("news.home.title"));
    expect(home.text).toContain(escapeHtml(fr("news.auto.member.title", { name: "Chaton Suivant" })));
  });

  it("keeps written news in their language, and words automatic news in the reader's", async () => {
    const client = await signedIn(t, admin);
    const res = await client.submit("/en/news/new", "/en/news", {
      title: "The contact desk is open",
      body: "Write to us through the **form**.",
    });
    expect(res.status).toBe(303);
    const page = await t.client().get(`/fr${(res.location ?? "").slice(3)}`);
    expect(page.text).toContain('<h1 lang="en">The contact desk is open</h1>');
    expect(page.text).toContain('<div class="prose" lang="en">');
    const german = await t.client().get("/de/news");
    const de = translator("de");
    expect(german.text).toContain(escapeHtml(de("news.auto.member.title", { name: "Chaton Suivant" })));
    expect(german.text).toContain(
      escapeHtml(
        de("news.auto.member.body", { name: "Chaton Suivant", round: de("common.round_name", { n: "21" }) }),
      ),
    );
    expect(german.text).toContain('lang="fr">Le guichet est ouvert</a>');
  });

  it("marks the feed and each entry with its language", async () => {
    const res = await t.client().get("/de/news.atom");
    expect(res.status).toBe(200);
    const parsed: unknown = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === "entry",
    }).parse(res.text);
    const lang = z.string();
    const { feed } = z
      .object({
        feed: z.object({
          "@_xml:lang": lang,
          entry: z.array(z.object({ "@_xml:lang": lang, title: text })),
        }),
      })
      .parse(parsed);
    expect(feed["@_xml:lang"]).toBe("de");
    const langOf = (title: string) => feed.entry.find((e) => e.title === title)?.["@_xml:lang"];
    expect(langOf("Le guichet est ouvert")).toBe("fr");
    expect(langOf("The contact desk is open")).toBe("en");
    const de = translator("de");
    expect(langOf(de("news.auto.member.title", { name: "Chaton Suivant" }))).toBe("de");
    expect(feed.entry.every((e) => ["fr", "en", "de"].includes(e["@_xml:lang"]))).toBe(true);
  });

  it("lets coordinators remove an item", async () => {
    const client = await signedIn(t, admin);
    const [first] = await items();
    const path = `/fr/news/${first?.id}`;
    expect((await client.submit(path, `${path}/delete`, {})).status).toBe(303);
    expect((await t.client().get(path)).status).toBe(404);
  });
});
