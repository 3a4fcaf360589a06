import { describe, expect, it } from "vitest";
import { catalogs } from "./catalog.js";
import { LOCALES, alternates, isLocale, negotiateLocale, translator } from "./index.js";

describe("i18n", () => {
  it("has the same keys in every language, none empty", () => {
    const fr = Object.keys(catalogs.fr).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(catalogs[locale]).sort(), locale).toEqual(fr);
      for (const [key, value] of Object.entries(catalogs[locale])) expect(value.trim(), key).not.toBe("");
    }
  });

  it("negotiates from Accept-Language with q-values", () => {
    expect(negotiateLocale("en-GB,en;q=0.9,fr;q=0.8", "fr")).toBe("en");
    expect(negotiateLocale("de-DE,fr;q=0.5,en;q=0.7", "fr")).toBe("de");
    expect(negotiateLocale("es-ES,de-CH;q=0.4,fr;q=0.3", "en")).toBe("de");
    expect(negotiateLocale("it, es", "fr")).toBe("fr");
    expect(negotiateLocale("it, es", "de")).toBe("de");
    expect(negotiateLocale("fr-CA", "en")).toBe("fr");
    expect(negotiateLocale("en;q=0, fr;q=0.1", "en")).toBe("fr");
    expect(negotiateLocale(undefined, "en")).toBe("en");
    expect(negotiateLocale(";;;,,q=", "fr")).toBe("fr");
  });

  it("knows its three languages and links a page to its other languages", () => {
    expect(LOCALES).toEqual(["fr", "en", "de"]);
    expect(isLocale("de")).toBe(true);
    expect(isLocale("es")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(alternates("de", "/", "")).toEqual([
      { locale: "fr", href: "/fr" },
      { locale: "en", href: "/en" },
    ]);
    expect(alternates("fr", "/members/x", "?q=1")).toEqual([
      { locale: "en", href: "/en/members/x?q=1" },
      { locale: "de", href: "/de/members/x?q=1" },
    ]);
  });

  it("interpolates variables and formats numbers per locale", () => {
    expect(translator("fr")("error.500.body", { id: "abc" })).toContain("abc");
    expect(translator("fr").number(12345)).toMatch(/12\s?345/);
    expect(translator("en").number(12345)).toBe("12,345");
  });
});
