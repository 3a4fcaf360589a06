import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { DEFAULT_CHARTER, defaultGerman, type DefaultText } from "./default-charter.js";
import { localized } from "./charter.repository.js";

function texts(): DefaultText[] {
  return [
    DEFAULT_CHARTER.summary,
    ...DEFAULT_CHARTER.parts.flatMap((p) => [
      p.name,
      p.intro,
      ...p.criteria.flatMap((c) => [c.title, c.explanation]),
    ]),
  ];
}

describe("the default charter in German", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("has a German text for every French one", () => {
    for (const text of texts()) {
      expect(text.de.trim(), text.fr).not.toBe("");
      expect(text.de, text.fr).not.toBe(text.fr);
      expect(defaultGerman(text.fr)).toBe(text.de);
    }
  });

  it("shows the charter in German while a criterion is as it shipped, in English once edited", async () => {
    const page = (await t.client().get("/de/charter")).text;
    expect(page).toContain(escapeHtml("Sich respektvoll und wohlwollend verhalten"));
    expect(page).toContain(escapeHtml("Ausschließlich freie Software"));
    expect(page).toContain("Solidarisch");
    expect(page).not.toContain("Free software only");
    expect(page).not.toContain(escapeHtml("Uniquement des logiciels libres"));
    const edited = { titleFr: "Partager ses recettes", titleEn: "Share one's recipes" };
    expect(localized(edited, "title", "de")).toBe("Share one's recipes");
    expect(localized(edited, "title", "fr")).toBe("Partager ses recettes");
  });
});
