import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import { makeMember } from "../../tests/helpers/factories.js";
import { translator } from "./index.js";
import { roundName } from "./rounds.js";

describe("round names", () => {
  const [fr, en, de] = [translator("fr"), translator("en"), translator("de")];

  it("shows a numbered round in the reader's language, whatever language it was stored in", () => {
    expect(roundName(en, "Portée n°22")).toBe("Round 22");
    expect(roundName(de, "Portée n°22")).toBe("Aufnahmerunde 22");
    expect(roundName(fr, "Portée n°22")).toBe("Portée n°22");
    expect(roundName(fr, "Round 7")).toBe("Portée n°7");
    expect(roundName(en, "portee no 3")).toBe("Round 3");
    expect(roundName(en, "Portée n° 1022")).toBe("Round 1022");
    expect(roundName(fr, "Aufnahmerunde 5")).toBe("Portée n°5");
  });

  it("keeps any other label as written", () => {
    expect(roundName(en, "Portée de printemps 2026")).toBe("Portée de printemps 2026");
    expect(roundName(de, "Round 22 (extra)")).toBe("Round 22 (extra)");
    expect(roundName(en, "")).toBe("");
  });

  describe("on pages", () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await startTestPlatform();
    });
    afterAll(async () => {
      await t.stop();
    });

    it("names the round a member joined in each language", async () => {
      const member = await makeMember(t.deps.db, { joined_round: "Portée n°8" });
      const page = (locale: string) => t.client().get(`/${locale}/members/${member.slug}`);
      expect((await page("en")).text).toContain("(Round 8)");
      expect((await page("de")).text).toContain("(Aufnahmerunde 8)");
      expect((await page("fr")).text).toContain("(Portée n°8)");
      expect((await page("en")).text).not.toContain("Portée n°8");
    });
  });
});
