import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextDueDates } from "./schedule.js";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { csrfFrom } from "../../../tests/helpers/client.js";
import * as repo from "./chores.repository.js";
import { wholeDb } from "../../db/adapter.js";

describe("due dates", () => {
  const wednesday = new Date("2026-11-25T10:00:00Z");
  it("puts weekly turns on Mondays, monthly on the 1st, quarterly on quarter starts, yearly on 1 January", () => {
    expect(nextDueDates("weekly", wednesday, 3)).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
    expect(nextDueDates("monthly", wednesday, 3)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01"]);
    expect(nextDueDates("quarterly", wednesday, 2)).toEqual(["2027-01-01", "2027-04-01"]);
    expect(nextDueDates("yearly", wednesday, 2)).toEqual(["2027-01-01", "2028-01-01"]);
  });
  it("keeps a due date that falls today", () => {
    expect(nextDueDates("monthly", new Date("2026-12-01T00:00:00Z"), 1)).toEqual(["2026-12-01"]);
    expect(nextDueDates("weekly", new Date("2026-11-30T23:00:00Z"), 1)).toEqual(["2026-11-30"]);
  });
});

describe("chores", () => {
  let t: TestPlatform;
  const now = new Date("2026-11-25T10:00:00Z");
  let clock = now;
  beforeAll(async () => {
    t = await startTestPlatform({ now: () => clock });
    await repo.planTurns(t.deps.db, now);
  });
  afterAll(async () => {
    await t.stop();
  });

  async function memberPerson() {
    const member = await makeMember(t.deps.db);
    return makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "member" }] });
  }

  it("opens the next turns of each default chore, once", async () => {
    const turns = await repo.listTurns(t.deps.db, { from: "2026-11-25" });
    expect(turns.length).toBeGreaterThanOrEqual(10);
    expect(await repo.planTurns(t.deps.db, now)).toBe(0);
  });

  it("is for the collective's members only", async () => {
    expect((await t.client().get("/fr/chores")).status).toBe(401);
    const candidateOrg = await makeMember(t.deps.db, { membership: "candidate" });
    const candidate = await makePerson(t.deps.db, {
      memberships: [{ memberId: candidateOrg.id, role: "admin" }],
    });
    const client = t.client();
    await client.login(candidate.email, candidate.password);
    expect((await client.get("/fr/chores")).status).toBe(403);
  });

  it("lets a member take a free turn, refuses it to a second taker, and lets only the taker close it", async () => {
    const alice = await memberPerson();
    const bob = await memberPerson();
    const [turn] = (await repo.listTurns(t.deps.db, { from: "2026-11-25" })).filter(
      (x) => x.assigneeId === null,
    );
    if (!turn) throw new Error("no free turn");
    const a = t.client();
    await a.login(alice.email, alice.password);
    const pageA = await a.get("/fr/chores");
    expect(pageA.status).toBe(200);
    const take = `/fr/chores/turns/${turn.id}/take`;
    expect((await a.post(take, { _csrf: csrfFrom(pageA.text, take) ?? "" })).status).toBe(303);

    const b = t.client();
    await b.login(bob.email, bob.password);
    const pageB = await b.get("/fr/chores");
    const token = csrfFrom(pageB.text, "/fr/logout") ?? "";
    expect((await b.post(take, { _csrf: token })).status).toBe(303);
    expect((await repo.findTurn(t.deps.db, turn.id))?.assigneeId).toBe(alice.id);
    expect((await b.post(`/fr/chores/turns/${turn.id}/done`, { _csrf: token })).status).toBe(403);
    expect((await b.post(`/fr/chores/turns/${turn.id}/skip`, { _csrf: token })).status).toBe(403);

    const pageA2 = await a.get("/fr/chores");
    const done = `/fr/chores/turns/${turn.id}/done`;
    expect(
      (await a.post(done, { _csrf: csrfFrom(pageA2.text, done) ?? "", note: "Compte rendu publié" })).status,
    ).toBe(303);
    const closed = await repo.findTurn(t.deps.db, turn.id);
    expect(closed).toMatchObject({ status: "done", note: "Compte rendu publié" });
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", turn.id)
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual(["chore.done", "chore.take"]);
  });

  it("reminds the volunteer by e-mail once, a few days before the turn", async () => {
    const carol = await memberPerson();
    const soon = (await repo.listTurns(t.deps.db, { from: "2026-11-25" })).find((x) => x.assigneeId === null);
    if (!soon) throw new Error("no free turn");
    // Two days before the turn is due.
    clock = new Date(Date.parse(`${soon.dueDate}T09:00:00Z`) - 2 * 86_400_000);
    expect(await repo.takeTurn(t.deps.db, soon.id, carol.id)).toBe(true);
    const job = t.deps.jobs.list().find((j) => j.name === "chores.plan");
    expect(job).toBeDefined();
    await t.deps.jobs.runNow("chores.plan");
    await t.deps.jobs.runNow("chores.plan");
    const mails = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", carol.email)
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe("chore-reminder");
  });

  it("lets a platform admin add a chore, refusing a duplicate identifier", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const fields = {
      slug: "backups",
      title_fr: "Vérifier les sauvegardes",
      title_en: "Check the backups",
      description_fr: "",
      description_en: "",
      recurrence: "monthly",
    };
    expect((await client.submit("/fr/chores", "/fr/chores", fields)).status).toBe(303);
    const again = await client.submit("/fr/chores", "/fr/chores", fields);
    expect(again.status).toBe(422);
    expect(again.text).toContain('value="Vérifier les sauvegardes"');
    const member = await memberPerson();
    const other = t.client();
    await other.login(member.email, member.password);
    const page = await other.get("/fr/chores");
    expect(
      (
        await other.post("/fr/chores", {
          ...fields,
          slug: "x-chore",
          _csrf: csrfFrom(page.text, "/fr/logout") ?? "",
        })
      ).status,
    ).toBe(403);
  });
});
