import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { csrfFrom, type TestClient } from "../../../tests/helpers/client.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator, type MessageKey } from "../../i18n/index.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

const fr = (key: MessageKey) => escapeHtml(translator("fr")(key));

async function signedIn(email: string, password: string): Promise<TestClient> {
  const client = t.client();
  await client.login(email, password);
  return client;
}

/** The session's CSRF token, from the sign-out form every page carries for signed-in people. */
async function token(client: TestClient): Promise<string> {
  const page = await client.get("/fr/dashboard");
  const value = csrfFrom(page.text, "/fr/logout");
  if (!value) throw new Error("no csrf token");
  return value;
}

const memberForm = (over: Record<string, string> = {}) => ({
  name: "Chaton modifié",
  slug: "",
  type: "cooperative",
  description_fr: "Nous hébergeons des pads.",
  description_en: "We host pads.",
  website: "https://example.org/",
  contact_email: "contact@example.org",
  contact_url: "",
  legal_url: "",
  tos_url: "",
  logo_url: "",
  city: "Rennes",
  region: "Bretagne",
  country_code: "fr",
  latitude: "48,11",
  longitude: "-1.68",
  status: "active",
  status_description: "",
  social_links: "mastodon https://social.example.org/@chaton",
  funding_links: "",
  chatonsinfos_url: "",
  ...over,
});

const serviceForm = (over: Record<string, string | string[]> = {}) => ({
  name: "Pad du chaton",
  slug: "",
  category_id: "pad",
  description_fr: "",
  description_en: "",
  url: "https://pad.example.org/",
  software_name: "Etherpad",
  software_license: "Apache-2.0",
  software_source_url: "https://github.com/ether/etherpad-lite",
  access: "none",
  registration_load: "open",
  price: "free",
  audience: ["everyone", "associations"],
  languages: "fr, en",
  host_country: "FR",
  status: "ok",
  start_date: "2022-03-01",
  chatonsinfos_url: "",
  ...over,
});

describe("structure admins edit their structure", () => {
  it("saves valid changes, keeps search text right, audits the changed fields and shows them in the history", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton d'origine" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(admin.email, admin.password);
    const res = await client.submit(
      `/fr/members/${member.slug}/edit`,
      `/fr/members/${member.slug}/edit`,
      memberForm({ slug: member.slug }),
    );
    expect(res.status).toBe(303);
    const row = await t.deps.db
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
    const entry = await t.deps.db
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
    const client = await signedIn(admin.email, admin.password);
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
    const unchanged = await t.deps.db
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
    const client = await signedIn(admin.email, admin.password);
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
    const client = await signedIn(admin.email, admin.password);
    const base = `/fr/members/${member.slug}/services`;
    const res = await client.submit(`${base}/new`, `${base}/new`, serviceForm());
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/fr/members/${member.slug}#service-pad-du-chaton`);
    const page = await client.get(`/fr/members/${member.slug}`);
    expect(page.text).toContain("Pad du chaton");
    expect(page.text).toContain("Apache-2.0");
    const finder = await t.client().get("/fr/services?q=pad+chaton");
    expect(finder.text).toContain("Pad du chaton");
    const row = await t.deps.db
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
    const updated = await t.deps.db
      .selectFrom("services")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(updated.name).toBe("Pad renommé");
    expect(updated.access).toBe("members");
    const audit = await t.deps.db
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
    const client = await signedIn(admin.email, admin.password);
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
    const count = await t.deps.db
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
    const client = await signedIn(admin.email, admin.password);
    const csrf = await token(client);
    const base = `/fr/members/${member.slug}/services/${service.slug}`;
    expect((await client.post(`${base}/archive`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get(`/fr/members/${member.slug}`)).text).not.toContain("Sondage retiré");
    expect((await client.post(`${base}/restore`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get(`/fr/members/${member.slug}`)).text).toContain("Sondage retiré");
  });
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
    ];
    for (const who of [admin, plainMember]) {
      const client = await signedIn(who.email, who.password);
      const csrf = await token(client);
      for (const [path, fields] of routes) {
        const res = await client.post(path, { _csrf: csrf, ...fields });
        expect(res.status, `${who.email} POST ${path}`).toBe(403);
      }
      for (const path of [
        `/fr/members/${theirs.slug}/edit`,
        `/fr/members/${theirs.slug}/services/new`,
        "/fr/admin/categories",
      ])
        expect((await client.get(path)).status, `GET ${path}`).toBe(403);
    }
    const anonymous = t.client();
    const anonToken = csrfFrom((await anonymous.get("/fr/login")).text, "/fr/login") ?? "";
    for (const [path, fields] of routes)
      expect([401, 403]).toContain((await anonymous.post(path, { _csrf: anonToken, ...fields })).status);
    const after = await t.deps.db
      .selectFrom("members")
      .selectAll()
      .where("id", "=", theirs.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe("Pas à moi");
    expect(after.avatar).toBeNull();
    expect(after.archived_at).toBeNull();
    const services = await t.deps.db
      .selectFrom("services")
      .selectAll()
      .where("member_id", "=", theirs.id)
      .execute();
    expect(services.map((s) => [s.name, s.archived_at])).toEqual([["Leur service", null]]);
    expect(
      await t.deps.db
        .selectFrom("member_invitations")
        .selectAll()
        .where("member_id", "=", theirs.id)
        .execute(),
    ).toEqual([]);
    expect(
      await t.deps.db.selectFrom("categories").select("id").where("id", "=", "intrus").execute(),
    ).toEqual([]);
    expect(
      (
        await t.deps.db
          .selectFrom("categories")
          .select("name_fr")
          .where("id", "=", "pad")
          .executeTakeFirstOrThrow()
      ).name_fr,
    ).not.toBe("x");
  });
});
