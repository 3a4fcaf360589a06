import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalog.js";
import { LOCALES, translator } from "./index.js";

type Ast = ReturnType<IntlMessageFormat["getAst"]>;

/** The variables a message reads, at any depth of its plurals and selects. */
function variables(ast: Ast, into = new Set<string>()): Set<string> {
  for (const el of ast) {
    if ("options" in el) {
      into.add(el.value);
      for (const option of Object.values(el.options)) variables(option.value, into);
    } else if (el.type !== 0 && el.type !== 7 && "value" in el && typeof el.value === "string") {
      into.add(el.value);
    }
    if ("children" in el) variables(el.children, into);
  }
  return into;
}

const ast = (source: string, locale: string): Ast =>
  new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).getAst();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("ICU messages", () => {
  it("compiles every message of every locale, each reading the same variables as French", () => {
    // {name_of} is {name} with its preposition (grammar.ts): the call passes both.
    const names = (source: string, locale: string) =>
      [...new Set([...variables(ast(source, locale))].map((v) => v.replace(/_(of|to)$/, "")))].sort();
    for (const [key, french] of Object.entries(catalogs.fr)) {
      const expected = names(french, "fr");
      for (const locale of LOCALES) {
        expect(names(catalogs[locale][key as keyof typeof catalogs.fr], locale), `${locale} ${key}`).toEqual(
          expected,
        );
      }
    }
  });

  it("gives every key formatted with a count a {count, plural} message", () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, ".."))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:\.plural|counted)\(\s*(?:t,\s*)?"([\w.-]+)"/g)) keys.add(m[1] ?? "");
    }
    expect(keys.size).toBeGreaterThan(5);
    for (const key of keys) {
      for (const locale of LOCALES) {
        const message: string | undefined = (catalogs[locale] as Record<string, string>)[key];
        expect(message, `${locale} ${key}`).toMatch(/\{count, plural, /);
      }
    }
  });

  it("chooses the plural form by each language's rules and writes numbers the locale's way", () => {
    const [fr, en, de] = [translator("fr"), translator("en"), translator("de")];
    // French counts 0 and 1 in the singular; English and German only 1.
    expect(fr.plural("stats.count.errors", 0)).toBe("0 erreur");
    expect(en.plural("stats.count.errors", 0)).toBe("0 errors");
    expect(fr.plural("directory.members.count", 1)).toBe("1 chaton");
    expect(de.plural("directory.members.count", 2)).toBe("2 Mitglieder");
    expect(en.plural("directory.members.count", 12345)).toBe("12,345 members");
    expect(de.plural("directory.members.count", 12345)).toBe("12.345 Mitglieder");
    expect(fr.plural("directory.members.count", 12345)).toMatch(/^12\s345 chatons$/);
    // A plain {n} next to a plural is written the locale's way too.
    expect(de("stats.overview.files", { ok: 1, failed: 1000, warnings: 2 })).toBe(
      "1 Datei gelesen, 1.000 fehlgeschlagen, 2 Warnungen.",
    );
  });

  it("agrees the verb with the number of participants", () => {
    const vars = (participants: number) => ({ participants, electors: 80 });
    expect(translator("fr")("applications.result.participation", vars(1))).toBe(
      "1 structure sur 80 a participé.",
    );
    expect(translator("fr")("applications.result.participation", vars(12))).toBe(
      "12 structures sur 80 ont participé.",
    );
    expect(translator("de")("applications.result.participation", vars(1))).toBe(
      "1 von 80 Strukturen hat teilgenommen.",
    );
    expect(translator("en")("applications.result.participation", vars(2))).toBe(
      "2 of 80 structures took part.",
    );
  });

  it("keeps apostrophes, leaves text without variables alone, and survives a missing variable", () => {
    const fr = translator("fr");
    expect(fr("chores.panel.needed", { count: 2 })).toBe("2 tours à venir cherchent quelqu'un.");
    expect(fr("error.404.home")).toBe("Retour à l'accueil");
    expect(fr("error.500.body")).toContain("{id}");
    expect(fr("error.500.body", { id: "abc" })).toContain("l'équipe");
    expect(fr("stats.group.intro", { n: 3, members: 1 })).toBe("3 services chez 1 structure.");
  });
});
