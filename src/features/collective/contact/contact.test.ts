import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../../tests/helpers/client.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator } from "../../../i18n/index.js";
import { giveTurn, mailsTo, memberPerson, signedIn } from "../test-helpers.js";
import { PER_VISITOR } from "./contact.routes.js";
import { wholeDb } from "../../../db/adapter.js";

const fr = translator("fr");
// A Wednesday: the week's contact turn started on Monday 23 November.
let clock = new Date("2026-11-25T10:00:00.000Z");

describe("the contact desk", () => {
  let t: TestPlatform;
  let holder: Awaited<ReturnType<typeof memberPerson>>;
  let coordinator: Awaited<ReturnType<typeof makePerson>>;

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    holder = await memberPerson(t.deps.db, "Dana Desk");
    coordinator = await makePerson(t.deps.db, { admin: true });
    await giveTurn(t.deps.db, "contact", "2026-11-23", holder.id);
  });
  afterAll(async () => {
    await t.stop();
  });

  const send = (fields: Record<string, string>) =>
    t.client().submit("/fr/contact", "/fr/contact", {
      name: "Fanfare",
      email: "Fanfare@Example.org",
      subject: "Un agenda partagé",
      message: "Bonjour, par où commencer ?",
      ...fields,
    });
  const messages = () =>
    wholeDb(t.deps.db)
      .selectFrom("contact_messages")
      .selectAll()
      .orderBy("received_at")
      .orderBy("id")
      .execute();

  it("shows the form to an anonymous visitor without giving them a cookie", async () => {
    const page = await t.client().get("/fr/contact");
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie()).toEqual([]);
    expect(page.text).toContain('name="website"');
    expect(csrfFrom(page.text, "/fr/contact")).toBeDefined();
  });

  it("refuses an incomplete message, keeping what was typed, and stores nothing", async () => {
    const res = await send({ email: "not-an-address" });
    expect(res.status).toBe(422);
    expect(res.text).toContain('value="Un agenda partagé"');
    expect(await messages()).toHaveLength(0);
  });

  it("queues a message, keeps no address of the sender's machine, and tells the person on duty", async () => {
    const res = await send({});
    expect(res.status).toBe(303);
    expect(res.location).toBe("/fr/contact?sent=1");
    const [stored] = await messages();
    expect(stored).toMatchObject({ sender_email: "fanfare@example.org", status: "open", locale: "fr" });
    expect(JSON.stringify(stored)).not.toContain("127.0.0.1");
    const limits = await wholeDb(t.deps.db).selectFrom("rate_limits").select("key").execute();
    expect(limits.map((l) => l.key).join(" ")).not.toContain("127.0.0.1");
    const [mail] = await mailsTo(t.deps.db, holder.email);
    expect(mail?.kind).toBe("contact-new");
    expect(mail?.text_body).toContain(`/fr/contact/desk/${stored?.id}`);
    expect(mail?.text_body).not.toContain("par où commencer");
    const thanks = await t.client().get("/fr/contact?sent=1");
    expect(thanks.text).toContain(escapeHtml(fr("contact.sent")));
  });

  it("answers a robot that fills the hidden field as if it had worked, and keeps nothing", async () => {
    const before = (await messages()).length;
    const res = await send({ website: "https://spam.example" });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/fr/contact?sent=1");
    expect(await messages()).toHaveLength(before);
  });

  it("limits how many messages one visitor sends in an hour", async () => {
    clock = new Date("2026-11-25T14:00:00.000Z");
    for (let i = 0; i < PER_VISITOR; i++) expect((await send({ subject: `Message ${i}` })).status).toBe(303);
    expect((await send({ subject: "One too many" })).status).toBe(429);
    clock = new Date("2026-11-25T15:05:00.000Z");
    expect((await send({ subject: "The next hour" })).status).toBe(303);
  });

  it("opens the desk to the person on duty and the coordinators only", async () => {
    expect((await t.client().get("/fr/contact/desk")).status).toBe(401);
    const other = await signedIn(t, await memberPerson(t.deps.db));
    expect((await other.get("/fr/contact/desk")).status).toBe(403);
    const [first] = await messages();
    expect((await other.get(`/fr/contact/desk/${first?.id}`)).status).toBe(403);
    const token = csrfFrom((await other.get("/fr/account")).text, "/fr/logout") ?? "";
    expect(
      (await other.post(`/fr/contact/desk/${first?.id}/reply`, { _csrf: token, body: "x" })).status,
    ).toBe(403);
    expect((await t.client().post(`/fr/contact/desk/${first?.id}/close`, {})).status).toBe(403);
    const desk = await signedIn(t, holder);
    const page = await desk.get("/fr/contact/desk");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Un agenda partagé");
    expect(page.text).toContain(escapeHtml(fr("contact.desk.holder", { name: "Dana Desk" })));
    expect(page.text).toContain(fr("contact.figures.oldest"));
    expect((await (await signedIn(t, coordinator)).get("/fr/contact/desk")).status).toBe(200);
  });

  it("sends the answer by mail from the platform and keeps the thread", async () => {
    const desk = await signedIn(t, holder);
    const [first] = await messages();
    const page = `/fr/contact/desk/${first?.id}`;
    const reply = `${page}/reply`;
    expect((await desk.submit(page, reply, { body: "" })).status).toBe(422);
    clock = new Date("2026-11-25T18:05:00.000Z");
    const res = await desk.submit(page, reply, { body: "Commencez par le guide !" });
    expect(res.status).toBe(303);
    const [answer] = await mailsTo(t.deps.db, "fanfare@example.org");
    expect(answer?.kind).toBe("contact-answer");
    expect(answer?.text_body).toContain("Commencez par le guide !");
    expect(answer?.text_body).toContain("> Bonjour, par où commencer ?");
    const stored = await wholeDb(t.deps.db)
      .selectFrom("contact_messages")
      .selectAll()
      .where("id", "=", first?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("answered");
    expect(stored.first_answer_at).toBe("2026-11-25T18:05:00.000Z");
    const thread = await wholeDb(t.deps.db)
      .selectFrom("contact_thread")
      .selectAll()
      .where("message_id", "=", stored.id)
      .execute();
    expect(thread).toMatchObject([{ kind: "reply", person_id: holder.id, body: "Commencez par le guide !" }]);
    const shown = await desk.get(page);
    expect(shown.text).toContain("Commencez par le guide !");
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", stored.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["contact.receive", "contact.reply"]);
  });

  it("hands a message to the coordinators, who are told by mail, and files another", async () => {
    const desk = await signedIn(t, holder);
    const [, second, third] = await messages();
    const page = `/fr/contact/desk/${second?.id}`;
    expect((await desk.submit(page, `${page}/handover`, { note: "Pour la coordination" })).status).toBe(303);
    const handed = (await mailsTo(t.deps.db, coordinator.email)).filter((m) => m.kind === "contact-handover");
    expect(handed).toHaveLength(1);
    expect(handed[0]?.text_body).toContain("Pour la coordination");
    const other = `/fr/contact/desk/${third?.id}`;
    expect((await desk.submit(other, `${other}/close`, {})).status).toBe(303);
    const statuses = (await messages()).map((m) => m.status);
    expect(statuses.slice(0, 3)).toEqual(["answered", "handed", "closed"]);
    const figures = await (await signedIn(t, coordinator)).get("/fr/contact/desk");
    expect(figures.text).toContain(fr("contact.status.handed"));
  });

  it("tells the coordinators when nobody holds the contact turn", async () => {
    await giveTurn(t.deps.db, "contact", "2026-11-23", null);
    clock = new Date("2026-11-25T20:00:00.000Z");
    expect((await send({ subject: "Nobody on duty" })).status).toBe(303);
    const told = (await mailsTo(t.deps.db, coordinator.email)).filter((m) => m.kind === "contact-new");
    expect(told.map((m) => m.subject)).toContain(
      fr("contact.mail.new.subject", { subject: "Nobody on duty" }),
    );
    expect((await (await signedIn(t, holder)).get("/fr/contact/desk")).status).toBe(403);
  });
});
