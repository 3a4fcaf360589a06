import { describe, expect, it } from "vitest";
import { boundedDistance, closeTo, compact, normalise } from "../fuzzy.js";
import { buildAlternativesIndex } from "./match.js";
import { SHIPPED_CATALOGUE } from "./catalogue.js";
import type { Alternative } from "./alternatives.repository.js";

const entries: Alternative[] = SHIPPED_CATALOGUE.map((e) => ({
  id: e.id,
  name: e.name,
  vendor: e.vendor,
  aliases: e.aliases,
  description: { fr: e.fr, en: e.en, de: e.de },
  categories: e.categories,
  software: e.software,
  edited: false,
  archived: false,
}));
const index = buildAlternativesIndex(entries);
const found = (q: string) => index.recognise(q)?.entry.id ?? null;

describe("normalising and comparing names", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normalise("  Google-Docs ")).toBe("google docs");
    expect(normalise("Saint-Étienne")).toBe("saint etienne");
    expect(normalise("L'Haÿ-les-Roses")).toBe("lhay les roses");
    expect(compact("Bit.ly")).toBe("bitly");
  });

  it("counts insertions, deletions, substitutions and swaps, and stops past the bound", () => {
    expect(boundedDistance("whatsap", "whatsapp", 2)).toBe(1);
    expect(boundedDistance("gogledrive", "googledrive", 2)).toBe(1);
    expect(boundedDistance("googel", "google", 2)).toBe(1); // a swap is one typo
    expect(boundedDistance("kitten", "sitting", 5)).toBe(3);
    expect(boundedDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(boundedDistance("a", "abcdef", 2)).toBe(3);
    expect(boundedDistance("", "", 0)).toBe(0);
  });

  it("forgives typos by the name's length, never on the first letter", () => {
    expect(closeTo("zom", "zoom")).toBe(1);
    expect(closeTo("bing", "bing")).toBe(0);
    expect(closeTo("bong", "bin")).toBeNull();
    expect(closeTo("mail", "gmail")).toBeNull();
    expect(closeTo("goglesheet", "googlesheets")).toBe(2);
  });
});

describe("recognising a proprietary service in a search", () => {
  it.each([
    ["Google Docs", "google-docs"],
    ["google doc", "google-docs"],
    ["GOOGLE   DOCS", "google-docs"],
    ["gogle drive", "google-drive"],
    ["whatsap", "whatsapp"],
    ["WhatsApp", "whatsapp"],
    ["Doodle", "doodle"],
    ["dropbx", "dropbox"],
    ["Zoom", "zoom"],
    ["office 365", "microsoft-365"],
    ["bit.ly", "bitly"],
    ["twitter", "x-twitter"],
    ["x", "x-twitter"],
    ["google", "google-search"],
    ["alternative à Google Docs", "google-docs"],
    ["remplacer wetransfert", "wetransfer"],
  ])("%s → %s", (q, id) => {
    expect(found(q)).toBe(id);
  });

  it("leaves ordinary searches alone", () => {
    for (const q of [
      "pad",
      "mail",
      "lyon",
      "nextcloud",
      "sondage",
      "association",
      "paris",
      "docs",
      "pad x",
      "video",
      "visio",
      "photo",
    ])
      expect(found(q), q).toBeNull();
  });

  it("keeps the other words for the text search", () => {
    expect(index.recognise("alternative à whatsapp lyon")).toMatchObject({
      entry: { id: "whatsapp" },
      rest: "lyon",
      distance: 0,
    });
    expect(index.recognise("gogle drive")?.distance).toBe(1);
  });

  it("lists, for each category, the services it replaces; archived entries are left out", () => {
    expect(index.byCategory.get("pad")).toContain("google-docs");
    expect(index.byCategory.get("poll")).toEqual(["doodle"]);
    const without = buildAlternativesIndex(
      entries.map((e) => (e.id === "doodle" ? { ...e, archived: true } : e)),
    );
    expect(without.recognise("doodle")).toBeNull();
    expect(without.byCategory.get("poll")).toBeUndefined();
  });
});
