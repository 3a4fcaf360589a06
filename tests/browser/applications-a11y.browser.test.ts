import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { DEMO_ADMIN_EMAIL, DEMO_CANDIDATE_EMAIL, DEMO_PASSWORD } from "../../src/demo/seed.js";
import { wholeDb } from "../../src/db/adapter.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function isViolationList(value: unknown): value is { id: string; impact: string | null; help: string }[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === "object" && v !== null && "id" in v && "impact" in v)
  );
}

/** axe-core on the application process's pages of the demo, signed out and signed in. */
describe.skipIf(!browserAvailable)("accessibility of the application pages", () => {
  let t: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function problemsOn(page: Page, paths: string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const path of paths) {
      const res = await page.goto(`${t.url}${path}`);
      expect(res?.status(), path).toBeLessThan(400);
      await page.evaluate(axeSource);
      const result: unknown = await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help })))",
      );
      if (!isViolationList(result)) throw new Error("unexpected axe result");
      for (const v of result)
        if (v.impact === "serious" || v.impact === "critical")
          problems.push(`${path}: ${v.id} (${v.impact}) ${v.help}`);
    }
    return problems;
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${t.url}/fr/login`);
    await page.fill("#field-email", email);
    await page.fill("#field-password", DEMO_PASSWORD);
    await page.click("main button[type=submit]");
    await page.waitForURL(/\/fr\/account$/);
  }

  it("has no serious or critical violation and calls no third party", async () => {
    const { db } = t.deps;
    const round = await wholeDb(db)
      .selectFrom("rounds")
      .select("id")
      .where("phase", "=", "vote")
      .executeTakeFirstOrThrow();
    const decision = await wholeDb(db)
      .selectFrom("decisions")
      .select("id")
      .where("kind", "=", "proposal")
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    const app = await wholeDb(db)
      .selectFrom("applications")
      .innerJoin("memberships", "memberships.member_id", "applications.member_id")
      .innerJoin("people", "people.id", "memberships.person_id")
      .select("applications.id")
      .where("people.email", "=", DEMO_CANDIDATE_EMAIL)
      .executeTakeFirstOrThrow();

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    const publicPaths = [
      "/fr/charter",
      "/en/charter",
      "/fr/apply",
      "/fr/rounds",
      `/fr/rounds/${round.id}`,
      "/fr/decisions",
      `/fr/decisions/${decision.id}`,
    ];
    const problems = await problemsOn(page, publicPaths);
    await signIn(page, DEMO_CANDIDATE_EMAIL);
    problems.push(
      ...(await problemsOn(page, [
        "/fr/apply",
        `/fr/applications/${app.id}`,
        `/fr/applications/${app.id}/history`,
      ])),
    );
    await context.clearCookies();
    await signIn(page, DEMO_ADMIN_EMAIL);
    problems.push(
      ...(await problemsOn(page, [
        "/fr/charter/reassessments",
        "/fr/charter/admin",
        "/fr/rounds/new",
        "/fr/decisions/new",
        `/fr/applications/${app.id}`,
      ])),
    );
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  }, 300_000);
});
