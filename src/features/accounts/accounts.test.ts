import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, TEST_PASSWORD } from "../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../tests/helpers/client.js";
import { translator, type MessageKey, type Vars } from "../../i18n/index.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { LEASE_MS, tryLease } from "../../jobs/leases.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

const tr = translator("fr");
/** A catalogue string as it appears in the HTML. */
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(tr(key, vars));

/** The path of the first link to `path` in the last mail of `kind` sent to `to`. */
async function mailedLink(to: string, kind: string, path: string): Promise<string> {
  const mail = await wholeDb(t.deps.db)
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", to)
    .where("kind", "=", kind)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  expect(mail.status).toBe("outbox");
  const link = new RegExp(`http://\\S+${path}[A-Za-z0-9_-]+`).exec(mail.text_body)?.[0];
  if (!link) throw new Error(`no ${path} link in the ${kind} mail`);
  return new URL(link).pathname;
}

describe("sign-up and sign-in", () => {
  it("creates an account once the mailed link is followed, signs in with a secure cookie, and audits it", async () => {
    const client = t.client();
    const asked = await client.submit("/fr/signup", "/fr/signup", {
      name: "Alex",
      email: "Alex@Example.org",
      password: "une phrase assez longue",
      confirm: "une phrase assez longue",
    });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(fr("signup.sent", { email: "alex@example.org" }));
    expect(asked.headers.getSetCookie()).toEqual([]);
    // No account until the address is confirmed: the password typed does not open anything yet.
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("people")
        .select("id")
        .where("email", "=", "alex@example.org")
        .execute(),
    ).toEqual([]);
    const early = await t
      .client()
      .submit("/fr/login", "/fr/login", { email: "alex@example.org", password: "une phrase assez longue" });
    expect(early.status).toBe(422);
    const path = await mailedLink("alex@example.org", "signup-confirm", "/fr/signup/confirm/");
    expect((await client.get(path)).status).toBe(200);
    const res = await client.submit(path, path, {});
    expect(res.status).toBe(303);
    const again = t.client();
    const token = csrfFrom((await again.get("/fr/login")).text, "/fr/login") ?? "";
    expect((await again.post(path, { _csrf: token })).status).toBe(410);
    expect((await again.get(path)).status).toBe(410);
    const cookie = res.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/chatons_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await client.get("/fr/account");
    expect(account.status).toBe(200);
    expect(account.text).toContain("alex@example.org");
    const person = await wholeDb(t.deps.db)
      .selectFrom("people")
      .selectAll()
      .where("email", "=", "alex@example.org")
      .executeTakeFirstOrThrow();
    expect(person.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", person.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("person.signup");
  });

  it("keeps the form and names the fields when sign-up is invalid", async () => {
    const res = await t.client().submit("/fr/signup", "/fr/signup", {
      name: "<b>Eve</b>",
      email: "not-an-email",
      password: "short",
      confirm: "other",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(fr("form.error.email"));
    expect(res.text).toContain(fr("form.error.password_short"));
    expect(res.text).toContain('value="&lt;b&gt;Eve&lt;/b&gt;"');
    expect(res.text).not.toContain("<b>Eve</b>");
  });

  it("answers sign-up the same whether the address is known, and tells the owner by mail", async () => {
    const existing = await makePerson(t.deps.db);
    const form = (email: string) => ({
      name: "Twin",
      email,
      password: "une autre phrase longue",
      confirm: "une autre phrase longue",
    });
    const known = await t.client().submit("/fr/signup", "/fr/signup", form(existing.email.toUpperCase()));
    const fresh = await t.client().submit("/fr/signup", "/fr/signup", form("brand-new@example.org"));
    expect(known.status).toBe(fresh.status);
    expect(known.text.replace(existing.email, "X")).toBe(fresh.text.replace("brand-new@example.org", "X"));
    expect(known.headers.getSetCookie()).toEqual(fresh.headers.getSetCookie());
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", existing.email)
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("signup-exists");
    expect(mail.text_body).toContain("/fr/password/forgot");
    const requests = await wholeDb(t.deps.db)
      .selectFrom("signup_requests")
      .select("email")
      .where("email", "=", existing.email)
      .execute();
    expect(requests).toEqual([]);
    // The owner's account is untouched: their password still works, the one typed does not.
    await t.client().login(existing.email, existing.password);
    expect(
      (
        await t
          .client()
          .submit("/fr/login", "/fr/login", { email: existing.email, password: "une autre phrase longue" })
      ).status,
    ).toBe(422);
  });

  it("rejects a wrong password without saying whether the account exists", async () => {
    const person = await makePerson(t.deps.db);
    const wrong = await t
      .client()
      .submit("/fr/login", "/fr/login", { email: person.email, password: "nope nope nope" });
    const unknown = await t
      .client()
      .submit("/fr/login", "/fr/login", { email: "ghost@example.org", password: "nope nope nope" });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    expect(wrong.text).toContain(fr("login.error.invalid"));
    expect(unknown.text).toContain(fr("login.error.invalid"));
  });

  it("rate-limits repeated failures on one account", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await client.submit("/fr/login", "/fr/login", {
            email: person.email,
            password: `bad-${i}-password`,
          })
        ).status,
      ).toBe(422);
    }
    // Then each attempt waits for a doubling delay (its own test: tests/security/sign-in-limits).
    for (let i = 0; i < 4; i++) {
      const res = await client.submit("/fr/login", "/fr/login", {
        email: person.email,
        password: `more-bad-${i}-password`,
      });
      expect([422, 429]).toContain(res.status);
    }
    const blocked = await client.submit("/fr/login", "/fr/login", {
      email: person.email,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    const rows = await wholeDb(t.deps.db).selectFrom("rate_limits").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(person.email);
  });

  it("signs out and forgets the session", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(person.email, person.password);
    const page = await client.get("/fr/account");
    const res = await client.post("/fr/logout", { _csrf: csrfFrom(page.text, "/fr/logout") ?? "" });
    expect(res.status).toBe(303);
    expect((await client.get("/fr/account")).status).toBe(401);
  });

  it("only redirects to same-site paths after sign-in", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    const res = await client.submit("/fr/login?next=//evil.example/x", "/fr/login", {
      email: person.email,
      password: person.password,
      next: "//evil.example/x",
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/fr/account");
  });
});

