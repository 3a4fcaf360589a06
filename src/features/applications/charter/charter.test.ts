import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator, type MessageKey, type Vars } from "../../../i18n/index.js";
import { currentCharter } from "./charter.repository.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));

describe("the charter page", () => {
  it("renders the default charter: seven parts, required and recommended criteria, in French and English", async () => {
    const page = await t.client().get("/fr/charter");
    expect(page.status).toBe(200);
    for (const name of [
      "Collectif",
      "Hébergeurs",
      "Alternatifs",
      "Transparents",
      "Ouverts",
      "Neutres",
      "Solidaires",
    ])
      expect(page.text).toContain(name);
    expect(page.text).toContain(fr("applications.level.required"));
    expect(page.text).toContain(fr("applications.level.recommended"));
    expect(page.text).toContain(escapeHtml("Uniquement des logiciels libres"));
    expect(page.text).toContain(fr("applications.charter.version", { version: 1, date: "24 novembre 2026" }));
    const en = await t.client().get("/en/charter");
    expect(en.text).toContain("Free software only");
    expect(en.text).toContain("Solidary");
    // No cookie for an anonymous visitor.
    expect(page.headers.getSetCookie()).toEqual([]);
  });

  it("ships criteria linked to the automated checks", async () => {
    const charter = await currentCharter(t.deps.db);
    const checks = charter?.parts.flatMap((p) => p.criteria).map((c) => c.checkId) ?? [];
    expect(new Set(checks.filter(Boolean))).toEqual(
      new Set(["website-tls", "legal-pages", "no-trackers", "chatonsinfos", "services-reachable"]),
    );
    expect(charter?.parts.map((p) => p.letter).join("")).toBe("CHATONS");
  });
});

describe("editing the charter", () => {
  it("is for platform admins only", async () => {
    const someone = await makePerson(t.deps.db);
    const client = t.client();
    expect((await client.get("/fr/charter/admin")).status).toBe(401);
    await client.login(someone.email, someone.password);
    expect((await client.get("/fr/charter/admin")).status).toBe(403);
  });

  it("creates a new version as a draft, edits it, refuses a duplicate code, publishes it and keeps the old one", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const draft = await client.submit("/fr/charter/admin", "/fr/charter/admin/drafts", {});
    expect(draft.status).toBe(303);
    const draftPath = draft.location ?? "";
    const versionId = draftPath.split("/").pop() ?? "";
    const editor = await client.get(draftPath);
    expect(editor.text).toContain(fr("applications.charter.admin.draft_title", { version: 2 }));
    // Existing criterion: change its title.
    const t1 = await wholeDb(t.deps.db)
      .selectFrom("charter_criteria")
      .selectAll()
      .where("version_id", "=", versionId)
      .where("code", "=", "T1")
      .executeTakeFirstOrThrow();
    const editPath = `/fr/charter/admin/${versionId}/criteria/${t1.id}`;
    const fields = {
      part: "T",
      code: "T1",
      level: "required",
      title_fr: "Des CGU publiées, claires et <b>lisibles</b>",
      title_en: "Clear published terms",
      explanation_fr: "",
      explanation_en: "",
      check_id: "legal-pages",
    };
    expect((await client.submit(editPath, editPath, fields)).status).toBe(303);
    // A new criterion with a code already used in this version.
    const newPath = `/fr/charter/admin/${versionId}/criteria/new?part=S`;
    const action = `/fr/charter/admin/${versionId}/criteria`;
    const taken = await client.submit(newPath, action, { ...fields, part: "S", code: "S1", check_id: "" });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain(fr("applications.error.code_taken"));
    const bad = await client.submit(newPath, action, {
      ...fields,
      part: "S",
      code: "solidaire",
      title_fr: "",
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(fr("applications.error.code_format"));
    expect(bad.text).toContain(fr("form.error.required"));
    const added = await client.submit(newPath, action, {
      ...fields,
      part: "S",
      code: "S5",
      level: "recommended",
      title_fr: "Partager ses recettes",
      title_en: "Share recipes",
      check_id: "",
    });
    expect(added.status).toBe(303);
    // The public charter is unchanged until publication.
    expect((await t.client().get("/fr/charter")).text).not.toContain("Partager ses recettes");
    const published = await client.submit(draftPath, `/fr/charter/admin/${versionId}/publish`, {});
    expect(published.status).toBe(303);
    const page = await t.client().get("/fr/charter");
    expect(page.text).toContain("Partager ses recettes");
    expect(page.text).toContain(escapeHtml("Des CGU publiées, claires et <b>lisibles</b>"));
    expect(page.text).not.toContain("<b>lisibles</b>");
    const v1 = await t.client().get("/fr/charter/versions/1");
    expect(v1.status).toBe(200);
    expect(v1.text).not.toContain("Partager ses recettes");
    expect(v1.text).toContain(fr("applications.charter.status.archived"));
    const versions = await wholeDb(t.deps.db)
      .selectFrom("charter_versions")
      .select(["version", "status"])
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, status: "archived" },
      { version: 2, status: "current" },
    ]);
    const actions = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", versionId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "charter.draft",
        "charter.criterion.update",
        "charter.criterion.add",
        "charter.publish",
      ]),
    );
    // A published version is no longer editable.
    expect((await client.get(draftPath)).status).toBe(404);
  });
});
