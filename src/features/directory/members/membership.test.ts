import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService, TEST_PASSWORD } from "../../../../tests/helpers/factories.js";
import { csrfFrom, type TestClient } from "../../../../tests/helpers/client.js";
import { createInvitation, INVITATIONS_PER_DAY } from "./people.repository.js";
import { wholeDb } from "../../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

async function signedIn(email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = t.client();
  await client.login(email, password);
  return client;
}

async function token(client: TestClient): Promise<string> {
  return csrfFrom((await client.get("/fr/dashboard")).text, "/fr/logout") ?? "";
}

describe("a person creates a structure", () => {
  it("creates it as a candidate with the person as its admin, visible only to the right people", async () => {
    const founder = await makePerson(t.deps.db);
    const client = await signedIn(founder.email);
    const res = await client.submit("/fr/members/new", "/fr/members/new", {
      name: "Les Chatons du Marais",
      slug: "",
      type: "association",
      description_fr: "Hébergement associatif.",
      website: "https://marais.example.org/",
      contact_email: "",
      city: "Niort",
      country_code: "FR",
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/fr/dashboard/les-chatons-du-marais");
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("slug", "=", "les-chatons-du-marais")
      .executeTakeFirstOrThrow();
    expect(member.membership).toBe("candidate");
    const membership = await wholeDb(t.deps.db)
      .selectFrom("memberships")
      .selectAll()
      .where("member_id", "=", member.id)
      .execute();
    expect(membership).toEqual([expect.objectContaining({ person_id: founder.id, role: "admin" })]);
    expect((await client.get("/fr/dashboard/les-chatons-du-marais")).status).toBe(200);
    expect((await client.get("/fr/members/les-chatons-du-marais")).status).toBe(200);

    // Not listed publicly, page hidden from visitors and from people without a member structure.
    expect((await t.client().get("/fr/members")).text).not.toContain("Les Chatons du Marais");
    expect((await t.client().get("/api/members")).text).not.toContain("les-chatons-du-marais");
    expect((await t.client().get("/fr/members/les-chatons-du-marais")).status).toBe(404);
    const outsider = await makePerson(t.deps.db);
    expect((await (await signedIn(outsider.email)).get("/fr/members/les-chatons-du-marais")).status).toBe(
      404,
    );
    // People of member structures review candidates: they see the page.
    const listed = await makeMember(t.deps.db);
    const reviewer = await makePerson(t.deps.db, { memberships: [{ memberId: listed.id, role: "member" }] });
    const seen = await (await signedIn(reviewer.email)).get("/fr/members/les-chatons-du-marais");
    expect(seen.status).toBe(200);
    expect(seen.text).toContain("Les Chatons du Marais");
  });

  it("refuses a reserved or taken short name and needs a signed-in person", async () => {
    const existing = await makeMember(t.deps.db);
    const person = await makePerson(t.deps.db);
    const client = await signedIn(person.email);
    const fields = {
      name: "X",
      type: "association",
      description_fr: "",
      website: "",
      contact_email: "",
      city: "",
      country_code: "",
    };
    for (const slug of [existing.slug, "new"]) {
      const res = await client.submit("/fr/members/new", "/fr/members/new", { ...fields, slug });
      expect(res.status).toBe(422);
      expect(res.text).toContain('id="error-slug"');
    }
    expect((await t.client().get("/fr/members/new")).status).toBe(401);
  });
});

describe("invitations", () => {
  it("sends a link by e-mail; the invitee signs up, accepts once, and joins with the role given", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton invitant" });
    const admin = await makePerson(t.deps.db, {
      name: "Alice",
      memberships: [{ memberId: member.id, role: "admin" }],
    });
    const client = await signedIn(admin.email);
    const sent = await client.submit(
      `/fr/dashboard/${member.slug}`,
      `/fr/dashboard/${member.slug}/invitations`,
      { email: "Bob@Example.org", role: "admin" },
    );
    expect(sent.status).toBe(303);
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "bob@example.org")
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("member-invitation");
    expect(mail.text_body).toContain("Alice");
    expect(mail.text_body).toContain("Chaton invitant");
    const link = /http:\/\/127\.0\.0\.1:\d+(\/fr\/dashboard\/invitations\/[\w-]+)/.exec(mail.text_body)?.[1];
    expect(link).toBeDefined();
    const path = link ?? "";
    const stored = await wholeDb(t.deps.db)
      .selectFrom("member_invitations")
      .selectAll()
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(path).not.toContain(stored.token_hash);

    const visitor = t.client();
    const landing = await visitor.get(path);
    expect(landing.status).toBe(200);
    expect(landing.text).toContain(`/fr/signup?next=${encodeURIComponent(path)}`);
    const signup = await visitor.submit("/fr/signup", "/fr/signup", {
      name: "Bob",
      email: "bob@example.org",
      password: "une phrase assez longue",
      confirm: "une phrase assez longue",
      next: path,
    });
    // The account exists once the address is confirmed, from the link sent to it.
    expect(signup.status).toBe(200);
    const confirmMail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", "bob@example.org")
      .where("kind", "=", "signup-confirm")
      .executeTakeFirstOrThrow();
    const confirm = new URL(
      /http:\/\/\S+\/fr\/signup\/confirm\/[\w-]+/.exec(confirmMail.text_body)?.[0] ?? "",
    ).pathname;
    const confirmed = await visitor.submit(confirm, confirm, {});
    expect(confirmed.location).toBe(path);
    const accepted = await visitor.submit(path, path, {});
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe(`/fr/dashboard/${member.slug}`);
    const bob = await wholeDb(t.deps.db)
      .selectFrom("people")
      .select("id")
      .where("email", "=", "bob@example.org")
      .executeTakeFirstOrThrow();
    const role = await wholeDb(t.deps.db)
      .selectFrom("memberships")
      .select("role")
      .where("person_id", "=", bob.id)
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe("admin");
    expect((await visitor.get(`/fr/members/${member.slug}/edit`)).status).toBe(200);
    // Single use.
    const again = await (await signedIn(admin.email)).get(path);
    expect(again.status).toBe(410);
    const actions = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", member.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["member.invite", "member.join"]));
  });

  it("caps how many invitations a structure sends in a day", async () => {
    const member = await makeMember(t.deps.db);
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    for (let i = 0; i < INVITATIONS_PER_DAY; i++)
      await createInvitation(
        t.deps.db,
        { memberId: member.id, email: `x${i}@example.org`, role: "member", invitedBy: admin.id },
        new Date(),
      );
    const client = await signedIn(admin.email);
    const res = await client.submit(
      `/fr/dashboard/${member.slug}`,
      `/fr/dashboard/${member.slug}/invitations`,
      {
        email: "one-more@example.org",
        role: "member",
      },
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="error-email"');
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("mail_outbox")
        .select("id")
        .where("to_address", "=", "one-more@example.org")
        .execute(),
    ).toEqual([]);
  });

  it("names the field when the address is not valid", async () => {
    const member = await makeMember(t.deps.db);
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    const client = await signedIn(admin.email);
    const res = await client.submit(
      `/fr/dashboard/${member.slug}`,
      `/fr/dashboard/${member.slug}/invitations`,
      { email: "pas une adresse", role: "member" },
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="error-email"');
    expect(res.text).toContain('value="pas une adresse"');
  });
});

describe("platform admins", () => {
  it("edit any structure, set its standing, archive and restore it", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton à archiver", membership: "candidate" });
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = await signedIn(admin.email);
    const form = await client.get(`/fr/members/${member.slug}/edit`);
    expect(form.text).toContain('name="membership"');
    const res = await client.submit(`/fr/members/${member.slug}/edit`, `/fr/members/${member.slug}/edit`, {
      name: member.name,
      slug: member.slug,
      type: "association",
      description_fr: "",
      description_en: "",
      status: "active",
      social_links: "",
      funding_links: "",
      membership: "member",
      joined_at: "2026-06-30",
      joined_round: "Portée n°21",
    });
    expect(res.status).toBe(303);
    expect((await t.client().get("/fr/members")).text).toContain("Chaton à archiver");
    const csrf = await token(client);
    expect((await client.post(`/fr/members/${member.slug}/archive`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get("/fr/members")).text).not.toContain("Chaton à archiver");
    expect((await t.client().get(`/fr/members/${member.slug}`)).status).toBe(404);
    expect((await client.get(`/fr/members/${member.slug}`)).status).toBe(200);
    expect((await client.post(`/fr/members/${member.slug}/restore`, { _csrf: csrf })).status).toBe(303);
    expect((await t.client().get(`/fr/members/${member.slug}`)).status).toBe(200);
    const actions = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", member.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["member.update", "member.archive", "member.restore"]);
  });

  it("edit the taxonomy: a renamed category shows in the finder, a new one can be chosen", async () => {
    const member = await makeMember(t.deps.db);
    await makeService(t.deps.db, member.id, { name: "Carte libre", category_id: "mapping" });
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = await signedIn(admin.email);
    const renamed = await client.submit("/fr/admin/categories", "/fr/admin/categories/mapping", {
      family: "web",
      name_fr: "Cartes et plans",
      name_en: "Maps",
      description_fr: "",
      description_en: "",
      position: "7",
    });
    expect(renamed.status).toBe(303);
    const finder = await t.client().get("/fr/services?category=mapping");
    expect(finder.text).toContain("Cartes et plans");
    expect(finder.text).toContain("Carte libre");
    const created = await client.submit("/fr/admin/categories", "/fr/admin/categories", {
      id: "wiki",
      family: "work",
      name_fr: "Wiki",
      name_en: "Wiki",
      description_fr: "",
      description_en: "",
      position: "",
    });
    expect(created.status).toBe(303);
    const dup = await client.submit("/fr/admin/categories", "/fr/admin/categories", {
      id: "wiki",
      family: "work",
      name_fr: "W",
      name_en: "W",
    });
    expect(dup.status).toBe(422);
    // The form is shown again with what was typed and the error next to its field.
    expect(dup.text).toContain('id="field-id" name="id" type="text" value="wiki"');
    expect(dup.text).toContain('id="error-id"');
    const serviceForm = await client.get(`/fr/members/${member.slug}/services/new`);
    expect(serviceForm.text).toContain('<option value="wiki">Wiki</option>');
  });
});
