import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { TEST_PASSWORD, makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { routes, startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { charterLetters, partFields } from "../../../tests/helpers/applications.js";
import { ofName, translator, type MessageKey, type Vars } from "../../i18n/index.js";
import { reassessmentBoard, reassessmentState, requestReassessments } from "./reassess.js";
import { wholeDb } from "../../db/adapter.js";

let clock = new Date("2027-09-01T08:00:00.000Z");
let t: TestPlatform;
let site: FakeServer;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));
const YEAR = 365 * 86_400_000;

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
  site = await startFakeServer(
    routes({ "/": { type: "text/html", body: "<p>ok</p>" }, "/pad/": { body: "pad" } }),
  );
});
afterAll(async () => {
  await site.close();
  await t.stop();
});

describe("re-assessment state", () => {
  it("is due a year after joining or after the last re-assessment, requested while open, late past its date", () => {
    const now = new Date("2027-09-01T00:00:00.000Z");
    const base = { lastCompletedAt: null, joinedAt: "2026-06-30", openDueAt: null, hasOpen: false };
    expect(reassessmentState(base, now, YEAR)).toBe("due");
    expect(reassessmentState({ ...base, joinedAt: "2027-01-10" }, now, YEAR)).toBe("up_to_date");
    expect(reassessmentState({ ...base, lastCompletedAt: "2027-03-01T00:00:00.000Z" }, now, YEAR)).toBe(
      "up_to_date",
    );
    expect(
      reassessmentState({ ...base, hasOpen: true, openDueAt: "2027-10-01T00:00:00.000Z" }, now, YEAR),
    ).toBe("requested");
    expect(
      reassessmentState({ ...base, hasOpen: true, openDueAt: "2027-08-01T00:00:00.000Z" }, now, YEAR),
    ).toBe("overdue");
  });
});

