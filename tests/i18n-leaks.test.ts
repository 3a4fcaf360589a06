import IntlMessageFormat from "intl-messageformat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./helpers/platform.js";
import type { TestClient } from "./helpers/client.js";
import { publicPages } from "./browser/public-pages.js";
import { castFor, type Cast } from "./security/matrix-setup.js";
import { createApp } from "../src/app.js";
import { features } from "../src/features/index.js";
import { catalogs } from "../src/i18n/catalog.js";
import { LOCALES, type Locale } from "../src/i18n/index.js";
import { PROBE_JOB } from "../src/probe/rounds.js";
import { translator } from "../src/i18n/index.js";
import { parseReport } from "../src/features/stats/detail.repository.js";
import { factTexts } from "../src/features/stats/check-text.js";
import { wholeDb } from "../src/db/adapter.js";

const english = translator("en");

/**
 * Every page, public and signed in, in every language, against the demo collective: a page fails
 * when it shows a phrase of another language's catalogue that its own catalogue does not have.
 * Text marked with another lang attribute (the language switch, a member's text shown in the
 * language it was written in) is the other language on purpose and is not read. French and German
 * pages are also searched for the text the platform stores in English (checker messages, fetch
 * reasons, crawl and job summaries).
 */

type Ast = ReturnType<IntlMessageFormat["getAst"]>;

