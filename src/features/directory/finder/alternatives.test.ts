import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { invalidateDirectory } from "./snapshot.js";

/** Whether the page shows a text (as rendered), without printing the whole page when it does not. */
const shows = (html: string, text: string) => (html.includes(escapeHtml(text)) ? text : `missing: ${text}`);

const Json = z.object({
  total: z.number(),
  order: z.string(),
  alternative: z.object({ id: z.string(), name: z.string(), recognised_from_text: z.boolean() }).nullable(),
  near: z
    .object({
      found: z.boolean(),
      name: z.string().optional(),
      region: z.string().nullable().optional(),
      suggestions: z.array(z.string()).optional(),
    })
    .nullable(),
  results: z.array(
    z.object({ name: z.string(), distance_km: z.number().nullable(), replaces: z.array(z.string()) }),
  ),
  facets: z.object({ alternative: z.record(z.string(), z.number()) }),
});

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ now: () => new Date("2026-11-24T10:00:00Z") });
  const db = t.deps.db;
  const lyon = await makeMember(db, { name: "Chaton des Pentes", slug: "pentes" });
  const grenoble = await makeMember(db, {
    name: "Coop alpine",
    slug: "alpine",
    city: "Grenoble",
    latitude: 45.19,
    longitude: 5.72,
  });
  const lille = await makeMember(db, {
    name: "Chaton du Nord",
    slug: "nord",
    city: "Lille",
    region: "Hauts-de-France",
    latitude: 50.63,
    longitude: 3.06,
  });
  const nowhere = await makeMember(db, {
    name: "Chaton sans lieu",
    slug: "nulle-part",
    latitude: null,
    longitude: null,
  });
  await makeService(db, lille.id, { name: "Pad du Nord", category_id: "pad" });
  await makeService(db, grenoble.id, { name: "Pad alpin", category_id: "pad" });
  await makeService(db, lyon.id, { name: "Pad des Pentes", category_id: "pad" });
  await makeService(db, nowhere.id, { name: "Pad d'ailleurs", category_id: "pad" });
  await makeService(db, lyon.id, { name: "Sondage des Pentes", category_id: "poll" });
  await makeService(db, lille.id, { name: "Messagerie du Nord", category_id: "instant-messaging" });
});
afterAll(async () => {
  await t.stop();
});

