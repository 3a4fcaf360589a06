import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../../../tests/helpers/factories.js";
import { z } from "zod";
import { updateMemberFields, updateServiceFields } from "../directory.repository.js";
import { wholeDb } from "../../../db/adapter.js";

const ServicesJson = z.object({
  total: z.number(),
  order_day: z.string(),
  query: z.string(),
  results: z.array(z.object({ name: z.string() })),
  facets: z.object({ country: z.record(z.string(), z.number()) }),
});
const MembersJson = z.object({ total: z.number(), results: z.array(z.object({ slug: z.string() })) });

let t: TestPlatform;
const day = "2026-11-24";
beforeAll(async () => {
  t = await startTestPlatform({ now: () => new Date(`${day}T10:00:00Z`) });
  const db = t.deps.db;
  const lyon = await makeMember(db, { name: "Chaton Lyonnais", slug: "lyonnais", type: "association" });
  const rennes = await makeMember(db, {
    name: "Coop Rennaise",
    slug: "rennaise",
    type: "cooperative",
    city: "Rennes",
    region: "Bretagne",
    latitude: 48.11,
    longitude: -1.68,
    search_text: "coop rennaise rennes bretagne",
  });
  const brussels = await makeMember(db, {
    name: "Chaton Bruxellois",
    slug: "bruxellois",
    city: "Bruxelles",
    region: "Bruxelles-Capitale",
    country_code: "BE",
    latitude: 50.85,
    longitude: 4.35,
  });
  const montreal = await makeMember(db, {
    name: "Chaton Montréalais",
    slug: "montrealais",
    city: "Montréal",
    region: "Québec",
    country_code: "CA",
    latitude: 45.5,
    longitude: -73.57,
  });
  await makeMember(db, { name: "Candidat Secret", slug: "secret", membership: "candidate" });
  await makeMember(db, { name: "Ancien Chaton", slug: "ancien", membership: "former" });
  await makeService(db, lyon.id, { name: "Pad lyonnais", slug: "pad", category_id: "pad", access: "none" });
  await makeService(db, lyon.id, {
    name: "Cloud lyonnais",
    slug: "cloud",
    category_id: "document-storage",
    access: "members",
    price: "pwyw",
  });
  await makeService(db, rennes.id, {
    name: "Pad rennais",
    slug: "pad",
    category_id: "pad",
    access: "open",
    registration_load: "full",
  });
  await makeService(db, brussels.id, {
    name: "Pad bruxellois",
    slug: "pad",
    category_id: "pad",
    access: "none",
    languages: '["fr","en"]',
  });
  await makeService(db, brussels.id, {
    name: '=HYPERLINK("x")',
    slug: "formula",
    category_id: "poll",
    access: "none",
  });
  await makeService(db, montreal.id, {
    name: "Sondage montréalais",
    slug: "poll",
    category_id: "poll",
    status: "off",
  });
  for (let i = 0; i < 30; i++)
    await makeService(db, rennes.id, {
      name: `Outil ${i}`,
      slug: `outil-${i}`,
      category_id: "notes",
      access: "clients",
      price: "paid",
    });
});
afterAll(async () => {
  await t.stop();
});

