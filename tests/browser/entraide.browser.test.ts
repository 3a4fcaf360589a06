import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser, watchForeignRequests } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makeMember, makePerson } from "../helpers/factories.js";
import { startFakeServer, type FakeServer } from "../helpers/fake-server.js";
import { ETHERPAD_PAGE, directoryServiceFor, htmlAfter, makeInstance } from "../helpers/entraide.js";
import { PROBE_JOB } from "../../src/probe/rounds.js";
import { translator } from "../../src/i18n/index.js";

const fr = translator("fr");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ETHERCALC = "<!doctype html><title>EtherCalc</title><h1>EtherCalc</h1>";

describe.skipIf(!browserAvailable)("entraide portal in a real browser, JavaScript off", () => {
  let t: TestPlatform;
  let browser: Browser;
  const servers: FakeServer[] = [];
  let structure: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestPlatform();
    browser = await launchBrowser();
    const pad = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
    const calcA = await startFakeServer(htmlAfter(ETHERCALC));
    const calcB = await startFakeServer(htmlAfter(ETHERCALC));
    servers.push(pad, calcA, calcB);
    structure = await makeMember(t.deps.db, { name: "Chaton Pad", tos_url: `${pad.url}/cgu` });
    await makeInstance(t.deps.db, { memberId: structure.id, url: `${pad.url}/` });
    for (const [name, server] of [
      ["Chaton Calc A", calcA],
      ["Chaton Calc B", calcB],
    ] as const) {
      const m = await makeMember(t.deps.db, { name });
      await makeInstance(t.deps.db, {
        memberId: m.id,
        url: `${server.url}/`,
        serviceId: "spreadsheet",
        software: "ethercalc",
      });
    }
    await t.deps.jobs.runNow(PROBE_JOB);
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    await t?.stop();
  });

  it("goes from the portal to a healthy member instance, light and without a cookie", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, t.url);
    let bytes = 0;
    page.on("response", (response) => {
      if (response.url().startsWith(t.url))
        void response.body().then(
          (body) => (bytes += body.length),
          () => undefined,
        );
    });

    await page.goto(`${t.url}/entraide`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("h1")).toBe(fr("entraide.portal.title"));
    await page.waitForLoadState("networkidle");
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(50 * 1024);
    expect(foreign).toEqual([]);

    await page.click(`li.p-service:has-text("Écrire à plusieurs") a.p-button`);
    await page.waitForURL(`${servers[0]?.url}/`);
    expect(await page.textContent("title")).toBe("Etherpad");
    expect(foreign.every((u) => u.startsWith(servers[0]?.url ?? "-"))).toBe(true);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("lets the visitor pick the member, with a native disclosure and no script", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${t.url}/fr/entraide`);
    const card = page.locator(`li.p-service:has-text("Tableur collaboratif")`);
    await card.locator("summary").click();
    await card.locator("a", { hasText: "Chaton Calc B" }).click();
    await page.waitForURL(`${servers[2]?.url}/`);
    expect(await page.textContent("h1")).toBe("EtherCalc");
    await context.close();
  });

  it("has no serious or critical axe violation on the portal's pages", async () => {
    const root = await makePerson(t.deps.db, { admin: true });
    const context = await browser.newContext({ bypassCSP: true, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${t.url}/fr/login`);
    await page.fill("#field-email", root.email);
    await page.fill("#field-password", root.password);
    await page.click(`button:has-text("${fr("login.submit")}")`);
    await page.waitForURL(/\/fr\/account$/);
    const problems: string[] = [];
    for (const path of [
      "/fr/entraide",
      "/en/entraide",
      "/fr/entraide/date-poll",
      "/fr/entraide/nope",
      `/fr/entraide/members/${structure.slug}`,
      "/fr/admin/entraide",
      "/fr/admin/entraide/services/pad",
    ]) {
      await page.goto(`${t.url}${path}`);
      await page.evaluate(axeSource);
      const result: unknown = await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))",
      );
      if (!Array.isArray(result)) throw new Error("unexpected axe result");
      for (const v of result) problems.push(`${path}: ${String(v)}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets a structure lend an instance with the form alone", async () => {
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: structure.id, role: "admin" }] });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${t.url}/fr/login`);
    await page.fill("#field-email", admin.email);
    await page.fill("#field-password", admin.password);
    await page.click(`button:has-text("${fr("login.submit")}")`);
    // The structure lends one of its directory services: no address to type again.
    const paste = await directoryServiceFor(t.deps.db, {
      memberId: structure.id,
      url: `${servers[0]?.url}/paste/`,
      software: "privatebin",
      serviceId: "pastebin",
    });
    await page.goto(`${t.url}/fr/entraide/members/${structure.slug}`);
    await page.selectOption("#field-service_id", "pastebin");
    await page.selectOption("#field-directory_service_id", paste);
    await page.fill("#field-weight", "3");
    await page.click(`button:has-text("${fr("entraide.form.submit")}")`);
    await page.waitForURL(`${t.url}/fr/entraide/members/${structure.slug}`);
    expect(await page.textContent("main")).toContain(fr("entraide.flash.proposed"));
    expect(await page.textContent("main")).toContain(fr("entraide.approval.pending"));
    await context.close();
  });
});
