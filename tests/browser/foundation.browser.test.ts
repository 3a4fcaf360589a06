import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makePerson } from "../helpers/factories.js";
import { translator } from "../../src/i18n/index.js";

describe.skipIf(!browserAvailable)("foundation in a real browser", () => {
  let t: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("shows the home page in both languages, signs in, and never leaves the platform's origin", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));

    await page.goto(t.url);
    expect(new URL(page.url()).pathname).toBe("/en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toBe(translator("en")("home.title"));

    await page.click("a.lang-switch");
    expect(new URL(page.url()).pathname).toBe("/fr");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("h1")).toBe(translator("fr")("home.title"));
    expect(await context.cookies()).toEqual([]);

    const person = await makePerson(t.deps.db, { name: "Dominique" });
    await page.click(`text=${translator("fr")("layout.signin")}`);
    await page.fill("#field-email", person.email);
    await page.fill("#field-password", person.password);
    await page.click(`button:has-text("${translator("fr")("login.submit")}")`);
    await page.waitForURL(/\/fr\/account$/);
    expect(await page.textContent("main")).toContain(person.email);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toEqual(["chatons_session"]);
    expect(cookies[0]?.httpOnly).toBe(true);

    // Keyboard: the skip link is the first stop and moves focus to the main content.
    await page.goto(`${t.url}/fr/about`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")).toBe(
      "#main",
    );

    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
