import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { escapeHtml } from "../../../../tests/helpers/html.js";
import { DEFAULT_CHARTER, type DefaultText } from "./default-charter.js";
import { allCriteria, currentCharter } from "./charter.repository.js";
import { localized, localizedText } from "./charter-text.js";

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
    }
  });

  it("is stored in German by the migration, every text of version 1", async () => {
    const charter = await currentCharter(t.deps.db);
    if (!charter) throw new Error("no charter");
    expect(charter.version.summaryDe).toBe(DEFAULT_CHARTER.summary.de);
    const shipped = DEFAULT_CHARTER.parts.flatMap((p) => p.criteria);
    for (const cr of allCriteria(charter)) {
      const source = shipped.find((s) => s.code === cr.code);
      expect(cr.titleDe, cr.code).toBe(source?.title.de);
      expect(cr.explanationDe, cr.code).toBe(source?.explanation.de);
    }
    expect(charter.parts.map((p) => p.nameDe)).toEqual(DEFAULT_CHARTER.parts.map((p) => p.name.de));
    expect(charter.parts.map((p) => p.introDe)).toEqual(DEFAULT_CHARTER.parts.map((p) => p.intro.de));
  });

  it("shows the charter in German, and a text with no German in English, marked", async () => {
    const page = (await t.client().get("/de/charter")).text;
    expect(page).toContain(escapeHtml("Sich respektvoll und wohlwollend verhalten"));
    expect(page).toContain(escapeHtml("Ausschließlich freie Software"));
    expect(page).toContain("Solidarisch");
    expect(page).not.toContain("Free software only");
    expect(page).not.toContain(escapeHtml("Uniquement des logiciels libres"));
    const edited = { titleFr: "Partager ses recettes", titleEn: "Share one's recipes", titleDe: "" };
    expect(localizedText(edited, "title", "de")).toEqual({ text: "Share one's recipes", lang: "en" });
    expect(localized(edited, "title", "fr")).toBe("Partager ses recettes");
    expect(localized({ ...edited, titleEn: "" }, "title", "de")).toBe("Partager ses recettes");
  });
});
