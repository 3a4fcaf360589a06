import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../tests/helpers/client.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator } from "../../i18n/index.js";
import * as repo from "./chores.repository.js";
import { wholeDb } from "../../db/adapter.js";

const fr = translator("fr");
const de = translator("de");

describe("asking a named person to take a turn", () => {
  let t: TestPlatform;
  let clock = new Date("2026-11-25T10:00:00.000Z");
  let admin: Awaited<ReturnType<typeof makePerson>>;
  let busy: Awaited<ReturnType<typeof makePerson>>;
  let idle: Awaited<ReturnType<typeof makePerson>>;

  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    const { db } = t.deps;
    admin = await makePerson(db, { admin: true, name: "Coline Coordination" });
    const member = await makeMember(db);
    busy = await makePerson(db, {
      name: "Aline Occupée",
      memberships: [{ memberId: member.id, role: "member" }],
    });
    idle = await makePerson(db, {
      name: "Zoé Disponible",
      memberships: [{ memberId: member.id, role: "admin" }],
    });
    await repo.planTurns(db, clock);
    const [chore] = await repo.listChores(db);
    if (!chore) throw new Error("no chore");
    for (const dueDate of ["2026-10-05", "2026-10-12"])
      await repo.recordPastTurn(
        db,
        { choreId: chore.id, dueDate, assigneeId: busy.id, status: "done" },
        dueDate,
      );
  });
  afterAll(async () => {
    await t.stop();
  });

  const freeTurns = async () =>
    (await repo.listTurns(t.deps.db, { from: "2026-11-25" })).filter((x) => x.assigneeId === null);
  const mails = (to: string, kind: string) =>
    wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", to)
      .where("kind", "=", kind)
      .execute();
  const signedIn = async (person: { email: string; password: string }) => {
    const client = t.client();
    await client.login(person.email, person.password);
    return client;
  };

  it("suggests who took the fewest turns lately, and mails the person asked a link to answer", async () => {
    const [turn] = await freeTurns();
    const coordinator = await signedIn(admin);
    const page = await coordinator.get(`/fr/chores/turns/${turn?.id}/ask`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(escapeHtml(fr("chores.ask.suggested", { name: "Coline Coordination" })));
    const options = [...page.text.matchAll(/<option value="[^"]+"[^>]*>([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(options.at(-1)).toContain("Aline");
    const path = `/fr/chores/turns/${turn?.id}/ask`;
    expect((await coordinator.submit(path, path, { person: "nobody-here" })).status).toBe(422);
    const member = await signedIn(idle);
    const token = csrfFrom((await member.get("/fr/chores")).text, "/fr/logout") ?? "";
    expect((await member.post(path, { _csrf: token, person: idle.id })).status).toBe(403);
    expect((await coordinator.submit(path, path, { person: idle.id })).status).toBe(303);
    const [mail] = await mails(idle.email, "chore-request");
    const link = /\/fr\/chores\/requests\/[0-9a-f-]+/.exec(mail?.text_body ?? "")?.[0];
    expect(link).toBeDefined();
    expect((await coordinator.get("/fr/chores")).text).toContain(
      escapeHtml(fr("chores.ask.pending", { name: "Zoé Disponible" })),
    );

    // The mail's link, signed in: the person asked answers; nobody else may.
    expect((await t.client().get(link ?? "")).status).toBe(401);
    expect((await coordinator.get(link ?? "")).text).toContain(
      escapeHtml(fr("chores.ask.pending", { name: "Zoé Disponible" })),
    );
    const other = await signedIn(busy);
    expect((await other.get(link ?? "")).status).toBe(404);
    const otherToken = csrfFrom((await other.get("/fr/chores")).text, "/fr/logout") ?? "";
    expect((await other.post(`${link}/accept`, { _csrf: otherToken })).status).toBe(404);
    expect((await member.get("/fr/chores")).text).toContain(fr("chores.requests.mine"));
    expect((await member.submit(link ?? "", `${link}/accept`, {})).status).toBe(303);
    expect((await repo.findTurn(t.deps.db, turn?.id ?? ""))?.assigneeId).toBe(idle.id);
    expect((await member.post(`${link}/decline`, { _csrf: token })).status).toBe(409);
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "chore.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["chore.ask", "chore.request.accept"]));
  });

  it("tells the coordinator who asked when the person declines", async () => {
    const [turn] = await freeTurns();
    const coordinator = await signedIn(admin);
    const path = `/fr/chores/turns/${turn?.id}/ask`;
    await coordinator.submit(path, path, { person: busy.id });
    const [mail] = (await mails(busy.email, "chore-request")).slice(-1);
    const link = /\/fr\/chores\/requests\/[0-9a-f-]+/.exec(mail?.text_body ?? "")?.[0] ?? "";
    const person = await signedIn(busy);
    expect((await person.submit(link, `${link}/decline`, {})).status).toBe(303);
    expect((await repo.findTurn(t.deps.db, turn?.id ?? ""))?.assigneeId).toBeNull();
    const [told] = await mails(admin.email, "chore-request-declined");
    expect(told?.subject).toContain("Aline Occupée");
    expect(told?.text_body).toContain(`/fr/chores/turns/${turn?.id}/ask`);
  });

  it("reminds a person who has not answered after a few days, once", async () => {
    const [turn] = (await freeTurns()).filter((x) => x.dueDate >= "2026-12-07");
    const coordinator = await signedIn(admin);
    const path = `/fr/chores/turns/${turn?.id}/ask`;
    await coordinator.submit(path, path, { person: idle.id });
    await t.deps.jobs.runNow("chores.delegation");
    expect(await mails(idle.email, "chore-request-reminder")).toHaveLength(0);
    clock = new Date("2026-11-29T10:00:00.000Z");
    await t.deps.jobs.runNow("chores.delegation");
    await t.deps.jobs.runNow("chores.delegation");
    const reminders = await mails(idle.email, "chore-request-reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text_body).toContain("/fr/chores/requests/");
  });

  it("announces the week's turns with nobody to the member structures' people, once per turn", async () => {
    clock = new Date("2026-11-29T10:00:00.000Z");
    const week = (await freeTurns()).filter((x) => x.dueDate <= "2026-12-06");
    expect(week.length).toBeGreaterThan(0);
    await t.deps.jobs.runNow("chores.delegation");
    const told = await mails(busy.email, "chore-nobody");
    expect(told.length).toBeGreaterThanOrEqual(1);
    const listed = told.map((m) => m.text_body).join("\n");
    for (const turn of week) expect(listed).toContain(fr.date(turn.dueDate));
    expect(await mails(admin.email, "chore-nobody")).toHaveLength(0);
    await t.deps.jobs.runNow("chores.delegation");
    expect(await mails(busy.email, "chore-nobody")).toHaveLength(told.length);
  });

  it("puts the requests made to a person, and by them, in their data export", async () => {
    const res = await (await signedIn(idle)).get("/fr/account/export");
    const data: unknown = JSON.parse(res.text);
    expect(data).toMatchObject({
      chores: {
        requests: expect.arrayContaining([
          expect.objectContaining({ askedOfMe: true, askedByMe: false, status: "accepted" }),
        ]),
      },
    });
    const mine: unknown = JSON.parse((await (await signedIn(admin)).get("/fr/account/export")).text);
    expect(mine).toMatchObject({
      chores: {
        requests: expect.arrayContaining([expect.objectContaining({ askedByMe: true, status: "declined" })]),
      },
    });
  });

  it("speaks German", async () => {
    const [turn] = await freeTurns();
    const coordinator = t.client();
    await coordinator.login(admin.email, admin.password, "de");
    const page = await coordinator.get(`/de/chores/turns/${turn?.id}/ask`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(de("chores.ask.title"));
  });
});
