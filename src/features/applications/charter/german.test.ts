import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { wholeDb } from "../../../db/adapter.js";

describe("editing the charter in German", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("keeps the German through a new version, takes edited German, and marks what has none", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password, "de");
    const draft = await client.submit("/de/charter/admin", "/de/charter/admin/drafts", {});
    expect(draft.status).toBe(303);
    const draftPath = draft.location ?? "";
    const versionId = draftPath.split("/").pop() ?? "";
    const t1 = await wholeDb(t.deps.db)
      .selectFrom("charter_criteria")
      .select(["id", "title_de"])
      .where("version_id", "=", versionId)
      .where("code", "=", "T1")
      .executeTakeFirstOrThrow();
    expect(t1.title_de).not.toBe("");
    const editPath = `/de/charter/admin/${versionId}/criteria/${t1.id}`;
    expect((await client.get(editPath)).text).toContain(`value="${escapeHtml(t1.title_de)}"`);
    const fields = {
      part: "T",
      code: "T1",
      level: "required",
      title_fr: "Des CGU publiées et claires",
      title_en: "Clear published terms",
      title_de: "Klare veröffentlichte Nutzungsbedingungen",
      explanation_fr: "Lisibles par tout le monde.",
      explanation_en: "Readable by anyone.",
      explanation_de: "Für alle lesbar.",
      check_id: "legal-pages",
    };
    expect((await client.submit(editPath, editPath, fields)).status).toBe(303);
    const action = `/de/charter/admin/${versionId}/criteria`;
    const added = await client.submit(`${action}/new?part=S`, action, {
      ...fields,
      part: "S",
      code: "S5",
      title_fr: "Partager ses recettes",
      title_en: "Share recipes",
      title_de: "",
      explanation_de: "",
      check_id: "",
    });
    expect(added.status).toBe(303);
    const summary = await client.submit(draftPath, `${draftPath}/summary`, {
      summary_fr: "Deuxième version.",
      summary_en: "Second version.",
      summary_de: "Zweite Version.",
    });
    expect(summary.status).toBe(303);
    expect((await client.submit(draftPath, `${draftPath}/publish`, {})).status).toBe(303);

    const page = (await t.client().get("/de/charter")).text;
    expect(page).toContain("<span>Klare veröffentlichte Nutzungsbedingungen</span>");
    expect(page).toContain("<span>Für alle lesbar.</span>");
    expect(page).toContain("<span>Zweite Version.</span>");
    expect(page).toContain('<span lang="en">Share recipes</span>');
    expect(page).toContain(escapeHtml("Sich respektvoll und wohlwollend verhalten"));
    const fr = (await t.client().get("/fr/charter")).text;
    expect(fr).toContain("<span>Des CGU publiées et claires</span>");
    expect(fr).not.toContain("Nutzungsbedingungen");
  });
});
