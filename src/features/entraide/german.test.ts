import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makePerson } from "../../../tests/helpers/factories.js";
import type { TestClient } from "../../../tests/helpers/client.js";

describe("the portal's services in German", () => {
  let t: TestPlatform;
  let admin: TestClient;
  beforeAll(async () => {
    t = await startTestPlatform();
    const person = await makePerson(t.deps.db, { admin: true });
    admin = t.client();
    await admin.login(person.email, person.password, "de");
  });
  afterAll(async () => {
    await t.stop();
  });

  it("names the shipped services in German on the German portal, unmarked", async () => {
    const page = (await t.client().get("/de/entraide")).text;
    expect(page).toContain("<span>Gemeinsam schreiben (Pad)</span>");
    expect(page).toContain("<p>Ein Videotreffen im Browser, ohne etwas zu installieren.</p>");
    expect(page).not.toContain("Write together (pad)");
  });

  it("takes the German from the admin form, and shows the English marked when it is emptied", async () => {
    const edit = "/de/admin/entraide/services/pad";
    const form = {
      name_fr: "Pad collaboratif",
      name_en: "Collaborative pad",
      name_de: "Kollaboratives Pad",
      description_fr: "Écrire ensemble.",
      description_en: "Write together.",
      description_de: "Gemeinsam schreiben.",
      icon: "pad",
      category_id: "pad",
      software: "etherpad",
      position: "1",
      enabled: "1",
    };
    const shown = await admin.get(edit);
    expect(shown.text).toContain('name="name_de"');
    expect(shown.text).toContain('value="Gemeinsam schreiben (Pad)"');
    expect((await admin.submit(edit, edit, form)).status).toBe(303);
    const german = (await t.client().get("/de/entraide")).text;
    expect(german).toContain("<span>Kollaboratives Pad</span>");
    expect(german).toContain("<p>Gemeinsam schreiben.</p>");
    expect((await t.client().get("/fr/entraide")).text).toContain("<span>Pad collaboratif</span>");

    expect((await admin.submit(edit, edit, { ...form, name_de: "", description_de: "" })).status).toBe(303);
    const english = (await t.client().get("/de/entraide")).text;
    expect(english).toContain('<span lang="en">Collaborative pad</span>');
    expect(english).toContain('<p lang="en">Write together.</p>');
  });
});
