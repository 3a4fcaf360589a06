import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../../tests/helpers/client.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator } from "../../../i18n/index.js";
import { mailsTo, memberPerson, signedIn } from "../test-helpers.js";
import { REPORTS_PER_HOUR } from "./mediation.routes.js";
import { wholeDb } from "../../../db/adapter.js";

const fr = translator("fr");
let clock = new Date("2026-11-25T10:00:00.000Z");
const WHAT = "Des moqueries répétées envers une nouvelle personne sur le salon.";

describe("the mediation channel", () => {
  let t: TestPlatform;
  let admin: Awaited<ReturnType<typeof makePerson>>;
  let mediator: Awaited<ReturnType<typeof memberPerson>>;
  let key = "";
  let reportId = "";

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    admin = await makePerson(t.deps.db, { admin: true });
    mediator = await memberPerson(t.deps.db, "Mia Médiation");
  });
  afterAll(async () => {
    await t.stop();
  });

  const report = (fields: Record<string, string>) =>
    t.client().submit("/fr/mediation/report", "/fr/mediation/report", {
      what: WHAT,
      who: "",
      where_when: "Salon Matrix",
      name: "",
      email: "temoin@example.org",
      ...fields,
    });
  const reports = () =>
    wholeDb(t.deps.db).selectFrom("mediation_reports").selectAll().orderBy("created_at").execute();
  const auditOf = (id: string) =>
    wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", id)
      .orderBy("id")
      .execute();

  it("shows the code of conduct, leading to the report form", async () => {
    const page = await t.client().get("/fr/code-of-conduct");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Code de conduite</h1>");
    expect(page.text).toContain('href="/fr/mediation/report"');
    expect((await t.client().get("/en/code-of-conduct")).text).toContain("<h1>Code of conduct</h1>");
    expect((await t.client().get("/fr/mediation/report")).status).toBe(200);
  });

  it("lets platform admins, and them only, choose the mediation team", async () => {
    const member = await signedIn(t, await memberPerson(t.deps.db));
    expect((await member.get("/fr/mediation/team")).status).toBe(403);
    const token = csrfFrom((await member.get("/fr/account")).text, "/fr/logout") ?? "";
    expect((await member.post("/fr/mediation/team", { _csrf: token, email: mediator.email })).status).toBe(
      403,
    );
    const client = await signedIn(t, admin);
    const unknown = await client.submit("/fr/mediation/team", "/fr/mediation/team", {
      email: "nobody@example.org",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain(escapeHtml(fr("mediation.error.unknown_person")));
    expect(
      (await client.submit("/fr/mediation/team", "/fr/mediation/team", { email: mediator.email })).status,
    ).toBe(303);
    expect(await wholeDb(t.deps.db).selectFrom("mediation_team").select("person_id").execute()).toEqual([
      { person_id: mediator.id },
    ]);
    const page = await client.get("/fr/mediation/team");
    expect(page.text).toContain("Mia Médiation");
    const csrf = csrfFrom(page.text, "/fr/logout") ?? "";
    expect((await client.post("/fr/mediation/team/not-on-team/remove", { _csrf: csrf })).status).toBe(404);
  });

  it("takes a report from anyone, acknowledges it with a private link, and tells the team without the content", async () => {
    expect((await report({ what: "" })).status).toBe(422);
    const res = await report({});
    expect(res.status).toBe(303);
    const location = new URL(res.location ?? "", t.url);
    expect(location.pathname).toBe("/fr/mediation/follow");
    key = location.searchParams.get("key") ?? "";
    const [stored] = await reports();
    reportId = stored?.id ?? "";
    expect(stored).toMatchObject({
      what: WHAT,
      reporter_person_id: null,
      reporter_email: "temoin@example.org",
      status: "new",
    });
    expect(stored?.token_hash).not.toBe(key);
    expect(JSON.stringify(stored)).not.toContain(key);
    const [ack] = await mailsTo(t.deps.db, "temoin@example.org");
    expect(ack?.kind).toBe("mediation-ack");
    expect(ack?.text_body).toContain(`/fr/mediation/follow?key=${key}`);
    const [told] = await mailsTo(t.deps.db, mediator.email);
    expect(told?.kind).toBe("mediation-team");
    expect(told?.text_body).toContain(`/fr/mediation/reports/${reportId}`);
    expect(told?.text_body).not.toContain("moqueries");
    const created = await auditOf(reportId);
    expect(created.map((a) => [a.action, a.data])).toEqual([["mediation.report.create", "{}"]]);
  });

  it("lets the reporter follow up through the private link only", async () => {
    const page = await t.client().get(`${`/fr/mediation/follow?key=${key}`}&new=1`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.text).toContain(escapeHtml(WHAT));
    expect(page.text).toContain(escapeHtml(fr("mediation.follow.received")));
    expect((await t.client().get("/fr/mediation/follow?key=forged")).status).toBe(404);
    const client = t.client();
    const follow = `/fr/mediation/follow?key=${key}`;
    const token = csrfFrom((await client.get(follow)).text, "/fr/mediation/follow") ?? "";
    expect((await client.post("/fr/mediation/follow", { _csrf: token, key, body: "" })).status).toBe(422);
    expect(
      (await client.post("/fr/mediation/follow", { _csrf: token, key: "forged", body: "x" })).status,
    ).toBe(404);
    const res = await client.post("/fr/mediation/follow", {
      _csrf: token,
      key,
      body: "Cela a recommencé hier.",
    });
    expect(res.status).toBe(303);
    const messages = await wholeDb(t.deps.db).selectFrom("mediation_messages").selectAll().execute();
    expect(messages).toMatchObject([
      { author: "reporter", body: "Cela a recommencé hier.", report_id: reportId },
    ]);
  });

  it("shows reports to the mediation team only, auditing every access", async () => {
    expect((await t.client().get("/fr/mediation")).status).toBe(401);
    expect((await t.client().get(`/fr/mediation/reports/${reportId}`)).status).toBe(401);
    const member = await signedIn(t, await memberPerson(t.deps.db));
    expect((await member.get(`/fr/mediation/reports/${reportId}`)).status).toBe(403);
    const coordinator = await signedIn(t, admin);
    expect((await coordinator.get("/fr/mediation")).status).toBe(403);
    expect((await coordinator.get(`/fr/mediation/reports/${reportId}`)).status).toBe(403);
    const team = await signedIn(t, mediator);
    const list = await team.get("/fr/mediation");
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/fr/mediation/reports/${reportId}`);
    expect(list.text).not.toContain("moqueries");
    const one = await team.get(`/fr/mediation/reports/${reportId}`);
    expect(one.status).toBe(200);
    expect(one.text).toContain(escapeHtml(WHAT));
    expect(one.text).toContain("Cela a recommencé hier.");
    await team.get(`/fr/mediation/reports/${reportId}`);
    const reads = (await auditOf(reportId)).filter((a) => a.action === "mediation.report.read");
    expect(reads).toHaveLength(2);
    expect(reads.every((a) => a.actor_person_id === mediator.id && a.data === "{}")).toBe(true);
    const listed = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "mediation.list")
      .execute();
    expect(listed.map((a) => a.actor_person_id)).toEqual([mediator.id]);
    expect((await auditOf(reportId)).some((a) => a.actor_person_id === admin.id)).toBe(false);
  });

  it("lets the team answer, the reporter being told by mail and reading it through the link", async () => {
    const team = await signedIn(t, mediator);
    const page = `/fr/mediation/reports/${reportId}`;
    expect((await team.submit(page, `${page}/reply`, { body: "" })).status).toBe(422);
    expect(
      (await team.submit(page, `${page}/reply`, { body: "Nous prenons contact avec les personnes." })).status,
    ).toBe(303);
    const answer = (await mailsTo(t.deps.db, "temoin@example.org")).find(
      (m) => m.kind === "mediation-answer",
    );
    expect(answer?.text_body).not.toContain("Nous prenons contact");
    const follow = await t.client().get(`/fr/mediation/follow?key=${key}`);
    expect(follow.text).toContain("Nous prenons contact avec les personnes.");
    expect(follow.text).not.toContain("Mia Médiation");
    expect((await team.submit(page, `${page}/status`, { status: "closed" })).status).toBe(303);
    const [stored] = await reports();
    expect(stored?.status).toBe("closed");
    const actions = (await auditOf(reportId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["mediation.report.reply", "mediation.report.status"]));
    const coordinator = await signedIn(t, admin);
    const token = csrfFrom((await coordinator.get("/fr/account")).text, "/fr/logout") ?? "";
    expect((await coordinator.post(`${page}/reply`, { _csrf: token, body: "x" })).status).toBe(403);
  });

  it("ties a signed-in reporter's report to their account unless they ask not to, and puts it in their export", async () => {
    clock = new Date("2026-11-25T12:00:00.000Z");
    const person = await memberPerson(t.deps.db, "Rita Rapporte");
    const client = await signedIn(t, person);
    const fields = { what: "Un message déplacé.", who: "", where_when: "", name: "", email: "" };
    expect((await client.submit("/fr/mediation/report", "/fr/mediation/report", fields)).status).toBe(303);
    const anonymous = { ...fields, what: "Un autre message.", anonymous: "1" };
    expect((await client.submit("/fr/mediation/report", "/fr/mediation/report", anonymous)).status).toBe(303);
    const mine = (await reports()).filter(
      (r) => r.what === "Un message déplacé." || r.what === "Un autre message.",
    );
    expect(mine.map((r) => [r.what, r.reporter_person_id, r.reporter_email])).toEqual([
      ["Un message déplacé.", person.id, person.email],
      ["Un autre message.", null, null],
    ]);
    const exported = await client.get("/fr/account/export");
    expect(exported.status).toBe(200);
    expect(exported.text).toContain("Un message déplacé.");
    expect(exported.text).not.toContain("Un autre message.");
  });

  it("refuses robots and limits how many reports arrive from one visitor in an hour", async () => {
    clock = new Date("2026-11-25T16:00:00.000Z");
    const before = (await reports()).length;
    expect((await report({ website: "http://spam.example" })).status).toBe(303);
    expect(await reports()).toHaveLength(before);
    for (let i = 1; i < REPORTS_PER_HOUR; i++)
      expect((await report({ what: `Signalement ${i}` })).status).toBe(303);
    expect((await report({ what: "Un de trop" })).status).toBe(429);
  });
});
