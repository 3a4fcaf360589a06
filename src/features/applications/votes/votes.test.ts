import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import * as helpers from "../../../../tests/helpers/applications.js";
import { makeRound } from "../../../../tests/helpers/applications.js";
import { csrfFrom, type TestClient } from "../../../../tests/helpers/client.js";
import { translator, type MessageKey, type Vars } from "../../../i18n/index.js";
import { advanceRound } from "../rounds/advance.js";
import { wholeDb } from "../../../db/adapter.js";

let clock = new Date("2027-06-10T09:00:00.000Z");
let t: TestPlatform;
const fr = (key: MessageKey, vars?: Vars) => escapeHtml(translator("fr")(key, vars));
const system = { actor: null, early: true };

beforeAll(async () => {
  t = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await t.stop();
});

const signedIn = (memberId: string, role: "admin" | "member" = "member") =>
  helpers.signedIn(t, memberId, role);
const submitted = (roundId: string, name: string) => helpers.submittedApplication(t, roundId, name, clock);
const decisionOf = (applicationId: string) => helpers.decisionOf(t, applicationId);
const vote = helpers.formVote;

describe("a round's vote, from opening to decision", () => {
  const members: { id: string; client: TestClient }[] = [];
  let app: Awaited<ReturnType<typeof submitted>>;
  let decisionId = "";
  let roundId = "";

  beforeAll(async () => {
    const round = await makeRound(t.deps.db, { phase: "review", now: clock, label: "Portée n°40" });
    roundId = round.id;
    for (const name of ["Alpha", "Bravo", "Charlie"]) {
      const m = await makeMember(t.deps.db, { name: `Chaton ${name}` });
      members.push({ id: m.id, client: (await signedIn(m.id)).client });
    }
    app = await submitted(round.id, "Chaton Candidat");
    expect(await advanceRound(t.deps, round.id, "review", system)).toBe(true);
    decisionId = (await decisionOf(app.id)).id;
  });

  it("opens one vote per submitted application, with the member structures of the day as electors", async () => {
    const decision = await decisionOf(app.id);
    const electors = await wholeDb(t.deps.db)
      .selectFrom("decision_electors")
      .select("member_id")
      .where("decision_id", "=", decision.id)
      .execute();
    expect(electors.map((e) => e.member_id)).toEqual(expect.arrayContaining(members.map((m) => m.id)));
    expect(electors.map((e) => e.member_id)).not.toContain(app.member.id);
    expect(decision.electors_count).toBe(electors.length);
    const status = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("id", "=", app.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("voting");
    const mails = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .select(["kind"])
      .where("kind", "in", ["vote-open", "application-vote"])
      .execute();
    expect(new Set(mails.map((m) => m.kind))).toEqual(new Set(["vote-open", "application-vote"]));
  });

  it("records a ballot, hides results until the close, and refuses a second ballot for the same structure", async () => {
    const [alpha] = members;
    if (!alpha) throw new Error("setup");
    const first = await vote(alpha.client, decisionId, { member: alpha.id, choice: "for", reason: "" });
    expect(first.status).toBe(303);
    const page = await alpha.client.get(`/fr/decisions/${decisionId}`);
    expect(page.text).toContain(fr("applications.decision.hidden"));
    expect(page.text).not.toContain(fr("applications.decision.results"));
    expect(page.text).toContain(
      fr("applications.result.participation", {
        participants: 1,
        electors: (await decisionOf(app.id)).electors_count,
      }),
    );
    const again = await vote(alpha.client, decisionId, { member: alpha.id, choice: "against" });
    expect(again.status).toBe(409);
    expect(again.text).toContain(fr("applications.vote.error.already_voted"));
    const ballots = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .select("choice")
      .where("decision_id", "=", decisionId)
      .execute();
    expect(ballots).toEqual([{ choice: "for" }]);
  });

  it("lets a structure change its ballot until the close, and refuses a tampered or stale one", async () => {
    const [, bravo] = members;
    if (!bravo) throw new Error("setup");
    expect((await vote(bravo.client, decisionId, { member: bravo.id, choice: "against" })).status).toBe(303);
    const ballot = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .selectAll()
      .where("decision_id", "=", decisionId)
      .where("member_id", "=", bravo.id)
      .executeTakeFirstOrThrow();
    const other = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .select("id")
      .where("decision_id", "=", decisionId)
      .where("member_id", "!=", bravo.id)
      .executeTakeFirstOrThrow();
    const tampered = await vote(bravo.client, decisionId, {
      member: bravo.id,
      choice: "for",
      ballot: other.id,
      version: ballot.updated_at,
    });
    expect(tampered.status).toBe(409);
    expect(tampered.text).toContain(fr("applications.vote.error.stale"));
    const stale = await vote(bravo.client, decisionId, {
      member: bravo.id,
      choice: "for",
      ballot: ballot.id,
      version: "2000-01-01T00:00:00.000Z",
    });
    expect(stale.status).toBe(409);
    clock = new Date(clock.getTime() + 60_000);
    const changed = await vote(bravo.client, decisionId, {
      member: bravo.id,
      choice: "for",
      ballot: ballot.id,
      version: ballot.updated_at,
    });
    expect(changed.status).toBe(303);
    const after = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .selectAll()
      .where("id", "=", ballot.id)
      .executeTakeFirstOrThrow();
    expect(after.choice).toBe("for");
    const log = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select(["action", "data"])
      .where("subject_id", "=", decisionId)
      .execute();
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["vote.cast", "vote.change"]));
    // The choice itself stays out of the log while results are hidden.
    expect(log.some((l) => l.data.includes('"for"') || l.data.includes("against"))).toBe(false);
  });

  it("refuses votes for a structure one does not belong to, from a candidate, a late member, or with a made-up option", async () => {
    const [alpha, , charlie] = members;
    if (!alpha || !charlie) throw new Error("setup");
    const foreign = await vote(charlie.client, decisionId, { member: alpha.id, choice: "against" });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain(fr("applications.vote.error.not_your_structure"));
    const byCandidate = await vote(app.candidate.client, decisionId, {
      member: app.member.id,
      choice: "for",
    });
    expect(byCandidate.status).toBe(403);
    expect(byCandidate.text).toContain(fr("applications.vote.error.candidate"));
    const late = await makeMember(t.deps.db, { name: "Chaton Tardif" });
    const lateVoter = await signedIn(late.id);
    const notElector = await vote(lateVoter.client, decisionId, { member: late.id, choice: "for" });
    expect(notElector.status).toBe(403);
    expect(notElector.text).toContain(fr("applications.vote.error.not_elector"));
    const made = await vote(charlie.client, decisionId, { member: charlie.id, choice: "peut-être" });
    expect(made.status).toBe(422);
    expect(made.text).toContain(fr("applications.vote.error.bad_choice"));
    const counted = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .select("member_id")
      .where("decision_id", "=", decisionId)
      .execute();
    expect(counted.map((b) => b.member_id).sort()).toEqual([members[0]?.id, members[1]?.id].sort());
  });

  it("counts one ballot when two people of one structure vote at the same moment", async () => {
    const m = await wholeDb(t.deps.db)
      .selectFrom("decision_electors")
      .select("member_id")
      .where("decision_id", "=", decisionId)
      .where("member_id", "=", members[2]?.id ?? "")
      .executeTakeFirstOrThrow();
    const a = await signedIn(m.member_id);
    const b = await signedIn(m.member_id);
    const [pageA, pageB] = await Promise.all([
      a.client.get(`/fr/decisions/${decisionId}`),
      b.client.get(`/fr/decisions/${decisionId}`),
    ]);
    const action = `/fr/decisions/${decisionId}/vote`;
    const [resA, resB] = await Promise.all([
      a.client.post(action, {
        _csrf: csrfFrom(pageA.text, action) ?? "",
        member: m.member_id,
        choice: "abstain",
      }),
      b.client.post(action, {
        _csrf: csrfFrom(pageB.text, action) ?? "",
        member: m.member_id,
        choice: "against",
      }),
    ]);
    expect([resA.status, resB.status].sort()).toEqual([303, 409]);
    const ballots = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .select("id")
      .where("decision_id", "=", decisionId)
      .where("member_id", "=", m.member_id)
      .execute();
    expect(ballots).toHaveLength(1);
  });

  it("closes with the round: publishes the count, makes the candidate a member, tells it, and refuses late ballots", async () => {
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await advanceRound(t.deps, roundId, "vote", system)).toBe(true);
    const decision = await decisionOf(app.id);
    expect(decision.status).toBe("closed");
    const result: unknown = JSON.parse(decision.result ?? "{}");
    // The third structure's ballot is whichever of its two simultaneous voters won the race.
    const third = await wholeDb(t.deps.db)
      .selectFrom("ballots")
      .select("choice")
      .where("decision_id", "=", decisionId)
      .where("member_id", "=", members[2]?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(result).toMatchObject({
      counts: { for: 2, against: third.choice === "against" ? 1 : 0 },
      abstentions: third.choice === "abstain" ? 1 : 0,
      participants: 3,
      outcome: "adopted",
      verdict: "accept",
    });
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", app.member.id)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      membership: "member",
      joined_at: clock.toISOString().slice(0, 10),
      joined_round: "Portée n°40",
    });
    const status = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("id", "=", app.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("accepted");
    const mails = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("kind", "=", "application-accept")
      .execute();
    expect(mails.length).toBeGreaterThan(0);
    const publicPage = await t.client().get(`/fr/decisions/${decisionId}`);
    expect(publicPage.text).toContain(fr("applications.outcome.adopted"));
    expect(publicPage.text).toContain(
      fr("applications.result.participation", { participants: 3, electors: decision.electors_count }),
    );
    const roundPage = await t.client().get(`/fr/rounds/${roundId}`);
    expect(roundPage.text).toContain("Chaton Candidat");
    expect(roundPage.text).toContain(fr("applications.verdict.accept"));
    const [alpha] = members;
    if (!alpha) throw new Error("setup");
    const memberView = await alpha.client.get(`/fr/decisions/${decisionId}`);
    expect(memberView.text).toContain(fr("applications.decision.ballots"));
    const late = await vote(alpha.client, decisionId, { member: alpha.id, choice: "against" });
    expect(late.status).toBe(409);
  });
});
