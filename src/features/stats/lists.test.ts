import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../../tests/helpers/factories.js";
import { wholeDb } from "../../db/adapter.js";

/** The stats lists stay usable for a large federation: pages of 100, every row on exactly one. */

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
  const member = await makeMember(t.deps.db, { name: "Chaton aux cent services" });
  for (let i = 0; i < 130; i++) await makeService(t.deps.db, member.id, { name: `Service ${1000 + i}` });
});

afterAll(async () => {
  await t.stop();
});

const rowsOf = (html: string) =>
  [...html.matchAll(/<a href="\/en\/stats\/services\/[^"/]+\/([^"]+)">/g)].map((m) => m[1]);

describe("the services list of the stats", () => {
  it("cuts the list into pages of 100 with links between them", async () => {
    const first = await t.client().get("/en/stats/services");
    expect(first.status).toBe(200);
    expect(first.text).toContain("130");
    expect(first.text).toContain("Page 1 of 2");
    expect(first.text).toContain('href="/en/stats/services?page=2" rel="next"');
    const second = await t.client().get("/en/stats/services?page=2");
    expect(second.text).toContain("Page 2 of 2");
    const seen = [...rowsOf(first.text), ...rowsOf(second.text)];
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
  });

  it("answers a page number out of range or not a number with a page that exists", async () => {
    expect((await t.client().get("/en/stats/services?page=99")).text).toContain("Page 2 of 2");
    const bad = await t.client().get("/en/stats/services?page=abc");
    expect(bad.status).toBe(200);
    expect(bad.text).toContain("Page 1 of 2");
  });

  it("keeps the filter in the links between pages", async () => {
    const category = (
      await wholeDb(t.deps.db).selectFrom("services").select("category_id").executeTakeFirstOrThrow()
    ).category_id;
    const page = await t.client().get(`/en/stats/services?category=${category}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/en/stats/services?category=${category}&amp;page=2" rel="next"`);
    const none = await t.client().get("/en/stats/services?category=no-such-category");
    expect(none.text).not.toContain('rel="next"');
  });
});

describe("the organizations list of the stats", () => {
  it("cuts the list into pages of 100", async () => {
    for (let i = 0; i < 100; i++) await makeMember(t.deps.db, { name: `Chaton ${2000 + i}` });
    const first = await t.client().get("/en/stats/organizations");
    expect(first.text).toContain("Page 1 of 2");
    const second = await t.client().get("/en/stats/organizations?page=2");
    expect(second.text).toContain("Page 2 of 2");
    expect(second.text).toContain('href="/en/stats/organizations" rel="prev"');
  });
});

describe("category names on the stats pages", () => {
  it("are the directory's names in the page's language, German included", async () => {
    const category = (
      await wholeDb(t.deps.db).selectFrom("services").select("category_id").executeTakeFirstOrThrow()
    ).category_id;
    const names = await wholeDb(t.deps.db)
      .selectFrom("categories")
      .select(["name_fr", "name_en"])
      .where("id", "=", category)
      .executeTakeFirstOrThrow();
    const { GERMAN_CATEGORY_NAMES } = await import("../directory/services/category-names.de.js");
    const german = GERMAN_CATEGORY_NAMES[category];
    expect(german).toBeTruthy();
    for (const [locale, name] of [
      ["fr", names.name_fr],
      ["en", names.name_en],
      ["de", german ?? ""],
    ] as const) {
      const page = await t.client().get(`/${locale}/stats/categories/${category}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(name.replace(/'/g, "&#39;"));
      const list = await t.client().get(`/${locale}/stats/services`);
      expect(list.text).toContain(name.replace(/'/g, "&#39;"));
    }
    const api = await t.client().get("/api/stats/categories.json");
    expect(api.text).toContain(`"name_de":"${german}"`);
  });
});