const cards = (html: string) =>
  [...html.matchAll(/<h3 class="service-card__title"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

describe("finding an alternative to a proprietary service", () => {
  it("answers “google doc” with the pads, headed with the service it replaces, each card saying so", async () => {
    const res = await t.client().get("/fr/services?q=google+doc");
    expect(res.status).toBe(200);
    expect(shows(res.text, "Alternatives à Google Docs")).toBe("Alternatives à Google Docs");
    const typo = await t.client().get("/fr/services?q=gogle+docs");
    expect(shows(typo.text, "Nous avons compris « gogle docs » comme Google Docs.")).toBe(
      "Nous avons compris « gogle docs » comme Google Docs.",
    );
    expect(cards(res.text).sort()).toEqual([
      "Pad alpin",
      "Pad d&#39;ailleurs",
      "Pad des Pentes",
      "Pad du Nord",
    ]);
    expect(/Remplace : Google Docs, /.test(res.text)).toBe(true);
    const en = await t.client().get("/en/services?q=Google+Docs");
    expect(shows(en.text, "Alternatives to Google Docs")).toBe("Alternatives to Google Docs");
    expect(shows(en.text, "We read")).toBe("missing: We read");
  });

  it("forgives typos and keeps the other words as a text search", async () => {
    const typo = await t.client().get("/fr/services?q=whatsap");
    expect(cards(typo.text)).toEqual(["Messagerie du Nord"]);
    const doodle = await t.client().get("/fr/services?q=Doodle");
    expect(cards(doodle.text)).toEqual(["Sondage des Pentes"]);
    const narrowed = await t.client().get("/fr/services?q=google+docs+alpin");
    expect(cards(narrowed.text)).toEqual(["Pad alpin"]);
  });

  it("filters by alternative=, combined with the other filters, and counts it among the facets", async () => {
    const api = Json.parse(JSON.parse((await t.client().get("/api/services?alternative=google-docs")).text));
    expect(api.total).toBe(4);
    expect(api.alternative).toMatchObject({ id: "google-docs", recognised_from_text: false });
    expect(api.facets.alternative["google-docs"]).toBe(4);
    expect(api.facets.alternative["doodle"]).toBe(1);
    const combined = Json.parse(
      JSON.parse((await t.client().get("/api/services?alternative=google-docs&region=Hauts-de-France")).text),
    );
    expect(combined.results.map((r) => r.name)).toEqual(["Pad du Nord"]);
    expect(combined.results[0]?.replaces).toContain("google-docs");
    // What the finder's own form sends back: the search and the alternative it was read as.
    const both = Json.parse(
      JSON.parse((await t.client().get("/api/services?q=Google+Docs&alternative=google-docs")).text),
    );
    expect(both.total).toBe(4);
    const unknown = Json.parse(JSON.parse((await t.client().get("/api/services?alternative=nope")).text));
    expect(unknown.alternative).toBeNull();
    expect(unknown.total).toBe(6);
  });

  it("says plainly when nobody offers an alternative with these filters (status 200)", async () => {
    const res = await t.client().get("/fr/services?alternative=zoom");
    expect(res.status).toBe(200);
    expect(
      shows(
        res.text,
        "Aucun chaton ne propose encore d'alternative à Zoom avec ces critères : retirez un filtre.",
      ),
    ).toBe("Aucun chaton ne propose encore d'alternative à Zoom avec ces critères : retirez un filtre.");
    expect(res.text.includes('href="/fr/services?alternative=zoom"')).toBe(true);
  });
});

describe("near me", () => {
  it("sorts by distance from a city, a postcode or coordinates and shows the distance", async () => {
    const res = await t.client().get("/fr/services?q=google+docs&near=Lyon");
    expect(res.status).toBe(200);
    expect(cards(res.text)).toEqual(["Pad des Pentes", "Pad alpin", "Pad du Nord", "Pad d&#39;ailleurs"]);
    expect(shows(res.text, "Du plus proche au plus loin de Lyon (Auvergne-Rhône-Alpes).")).toBe(
      "Du plus proche au plus loin de Lyon (Auvergne-Rhône-Alpes).",
    );
    expect(/à 1,\d km<.*à 9\d,\d km</.test(res.text)).toBe(true);
    const api = Json.parse(
      JSON.parse((await t.client().get("/api/services?q=google%20docs&near=59000")).text),
    );
    expect(api.order).toBe("distance");
    expect(api.near).toMatchObject({ found: true, name: "Lille", region: "Hauts-de-France" });
    expect(api.results.map((r) => r.name)).toEqual([
      "Pad du Nord",
      "Pad des Pentes",
      "Pad alpin",
      "Pad d'ailleurs",
    ]);
    expect(api.results[0]?.distance_km).toBeLessThan(5);
    expect(api.results[3]?.distance_km).toBeNull();
    const point = Json.parse(
      JSON.parse((await t.client().get("/api/services?alternative=google-docs&near=45.2,5.7")).text),
    );
    expect(point.results[0]?.name).toBe("Pad alpin");
  });

  it("answers an unknown place with a clear message and the nearest names, not an empty page", async () => {
    const res = await t.client().get("/fr/services?alternative=google-docs&near=Lyonn");
    expect(res.status).toBe(200);
    expect(shows(res.text, "Nous ne connaissons pas le lieu « Lyonn »")).toBe(
      "Nous ne connaissons pas le lieu « Lyonn »",
    );
    expect(res.text.includes('href="/fr/services?near=Lyon&amp;alternative=google-docs"')).toBe(true);
    expect(cards(res.text)).toHaveLength(4);
    const api = Json.parse(JSON.parse((await t.client().get("/api/services?near=Lyonn")).text));
    expect(api.near).toMatchObject({ found: false });
    expect(api.near?.suggestions).toContain("Lyon");
    const nothing = await t.client().get("/fr/services?near=Xqzwv");
    expect(shows(nothing.text, "Essayez le nom d'une ville")).toBe("Essayez le nom d'une ville");
  });
});

describe("entry points", () => {
  it("offers “I want to leave” on the home page, a plain GET form to the finder with the catalogue's names", async () => {
    const res = await t.client().get("/fr");
    expect(res.text).toContain('<form method="get" action="/fr/services" class="leave-form"');
    expect(res.text).toContain('list="leave-names"');
    expect(res.text).toContain('<option value="Google Docs">');
    expect(shows(res.text, "Je veux quitter :")).toBe("Je veux quitter :");
  });

  it("asks in the guide which service to leave, and suggests members replacing it", async () => {
    const form = await t.client().get("/fr/guide");
    expect(form.text).toContain('<select id="guide-leave" name="leave">');
    const res = await t.client().get("/fr/guide?leave=doodle");
    expect(shows(res.text, "Remplace Doodle")).toBe("Remplace Doodle");
    expect(res.text).toContain("Chaton des Pentes");
    expect(res.text).toContain('href="/fr/services?alternative=doodle"');
  });

  it("says on the entraide portal's cards what each service replaces", async () => {
    const res = await t.client().get("/fr/entraide");
    expect(/Remplace : [^<]*Google Docs/.test(res.text)).toBe(true);
    expect(/Remplace : [^<]*Zoom/.test(res.text)).toBe(true);
  });
});

// Last in the file: it adds a member the tests above do not expect.
describe("the map follows the finder", () => {
  it("shows only the members offering what the finder finds, grouping close dots, with links both ways", async () => {
    const villeurbanne = await makeMember(t.deps.db, {
      name: "Chaton de Villeurbanne",
      slug: "villeurbanne",
      city: "Villeurbanne",
      latitude: 45.77,
      longitude: 4.88,
    });
    await makeService(t.deps.db, villeurbanne.id, { name: "Sondage de Villeurbanne", category_id: "poll" });
    invalidateDirectory();
    const res = await t.client().get("/fr/map?q=doodle");
    expect(res.status).toBe(200);
    expect(res.text).toContain("2 chatons autour de");
    expect(res.text).not.toContain("Chaton du Nord");
    expect(/href="\/fr\/services\?q=doodle&amp;near=45\.7\d%2C4\.8\d"/.test(res.text)).toBe(true);
    expect(res.text).toContain('href="/fr/services?q=doodle"');
    expect(res.text).toContain('r="27"');
    const all = await t.client().get("/fr/map");
    expect(all.text).toContain("Chaton du Nord");
    const finder = await t.client().get("/fr/services?q=doodle");
    expect(finder.text).toContain('href="/fr/map?q=doodle"');
  });
});