describe("CSRF", () => {
  it("refuses a form without token, with a wrong token, or from another origin", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(person.email, person.password);
    expect((await client.post("/fr/account/profile", { name: "X" })).status).toBe(403);
    expect((await client.post("/fr/account/profile", { name: "X", _csrf: "forged" })).status).toBe(403);
    const page = await client.get("/fr/account");
    const token = csrfFrom(page.text, "/fr/account/profile") ?? "";
    expect(
      (
        await client.post(
          "/fr/account/profile",
          { name: "X", _csrf: token },
          { origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await client.post(
          "/fr/account/profile",
          { name: "X", _csrf: token },
          { "sec-fetch-site": "cross-site" },
        )
      ).status,
    ).toBe(403);
    expect((await client.post("/fr/account/profile", { name: "Renamed", _csrf: token })).status).toBe(303);
    const row = await wholeDb(t.deps.db)
      .selectFrom("people")
      .select("name")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Renamed");
  });

  it("protects anonymous forms too", async () => {
    expect((await t.client().post("/fr/login", { email: "a@example.org", password: "x" })).status).toBe(403);
  });
});

describe("password reset", () => {
  it("mails a one-time link through the outbox and lets the person choose a new password", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    const asked = await client.submit("/fr/password/forgot", "/fr/password/forgot", { email: person.email });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(fr("forgot.sent"));
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", person.email)
      .where("kind", "=", "password-reset")
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe("outbox");
    const link = /http:\/\/[^\s]+\/fr\/password\/reset\/[A-Za-z0-9_-]+/.exec(mail.text_body)?.[0];
    expect(link).toBeDefined();
    const path = new URL(link ?? "").pathname;
    const reset = await client.submit(path, path, {
      password: "un tout nouveau mot de passe",
      confirm: "un tout nouveau mot de passe",
    });
    expect(reset.status).toBe(303);
    expect((await client.get("/fr/account")).status).toBe(200);
    expect((await client.get(path)).status).toBe(410);
    await t.client().login(person.email, "un tout nouveau mot de passe");
  });

  it("ends every reset link of the person when one of them is used", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    await client.submit("/fr/password/forgot", "/fr/password/forgot", { email: person.email });
    const older = await mailedLink(person.email, "password-reset", "/fr/password/reset/");
    await client.submit("/fr/password/forgot", "/fr/password/forgot", { email: person.email });
    const newer = await mailedLink(person.email, "password-reset", "/fr/password/reset/");
    expect(newer).not.toBe(older);
    expect((await client.get(older)).status).toBe(200);
    const reset = await client.submit(newer, newer, {
      password: "encore un nouveau mot de passe",
      confirm: "encore un nouveau mot de passe",
    });
    expect(reset.status).toBe(303);
    expect((await t.client().get(older)).status).toBe(410);
    expect((await t.client().get(newer)).status).toBe(410);
  });

  it("ends every reset and sign-in link of the person when the password changes", async () => {
    const person = await makePerson(t.deps.db);
    const visitor = t.client();
    await visitor.submit("/fr/password/forgot", "/fr/password/forgot", { email: person.email });
    const reset = await mailedLink(person.email, "password-reset", "/fr/password/reset/");
    const loginPage = await visitor.get("/fr/login");
    await visitor.post("/fr/login/link", {
      _csrf: csrfFrom(loginPage.text, "/fr/login") ?? "",
      email: person.email,
    });
    const signIn = await mailedLink(person.email, "sign-in-link", "/fr/login/link/");
    expect((await visitor.get(reset)).status).toBe(200);
    expect((await visitor.get(signIn)).status).toBe(200);
    const owner = t.client();
    await owner.login(person.email, person.password);
    const changed = await owner.submit("/fr/account", "/fr/account/password", {
      current: person.password,
      password: "un mot de passe tout neuf",
      confirm: "un mot de passe tout neuf",
    });
    expect(changed.status).toBe(303);
    expect((await visitor.get(reset)).status).toBe(410);
    expect((await visitor.get(signIn)).status).toBe(410);
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    const before = await wholeDb(t.deps.db).selectFrom("mail_outbox").select("id").execute();
    const res = await t
      .client()
      .submit("/fr/password/forgot", "/fr/password/forgot", { email: "nobody@example.org" });
    expect(res.status).toBe(200);
    expect(res.text).toContain(fr("forgot.sent"));
    expect(await wholeDb(t.deps.db).selectFrom("mail_outbox").select("id").execute()).toHaveLength(
      before.length,
    );
  });
});

