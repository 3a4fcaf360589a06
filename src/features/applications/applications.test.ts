import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { routes, startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { charterLetters, makeRound, partFields } from "../../../tests/helpers/applications.js";
import type { TestClient } from "../../../tests/helpers/client.js";
import { translator, type MessageKey, type Vars } from "../../i18n/index.js";
import { advanceRound } from "./rounds/advance.js";
import { wholeDb } from "../../db/adapter.js";

let clock = new Date("2027-05-20T10:00:00.000Z");
let t: TestPlatform;
let site: FakeServer;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
  site = await startFakeServer(
    routes({
      "/": {
        type: "text/html; charset=utf-8",
        body: `<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato"></head><body>Chaton</body></html>`,
      },
      "/cgu": { body: "CGU" },
      "/mentions-legales": { body: "Mentions" },
      "/pad/": { body: "pad" },
    }),
  );
});
afterAll(async () => {
  await site.close();
  await t.stop();
});

async function candidate(overrides: { website?: string } = {}) {
  const member = await makeMember(t.deps.db, {
    membership: "candidate",
    website: overrides.website ?? `${site.url}/`,
    tos_url: `${site.url}/cgu`,
    legal_url: `${site.url}/mentions-legales`,
    joined_at: null,
    joined_round: null,
  });
  await makeService(t.deps.db, member.id, { name: "Pad", url: `${site.url}/pad/` });
  await makeService(t.deps.db, member.id, { name: "Nuage", url: `${site.url}/nuage/` });
  const person = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
  const client = t.client();
  await client.login(person.email, person.password);
  return { member, person, client };
}

async function start(client: TestClient, memberId: string): Promise<string> {
  const res = await client.submit("/fr/apply", "/fr/applications", { member: memberId });
  expect(res.status).toBe(303);
  return (res.location ?? "").split("/").pop() ?? "";
}

async function answerEverything(client: TestClient, id: string) {
  for (const letter of await charterLetters(t.deps.db)) {
    const path = `/fr/applications/${id}/parts/${letter}`;
    const res = await client.submit(path, path, { ...(await partFields(t.deps.db, letter)), next: "next" });
    expect(res.status).toBe(303);
  }
}

