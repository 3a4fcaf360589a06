import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import type { TestClient } from "../../../../tests/helpers/client.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { locateMember } from "./member-place.js";
import { wholeDb } from "../../../db/adapter.js";

describe("finding a member's position from its city", () => {
  it("fills coordinates and region from the city, keeping what was typed by hand", () => {
    const found = locateMember({ city: "Villeurbanne", country_code: "FR" });
    expect(found).toMatchObject({ region: "Auvergne-Rhône-Alpes", country_code: "FR", unknownCity: null });
    expect(found.latitude).toBeCloseTo(45.77, 1);
    expect(found.longitude).toBeCloseTo(4.88, 1);
    expect(locateMember({ city: "Villeurbanne", region: "Métropole de Lyon" }).region).toBe(
      "Métropole de Lyon",
    );
    expect(locateMember({ city: "Lyon", latitude: 1, longitude: 2 })).toMatchObject({
      latitude: 1,
      longitude: 2,
    });
    expect(locateMember({ city: "29200" })).toMatchObject({ region: "Bretagne", country_code: "FR" });
    expect(locateMember({ city: "Liège", country_code: "BE" })).toMatchObject({ region: "Wallonie" });
    expect(locateMember({ city: "" })).toMatchObject({ latitude: null, unknownCity: null });
    expect(locateMember({ city: "Nullepartville" })).toMatchObject({
      latitude: null,
      unknownCity: "Nullepartville",
    });
  });

  it("moves the point when the city changes but the old coordinates stay", () => {
    const before = {
      city: "Lyon",
      region: "Auvergne-Rhône-Alpes",
      country_code: "FR",
      latitude: 45.76,
      longitude: 4.83,
    };
    const moved = locateMember({ ...before, city: "Rennes" }, before);
    expect(moved.region).toBe("Bretagne");
    expect(moved.latitude).toBeCloseTo(48.11, 1);
    const handMoved = locateMember({ ...before, city: "Rennes", latitude: 48, longitude: -1.6 }, before);
    expect(handMoved).toMatchObject({ latitude: 48, longitude: -1.6 });
  });
});

describe("the member forms", () => {
  let t: TestPlatform;
  let client: TestClient;
  beforeAll(async () => {
    t = await startTestPlatform();
    const person = await makePerson(t.deps.db);
    client = t.client();
    await client.login(person.email, person.password);
  });
  afterAll(async () => {
    await t.stop();
  });

  const row = (slug: string) =>
    wholeDb(t.deps.db).selectFrom("members").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();

  it("keeps the region typed on the new-structure form", async () => {
    const res = await client.submit("/fr/members/new", "/fr/members/new", {
      name: "Chaton du Vercors",
      type: "association",
      description_fr: "",
      city: "Villard-de-Lans",
      region: "Vercors",
      country_code: "FR",
    });
    expect(res.status).toBe(303);
    const member = await row("chaton-du-vercors");
    expect(member.region).toBe("Vercors");
    expect(member.latitude).toBeCloseTo(45.07, 1);
  });

  it("places a new structure from its city alone, and says so when the city is unknown", async () => {
    const res = await client.submit("/fr/members/new", "/fr/members/new", {
      name: "Chaton brestois",
      type: "association",
      city: "Brest",
      region: "",
      country_code: "FR",
    });
    expect(res.status).toBe(303);
    expect(await row("chaton-brestois")).toMatchObject({ region: "Bretagne", country_code: "FR" });
    const unknown = await client.submit("/fr/members/new", "/fr/members/new", {
      name: "Chaton perdu",
      type: "association",
      city: "Nullepartville",
      country_code: "FR",
    });
    expect(unknown.status).toBe(303);
    const next = await client.get(unknown.location ?? "/");
    expect(next.text).toContain(escapeHtml("Nous n'avons pas trouvé « Nullepartville »"));
    expect((await row("chaton-perdu")).latitude).toBeNull();
  });

  it("moves an existing structure when its city changes on the edit form", async () => {
    const member = await row("chaton-brestois");
    const form = await client.get(`/fr/members/${member.slug}/edit`);
    expect(form.status).toBe(200);
    const res = await client.submit(`/fr/members/${member.slug}/edit`, `/fr/members/${member.slug}/edit`, {
      name: member.name,
      slug: member.slug,
      type: member.type,
      description_fr: "",
      description_en: "",
      city: "Quimper",
      region: "Bretagne",
      country_code: "FR",
      latitude: String(member.latitude),
      longitude: String(member.longitude),
      status: "active",
      social_links: "",
      funding_links: "",
    });
    expect(res.status).toBe(303);
    const moved = await row("chaton-brestois");
    expect(moved.city).toBe("Quimper");
    expect(moved.longitude).toBeCloseTo(-4.1, 1);
  });
});
