import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/index.js";
import { checkChatonsInfos } from "./chatonsinfos/check.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { checkSentence, englishSentence, factTexts, problemText } from "./check-text.js";

const FILE = [
  "file.class = service",
  "file.protocol = ChatonsInfos-0.5",
  "service.name = Pad",
  "service.website = not a url",
  "service.startdate = 2024-05-01",
  "service.enddate = 2023-01-01",
  "Service.Description = hello",
].join("\n");

describe("check results in words", () => {
  const report = checkChatonsInfos(parseChatonsInfos(FILE));
  const byCode = (code: string) => report.results.filter((r) => r.code === code);

  it("carries codes and facts, never a sentence", () => {
    for (const r of report.results) expect(Object.keys(r)).not.toContain("message");
    const bad = report.results.find((r) => r.key === "service.website");
    expect(bad?.params).toEqual({ value: "not a url" });
    expect(byCode("dates-order")[0]?.params).toEqual({
      start: "service.startdate",
      startValue: "2024-05-01",
      endValue: "2023-01-01",
    });
    expect(byCode("key-case")[0]?.params).toEqual({ raw: "Service.Description" });
  });

  it("renders them from each catalogue", () => {
    const missing = byCode("recommended-missing").find((r) => r.key === "software.name");
    expect(missing).toBeDefined();
    if (!missing) return;
    expect(problemText(translator("fr"), missing)).toBe("Propriété recommandée absente.");
    expect(problemText(translator("de"), missing)).toBe("Empfohlene Eigenschaft fehlt.");
    expect(englishSentence(missing)).toBe("software.name: Recommended property missing.");
    const bad = report.results.find((r) => r.key === "service.website");
    if (!bad) throw new Error("no result for service.website");
    expect(factTexts(translator("fr"), bad)).toEqual(["Valeur lue : « not a url »"]);
    expect(factTexts(translator("de"), bad)).toEqual(["Gelesener Wert: „not a url“"]);
    expect(checkSentence(translator("en"), bad)).toBe(
      "service.website: Invalid web address. (Value read: “not a url”)",
    );
  });
});