describe("a candidate's application", () => {
  let round: Awaited<ReturnType<typeof makeRound>>;
  beforeAll(async () => {
    round = await makeRound(t.deps.db, { phase: "open", now: clock, label: "Portée n°30" });
  });

  it("shows the open round and how to apply, and refuses to open a file for someone else's structure", async () => {
    const { client } = await candidate();
    const other = await makeMember(t.deps.db, { membership: "candidate" });
    const page = await client.get("/fr/apply");
    expect(page.text).toContain(fr("applications.apply.open", { round: "Portée n°30", date: "29 mai 2027" }));
    expect(page.text).toContain(fr("applications.apply.start"));
    const tampered = await client.submit("/fr/apply", "/fr/applications", { member: other.id });
    expect(tampered.status).toBe(403);
    const count = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("id")
      .where("member_id", "=", other.id)
      .execute();
    expect(count).toEqual([]);
  });

  it("saves every step as a draft, lists blocking criteria, then submits and runs the pre-checks", async () => {
    const { member, client } = await candidate();
    const id = await start(client, member.id);
    const letters = await charterLetters(t.deps.db);
    const first = `/fr/applications/${id}/parts/${letters[0]}`;
    const fields = await partFields(t.deps.db, letters[0] ?? "C");
    const criterionId = Object.keys(fields)[0]?.replace("answer_", "") ?? "";

    const invalid = await client.submit(first, first, {
      ...fields,
      [`explanation_${criterionId}`]: "Voir <notre> page",
      [`evidence_${criterionId}`]: "https://ok.example.org/cgu\nnot a link",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain(fr("applications.error.evidence_url"));
    expect(invalid.text).toContain("Voir &lt;notre&gt; page");

    const saved = await client.submit(first, first, { ...fields, next: "next" });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/fr/applications/${id}/parts/${letters[1]}`);
    const stored = await wholeDb(t.deps.db)
      .selectFrom("application_answers")
      .selectAll()
      .where("application_id", "=", id)
      .execute();
    expect(stored.length).toBe(Object.keys(fields).length / 3);

    const overview = await client.get(`/fr/applications/${id}`);
    expect(overview.text).toContain(fr("applications.blocker.required-not-met"));
    expect(overview.text).toContain("H1");
    const blocked = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    expect(blocked.status).toBe(422);
    expect(blocked.text).toContain(fr("applications.error.blocked"));

    await answerEverything(client, id);
    expect((await client.get(`/fr/applications/${id}`)).text).toContain(fr("applications.app.no_blockers"));
    const sent = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    expect(sent.status).toBe(303);
    const app = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: "submitted", round_id: round.id, submitted_at: clock.toISOString() });

    const results = await wholeDb(t.deps.db)
      .selectFrom("check_results")
      .innerJoin("check_runs", "check_runs.id", "check_results.run_id")
      .select(["check_results.check_id", "check_results.status", "check_results.target"])
      .where("check_runs.application_id", "=", id)
      .orderBy("check_results.position")
      .execute();
    const byCheck = (checkId: string) => results.filter((r) => r.check_id === checkId).map((r) => r.status);
    expect(byCheck("website-tls")).toEqual(["warn"]);
    expect(byCheck("no-trackers")).toEqual(["fail"]);
    expect(byCheck("legal-pages")).toEqual(["pass", "pass"]);
    expect(byCheck("chatonsinfos")).toEqual(["skip"]);
    expect(byCheck("services-reachable").sort()).toEqual(["fail", "pass"]);
    const page = await client.get(`/fr/applications/${id}`);
    expect(page.text).toContain(
      fr("applications.check.trackers.found", { list: "Google (fonts, libraries) (fonts.googleapis.com)" }),
    );
    expect(page.text).toContain(
      fr("applications.checks.date", { date: "20 mai 2027 à 10:00 UTC" }).slice(0, 20),
    );
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("kind", "=", "application-submitted")
      .execute();
    expect(mail.some((m) => m.text_body.includes(`/fr/applications/${id}`))).toBe(true);
    const actions = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "application.create",
        "application.answers",
        "application.submit",
        "application.checks",
      ]),
    );
  });

  it("spaces re-runs of the pre-checks, then runs them again with their date", async () => {
    const { member, client } = await candidate();
    const id = await start(client, member.id);
    await answerEverything(client, id);
    await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    const soon = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/checks`, {});
    expect(soon.status).toBe(429);
    expect(soon.text).toContain(fr("applications.error.recheck_soon"));
    clock = new Date(clock.getTime() + 2 * 60_000);
    const again = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/checks`, {});
    expect(again.status).toBe(303);
    const runs = await wholeDb(t.deps.db)
      .selectFrom("check_runs")
      .select(["trigger", "finished_at"])
      .where("application_id", "=", id)
      .orderBy("id")
      .execute();
    expect(runs.map((r) => r.trigger)).toEqual(["submission", "manual"]);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("lets the candidate correct the file during review, and refuses edits once the vote has started", async () => {
    const { member, client } = await candidate();
    const id = await start(client, member.id);
    await answerEverything(client, id);
    await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    const admin = { personId: null };
    expect(await advanceRound(t.deps, round.id, "open", { actor: admin, early: true })).toBe(true);
    const path = `/fr/applications/${id}/parts/C`;
    const fields = await partFields(t.deps.db, "C");
    expect((await client.submit(path, path, fields)).status).toBe(303);
    expect(await advanceRound(t.deps, round.id, "review", { actor: admin, early: true })).toBe(true);
    const page = await client.get(path);
    expect(page.status).toBe(409);
    expect(page.text).toContain(fr("applications.error.locked"));
    const token =
      /name="_csrf" value="([^"]+)"/.exec((await client.get(`/fr/applications/${id}`)).text)?.[1] ?? "";
    const late = await client.post(path, { _csrf: token, ...fields });
    expect(late.status).toBe(409);
    const app = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(app.status).toBe("voting");
  });
});

describe("access and rounds", () => {
  it("refuses to submit when no round is open, and keeps the draft", async () => {
    const { member, client } = await candidate();
    const id = await start(client, member.id);
    await answerEverything(client, id);
    const res = await client.submit(`/fr/applications/${id}`, `/fr/applications/${id}/submit`, {});
    expect(res.status).toBe(409);
    expect(res.text).toContain(fr("applications.error.no_round"));
    const app = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(app.status).toBe("draft");
  });

  it("shows a file to the candidate's people and to the collective's members, not to others", async () => {
    const { member, client } = await candidate();
    const id = await start(client, member.id);
    expect((await t.client().get(`/fr/applications/${id}`)).status).toBe(401);
    const stranger = await makePerson(t.deps.db);
    const strangerClient = t.client();
    await strangerClient.login(stranger.email, stranger.password);
    expect((await strangerClient.get(`/fr/applications/${id}`)).status).toBe(403);
    const otherCandidate = await candidate();
    expect((await otherCandidate.client.get(`/fr/applications/${id}`)).status).toBe(403);
    const m = await makeMember(t.deps.db);
    const reviewer = await makePerson(t.deps.db, { memberships: [{ memberId: m.id, role: "member" }] });
    const reviewerClient = t.client();
    await reviewerClient.login(reviewer.email, reviewer.password);
    const seen = await reviewerClient.get(`/fr/applications/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.text).toContain(member.name);
    // A reviewer cannot edit the candidate's answers.
    expect((await reviewerClient.get(`/fr/applications/${id}/parts/C`)).status).toBe(403);
  });
});
