import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { GERMAN_CATEGORY_NAMES } from "./category-names.de.js";
import { categoryLabel, categoryNamesById } from "../published.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("category names in German", () => {
  it("are stored for every category the platform ships, and the finder shows them", async () => {
    const shipped = await wholeDb(t.deps.db).selectFrom("categories").select(["id", "name_de"]).execute();
    expect(shipped.length).toBeGreaterThan(20);
    expect(shipped.filter((c) => c.name_de !== GERMAN_CATEGORY_NAMES[c.id]).map((c) => c.id)).toEqual([]);
    const page = await t.client().get("/de/services");
    expect(page.status).toBe(200);
    expect(page.text).toContain(GERMAN_CATEGORY_NAMES.pad);
    expect(page.text).not.toContain("Collaborative writing (pad)");
  });

  it("are edited by a platform admin, and pages show the English marked once the German is emptied", async () => {
    const member = await makeMember(t.deps.db);
    await makeService(t.deps.db, member.id, { category_id: "pad" });
    const person = await makePerson(t.deps.db, { admin: true });
    const admin = t.client();
    await admin.login(person.email, person.password, "de");
    const form = await admin.get("/de/admin/categories");
    expect(form.text).toContain(`value="${escapeHtml(GERMAN_CATEGORY_NAMES.pad ?? "")}"`);
    const fields = {
      family: "work",
      name_fr: "Écriture collaborative (pad)",
      name_en: "Collaborative writing (pad)",
      name_de: "Zusammen schreiben",
      description_fr: "",
      description_en: "",
      position: "1",
    };
    const save = "/de/admin/categories/pad";
    expect((await admin.submit("/de/admin/categories", save, fields)).status).toBe(303);
    expect((await t.client().get("/de/services")).text).toContain("Zusammen schreiben");
    const memberPage = `/de/members/${member.slug}`;
    expect((await t.client().get(memberPage)).text).toContain(
      '<p class="service-card__category">Zusammen schreiben</p>',
    );

    expect((await admin.submit("/de/admin/categories", save, { ...fields, name_de: "" })).status).toBe(303);
    expect((await t.client().get(memberPage)).text).toContain(
      '<p class="service-card__category" lang="en">Collaborative writing (pad)</p>',
    );
    const names = (await categoryNamesById(t.deps.db)).get("pad");
    if (!names) throw new Error("no pad category");
    expect(categoryLabel("de", names)).toEqual({ text: "Collaborative writing (pad)", lang: "en" });
    expect(categoryLabel("fr", names)).toEqual({ text: "Écriture collaborative (pad)", lang: undefined });
  });
});

describe("searching by a category's German name", () => {
  it("finds the category's services, as the French and English names do", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton Tabellen" });
    const service = await makeService(t.deps.db, member.id, {
      category_id: "spreadsheet",
      name: "Tableur du chaton",
    });
    const { refreshServiceSearch } = await import("../directory.repository.js");
    await refreshServiceSearch(t.deps.db, { serviceId: service.id });
    const german = GERMAN_CATEGORY_NAMES.spreadsheet ?? "";
    expect(german).toBeTruthy();
    const page = await t.client().get(`/de/services?q=${encodeURIComponent(german)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Tableur du chaton");
  });
});
