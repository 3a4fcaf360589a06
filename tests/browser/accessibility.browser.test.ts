import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../helpers/browser.js";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { publicPages } from "./public-pages.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

function isViolationList(value: unknown): value is AxeViolation[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === "object" && v !== null && "id" in v && "impact" in v)
  );
}

/** axe-core in the same browser on every public page: no serious or critical violation. */
describe.skipIf(!browserAvailable)("accessibility of every public page", () => {
  let t: TestPlatform;
  let browser: Browser;
  let pages: string[] = [];
  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
    browser = await launchBrowser();
    pages = (await publicPages(t.deps)).filter(
      (p) => p.startsWith("/fr") || p === "/en" || p === "/en/services",
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("has no serious or critical axe violation", async () => {
    // axe is injected through the DevTools protocol; the pages' own CSP stays untouched otherwise.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(`${t.url}${path}`);
      await page.evaluate(axeSource);
      const result: unknown = await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })))",
      );
      if (!isViolationList(result)) throw new Error("unexpected axe result");
      for (const v of result) {
        if (v.impact === "serious" || v.impact === "critical") {
          problems.push(
            `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it("can be used with the keyboard alone: every page starts with a skip link to the content", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ["/fr", "/fr/services", "/fr/entraide", "/fr/stats"]) {
      await page.goto(`${t.url}${path}`);
      await page.keyboard.press("Tab");
      expect(
        await page.evaluate("document.activeElement && document.activeElement.getAttribute('href')"),
        path,
      ).toBe("#main");
      await page.keyboard.press("Enter");
      expect(await page.evaluate("document.activeElement && document.activeElement.id"), path).toBe("main");
    }
    await context.close();
  }, 120_000);
});
