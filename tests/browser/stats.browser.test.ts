import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, noScriptPage } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { translator } from "../../src/i18n/index.js";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "../../src/demo/seed.js";
import { wholeDb } from "../../src/db/adapter.js";

const fr = translator("fr");

/** The statistics of the demo collective, in a real browser with JavaScript off. */
describe.skipIf(!browserAvailable)("stats pages in a real browser", () => {
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

  it("goes from the overview to a file's problems and how to fix them, without JavaScript", async () => {
    const { page, foreign, close } = await noScriptPage(browser, t.url);
    await page.goto(`${t.url}/fr/stats`);
    expect(await page.locator("h1").textContent()).toBe(fr("stats.title"));
    expect(await page.locator("svg.stats-chart__svg").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(".stats-figure dd").first().textContent()).toMatch(/\d/);

    await page.getByRole("link", { name: fr("stats.nav.files") }).click();
    await page.selectOption("#problem", "errors");
    await page.getByRole("button", { name: fr("stats.filter.apply") }).click();
    expect(page.url()).toContain("problem=errors");
    await page.locator("table.stats-table tbody tr td a").first().click();
    await expect.poll(() => page.locator("table.stats-problems").count()).toBe(1);
    const firstError = page.locator("tr.stats-problem--error").first();
    expect(await firstError.count()).toBe(1);
    const fix = (await firstError.locator("td").nth(4).textContent()) ?? "";
    expect(fix.length).toBeGreaterThan(10);

    const lineLink = firstError.locator("td").nth(1).locator("a");
    if ((await lineLink.count()) > 0) {
      await lineLink.click();
      expect(page.url()).toMatch(/#L\d+$/);
    }
    expect(foreign).toEqual([]);
    await close();
  }, 60_000);

  it("shows uptime bars and an organization's page with its services", async () => {
    const { page, foreign, close } = await noScriptPage(browser, t.url);
    await page.goto(`${t.url}/fr/stats/uptime`);
    expect(await page.locator("svg.uptime-bars").count()).toBeGreaterThan(50);
    await page.locator(".uptime-list a").first().click();
    expect(page.url()).toContain("/fr/stats/organizations/");
    expect(await page.locator("svg.uptime-bars rect title").count()).toBeGreaterThan(80);
    await page.locator("table.stats-table tbody th a").first().click();
    expect(page.url()).toContain("/fr/stats/services/");
    expect(await page.getByRole("heading", { name: fr("stats.service.uptime") }).count()).toBe(1);
    expect(foreign).toEqual([]);
    await close();
  }, 60_000);

  it("lets the platform admin start a crawl from the journal, and a structure see its problems on its dashboard", async () => {
    const { page, close } = await noScriptPage(browser, t.url);
    await page.goto(`${t.url}/fr/login`);
    await page.fill("input[name=email]", DEMO_ADMIN_EMAIL);
    await page.fill("input[name=password]", DEMO_PASSWORD);
    await page.locator("main form button[type=submit]:not([formaction])").click();
    await page.goto(`${t.url}/fr/stats/crawls`);
    const runs = await page.locator("table.stats-table tbody tr").count();
    expect(runs).toBeGreaterThanOrEqual(30);
    await page.getByRole("button", { name: fr("stats.crawls.run") }).click();
    expect(await page.locator(".flash").first().textContent()).toBe(fr("stats.crawls.started"));

    const withErrors = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .innerJoin("members", "members.id", "stats_files.member_id")
      .select("members.slug")
      .where("stats_files.errors", ">", 0)
      .executeTakeFirstOrThrow();
    await page.goto(`${t.url}/fr/dashboard/${withErrors.slug}`);
    expect(await page.getByRole("heading", { name: fr("stats.panel.title") }).count()).toBe(1);
    expect(await page.locator(".stats-panel tr.stats-problem--error").count()).toBeGreaterThan(0);
    await close();
  }, 90_000);
});
