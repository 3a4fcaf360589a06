import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makeMember, makeService } from "../helpers/factories.js";
import { translator } from "../../src/i18n/index.js";

const fr = translator("fr");

describe.skipIf(!browserAvailable)("leaving Google Docs for a member nearby, in a real browser", () => {
  let t: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestPlatform();
    browser = await launchBrowser();
    const db = t.deps.db;
    const places = [
      { slug: "lille", name: "Chaton lillois", city: "Lille", latitude: 50.63, longitude: 3.06 },
      { slug: "lyon", name: "Chaton lyonnais", city: "Lyon", latitude: 45.76, longitude: 4.83 },
      { slug: "grenoble", name: "Chaton grenoblois", city: "Grenoble", latitude: 45.19, longitude: 5.72 },
      { slug: "marseille", name: "Chaton marseillais", city: "Marseille", latitude: 43.3, longitude: 5.37 },
    ];
    for (const p of places) {
      const member = await makeMember(db, p);
      await makeService(db, member.id, { name: `Pad ${p.city}`, category_id: "pad" });
      await makeService(db, member.id, { name: `Agenda ${p.city}`, category_id: "calendar" });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  for (const width of [390, 1280]) {
    it(`types “Google Docs” on the home page, then “Lyon”, and gets the nearest pads first (${width} px)`, async () => {
      const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height: 900 } });
      const page = await context.newPage();
      const foreign = watchForeignRequests(page, t.url);
      await page.goto(`${t.url}/fr`);
      await page.fill("#leave-q", "Google Docs");
      await page.click(`form.leave-form button:has-text("${fr("home.leave.submit")}")`);
      await page.waitForURL(/\/fr\/services\?q=Google\+Docs/);
      expect(await page.textContent("#alternative-title")).toBe("Alternatives à Google Docs");
      expect((await page.locator(".service-card__title").allTextContents()).sort()).toEqual([
        "Pad Grenoble",
        "Pad Lille",
        "Pad Lyon",
        "Pad Marseille",
      ]);
      expect(await page.locator(".service-card__replaces").first().textContent()).toContain("Google Docs");

      await page.fill("#finder-near", "Lyon");
      // The search button stands outside the filters' disclosure, closed on a phone.
      await page.click(`form.filters button:has-text("${fr("directory.filters.search")}")`);
      await page.waitForURL(/near=Lyon/);
      expect(await page.locator(".service-card__title").allTextContents()).toEqual([
        "Pad Lyon",
        "Pad Grenoble",
        "Pad Marseille",
        "Pad Lille",
      ]);
      expect(await page.locator(".service-card__distance").nth(1).textContent()).toMatch(/à 9\d,\d km/);
      expect(await page.textContent(".near-notice")).toContain("Lyon");
      // Nothing wider than the screen.
      const scrollWidth: unknown = await page.evaluate("document.documentElement.scrollWidth");
      expect(scrollWidth).toBeLessThanOrEqual(width);

      await page.click(`a:has-text("${fr("directory.finder.map")}")`);
      await page.waitForURL(/\/fr\/map\?/);
      const targets = page.locator(".map__hit");
      expect(await targets.count()).toBeGreaterThan(0);
      for (let i = 0; i < (await targets.count()); i++) {
        const box = await targets.nth(i).boundingBox();
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
      }
      expect(foreign).toEqual([]);
      await context.close();
    });
  }
});
