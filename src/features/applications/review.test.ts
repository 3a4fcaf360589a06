import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { answerAll, makeRound } from "../../../tests/helpers/applications.js";
import type { TestClient } from "../../../tests/helpers/client.js";
import { translator, type MessageKey, type Vars } from "../../i18n/index.js";
import { insertApplication, moveStatus } from "./applications.repository.js";
import { currentCharter } from "./charter/charter.repository.js";
import { wholeDb } from "../../db/adapter.js";

const clock = new Date("2027-06-05T09:00:00.000Z");
let t: TestPlatform;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await t.stop();
});

async function signedIn(memberId: string, role: "admin" | "member", email?: string) {
  const person = await makePerson(t.deps.db, {
    memberships: [{ memberId, role }],
    ...(email ? { email } : {}),
  });
  const client = t.client();
  await client.login(person.email, person.password);
  return { person, client };
}

describe("review of an application", () => {
  let appId = "";
  let candidate: { client: TestClient };
  let reviewer: { client: TestClient; person: { email: string } };
  let criterionId = "";

  beforeAll(async () => {
    const round = await makeRound(t.deps.db, { phase: "review", now: clock });
    const member = await makeMember(t.deps.db, { name: "Chaton Relu", membership: "candidate" });
    const charter = await currentCharter(t.deps.db);
    appId = await insertApplication(t.deps.db, {
      memberId: member.id,
      kind: "application",
      charterVersionId: charter?.version.id ?? "",
      personId: null,
      now: clock,
    });
    await answerAll(t.deps.db, appId);
    await moveStatus(t.deps.db, appId, ["draft"], "submitted", clock, {
      roundId: round.id,
      submittedAt: clock.toISOString(),
    });
    candidate = await signedIn(member.id, "admin", "candidate@relu.example.org");
    const m = await makeMember(t.deps.db, { name: "Chaton Relecteur" });
    reviewer = await signedIn(m.id, "member", "relecteur@example.org");
    criterionId = charter?.parts[1]?.criteria[1]?.id ?? "";
  });

  it("lets a member ask a question, mails the candidate, and lets the candidate answer, mailing the reviewer", async () => {
    const page = `/fr/applications/${appId}`;
    const asked = await reviewer.client.submit(page, `${page}/messages`, {
      body: "Où sont vos <sauvegardes> ?",
      criterion: criterionId,
    });
    expect(asked.status).toBe(303);
    const toCandidate = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "candidate@relu.example.org")
      .where("kind", "=", "application-question")
      .execute();
    expect(toCandidate).toHaveLength(1);
    expect(toCandidate[0]?.text_body).toContain("Où sont vos <sauvegardes> ?");
    const seen = await candidate.client.get(page);
    expect(seen.text).toContain("Où sont vos &lt;sauvegardes&gt; ?");
    expect(seen.text).toContain(fr("applications.thread.answer"));
    const answered = await candidate.client.submit(page, `${page}/messages`, {
      body: "Chez un autre chaton, chiffrées.",
      criterion: "",
    });
    expect(answered.status).toBe(303);
    const toReviewer = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "relecteur@example.org")
      .where("kind", "=", "application-reply")
      .execute();
    expect(toReviewer).toHaveLength(1);
    const rows = await wholeDb(t.deps.db)
      .selectFrom("application_messages")
      .select(["role", "criterion_id"])
      .where("application_id", "=", appId)
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { role: "reviewer", criterion_id: criterionId },
      { role: "candidate", criterion_id: null },
    ]);
    const history = await candidate.client.get(`${page}/history`);
    expect(history.text).toContain("application.question");
    expect(history.text).toContain("application.reply");
  });

  it("refuses an empty message and a criterion from elsewhere, keeping what was typed", async () => {
    const page = `/fr/applications/${appId}`;
    const empty = await reviewer.client.submit(page, `${page}/messages`, { body: "  ", criterion: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(fr("form.error.required"));
    const foreign = await reviewer.client.submit(page, `${page}/messages`, {
      body: "Question gardée",
      criterion: "not-a-criterion",
    });
    expect(foreign.status).toBe(422);
    expect(foreign.text).toContain("Question gardée");
  });

  it("lets reviewers mark criteria verified or questioned, once each, and not the candidate", async () => {
    const page = `/fr/applications/${appId}`;
    const mark = (client: TestClient, state: string) =>
      client.submit(page, `${page}/reviews`, { criterion: criterionId, state, note: "vu sur le site" });
    expect((await mark(reviewer.client, "questioned")).status).toBe(303);
    expect((await mark(reviewer.client, "verified")).status).toBe(303);
    const marks = await wholeDb(t.deps.db)
      .selectFrom("criterion_reviews")
      .select(["state", "note"])
      .where("application_id", "=", appId)
      .execute();
    expect(marks).toEqual([{ state: "verified", note: "vu sur le site" }]);
    const token = /name="_csrf" value="([^"]+)"/.exec((await candidate.client.get(page)).text)?.[1] ?? "";
    const own = await candidate.client.post(`${page}/reviews`, {
      _csrf: token,
      criterion: criterionId,
      state: "verified",
    });
    expect(own.status).toBe(403);
    expect((await reviewer.client.get(page)).text).toContain(fr("applications.review.verified"));
  });

  it("refuses questions from people outside the collective and from other candidates", async () => {
    const other = await makeMember(t.deps.db, { membership: "candidate" });
    const outsider = await signedIn(other.id, "admin");
    const page = `/fr/applications/${appId}`;
    expect((await outsider.client.get(page)).status).toBe(403);
    const token =
      /name="_csrf" value="([^"]+)"/.exec((await outsider.client.get("/fr/apply")).text)?.[1] ?? "";
    expect((await outsider.client.post(`${page}/messages`, { _csrf: token, body: "spam" })).status).toBe(403);
    expect((await t.client().post(`${page}/messages`, { body: "anonyme" })).status).toBe(403);
  });
});
