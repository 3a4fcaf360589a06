import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../../tests/helpers/factories.js";
import { memberForm, serviceForm, signedIn, token } from "./test-selfservice.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator, type MessageKey } from "../../../i18n/index.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

const fr = (key: MessageKey) => escapeHtml(translator("fr")(key));

describe("structure admins edit their structure", () => {
  it("saves valid changes, keeps search text right, audits the changed fields and shows them in the history", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton d'origine" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const res = await client.submit(
      `/fr/members/${member.slug}/edit`,
      `/fr/members/${member.slug}/edit`,
      memberForm({ slug: member.slug }),
    );
    expect(res.status).toBe(303);
    const row = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Chaton modifié");
    expect(row.country_code).toBe("FR");
    expect(row.latitude).toBeCloseTo(48.11);
    expect(JSON.parse(row.social_links)).toEqual({ mastodon: "https://social.example.org/@chaton" });
    expect(row.search_text).toContain("chaton modifie");
    expect(row.search_text).toContain("rennes");
    const entry = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", member.id)
      .where("action", "=", "member.update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data).fields).toEqual(expect.arrayContaining(["name", "type", "city"]));
    const history = await client.get(`/fr/dashboard/${member.slug}/history`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("member.update");
    expect(history.text).toContain("city");
  });

  it("refuses bad input with the form kept, each field named, and HTML shown escaped", async () => {
    const member = await makeMember(t.deps.db);
    const other = await makeMember(t.deps.db);
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const path = `/fr/members/${member.slug}/edit`;
    const bad = await client.submit(
      path,
      path,
      memberForm({
        name: "<script>alert(1)</script>",
        website: "javascript:alert(1)",
        description_fr: "x".repeat(2001),
        latitude: "48",
        longitude: "",
        country_code: "France",
        social_links: "mastodon pas-une-adresse",
      }),
    );
    expect(bad.status).toBe(422);
    for (const field of ["website", "description_fr", "longitude", "country_code", "social_links"])
      expect(bad.text).toContain(`id="error-${field}"`);
    expect(bad.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(bad.text).not.toContain("<script>alert(1)</script>");
    const dup = await client.submit(path, path, memberForm({ slug: other.slug }));
    expect(dup.status).toBe(422);
    expect(dup.text).toContain(fr("directory.error.slug_taken"));
    expect(dup.text).toContain(`value="${other.slug}"`);
    const unchanged = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select(["name", "slug"])
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.slug).toBe(member.slug);
    expect(unchanged.name).toBe(member.name);
  });

  it("stores HTML typed in a description as text and shows it escaped on the public page", async () => {
    const member = await makeMember(t.deps.db);
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const path = `/fr/members/${member.slug}/edit`;
    const res = await client.submit(
      path,
      path,
      memberForm({ slug: member.slug, description_fr: '<img src=x onerror="alert(1)">Bonjour' }),
    );
    expect(res.status).toBe(303);
    const page = await t.client().get(`/fr/members/${member.slug}`);
    expect(page.text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Bonjour");
    expect(page.text).not.toContain("<img src=x");
  });
});

describe("structure admins manage their services", () => {
  it("adds a service that is then listed on the member page and in the finder, and edits it", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton aux pads" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const base = `/fr/members/${member.slug}/services`;
    const res = await client.submit(`${base}/new`, `${base}/new`, serviceForm());
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/fr/members/${member.slug}#service-pad-du-chaton`);
    const page = await client.get(`/fr/members/${member.slug}`);
    expect(page.text).toContain("Pad du chaton");
    expect(page.text).toContain("Apache-2.0");
    const finder = await t.client().get("/fr/services?q=pad+chaton");
    expect(finder.text).toContain("Pad du chaton");
    const row = await wholeDb(t.deps.db)
      .selectFrom("services")
      .selectAll()
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.languages)).toEqual(["fr", "en"]);
    expect(row.search_text).toContain("etherpad");
    const edit = await client.submit(
      `${base}/pad-du-chaton/edit`,
      `${base}/pad-du-chaton/edit`,
      serviceForm({ name: "Pad renommé", slug: "pad-du-chaton", access: "members" }),
    );
    expect(edit.status).toBe(303);
    const updated = await wholeDb(t.deps.db)
      .selectFrom("services")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(updated.name).toBe("Pad renommé");
    expect(updated.access).toBe("members");
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select(["action", "data"])
      .where("subject_id", "=", row.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["service.create", "service.update"]);
    expect(JSON.parse(audit[1]?.data ?? "{}").fields).toEqual(expect.arrayContaining(["name", "access"]));
  });

  it("refuses an unknown category, a bad URL, an overlong name and a duplicate slug, naming the field", async () => {
    const member = await makeMember(t.deps.db);
    await makeService(t.deps.db, member.id, { slug: "pad" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const path = `/fr/members/${member.slug}/services/new`;
    const res = await client.submit(
      path,
      path,
      serviceForm({ category_id: "teleportation", url: "ftp://x", name: "n".repeat(101) }),
    );
    expect(res.status).toBe(422);
    for (const field of ["url", "name"]) expect(res.text).toContain(`id="error-${field}"`);
    const cat = await client.submit(path, path, serviceForm({ category_id: "teleportation" }));
    expect(cat.status).toBe(422);
    expect(cat.text).toContain('id="error-category_id"');
    expect(cat.text).toContain(fr("directory.error.category"));
    const dup = await client.submit(path, path, serviceForm({ slug: "pad" }));
    expect(dup.status).toBe(422);
    expect(dup.text).toContain(fr("directory.error.slug_taken"));
    expect(dup.text).toContain('value="https://pad.example.org/"');
    const count = await wholeDb(t.deps.db)
      .selectFrom("services")
      .select("id")
      .where("member_id", "=", member.id)
      .execute();
    expect(count).toHaveLength(1);
  });

  it("withdraws and restores a service", async () => {
    const member = await makeMember(t.deps.db);
    const service = await makeService(t.deps.db, member.id, { name: "Sondage retiré", category_id: "poll" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(t, admin.email, admin.password);
    const csrf = await token(client);
    const base = `/fr/members/${member.slug}/services/${service.slug}`;
    expect((await client.post(`${base}/archive`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get(`/fr/members/${member.slug}`)).text).not.toContain("Sondage retiré");
    expect((await client.post(`${base}/restore`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get(`/fr/members/${member.slug}`)).text).toContain("Sondage retiré");
  });
});
