import { describe, expect, it } from "vitest";
import { catalogs } from "./catalog.js";
import { negotiateLocale, translator } from "./index.js";

describe("i18n", () => {
  it("has the same keys in French and English, none empty", () => {
    const fr = Object.keys(catalogs.fr).sort();
    const en = Object.keys(catalogs.en).sort();
    expect(en).toEqual(fr);
    for (const [key, value] of Object.entries(catalogs.en)) expect(value.trim(), key).not.toBe("");
    for (const [key, value] of Object.entries(catalogs.fr)) expect(value.trim(), key).not.toBe("");
  });

  it("negotiates from Accept-Language with q-values", () => {
    expect(negotiateLocale("en-GB,en;q=0.9,fr;q=0.8", "fr")).toBe("en");
    expect(negotiateLocale("de-DE,fr;q=0.5,en;q=0.7", "fr")).toBe("en");
    expect(negotiateLocale("de, es", "fr")).toBe("fr");
    expect(negotiateLocale("fr-CA", "en")).toBe("fr");
    expect(negotiateLocale("en;q=0, fr;q=0.1", "en")).toBe("fr");
    expect(negotiateLocale(undefined, "en")).toBe("en");
    expect(negotiateLocale(";;;,,q=", "fr")).toBe("fr");
  });

  it("interpolates variables and formats numbers per locale", () => {
    expect(translator("fr")("error.500.body", { id: "abc" })).toContain("abc");
    expect(translator("fr").number(12345)).toMatch(/12\s?345/);
    expect(translator("en").number(12345)).toBe("12,345");
  });
});
