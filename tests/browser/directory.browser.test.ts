import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, noScriptPage } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makeMember, makePerson, makeService } from "../helpers/factories.js";
import { translator } from "../../src/i18n/index.js";

const fr = translator("fr");

describe.skipIf(!browserAvailable)("directory in a real browser", () => {
  let t: TestPlatform;
  let browser: Browser;
  let admin: { email: string; password: string };
  beforeAll(async () => {
    t = await startTestPlatform();
    browser = await launchBrowser();
    const db = t.deps.db;
    const lyon = await makeMember(db, { name: "Chaton des Traboules", slug: "traboules" });
    const rennes = await makeMember(db, {
      name: "Coop du Thabor",
      slug: "thabor",
      city: "Rennes",
      region: "Bretagne",
      latitude: 48.11,
      longitude: -1.68,
    });
    const liege = await makeMember(db, {
      name: "Chaton de Liège",
      slug: "liege",
      city: "Liège",
      region: "Wallonie",
      country_code: "BE",
      latitude: 50.63,
      longitude: 5.57,
    });
    await makeMember(db, {
      name: "Chaton de Montréal",
      slug: "montreal",
      city: "Montréal",
      region: "Québec",
      country_code: "CA",
      latitude: 45.5,
      longitude: -73.57,
    });
    await makeService(db, lyon.id, {
      name: "Pad des Traboules",
      slug: "pad",
      category_id: "pad",
      access: "none",
    });
    await makeService(db, lyon.id, {
      name: "Nuage des Traboules",
      slug: "cloud",
      category_id: "document-storage",
      access: "members",
    });
    await makeService(db, rennes.id, {
      name: "Pad du Thabor",
      slug: "pad",
      category_id: "pad",
      access: "open",
    });
    await makeService(db, liege.id, {
      name: "Pad liégeois",
      slug: "pad",
      category_id: "pad",
      access: "none",
    });
    admin = await makePerson(db, { memberships: [{ memberId: rennes.id, role: "admin" }] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("lets a visitor filter by category, access and country, find a pad needing no account, and open its member's page (no JavaScript)", async () => {
    const { page, foreign, close } = await noScriptPage(browser, t.url);
    await page.goto(`${t.url}/fr/services`);
    // Without JavaScript the filters wait in their closed "Filtres" disclosure.
    expect(await page.isVisible("#finder-category")).toBe(false);
    await page.click("summary.finder__filters-toggle");
    await page.selectOption("#finder-category", "pad");
    await page.check('input[name="access"][value="none"]');
    await page.selectOption("#finder-country", "FR");
    await page.click(`form.filters button:has-text("${fr("directory.filters.submit")}")`);
    await page.waitForURL(/\/fr\/services\?/);
    const query = new URL(page.url()).searchParams;
    expect(query.get("category")).toBe("pad");
    expect(query.getAll("access")).toEqual(["none"]);
    expect(query.get("country")).toBe("FR");
    const titles = await page.locator(".service-card__title").allTextContents();
    expect(titles).toEqual(["Pad des Traboules"]);
    // The applied filters, counted on the closed disclosure and shown as chips that remove them.
    expect(await page.textContent("summary.finder__filters-toggle")).toBe("Filtres (3)");
    const chip = page.locator(".chips a", { hasText: fr("directory.access.none") });
    const without = new URL((await chip.getAttribute("href")) ?? "", t.url).searchParams;
    expect([without.get("category"), without.getAll("access"), without.get("country")]).toEqual([
      "pad",
      [],
      "FR",
    ]);
    const card = page.locator(".service-card", { hasText: "Pad des Traboules" });
    expect(await card.textContent()).toContain(fr("directory.access.none"));
    await card.locator('.service-card__member a:has-text("Chaton des Traboules")').click();
    await page.waitForURL(/\/fr\/members\/traboules$/);
    expect(await page.textContent("h1")).toBe("Chaton des Traboules");
    expect(await page.locator("#member-services ~ ul .service-card__title").allTextContents()).toEqual(
      expect.arrayContaining(["Pad des Traboules", "Nuage des Traboules"]),
    );
    expect(await page.context().cookies()).toEqual([]);
    expect(foreign).toEqual([]);
    await close();
  });

  it("lets a structure admin add a service and see it listed", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const errors: string[] = [];
    // The refused form answers 422, which Chromium reports as a failed load: that one is expected.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("status of 422")) errors.push(m.text());
    });
    await page.goto(`${t.url}/fr/login`);
    await page.fill("#field-email", admin.email);
    await page.fill("#field-password", admin.password);
    await page.click(`button:has-text("${fr("login.submit")}")`);
    await page.waitForURL(/\/fr\/account$/);
    await page.goto(`${t.url}/fr/dashboard/thabor`);
    await page.click(`a:has-text("${fr("directory.dashboard.services.add")}")`);
    await page.waitForURL(/\/fr\/members\/thabor\/services\/new$/);
    await page.fill("#field-name", "Sondages du Thabor");
    await page.selectOption("#field-category_id", "poll");
    await page.fill("#field-url", "not a url");
    await page.fill("#field-software_name", "Framadate");
    await page.selectOption("#field-access", "none");
    await page.click(`button:has-text("${fr("form.save")}")`);
    // Refused with the form kept and the field named.
    expect(await page.textContent("#error-url")).toBe(fr("form.error.url"));
    expect(await page.inputValue("#field-name")).toBe("Sondages du Thabor");
    await page.fill("#field-url", "https://sondages.thabor.example.org/");
    await page.click(`button:has-text("${fr("form.save")}")`);
    await page.waitForURL(/\/fr\/members\/thabor#service-sondages-du-thabor$/);
    expect(await page.textContent(".flash--success")).toBe(fr("directory.service.new.done"));
    expect(await page.locator("#service-sondages-du-thabor .service-card__title").textContent()).toBe(
      "Sondages du Thabor",
    );
    await page.goto(`${t.url}/fr/services?category=poll`);
    expect(await page.locator(".service-card__title").allTextContents()).toContain("Sondages du Thabor");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("renders the map and the avatars without JavaScript", async () => {
    const { page, foreign, close } = await noScriptPage(browser, t.url);
    const images: { url: string; status: number; type: string }[] = [];
    page.on("response", (r) => {
      if (/avatar\.svg|\/kittens\//.test(r.url()))
        images.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] ?? "" });
    });
    await page.goto(`${t.url}/fr/map`);
    const map = page.locator("svg.map");
    expect((await map.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    expect(await map.locator("path").count()).toBeGreaterThan(10);
    const points = map.locator("a");
    expect(await points.count()).toBe(3);
    expect(await map.locator('a[href="/fr/members/thabor"]').getAttribute("aria-label")).toBe(
      "Coop du Thabor, Rennes",
    );
    expect(await page.locator("#map-outside ~ ul").textContent()).toContain("Chaton de Montréal");
    await map.locator('a[href="/fr/members/liege"]').click();
    await page.waitForURL(/\/fr\/members\/liege$/);
    const avatar = page.locator(".member-head img.avatar");
    expect((await avatar.boundingBox())?.width).toBe(96);

    await page.goto(`${t.url}/fr/members`);
    expect(await page.locator("img.avatar").count()).toBe(4);
    await page.goto(`${t.url}/fr/kittens?seed=minou`);
    await page.check('input[name="ears"][value="round"]');
    await page.click(`button:has-text("${fr("kittens.form.submit")}")`);
    await page.waitForURL(/ears=round/);
    expect(await page.locator(".kitten-preview img").getAttribute("src")).toMatch(
      /^\/kittens\/minou\.svg\?.*ears=round/,
    );
    expect((await page.locator(".kitten-preview img").boundingBox())?.width).toBe(256);

    const avatars = images.filter((i) => i.url.includes("avatar.svg"));
    expect(avatars.length).toBeGreaterThanOrEqual(5);
    for (const image of images) {
      expect(image.status, image.url).toBe(200);
      expect(image.type).toContain("image/svg+xml");
    }
    expect(foreign).toEqual([]);
    await close();
  });
});
