import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import * as helpers from "../../../../tests/helpers/applications.js";
import { makeRound } from "../../../../tests/helpers/applications.js";
import { translator, type MessageKey, type Vars } from "../../../i18n/index.js";
import { advanceRound } from "../rounds/advance.js";
import { wholeDb } from "../../../db/adapter.js";

const clock = new Date("2027-06-10T09:00:00.000Z");
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

describe("refusals, ties and missed quorum", () => {
  it("refuses a candidate with the reasons given, and sends them", async () => {
    const round = await makeRound(t.deps.db, { phase: "review", now: clock, label: "Portée n°41" });
    const voters = [];
    for (let i = 0; i < 3; i++) {
      const m = await makeMember(t.deps.db);
      voters.push({ id: m.id, client: (await signedIn(m.id)).client });
    }
    const app = await submitted(round.id, "Chaton Refusé");
    const questioned = await wholeDb(t.deps.db)
      .selectFrom("charter_criteria")
      .select("id")
      .where("code", "=", "H2")
      .where("version_id", "=", "charter-v1")
      .executeTakeFirstOrThrow();
    await wholeDb(t.deps.db)
      .insertInto("criterion_reviews")
      .values({
        application_id: app.id,
        criterion_id: questioned.id,
        person_id: (await makePerson(t.deps.db)).id,
        member_id: null,
        state: "questioned",
        note: "hébergeur non nommé",
        at: clock.toISOString(),
      })
      .execute();
    await advanceRound(t.deps, round.id, "review", system);
    const decision = await decisionOf(app.id);
    const choices = ["against", "against", "for"];
    for (const [i, v] of voters.entries())
      expect(
        (
          await vote(v.client, decision.id, {
            member: v.id,
            choice: choices[i] ?? "for",
            reason: i === 0 ? "Pas encore de CGU claires" : "",
          })
        ).status,
      ).toBe(303);
    await advanceRound(t.deps, round.id, "vote", system);
    const stored = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", app.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("refused");
    expect(JSON.parse(stored.decision_reasons ?? "{}")).toMatchObject({
      outcome: "rejected",
      against: ["Pas encore de CGU claires"],
    });
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .select("membership")
      .where("id", "=", app.member.id)
      .executeTakeFirstOrThrow();
    expect(member.membership).toBe("candidate");
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("kind", "=", "application-reject")
      .execute();
    expect(
      mail.some(
        (m) =>
          m.text_body.includes("Pas encore de CGU claires") && m.text_body.includes("hébergeur non nommé"),
      ),
    ).toBe(true);
    const page = await app.candidate.client.get(`/fr/applications/${app.id}`);
    expect(page.text).toContain(fr("applications.app.reasons"));
    expect(page.text).toContain("Pas encore de CGU claires");
    // A refused structure may prepare a new application for a later round.
    const again = await app.candidate.client.submit("/fr/apply", "/fr/applications", {
      member: app.member.id,
    });
    expect(again.status).toBe(303);
    const files = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("member_id", "=", app.member.id)
      .orderBy("created_at")
      .execute();
    expect(files.map((f) => f.status).sort()).toEqual(["draft", "refused"]);
  });

  it("postpones an application that missed its quorum, and carries it into the next round", async () => {
    const round = await makeRound(t.deps.db, {
      phase: "review",
      now: clock,
      label: "Portée n°42",
      quorumPercent: 60,
      quorumOutcome: "postpone",
    });
    const m = await makeMember(t.deps.db);
    const voter = await signedIn(m.id);
    const app = await submitted(round.id, "Chaton Reporté");
    await advanceRound(t.deps, round.id, "review", system);
    await vote(voter.client, (await decisionOf(app.id)).id, { member: m.id, choice: "for" });
    await advanceRound(t.deps, round.id, "vote", system);
    const result: unknown = JSON.parse((await decisionOf(app.id)).result ?? "{}");
    expect(result).toMatchObject({ outcome: "no_quorum", verdict: "postpone", quorumMet: false });
    expect(
      (
        await wholeDb(t.deps.db)
          .selectFrom("applications")
          .select("status")
          .where("id", "=", app.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("postponed");
    const next = await makeRound(t.deps.db, { phase: "upcoming", now: clock, label: "Portée n°43" });
    await advanceRound(t.deps, next.id, "upcoming", system);
    const moved = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select(["status", "round_id"])
      .where("id", "=", app.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ status: "submitted", round_id: next.id });
  });
});
