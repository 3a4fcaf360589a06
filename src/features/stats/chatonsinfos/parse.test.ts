import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseChatonsInfos, valueOf } from "./parse.js";
import { checkChatonsInfos } from "./check.js";

const dir = new URL("../__fixtures__/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir));

describe("Java properties semantics", () => {
  it("reads =, : and space separators, with spaces around them", () => {
    const f = parseChatonsInfos("a=1\nb = 2\nc:3\nd 4\n  e\t=\t5  \n");
    expect(["a", "b", "c", "d", "e"].map((k) => valueOf(f, k))).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("skips # and ! comments and blank lines, keeping line numbers", () => {
    const f = parseChatonsInfos("# comment\n! other\n\n   \nkey=value\n");
    expect(f.properties).toEqual([{ key: "key", rawKey: "key", value: "value", line: 5 }]);
  });

  it("resolves escapes, \\uXXXX and line continuations", () => {
    const f = parseChatonsInfos(
      "a=l\\'April\nb=caf\\u00e9\nc=one\\\n    two\\\n  three\nd=tab\\there\ne=back\\\\slash\nk\\=ey=v\nnext=1\n",
    );
    expect(valueOf(f, "a")).toBe("l'April");
    expect(valueOf(f, "b")).toBe("café");
    expect(valueOf(f, "c")).toBe("onetwothree");
    expect(valueOf(f, "d")).toBe("tab\there");
    expect(valueOf(f, "e")).toBe("back\\slash");
    expect(valueOf(f, "k=ey")).toBe("v");
    expect(f.values.get("next")?.line).toBe(9);
  });

  it("does not continue a comment line ending with a backslash", () => {
    const f = parseChatonsInfos("# comment \\\nkey=value\n");
    expect(valueOf(f, "key")).toBe("value");
  });

  it("accepts CRLF and CR line ends", () => {
    const f = parseChatonsInfos("a=1\r\nb=2\rc=3");
    expect([valueOf(f, "a"), valueOf(f, "b"), valueOf(f, "c")]).toEqual(["1", "2", "3"]);
    expect(f.values.get("c")?.line).toBe(3);
  });

  it("reports a malformed \\u escape and keeps the text", () => {
    const f = parseChatonsInfos("a=x\\uZZ\n");
    expect(valueOf(f, "a")).toBe("x\\uZZ");
    expect(f.diagnostics.map((d) => d.code)).toContain("bad-unicode-escape");
  });
});

describe("real-world tolerance", () => {
  it("strips matching quotes and trailing spaces, and finds keys whatever their case", () => {
    const f = parseChatonsInfos(
      "subs.x = 'https://example.org/x.properties'   \nOrganization.StartDate = 2020-01-01\n",
    );
    expect(valueOf(f, "subs.x")).toBe("https://example.org/x.properties");
    expect(valueOf(f, "organization.startdate")).toBe("2020-01-01");
    expect(f.values.get("organization.startdate")?.rawKey).toBe("Organization.StartDate");
  });

  it("reads UTF-8, and Latin-1 when the bytes are not UTF-8", () => {
    const utf8 = parseChatonsInfos(new TextEncoder().encode("name=Fédération\n"));
    expect(utf8.encoding).toBe("utf-8");
    expect(valueOf(utf8, "name")).toBe("Fédération");
    const latin1 = parseChatonsInfos(Uint8Array.from([0x6e, 0x3d, 0x46, 0xe9, 0x64, 0xe9, 0x0a]));
    expect(latin1.encoding).toBe("latin1");
    expect(valueOf(latin1, "n")).toBe("Fédé");
  });

  it("strips a byte order mark", () => {
    expect(valueOf(parseChatonsInfos("\ufeffa=1"), "a")).toBe("1");
  });

  it("reports duplicates (the last value wins), keys without value and invalid keys", () => {
    const f = parseChatonsInfos("a=1\na=2\nlonely\nbad key!=x\n");
    expect(valueOf(f, "a")).toBe("2");
    const codes = f.diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(["duplicate-key", 2]);
    expect(codes).toContainEqual(["no-separator", 3]);
  });

  it("recognises an HTML page and an empty file", () => {
    expect(parseChatonsInfos("<!DOCTYPE html>\n<html><body>Not found</body></html>").looksLikeHtml).toBe(
      true,
    );
    expect(parseChatonsInfos("  \n# only comments\n").diagnostics.map((d) => d.code)).toContain("empty-file");
  });
});

describe("fixtures", () => {
  const names = readdirSync(dir).filter((n) => n.endsWith(".properties"));

  it("has every shared fixture", () => {
    expect(names.sort()).toEqual([
      "federation.properties",
      "organization-legacy-camelcase.properties",
      "organization-ynh-style.properties",
      "service-broken.properties",
      "service-pad-metrics.properties",
      "service-pad.properties",
      "service-tolerance.properties",
      "service-ynh-style.properties",
    ]);
  });

  it("reads the federation file and its subs", () => {
    const f = parseChatonsInfos(fixture("federation.properties"));
    expect(valueOf(f, "federation.name")).toBe("Exemple Fédération");
    expect(f.properties.filter((p) => p.key.startsWith("subs."))).toHaveLength(2);
    expect(f.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("reads YunoHost-style files: spaced separators, quoted subs, typo keys", () => {
    const f = parseChatonsInfos(fixture("organization-ynh-style.properties"));
    expect(valueOf(f, "subs.nextcloud")).toBe(
      "https://chaton-b.example.net/.well_known/chatonsinfos/nextcloud.properties",
    );
    expect(valueOf(f, "organization.geolocation.latitude")).toBe("47,2181");
    expect(f.values.has("organization.funding.tipee")).toBe(true);
    const s = parseChatonsInfos(fixture("service-ynh-style.properties"));
    expect(valueOf(s, "service.startdate")).toBe("01/02/2024");
    expect(valueOf(s, "host.description")).toBe("Auto-hébergement");
  });

  it("reads legacy camelCase keys and the \\' escape", () => {
    const f = parseChatonsInfos(fixture("organization-legacy-camelcase.properties"));
    expect(valueOf(f, "organization.description")).toBe("Chaton Ancien est le chaton de l'Exemple.");
    expect(f.values.get("organization.startdate")?.rawKey).toBe("organization.startDate");
  });

  it("reads comma metric lists with leading empties", () => {
    const f = parseChatonsInfos(fixture("service-pad-metrics.properties"));
    expect(valueOf(f, "metrics.http.visits.humans.2023.months")).toBe(",,,12,40,38,21,9,55,61,70,64");
  });

  it("reads every line of the broken fixture with its line number", () => {
    const f = parseChatonsInfos(fixture("service-broken.properties"));
    expect(f.values.get("service.website")?.line).toBe(6);
    expect(f.values.get("metrics.http.visits.humans.2024.months")?.line).toBe(21);
  });
});

describe("totality (fuzz)", () => {
  const seeds = readdirSync(dir).map((n) => readFileSync(new URL(n, dir), "latin1"));
  const alphabet = fc.constantFrom(
    "=",
    ":",
    "\\",
    "\n",
    "\r",
    " ",
    "\t",
    "#",
    "!",
    "u",
    "'",
    '"',
    "a",
    ".",
    "<",
    "\u0000",
    "é",
  );

  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const f = parseChatonsInfos(s);
        checkChatonsInfos(f);
        return Array.isArray(f.properties);
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkChatonsInfos(parseChatonsInfos(bytes), "service");
        return true;
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws on mutated fixtures (insertions of tricky characters)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.array(alphabet, { maxLength: 6 })), { maxLength: 12 }),
        (seed, edits) => {
          let text = seed;
          for (const [pos, chars] of edits) {
            const at = pos % (text.length + 1);
            text = text.slice(0, at) + chars.join("") + text.slice(at + (pos % 3));
          }
          const report = checkChatonsInfos(parseChatonsInfos(text));
          return report.results.every((r) => r.line === null || r.line >= 1);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("stays linear on pathological input (one huge line, deep continuations, many backslashes)", () => {
    const inputs = [
      `k=${"x".repeat(2_000_000)}`,
      "k=a\\\n".repeat(100_000),
      "\\".repeat(1_000_001),
      "a".repeat(1_000_000),
      "=\n".repeat(200_000),
      `${"k=\\u".repeat(100_000)}\n`,
      `k=${" ".repeat(1_000_000)}x${" ".repeat(1_000_000)}`,
      `${"'".repeat(500_000)}=${"'".repeat(500_000)}`,
    ];
    for (const input of inputs) {
      const f = parseChatonsInfos(input);
      expect(f.diagnostics.length).toBeLessThanOrEqual(501);
    }
  });
});
