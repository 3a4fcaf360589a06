import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { DEMO_PASSWORD } from "../../src/demo/seed.js";
import { publicPages } from "./public-pages.js";
import { signedInWalks } from "./walk-pages.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * What the page must never do at the width it is shown: scroll sideways, set running text under
 * 16 px, or offer a tap target under 24 px (axe's target-size, which knows WCAG's inline and
 * spacing exceptions). Returned as readable problems, empty when the page is fine.
 */
const LAYOUT_PROBE = `(() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".table-wrap, .scroll-x, pre"))
      .slice(0, 3)
      .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""));
    problems.push("scrolls sideways: " + root.scrollWidth + " > " + window.innerWidth + " (" + wide.join(", ") + ")");
  }
  const small = [];
  for (const el of document.querySelectorAll("main p, main li, main dd, main td, main label, main input, main select, main textarea, main summary")) {
    if (el.closest(".visually-hidden, svg, figcaption")) continue;
    if (el.tagName === "INPUT" && !["text", "email", "url", "password", "search", "number", "date", "tel"].includes(el.type)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own && !["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 15.99 && el.getClientRects().length > 0) small.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "") + " " + size + "px");
  }
  if (small.length > 0) problems.push("text under 16 px: " + [...new Set(small)].slice(0, 4).join(", "));
  // Chart and map labels: at least 12 px as drawn, an SVG's scaling included.
  const tiny = [];
  for (const el of document.querySelectorAll("svg text, .stats-chart__x, .stats-chart__y, .uptime-dates")) {
    if (el.getClientRects().length === 0) continue;
    const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
    const size = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (size < 11.99) tiny.push((el.getAttribute("class") ?? el.tagName) + " " + size.toFixed(1) + "px");
  }
  if (tiny.length > 0) problems.push("chart text under 12 px: " + [...new Set(tiny)].slice(0, 4).join(", "));
  return problems;
})()`;

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

function isViolationList(value: unknown): value is AxeViolation[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === "object" && v !== null && "id" in v && "nodes" in v)
  );
}
function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

async function problemsOn(page: Page, url: string, path: string, withAxe: boolean): Promise<string[]> {
  const res = await page.goto(`${url}${path}`);
  const problems: string[] = [];
  if ((res?.status() ?? 500) >= 400) return [`${path}: HTTP ${res?.status()}`];
  const layout: unknown = await page.evaluate(LAYOUT_PROBE);
  if (!isStringList(layout)) throw new Error("unexpected layout probe result");
  problems.push(...layout.map((p) => `${path}: ${p}`));
  if (!withAxe) return problems;
  await page.evaluate(axeSource);
  const result: unknown = await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))",
  );
  if (!isViolationList(result)) throw new Error("unexpected axe result");
  for (const v of result) problems.push(`${path}: axe ${v.id} (${v.impact}) ${v.nodes.join(", ")}`);
  return problems;
}

/**
 * Every public page and every signed-in page of the demo, at a phone's width and a laptop's:
 * no sideways scroll, running text of at least 16 px, tap targets of at least 24 px and no axe
 * violation of any impact. Every language gets the full check on a phone; on a laptop, French
 * pages do (the others share their templates).
 */
describe.skipIf(!browserAvailable)("every page on a phone and a laptop", () => {
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

  for (const viewport of [PHONE, DESKTOP]) {
    it(`public pages at ${viewport.width}x${viewport.height}`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true, locale: "fr-FR" });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of await publicPages(t.deps))
        problems.push(...(await problemsOn(page, t.url, path, viewport === PHONE || path.startsWith("/fr"))));
      await context.close();
      expect(problems).toEqual([]);
    }, 600_000);

    it(`signed-in pages at ${viewport.width}x${viewport.height}`, async () => {
      const problems: string[] = [];
      for (const walk of await signedInWalks(t.deps)) {
        const context = await browser.newContext({ viewport, bypassCSP: true, locale: "fr-FR" });
        const page = await context.newPage();
        await page.goto(`${t.url}/fr/login`);
        await page.fill("#field-email", walk.email);
        await page.fill("#field-password", DEMO_PASSWORD);
        await page.click("main button[type=submit]");
        await page.waitForURL(/\/fr\/account$/);
        for (const path of walk.paths) problems.push(...(await problemsOn(page, t.url, path, true)));
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
