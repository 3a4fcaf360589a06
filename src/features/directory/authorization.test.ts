import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../tests/helpers/client.js";
import { memberForm, serviceForm, signedIn, token } from "./members/test-selfservice.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("a member can never edit another member's data", () => {
  it("refuses every write route on someone else's structure, and changes nothing", async () => {
    const mine = await makeMember(t.deps.db);
    const theirs = await makeMember(t.deps.db, { name: "Pas à moi" });
    const service = await makeService(t.deps.db, theirs.id, { name: "Leur service" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: mine.id, role: "admin" }] });
    const plainMember = await makePerson(t.deps.db, {
      memberships: [{ memberId: theirs.id, role: "member" }],
    });
    const routes: [string, Record<string, string | string[]>][] = [
      [`/fr/members/${theirs.slug}/edit`, memberForm({ slug: theirs.slug })],
      [`/fr/members/${theirs.slug}/services/new`, serviceForm()],
      [`/fr/members/${theirs.slug}/services/${service.slug}/edit`, serviceForm({ slug: service.slug })],
      [`/fr/members/${theirs.slug}/services/${service.slug}/archive`, {}],
      [`/fr/members/${theirs.slug}/services/${service.slug}/restore`, {}],
      [`/fr/members/${theirs.slug}/archive`, {}],
      [`/fr/members/${theirs.slug}/restore`, {}],
      [`/fr/dashboard/${theirs.slug}/invitations`, { email: "intrus@example.org", role: "admin" }],
      ["/fr/kittens/keep", { member: theirs.slug, seed: "intrus", action: "keep" }],
      ["/fr/admin/categories", { id: "intrus", family: "web", name_fr: "x", name_en: "x" }],
      ["/fr/admin/categories/pad", { family: "web", name_fr: "x", name_en: "x" }],
      ["/fr/admin/alternatives", { id: "intrus", name: "x", categories: "pad" }],
      ["/fr/admin/alternatives/doodle", { name: "x", categories: "pad" }],
    ];
    for (const who of [admin, plainMember]) {
      const client = await signedIn(t, who.email, who.password);
      const csrf = await token(client);
      for (const [path, fields] of routes) {
        const res = await client.post(path, { _csrf: csrf, ...fields });
        expect(res.status, `${who.email} POST ${path}`).toBe(403);
      }
      for (const path of [
        `/fr/members/${theirs.slug}/edit`,
        `/fr/members/${theirs.slug}/services/new`,
        "/fr/admin/categories",
        "/fr/admin/alternatives",
        "/fr/admin/alternatives/doodle",
      ])
        expect((await client.get(path)).status, `GET ${path}`).toBe(403);
    }
    const anonymous = t.client();
    const anonToken = csrfFrom((await anonymous.get("/fr/login")).text, "/fr/login") ?? "";
    for (const [path, fields] of routes)
      expect([401, 403]).toContain((await anonymous.post(path, { _csrf: anonToken, ...fields })).status);
    const after = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", theirs.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe("Pas à moi");
    expect(after.avatar).toBeNull();
    expect(after.archived_at).toBeNull();
    const services = await wholeDb(t.deps.db)
      .selectFrom("services")
      .selectAll()
      .where("member_id", "=", theirs.id)
      .execute();
    expect(services.map((s) => [s.name, s.archived_at])).toEqual([["Leur service", null]]);
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("member_invitations")
        .selectAll()
        .where("member_id", "=", theirs.id)
        .execute(),
    ).toEqual([]);
    expect(
      await wholeDb(t.deps.db).selectFrom("categories").select("id").where("id", "=", "intrus").execute(),
    ).toEqual([]);
    expect(
      (
        await wholeDb(t.deps.db)
          .selectFrom("categories")
          .select("name_fr")
          .where("id", "=", "pad")
          .executeTakeFirstOrThrow()
      ).name_fr,
    ).not.toBe("x");
  });
});