describe("periodic re-assessment", () => {
  it("asks members that are due, re-runs their pre-checks, and shows who is up to date", async () => {
    const old = await makeMember(t.deps.db, {
      name: "Chaton Ancien",
      joined_at: "2025-06-30",
      website: `${site.url}/`,
    });
    await makeService(t.deps.db, old.id, { url: `${site.url}/pad/` });
    const recent = await makeMember(t.deps.db, { name: "Chaton Récent", joined_at: "2027-06-30" });
    const person = await makePerson(t.deps.db, {
      email: "admin@ancien.example.org",
      memberships: [{ memberId: old.id, role: "admin" }],
    });
    await t.deps.jobs.runNow("applications.reassessments");
    const files = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .selectAll()
      .where("kind", "=", "reassessment")
      .execute();
    expect(files.map((f) => f.member_id)).toEqual([old.id]);
    expect(files[0]?.due_at).toBe(new Date(clock.getTime() + 60 * 86_400_000).toISOString());
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "admin@ancien.example.org")
      .execute();
    expect(mail.map((m) => m.kind)).toEqual(["reassessment"]);
    // Asking again does not open a second file.
    await t.deps.jobs.runNow("applications.reassessments");
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("applications")
        .select("id")
        .where("kind", "=", "reassessment")
        .execute(),
    ).toHaveLength(1);
    // The queued pre-checks run with the checks job.
    await t.deps.jobs.runNow("applications.checks");
    const runs = await wholeDb(t.deps.db)
      .selectFrom("check_runs")
      .selectAll()
      .where("application_id", "=", files[0]?.id ?? "")
      .execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "scheduled", passed: expect.any(Number) });
    expect(runs[0]?.finished_at).not.toBeNull();

    const client = t.client();
    await client.login(person.email, person.password);
    const board = await client.get("/fr/charter/reassessments");
    expect(board.status).toBe(200);
    expect(board.text).toContain(fr("applications.reassess.state.requested"));
    expect(board.text).toContain("Chaton Récent");
    expect(board.text).toContain(fr("applications.reassess.state.up_to_date"));

    const id = files[0]?.id ?? "";
    for (const letter of await charterLetters(t.deps.db)) {
      const path = `/fr/applications/${id}/parts/${letter}`;
      expect((await client.submit(path, path, await partFields(t.deps.db, letter))).status).toBe(303);
    }
    clock = new Date(clock.getTime() + 5 * 60_000);
    const done = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    expect(done.status).toBe(303);
    const stored = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "completed", active_key: null, decided_at: clock.toISOString() });
    const board2 = await reassessmentBoard(t.deps);
    expect(board2.find((b) => b.id === old.id)?.state).toBe("up_to_date");
    expect(recent.membership).toBe("member");
  });

  it("lets a member structure re-assess itself, and keeps the board to the collective", async () => {
    const m = await makeMember(t.deps.db, { joined_at: "2027-08-01" });
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: m.id, role: "admin" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    const token = /name="_csrf" value="([^"]+)"/.exec((await client.get("/fr/charter")).text)?.[1] ?? "";
    const started = await client.post("/fr/charter/reassessments/start", { _csrf: token, member: m.id });
    expect(started.status).toBe(303);
    expect((await client.get(started.location ?? "")).text).toContain(
      fr("applications.app.reassessment_title", { name: m.name, name_of: ofName("fr", m.name) }),
    );
    const other = await makeMember(t.deps.db);
    expect(
      (await client.post("/fr/charter/reassessments/start", { _csrf: token, member: other.id })).status,
    ).toBe(403);
    expect((await t.client().get("/fr/charter/reassessments")).status).toBe(401);
    const token2 = /name="_csrf" value="([^"]+)"/.exec((await client.get("/fr/charter")).text)?.[1] ?? "";
    expect((await client.post("/fr/charter/reassessments/request", { _csrf: token2 })).status).toBe(403);
  });

  it("starts the next re-assessment from last time's answers, each to confirm or change, due after today", async () => {
    const { db } = t.deps;
    const old = await wholeDb(db)
      .selectFrom("members")
      .select("id")
      .where("name", "=", "Chaton Ancien")
      .executeTakeFirstOrThrow();
    // Asked again the next day (a year on, the session cookie's expiry would outrun the machine's date).
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await requestReassessments(t.deps, [old.id], null)).toBe(1);
    const file = await wholeDb(db)
      .selectFrom("applications")
      .selectAll()
      .where("member_id", "=", old.id)
      .where("status", "=", "draft")
      .executeTakeFirstOrThrow();
    expect(file.due_at && file.due_at > clock.toISOString()).toBe(true);
    const answers = await wholeDb(db)
      .selectFrom("application_answers")
      .selectAll()
      .where("application_id", "=", file.id)
      .execute();
    const total = (
      await wholeDb(db)
        .selectFrom("charter_criteria")
        .innerJoin("charter_versions", "charter_versions.id", "charter_criteria.version_id")
        .select("charter_criteria.id")
        .where("charter_versions.status", "=", "current")
        .execute()
    ).length;
    expect(answers).toHaveLength(total);
    expect(new Set(answers.map((a) => a.carried_from)).size).toBe(1);
    expect(answers[0]?.carried_from).not.toBeNull();

    const client = t.client();
    await client.login("admin@ancien.example.org", TEST_PASSWORD);
    const page = await client.get(`/fr/applications/${file.id}`);
    expect(page.text).toContain(fr("applications.app.progress", { answered: total, total }));
    expect(page.text).not.toContain(fr("applications.app.progress", { answered: 0, total }));
    expect(page.text).toContain(fr("applications.app.carried", { count: total }));
    expect(page.text).toContain(
      fr("applications.app.due", { date: translator("fr").date(file.due_at ?? "") }),
    );
    // Completing needs every carried answer confirmed: the file is still blocked.
    expect(page.text).toContain(fr("applications.blocker.to-confirm"));
    const [letter] = await charterLetters(db);
    const path = `/fr/applications/${file.id}/parts/${letter}`;
    expect((await client.get(path)).text).toContain(fr("applications.step.carried"));
    expect((await client.submit(path, path, await partFields(db, letter ?? ""))).status).toBe(303);
    const after = await wholeDb(db)
      .selectFrom("application_answers")
      .selectAll()
      .where("application_id", "=", file.id)
      .execute();
    expect(after.filter((a) => a.carried_from === null).length).toBeGreaterThan(0);
    expect(after.filter((a) => a.carried_from !== null).length).toBeLessThan(total);
  });
});