/** The literal runs of a message (what is left between its variables), at any depth. */
function literals(ast: Ast, into: string[] = []): string[] {
  for (const el of ast) {
    if (el.type === 0) into.push(el.value);
    if ("options" in el) for (const option of Object.values(el.options)) literals(option.value, into);
  }
  return into;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Phrases long enough to belong to one language: runs of words between punctuation and variables. */
function phrases(locale: Locale): Set<string> {
  const found = new Set<string>();
  for (const message of Object.values(catalogs[locale])) {
    const ast = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
    for (const run of literals(ast))
      for (const piece of run.split(/[.:;!?()«»“”„"…,·—–]|\s[-/]\s/))
        if (/\p{L}{3}.*\s.*\p{L}{3}/u.test(piece) && squash(piece).length >= 12) found.add(squash(piece));
  }
  return found;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** What a reader sees or hears of a page: its text and labelling attributes, minus other-language parts. */
function visibleText(html: string, locale: Locale): string {
  let body = html.replace(/<(script|style|pre|textarea)\b[^>]*>[\s\S]*?<\/\1>/g, " ");
  // An element marked as another language, with what it holds (not nested in the same tag).
  body = body.replace(
    /<(?!html\b)(\w+)\b[^>]*\slang="([a-z-]+)"[^>]*>[\s\S]*?<\/\1>/g,
    (m, _tag: string, lang: string) => (lang === locale ? m : " "),
  );
  body = body.replace(/<link\b[^>]*>/g, " ");
  const attributes = [...body.matchAll(/\s(?:title|alt|aria-label|placeholder|content)="([^"]*)"/g)].map(
    (m) => m[1] ?? "",
  );
  const text = body.replace(/<[^>]+>/g, " | ");
  return squash(decode(`${text} | ${attributes.join(" | ")}`));
}

interface Allowed {
  page: RegExp;
  /** A catalogue phrase, or the source of a stored English text (see storedEnglish). */
  phrase?: RegExp;
  stored?: StoredSource;
  why: string;
}

/** What a page shows on purpose in another language, or text this test knows is not localised yet. */
const ALLOWED: Allowed[] = [
  {
    page: /^\/(en|de)\/applications\//,
    phrase: /^(CGU et mentions légales|mentions légales|chaque année)$/,
    why: "the demo candidate's self-assessment, written in French by the candidate (answers carry no language)",
  },
  {
    page: /^\/(en|de)\/admin\/outbox$/,
    phrase: /./,
    why: "the outbox lists each mail as it was sent, in its recipient's language (the demo's people have none, so French)",
  },
  {
    page: /^\/(fr|de)\/stats\/(crawls|files)\/[^/?]+/,
    stored: "fetch",
    why: "src/features/stats/views/crawls.tsx and files.tsx print a failed fetch's stored English reason (stats_files.reason and history, written by the crawler in src/features/stats/crawl/) next to its localised result; the crawler's texts are being reworked with it",
  },
];

type StoredSource = "checker" | "fetch" | "crawl" | "job";

/** Text the platform stores in English by construction, to look for on French and German pages. */
async function storedEnglish(): Promise<{ source: StoredSource; text: string }[]> {
  const { db } = t.deps;
  const found: { source: StoredSource; text: string }[] = [];
  const add = (source: StoredSource, text: string | null | undefined) => {
    const clean = squash(text ?? "");
    if (clean.length >= 12 && clean.includes(" ")) found.push({ source, text: clean });
  };
  for (const f of await wholeDb(db).selectFrom("stats_files").select(["report", "reason"]).execute()) {
    add("fetch", f.reason);
    // Check results are stored as codes and facts: their English rendering must not reach other pages.
    for (const r of parseReport(f.report)) for (const fact of factTexts(english, r)) add("checker", fact);
  }
  for (const r of await wholeDb(db).selectFrom("stats_crawl_runs").select("summary").execute())
    add("crawl", r.summary);
  for (const j of await wholeDb(db).selectFrom("job_locks").select("last_summary").execute())
    add("job", j.last_summary);
  return [...new Map(found.map((f) => [f.text, f])).values()];
}

let t: TestPlatform;
let cast: Cast;
let admin: TestClient;
let structureAdmin: TestClient;
let candidate: TestClient;
const own = new Map<Locale, Set<string>>();
const foreign = new Map<Locale, string[]>();
let stored: { source: StoredSource; text: string }[] = [];

beforeAll(async () => {
  t = await startTestPlatform({ demo: true });
  cast = await castFor(t);
  admin = t.client();
  await admin.login(cast.emails.platformAdmin, cast.password);
  structureAdmin = t.client();
  await structureAdmin.login(cast.emails.structureAdmin, cast.password);
  candidate = t.client();
  await candidate.login(cast.emails.candidate, cast.password);
  // Jobs leave their (English) summaries on /admin/jobs.
  for (const job of [PROBE_JOB, "chores.plan"]) await t.deps.jobs.runNow(job);
  stored = await storedEnglish();
  for (const locale of LOCALES) own.set(locale, phrases(locale));
  // The whole of each catalogue, to drop a foreign phrase that is also part of a longer own one.
  const whole = new Map(LOCALES.map((l) => [l, squash(Object.values(catalogs[l]).join(" | "))]));
  for (const locale of LOCALES) {
    const mine = whole.get(locale) ?? "";
    const others = LOCALES.filter((l) => l !== locale).flatMap((l) => [...(own.get(l) ?? [])]);
    foreign.set(
      locale,
      [...new Set(others)].filter((p) => !mine.includes(p)),
    );
  }
}, 180_000);
afterAll(async () => {
  await t.stop();
});

/** Every GET page of the app under /fr, on the demo's records, as a path without the locale. */
async function signedInPages(): Promise<string[]> {
  const { db } = t.deps;
  const p = cast.params;
  const worst = await wholeDb(db)
    .selectFrom("stats_files")
    .select("id")
    .orderBy("errors", "desc")
    .orderBy("warnings", "desc")
    .executeTakeFirstOrThrow();
  const run = await wholeDb(db)
    .selectFrom("stats_crawl_runs")
    .select("id")
    .orderBy("started_at", "desc")
    .executeTakeFirstOrThrow();
  const software = await wholeDb(db)
    .selectFrom("software")
    .select("slug")
    .orderBy("slug")
    .executeTakeFirstOrThrow();
  const category = await wholeDb(db)
    .selectFrom("categories")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const idFor = (path: string): string => {
    if (path.startsWith("/admin/entraide/services/")) return p.portalService ?? "";
    if (path.startsWith("/entraide/members/")) return p.instance ?? "";
    if (path.startsWith("/charter/admin/")) return p.charter ?? "";
    if (path.startsWith("/rounds/")) return p.round ?? "";
    if (path.startsWith("/applications/")) return p.application ?? "";
    if (path.startsWith("/decisions/")) return p.decision ?? "";
    if (path.startsWith("/stats/files/")) return worst.id;
    if (path.startsWith("/stats/crawls/")) return run.id;
    if (path.startsWith("/stats/software/")) return software.slug;
    if (path.startsWith("/stats/categories/")) return category.id;
    return "x";
  };
  const app = createApp(t.deps, features);
  const patterns = new Set(
    app.routes.filter((r) => r.method === "GET" && r.path.startsWith("/fr/")).map((r) => r.path.slice(3)),
  );
  // Not pages: images, feeds, exports and the portal's redirect to a member's instance.
  const notPages = /svg|png|\.ics$|\.atom$|\/export$|^\/entraide\/:service$/;
  return [...patterns]
    .filter((pattern) => !notPages.test(pattern))
    .map((pattern) =>
      pattern
        .replace(/:number\{[^}]*\}/, "1")
        .replace(":criterion", p.criterion ?? "")
        .replace(":letter", "C")
        .replace(":token", p.token ?? "")
        .replace(":member/:service", `${p.slug ?? ""}/${p.service ?? ""}`)
        .replace(":service", p.service ?? "")
        .replace(":slug", p.slug ?? "")
        .replace(":id", idFor(pattern)),
    );
}

/** The page as the first of the cast allowed to see it (error pages are read too). */
async function fetchPage(path: string): Promise<{ status: number; html: string }> {
  let last = { status: 0, html: "" };
  for (const client of [admin, structureAdmin, candidate]) {
    const res = await client.get(path);
    last = {
      status: res.status,
      html: res.headers.get("content-type")?.includes("text/html") ? res.text : "",
    };
    if (res.status !== 401 && res.status !== 403 && res.status !== 404) break;
  }
  return last;
}

describe("no page leaks another language's catalogue", () => {
  it("would see a leak: another catalogue's phrase, stored English, but not text marked with its language", () => {
    const page = (body: string) => `<!doctype html><html lang="fr"><body>${body}</body></html>`;
    const seen = (body: string) => {
      const text = visibleText(page(body), "fr");
      return [...(foreign.get("fr") ?? []), ...stored.map((s) => s.text)].filter((p) => text.includes(p));
    };
    expect(seen(`<p>${catalogs.en["error.404.body"]}</p>`)).toContain("It may have changed");
    expect(seen(`<p title="${catalogs.de["layout.footer.licence"]}">x</p>`)).toContain("Kein Tracking");
    expect(seen(`<p lang="en">${catalogs.en["error.404.body"]}</p>`)).toEqual([]);
    expect(seen(`<p>${catalogs.fr["error.404.body"]}</p>`)).toEqual([]);
    for (const source of ["checker", "crawl", "job"] as const)
      expect(
        stored.some((s) => s.source === source),
        source,
      ).toBe(true);
    const job = stored.find((s) => s.source === "job")?.text ?? "-";
    expect(seen(`<td>${job}</td>`)).toContain(job);
  });

  it("in French, English and German", async () => {
    const paths = [
      ...new Set([...(await publicPages(t.deps, ["fr"])).map((p) => p.slice(3)), ...(await signedInPages())]),
    ].sort();
    const leaks: string[] = [];
    const unreadable: string[] = [];
    let read = 0;
    for (const path of paths) {
      for (const locale of LOCALES) {
        const url = `/${locale}${path}`;
        const { status, html } = await fetchPage(url);
        if (!html) {
          unreadable.push(`${url} (${status})`);
          continue;
        }
        read++;
        const text = visibleText(html, locale);
        for (const phrase of foreign.get(locale) ?? []) {
          if (!text.includes(phrase)) continue;
          if (ALLOWED.some((a) => a.page.test(url) && a.phrase?.test(phrase))) continue;
          leaks.push(`${url}: "${phrase}"`);
        }
        if (locale === "en") continue;
        for (const { source, text: english } of stored) {
          if (!text.includes(english)) continue;
          if (ALLOWED.some((a) => a.page.test(url) && a.stored === source)) continue;
          leaks.push(`${url}: stored ${source} text "${english}"`);
        }
      }
    }
    expect(paths.length).toBeGreaterThan(70);
    expect(read).toBeGreaterThan(paths.length * 2);
    expect(unreadable).toEqual([]);
    expect(leaks).toEqual([]);
  }, 600_000);
});
