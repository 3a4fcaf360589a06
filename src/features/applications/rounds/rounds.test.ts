import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { translator, type MessageKey, type Vars } from "../../../i18n/index.js";
import { wholeDb } from "../../../db/adapter.js";

let clock = new Date("2027-03-01T12:00:00.000Z");
let t: TestPlatform;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await t.stop();
});

const rounds = () => wholeDb(t.deps.db).selectFrom("rounds").selectAll().orderBy("closes_at").execute();

describe("rounds on schedule", () => {
  it("creates the next default round (end of June) and moves it through its phases as the dates pass, logging each change", async () => {
    await t.deps.jobs.runNow("applications.schedule");
    const [june] = await rounds();
    expect(june).toMatchObject({
      label: "Portée n°1",
      phase: "upcoming",
      closes_at: "2027-06-30T18:00:00.000Z",
    });
    // Running again creates nothing more.
    await t.deps.jobs.runNow("applications.schedule");
    expect(await rounds()).toHaveLength(1);

    clock = new Date("2027-06-20T00:00:00.000Z");
    await t.deps.jobs.runNow("applications.schedule");
    expect((await rounds())[0]?.phase).toBe("vote");
    const steps = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("data")
      .where("action", "=", "round.phase")
      .where("subject_id", "=", june?.id ?? "")
      .orderBy("id")
      .execute();
    expect(steps.map((s) => JSON.parse(s.data))).toEqual([
      expect.objectContaining({ from: "upcoming", to: "open", early: false }),
      expect.objectContaining({ from: "open", to: "review" }),
      expect.objectContaining({ from: "review", to: "vote" }),
    ]);

    clock = new Date("2027-07-01T00:00:00.000Z");
    await t.deps.jobs.runNow("applications.schedule");
    const list = await rounds();
    expect(list[0]?.phase).toBe("decided");
    // With June decided, December's round is created, still ahead.
    expect(list[1]).toMatchObject({
      label: "Portée n°2",
      phase: "upcoming",
      closes_at: "2027-12-15T18:00:00.000Z",
    });
  });
});

describe("rounds by hand", () => {
  it("lets a platform admin schedule a round, refusing dates out of order", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const fields = {
      label: "Portée spéciale",
      opens_on: "2027-09-01",
      review_on: "2027-08-01",
      vote_on: "2027-09-20",
      closes_on: "2027-09-30",
      quorum_percent: "20",
      majority: "two_thirds",
      tie_outcome: "accept",
      quorum_outcome: "postpone",
      results_hidden: "1",
    };
    const bad = await client.submit("/fr/rounds/new", "/fr/rounds/new", fields);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(fr("applications.error.dates_order"));
    expect(bad.text).toContain('value="Portée spéciale"');
    const ok = await client.submit("/fr/rounds/new", "/fr/rounds/new", {
      ...fields,
      review_on: "2027-09-10",
    });
    expect(ok.status).toBe(303);
    const page = await client.get(ok.location ?? "");
    expect(page.text).toContain(fr("applications.rules.quorum", { percent: 20 }));
    expect(page.text).toContain(fr("applications.rules.majority.two_thirds"));
    const taken = await client.submit("/fr/rounds/new", "/fr/rounds/new", {
      ...fields,
      review_on: "2027-09-10",
    });
    expect(taken.status).toBe(422);
  });

  it("lets an admin advance a phase early, once: a stale form is refused with a message", async () => {
    clock = new Date(clock.getTime() + DAY);
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const round = (await rounds()).find((r) => r.label === "Portée spéciale");
    const path = `/fr/rounds/${round?.id}`;
    const page = await client.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const first = await client.post(`${path}/advance`, { _csrf: token, from: "upcoming" });
    expect(first.status).toBe(303);
    const second = await client.post(`${path}/advance`, { _csrf: token, from: "upcoming" });
    expect(second.status).toBe(409);
    expect(second.text).toContain(fr("applications.error.round_moved"));
    const moved = await wholeDb(t.deps.db)
      .selectFrom("rounds")
      .selectAll()
      .where("id", "=", round?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(moved).toMatchObject({ phase: "open", opens_at: clock.toISOString() });
    const log = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "round.phase")
      .where("subject_id", "=", moved.id)
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]?.actor_person_id).not.toBeNull();
  });

  it("keeps round management to platform admins", async () => {
    const someone = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(someone.email, someone.password);
    expect((await client.get("/fr/rounds/new")).status).toBe(403);
    const round = (await rounds())[0];
    const token = /name="_csrf" value="([^"]+)"/.exec((await client.get("/fr/rounds")).text)?.[1] ?? "";
    expect(
      (await client.post(`/fr/rounds/${round?.id}/advance`, { _csrf: token, from: round?.phase ?? "" }))
        .status,
    ).toBe(403);
    expect((await t.client().get("/fr/rounds")).status).toBe(200);
  });
});