const names = (html: string) =>
  [...html.matchAll(/<h3 class="service-card__title"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

describe("member directory", () => {
  it("lists member structures only, without cookies, and filters by type, country and text", async () => {
    const res = await t.client().get("/fr/members");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    for (const name of ["Chaton Lyonnais", "Coop Rennaise", "Chaton Bruxellois", "Chaton Montréalais"])
      expect(res.text).toContain(name);
    expect(res.text).not.toContain("Candidat Secret");
    expect(res.text).not.toContain("Ancien Chaton");
    const coop = await t.client().get("/fr/members?type=cooperative");
    expect(coop.text).toContain("Coop Rennaise");
    expect(coop.text).not.toContain("Chaton Lyonnais");
    const be = await t.client().get("/fr/members?country=BE");
    expect(be.text).toContain("Chaton Bruxellois");
    expect(be.text).not.toContain("Coop Rennaise");
    const search = await t.client().get("/fr/members?q=RENNES");
    expect(search.text).toContain("Coop Rennaise");
    expect(search.text).not.toContain("Chaton Bruxellois");
  });

  it("shows a member's page with its services and avatar; hides candidates and former members", async () => {
    const res = await t.client().get("/fr/members/lyonnais");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Pad lyonnais");
    expect(res.text).toContain("Cloud lyonnais");
    expect(res.text).toContain('src="/members/lyonnais/avatar.svg"');
    expect((await t.client().get("/fr/members/secret")).status).toBe(404);
    expect((await t.client().get("/fr/members/ancien")).status).toBe(404);
    expect((await t.client().get("/fr/members/nobody")).status).toBe(404);
  });
});

describe("service finder", () => {
  it("combines category, access and country, and says how many", async () => {
    const res = await t.client().get("/fr/services?category=pad&access=none&country=BE");
    expect(names(res.text)).toEqual(["Pad bruxellois"]);
    const fr = await t.client().get("/fr/services?category=pad&access=none&access=open&country=FR");
    expect(names(fr.text).sort()).toEqual(["Pad lyonnais", "Pad rennais"]);
    const open = await t.client().get("/fr/services?category=pad&open=1");
    expect(names(open.text).sort()).toEqual(["Pad bruxellois", "Pad lyonnais"]);
    expect(open.text).toContain("2 services trouvés");
    const text = await t.client().get("/fr/services?q=bruxellois+pad");
    expect(names(text.text)).toEqual(["Pad bruxellois"]);
    const lang = await t.client().get("/fr/services?language=en");
    expect(names(lang.text)).toEqual(["Pad bruxellois"]);
  });

  it("leaves out closed services and those of non-members", async () => {
    const res = await t.client().get("/fr/services?category=poll");
    expect(names(res.text)).not.toContain("Sondage montréalais");
  });

  it("orders fairly for the day, pages through every result once, and keeps filters in page links", async () => {
    const first = await t.client().get("/fr/services?category=notes");
    const again = await t.client().get("/fr/services?category=notes");
    expect(names(first.text)).toEqual(names(again.text));
    const page1 = names(first.text);
    expect(page1).toHaveLength(20);
    expect(page1).not.toEqual([...page1].sort());
    expect(first.text).toContain('href="/fr/services?category=notes&amp;page=2"');
    const page2 = names((await t.client().get("/fr/services?category=notes&page=2")).text);
    expect(page2).toHaveLength(10);
    expect(new Set([...page1, ...page2]).size).toBe(30);
  });

  it("serves the same query as JSON (with counts) and CSV, CSV cells never starting a formula", async () => {
    const json = await t.client().get("/api/services?category=pad&access=none");
    expect(json.headers.get("content-type")).toContain("application/json");
    const body = ServicesJson.parse(JSON.parse(json.text));
    expect(body).toMatchObject({ total: 2, order_day: day, query: "?category=pad&access=none" });
    const html = await t.client().get("/fr/services?category=pad&access=none");
    expect(body.results.map((r) => r.name)).toEqual(names(html.text));
    expect(body.facets.country).toEqual({ FR: 1, BE: 1 });
    const csv = await t.client().get("/api/services.csv?country=BE");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toMatch(/^service_id,service_name,service_url,category/);
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain("'=HYPERLINK");
    const members = MembersJson.parse(JSON.parse((await t.client().get("/api/members")).text));
    expect(members.total).toBe(4);
    expect(members.results.map((m) => m.slug)).not.toContain("secret");
    expect((await t.client().get("/api/members.csv")).text.split("\n")[0]).toMatch(/^slug,name,type/);
  });

  it("sees writes made through the repository at once (stats imports use it)", async () => {
    const lyon = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select("id")
      .where("slug", "=", "lyonnais")
      .executeTakeFirstOrThrow();
    const pad = await wholeDb(t.deps.db)
      .selectFrom("services")
      .select("id")
      .where("name", "=", "Pad lyonnais")
      .executeTakeFirstOrThrow();
    await updateMemberFields(t.deps.db, lyon.id, { name: "Chaton Lyonnais Renommé" });
    await updateServiceFields(t.deps.db, pad.id, { access: "members" });
    try {
      // The API is never kept by the page cache; pages are, for a minute, when nothing was audited.
      const api = ServicesJson.parse(
        JSON.parse((await t.client().get("/api/services?category=pad&access=none")).text),
      );
      expect(api.results.map((r) => r.name)).toEqual(["Pad bruxellois"]);
      expect((await t.client().get("/fr/services?q=renomme")).text).toContain("Pad lyonnais");
    } finally {
      await updateServiceFields(t.deps.db, pad.id, { access: "none" });
      await updateMemberFields(t.deps.db, lyon.id, { name: "Chaton Lyonnais" });
    }
  });
});

describe("map and guide", () => {
  it("draws located members as links on a server-side SVG and lists the others beside it", async () => {
    const res = await t.client().get("/fr/map");
    expect(res.status).toBe(200);
    const svg = /<svg class="map"[\s\S]*?<\/svg>/.exec(res.text)?.[0] ?? "";
    expect(svg).toContain('<a href="/fr/members/rennaise" aria-label="Coop Rennaise, Rennes">');
    expect(svg).toContain('<a href="/fr/members/bruxellois"');
    expect(svg).not.toContain("montrealais");
    expect(svg).toMatch(/<circle class="map__point" cx="[\d.]+" cy="[\d.]+"/);
    const aside = res.text.slice(res.text.indexOf("</svg>"));
    expect(aside).toContain('href="/fr/members/montrealais"');
    // Nothing is loaded from elsewhere: no tiles, no external image, script or stylesheet.
    expect(res.text).not.toMatch(/<(img|script|link|image|use)[^>]+(src|href)="(https?:)?\/\//i);
  });

  it("guides a newcomer to a short list with reasons", async () => {
    const res = await t.client().get("/fr/guide?need=pad&who=individual&where=FR&account=none");
    expect(res.status).toBe(200);
    const results = res.text.slice(res.text.indexOf('id="guide-results"'));
    expect(results).toContain("Chaton Lyonnais");
    expect(results).not.toContain("Chaton Bruxellois");
    expect(results).toContain("Utilisable sans créer de compte");
    expect(results).toContain('href="/fr/services?category=pad&amp;access=none&amp;country=FR"');
  });
});
