import { readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { LOCALES } from "../../../i18n/index.js";
import { loadMarkdownPage } from "../../site/content.js";
import { STEPS } from "./starter.routes.js";

const contentDir = fileURLToPath(new URL("../../../../content/", import.meta.url));
const now = new Date("2026-11-25T10:00:00.000Z");

async function pagesOf(locale: string): Promise<string[]> {
  const entries = await readdir(`${contentDir}${locale}`, { recursive: true });
  return entries.filter((e) => e.endsWith(".md")).sort();
}

describe("the content pages", () => {
  it("exist in every language, so no locale falls back by accident", async () => {
    const french = await pagesOf("fr");
    expect(french).toContain("code-of-conduct.md");
    for (const locale of LOCALES) expect(await pagesOf(locale), locale).toEqual(french);
  });

  it("keep the same links in every language", async () => {
    const links = async (locale: string, page: string) => {
      const { html } = await loadMarkdownPage(
        locale === "de" ? "de" : locale === "en" ? "en" : "fr",
        page,
        {},
      );
      return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    };
    for (const file of await pagesOf("fr")) {
      const page = file.replace(/\.md$/, "");
      const french = await links("fr", page);
      for (const locale of ["en", "de"])
        expect(await links(locale, page), `${locale}/${page}`).toEqual(french);
    }
  });

  it("fall back to French, marked as French, when a translation is missing", async () => {
    const name = `fallback-probe-${process.pid}`;
    const warnings: unknown[] = [];
    await writeFile(`${contentDir}fr/${name}.md`, "# Page seulement en français\n\nBonjour.\n");
    try {
      const page = await loadMarkdownPage("de", name, {}, { warn: (o: unknown) => warnings.push(o) });
      expect(page.lang).toBe("fr");
      expect(page.title).toBe("Page seulement en français");
      expect(warnings).toEqual([{ page: name, locale: "de", fallback: "fr" }]);
    } finally {
      await rm(`${contentDir}fr/${name}.md`);
    }
  });
});

describe("the German code of conduct and starter guide", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ now: () => now });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("answer 200 in German, marked as German", async () => {
    const conduct = await t.client().get("/de/code-of-conduct");
    expect(conduct.status).toBe(200);
    expect(conduct.text).toContain("<h1>Verhaltenskodex</h1>");
    expect(conduct.text).toContain('<article class="prose" lang="de">');
    const index = await t.client().get("/de/starter-guide");
    expect(index.status).toBe(200);
    expect(index.text).toContain("<h1>Ich möchte ein Chaton werden</h1>");
    for (const step of STEPS) {
      const page = await t.client().get(`/de/starter-guide/${step}`);
      expect(page.status, step).toBe(200);
      expect(page.text).toContain('<article class="prose" lang="de">');
    }
  });
});