describe("administration", () => {
  it("is closed to anonymous visitors and to people who are not platform admins", async () => {
    expect((await t.client().get("/fr/admin/people")).status).toBe(401);
    const person = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(person.email, person.password);
    for (const path of [
      "/fr/admin",
      "/fr/admin/people",
      "/fr/admin/outbox",
      "/fr/admin/audit",
      "/fr/admin/jobs",
    ]) {
      expect((await client.get(path)).status, path).toBe(403);
    }
  });

  it("lets a platform admin add a person to a structure, who gets an invitation", async () => {
    const member = await makeMember(t.deps.db);
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const res = await client.submit("/fr/admin/people", "/fr/admin/people", {
      name: "Nouvelle personne",
      email: "nouvelle@example.org",
      member_id: member.id,
      role: "admin",
    });
    expect(res.status).toBe(303);
    const person = await wholeDb(t.deps.db)
      .selectFrom("people")
      .selectAll()
      .where("email", "=", "nouvelle@example.org")
      .executeTakeFirstOrThrow();
    const link = await wholeDb(t.deps.db)
      .selectFrom("memberships")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ member_id: member.id, role: "admin" });
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "nouvelle@example.org")
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("invitation");
    const outbox = await client.get("/fr/admin/outbox");
    expect(outbox.text).toContain("nouvelle@example.org");
    const audit = await client.get("/fr/admin/audit?action=person.create");
    expect(audit.text).toContain("person.create");
  });

  it("tells the admin when a job they ask to run is refused, and why", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const started = await client.submit("/fr/admin/jobs", "/fr/admin/jobs/mail.retry/run", {});
    expect(started.status).toBe(303);
    expect((await client.get("/fr/admin/jobs")).text).toContain(fr("admin.jobs.started"));
    // Another instance holds the lease: the job is running elsewhere.
    const now = t.deps.now();
    expect(await tryLease(t.deps.db, "housekeeping", "elsewhere:1/x", now, LEASE_MS, true)).toBe(true);
    const refused = await client.submit("/fr/admin/jobs", "/fr/admin/jobs/housekeeping/run", {});
    expect(refused.status).toBe(303);
    const page = await client.get("/fr/admin/jobs");
    expect(page.text).toContain("flash--error");
    expect(page.text).toContain(escapeHtml("housekeeping n'a pas été lancée"));
    expect(page.text).not.toContain(fr("admin.jobs.started"));
  });

  it("refuses a duplicate address in the admin form, keeping the values", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const res = await client.submit("/fr/admin/people", "/fr/admin/people", {
      name: "Doublon",
      email: admin.email,
      role: "member",
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain(fr("form.error.taken"));
    expect(res.text).toContain('value="Doublon"');
  });
});
