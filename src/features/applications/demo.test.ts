import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator } from "../../i18n/index.js";
import { DEMO_CANDIDATE_EMAIL, DEMO_PASSWORD } from "../../demo/seed.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ demo: true });
}, 120_000);
afterAll(async () => {
  await t.stop();
});

describe("the demo's application process", () => {
  it("has re-assessments asked lately, due after today, started from last year's answers", async () => {
    const now = t.deps.now().toISOString();
    const open = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select(["id", "due_at"])
      .where("kind", "=", "reassessment")
      .where("status", "=", "draft")
      .execute();
    expect(open.length).toBeGreaterThan(0);
    for (const file of open) {
      expect(file.due_at && file.due_at > now, file.id).toBe(true);
      const carried = await wholeDb(t.deps.db)
        .selectFrom("application_answers")
        .select("carried_from")
        .where("application_id", "=", file.id)
        .execute();
      expect(carried.length).toBeGreaterThan(0);
      expect(carried.every((a) => a.carried_from !== null)).toBe(true);
    }
  });

  it("has a decided round and a round in its vote phase with the three candidates", async () => {
    const rounds = await wholeDb(t.deps.db)
      .selectFrom("rounds")
      .select(["id", "label", "phase"])
      .orderBy("closes_at")
      .execute();
    expect(rounds.map((r) => r.phase)).toEqual(["decided", "vote"]);
    const open = rounds[1];
    const apps = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .innerJoin("members", "members.id", "applications.member_id")
      .select(["applications.id", "applications.status", "members.membership"])
      .where("round_id", "=", open?.id ?? "")
      .execute();
    expect(apps).toHaveLength(3);
    expect(apps.every((a) => a.status === "voting" && a.membership === "candidate")).toBe(true);
    const decided = await wholeDb(t.deps.db)
      .selectFrom("applications")
      .select("status")
      .where("round_id", "=", rounds[0]?.id ?? "")
      .execute();
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((a) => a.status === "accepted")).toBe(true);
  });

  it("shows the demo candidate its file with questions, answers and pre-check results", async () => {
    const client = t.client();
    await client.login(DEMO_CANDIDATE_EMAIL, DEMO_PASSWORD);
    const apply = await client.get("/fr/apply");
    const link = /href="(\/fr\/applications\/[^"#]+)"/.exec(apply.text)?.[1] ?? "";
    expect(link).not.toBe("");
    await t.deps.jobs.runNow("applications.checks");
    const page = await client.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain(escapeHtml("où sont stockées les sauvegardes"));
    expect(page.text).toContain(escapeHtml(translator("fr")("applications.thread.role.candidate")));
    expect(page.text).toContain(escapeHtml(translator("fr")("applications.check.name.legal-pages")));
    const results = await wholeDb(t.deps.db).selectFrom("check_results").select("status").execute();
    expect(results.some((r) => r.status === "pass")).toBe(true);
    const ballots = await wholeDb(t.deps.db).selectFrom("ballots").select("id").execute();
    expect(ballots.length).toBeGreaterThan(5);
  });
});
