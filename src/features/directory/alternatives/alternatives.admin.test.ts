import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../../tests/helpers/factories.js";
import type { TestClient } from "../../../../tests/helpers/client.js";
import { CATALOGUE_VERSION, SHIPPED_CATALOGUE } from "./catalogue.js";
import { listAlternatives, syncShippedCatalogue } from "./alternatives.repository.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestPlatform();
  const member = await makeMember(t.deps.db, { name: "Chaton sondeur", slug: "sondeur" });
  await makeService(t.deps.db, member.id, { name: "Sondages libres", category_id: "poll" });
  await makeService(t.deps.db, member.id, { name: "Formulaires libres", category_id: "form" });
  const person = await makePerson(t.deps.db, { admin: true });
  admin = t.client();
  await admin.login(person.email, person.password);
});
afterAll(async () => {
  await t.stop();
});

const doodleForm = (over: Record<string, string | string[]> = {}) => ({
  name: "Doodle",
  vendor: "Doodle AG",
  aliases: "doodle poll\nsondage doodle",
  description_fr: "Sondages de dates.",
  description_en: "Date polls.",
  description_de: "Terminumfragen.",
  categories: ["poll", "form"],
  software: "framadate, yakforms",
  ...over,
});

describe("the catalogue in the database", () => {
  it("is copied from the shipped file once, every entry with its three descriptions", async () => {
    await syncShippedCatalogue(t.deps.db);
    const entries = await listAlternatives(t.deps.db);
    expect(entries).toHaveLength(SHIPPED_CATALOGUE.length);
    const rows = await wholeDb(t.deps.db)
      .selectFrom("alternatives")
      .select(["id", "shipped_version"])
      .execute();
    expect(new Set(rows.map((r) => r.shipped_version))).toEqual(new Set([CATALOGUE_VERSION]));
    expect(entries.find((e) => e.id === "doodle")?.description.de).toBe("Umfragen zur Terminfindung.");
  });
});

describe("/admin/alternatives", () => {
  it("is for platform admins only", async () => {
    const someone = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(someone.email, someone.password);
    expect((await client.get("/fr/admin/alternatives")).status).toBe(403);
    expect((await client.get("/fr/admin/alternatives/doodle")).status).toBe(403);
    expect((await t.client().get("/fr/admin/alternatives")).status).toBe(401);
  });

  it("edits an entry: the finder follows at once, and the edit is audited", async () => {
    const list = await admin.get("/fr/admin/alternatives");
    expect(list.status).toBe(200);
    expect(list.text).toContain('href="/fr/admin/alternatives/doodle"');
    const res = await admin.submit(
      "/fr/admin/alternatives/doodle",
      "/fr/admin/alternatives/doodle",
      doodleForm(),
    );
    expect(res.status).toBe(303);
    const finder = await t.client().get("/fr/services?q=doodle");
    expect(finder.text).toContain("Sondages libres");
    expect(finder.text).toContain("Formulaires libres");
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select(["action", "subject_id"])
      .where("action", "=", "alternative.update")
      .execute();
    expect(audit).toEqual([{ action: "alternative.update", subject_id: "doodle" }]);
    // An edited entry is kept when a later catalogue is copied in.
    const row = await wholeDb(t.deps.db)
      .selectFrom("alternatives")
      .selectAll()
      .where("id", "=", "doodle")
      .executeTakeFirstOrThrow();
    expect(row.edited_at).not.toBeNull();
    expect(row.vendor).toBe("Doodle AG");
  });

  it("shows the form again with the errors next to their fields (422)", async () => {
    const res = await admin.submit(
      "/fr/admin/alternatives/doodle",
      "/fr/admin/alternatives/doodle",
      doodleForm({ name: "", categories: ["nowhere"], description_de: "" }),
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="error-name"');
    expect(res.text).toContain('id="error-description_de"');
    const unknown = await admin.submit(
      "/fr/admin/alternatives/doodle",
      "/fr/admin/alternatives/doodle",
      doodleForm({ categories: ["nowhere"] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('id="error-categories"');
    expect(unknown.text).toContain('value="Doodle AG"');
  });

  it("adds an entry the finder then recognises, and archives one", async () => {
    const created = await admin.submit("/fr/admin/alternatives/new", "/fr/admin/alternatives", {
      ...doodleForm({ name: "Framaform propriétaire", aliases: "sondageur" }),
      id: "sondageur-pro",
    });
    expect(created.status).toBe(303);
    const dup = await admin.submit("/fr/admin/alternatives/new", "/fr/admin/alternatives", {
      ...doodleForm(),
      id: "sondageur-pro",
    });
    expect(dup.status).toBe(422);
    expect((await t.client().get("/fr/services?q=sondageur")).text).toContain(
      "Alternatives à Framaform propriétaire",
    );
    const archived = await admin.submit(
      "/fr/admin/alternatives/sondageur-pro",
      "/fr/admin/alternatives/sondageur-pro",
      {
        ...doodleForm({ name: "Framaform propriétaire" }),
        archived: "1",
      },
    );
    expect(archived.status).toBe(303);
    expect((await t.client().get("/fr/services?q=sondageur")).text).not.toContain("Alternatives à");
  });
});
