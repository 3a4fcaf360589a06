import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../tests/helpers/client.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("data rights", () => {
  it("lets a person download everything held about them, without secrets", async () => {
    const member = await makeMember(t.deps.db, { name: "Export Test" });
    const person = await makePerson(t.deps.db, {
      name: "Camille",
      memberships: [{ memberId: member.id, role: "admin" }],
    });
    const client = t.client();
    await client.login(person.email, person.password);
    const res = await client.get("/fr/account/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data: unknown = JSON.parse(res.text);
    expect(data).toMatchObject({
      format: "chatons-person-export/1",
      person: { email: person.email, name: "Camille" },
      memberships: [{ name: "Export Test", role: "admin" }],
    });
    expect(res.text).not.toContain("argon2");
    expect(res.text).not.toContain("password_hash");
    expect(res.text).not.toContain("csrf");
    expect((await t.client().get("/fr/account/export")).status).toBe(401);
  });

  it("lets a structure admin, and only them, export the structure", async () => {
    const member = await makeMember(t.deps.db);
    await makeService(t.deps.db, member.id, { name: "Pad exporté" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const plain = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "member" }] });
    const stranger = await makePerson(t.deps.db);
    const path = `/fr/account/structures/${member.slug}/export`;

    const asAdmin = t.client();
    await asAdmin.login(admin.email, admin.password);
    const res = await asAdmin.get(path);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      member: { slug: member.slug },
      services: [{ name: "Pad exporté" }],
    });

    for (const who of [plain, stranger]) {
      const client = t.client();
      await client.login(who.email, who.password);
      expect((await client.get(path)).status).toBe(403);
    }
    expect((await t.client().get(path)).status).toBe(401);
  });

  it("deletes an account after password confirmation, keeping the audit trail anonymous", async () => {
    const member = await makeMember(t.deps.db);
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "member" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    const wrong = await client.submit("/fr/account/delete", "/fr/account/delete", {
      password: "not my password",
    });
    expect(wrong.status).toBe(422);
    const ok = await client.submit("/fr/account/delete", "/fr/account/delete", { password: person.password });
    expect(ok.status).toBe(303);
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("people")
        .select("id")
        .where("id", "=", person.id)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("memberships")
        .select("member_id")
        .where("person_id", "=", person.id)
        .execute(),
    ).toEqual([]);
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("members")
        .select("id")
        .where("id", "=", member.id)
        .executeTakeFirst(),
    ).toBeDefined();
    const entry = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "person.delete")
      .where("subject_id", "=", person.id)
      .executeTakeFirst();
    expect(entry).toBeDefined();
    expect((await client.get("/fr/account")).status).toBe(401);
  });

  it("refuses to delete the last platform administrator", async () => {
    const admins = await wholeDb(t.deps.db)
      .selectFrom("people")
      .select("id")
      .where("is_platform_admin", "=", 1)
      .execute();
    for (const a of admins)
      await wholeDb(t.deps.db)
        .updateTable("people")
        .set({ is_platform_admin: 0 })
        .where("id", "=", a.id)
        .execute();
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const page = await client.get("/fr/account/delete");
    const res = await client.post("/fr/account/delete", {
      _csrf: csrfFrom(page.text, "/fr/account/delete") ?? "",
      password: admin.password,
    });
    expect(res.status).toBe(409);
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("people")
        .select("id")
        .where("id", "=", admin.id)
        .executeTakeFirst(),
    ).toBeDefined();
  });
});
