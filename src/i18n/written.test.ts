import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../tests/helpers/factories.js";
import { writtenText } from "./written.js";

describe("text people write in French and English", () => {
  it("takes the page's language, else the other one marked with its language", () => {
    const both = { fr: "Nous hébergeons.", en: "We host." };
    expect(writtenText("fr", both)).toEqual({ text: "Nous hébergeons.", lang: undefined });
    expect(writtenText("en", both)).toEqual({ text: "We host.", lang: undefined });
    expect(writtenText("de", both)).toEqual({ text: "We host.", lang: "en" });
    expect(writtenText("fr", { fr: " ", en: "We host." })).toEqual({ text: "We host.", lang: "en" });
    expect(writtenText("en", { fr: "Nous hébergeons.", en: "" })).toEqual({
      text: "Nous hébergeons.",
      lang: "fr",
    });
    expect(writtenText("de", { fr: "Nous hébergeons.", en: "" })).toEqual({
      text: "Nous hébergeons.",
      lang: "fr",
    });
    expect(writtenText("de", { fr: "", en: "" })).toEqual({ text: "", lang: undefined });
  });

  it("prefers the German on German pages, then the English, then the French", () => {
    const three = { fr: "Nous hébergeons.", en: "We host.", de: "Wir hosten." };
    expect(writtenText("de", three)).toEqual({ text: "Wir hosten.", lang: undefined });
    expect(writtenText("fr", three)).toEqual({ text: "Nous hébergeons.", lang: undefined });
    expect(writtenText("en", three)).toEqual({ text: "We host.", lang: undefined });
    expect(writtenText("de", { ...three, de: "  " })).toEqual({ text: "We host.", lang: "en" });
    expect(writtenText("de", { fr: "Nous hébergeons.", en: "", de: "" })).toEqual({
      text: "Nous hébergeons.",
      lang: "fr",
    });
    expect(writtenText("fr", { fr: "", en: "", de: "Wir hosten." })).toEqual({
      text: "Wir hosten.",
      lang: "de",
    });
  });

  describe("on the member page", () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await startTestPlatform();
    });
    afterAll(async () => {
      await t.stop();
    });

    it("marks a description shown in another language than the page's", async () => {
      const member = await makeMember(t.deps.db, {
        description_fr: "Une association lyonnaise.",
        description_en: "",
      });
      await makeService(t.deps.db, member.id, { description_fr: "", description_en: "A shared pad." });
      const page = async (locale: string) => (await t.client().get(`/${locale}/members/${member.slug}`)).text;
      const fr = await page("fr");
      expect(fr).toContain('<p class="lead member-head__description">Une association lyonnaise.</p>');
      expect(fr).toContain('<p class="service-card__description" lang="en">A shared pad.</p>');
      const en = await page("en");
      expect(en).toContain(
        '<p class="lead member-head__description" lang="fr">Une association lyonnaise.</p>',
      );
      expect(en).toContain('<p class="service-card__description">A shared pad.</p>');
      const de = await page("de");
      expect(de).toContain(
        '<p class="lead member-head__description" lang="fr">Une association lyonnaise.</p>',
      );
      expect(de).toContain('<p class="service-card__description" lang="en">A shared pad.</p>');
    });
  });
});
