import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../../../../tests/helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { wholeDb } from "../../../db/adapter.js";

/** The point of fetching logos: a browser shows them while talking to the platform only. */
describe.skipIf(!browserAvailable)("member logos in a browser", () => {
  let t: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
    await t.deps.jobs.runNow("directory.logos");
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("loads the demo logos from the platform's own origin, and nothing from the members' sites", async () => {
    const row = await wholeDb(t.deps.db)
      .selectFrom("members")
      .innerJoin("member_logos", "member_logos.member_id", "members.id")
      .select("members.slug")
      .where("members.membership", "=", "member")
      .where("member_logos.content_hash", "is not", null)
      .executeTakeFirstOrThrow();
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    for (const path of [`/fr/members/${row.slug}`, "/fr/members", "/fr/services"]) {
      const response = await page.goto(`${t.url}${path}`);
      expect(response?.status()).toBe(200);
    }
    await page.goto(`${t.url}/fr/members/${row.slug}`);
    const logo = page.locator("img.member-logo").first();
    await logo.waitFor();
    // A string: the test code is compiled without the DOM types.
    expect(await page.evaluate("document.querySelector('img.member-logo').naturalWidth")).toBe(160);
    expect(foreign).toEqual([]);
    await context.close();
  }, 120_000);
});
