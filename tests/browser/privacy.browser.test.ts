import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { publicPages } from "./public-pages.js";

/**
 * The privacy promise, checked the way an auditor would: every public page, in a real browser,
 * must make no request to another origin, set no cookie, and trigger no Content Security Policy
 * violation (which is how an inline script or style would show up).
 */
describe.skipIf(!browserAvailable)("privacy of every public page", () => {
  let t: TestPlatform;
  let browser: Browser;
  let pages: string[] = [];
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
    browser = await launchBrowser();
    pages = await publicPages(t.deps);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("makes no third-party request, sets no cookie and breaks no CSP rule", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    const violations: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" || /Content Security Policy/i.test(text))
        violations.push(`${page.url()}: ${text}`);
    });
    page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
    const statuses: string[] = [];
    for (const path of pages) {
      const response = await page.goto(`${t.url}${path}`);
      const status = response?.status() ?? 0;
      if (status !== 200) statuses.push(`${path} → ${status}`);
    }
    expect(statuses).toEqual([]);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 300_000);
});
