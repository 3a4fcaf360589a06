import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./helpers/platform.js";
import { createApp } from "../src/app.js";
import { features } from "../src/features/index.js";
import { LOCALES, translator } from "../src/i18n/index.js";
import { pino } from "pino";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

describe("public site", () => {
  it("sends visitors to their language, negotiated from Accept-Language", async () => {
    const client = t.client();
    const en = await client.get("/", { "accept-language": "en-US,en;q=0.9" });
    expect(en.status).toBe(302);
    expect(en.location).toBe("/en");
    expect(en.headers.get("vary")).toContain("Accept-Language");
    const fr = await client.get("/", { "accept-language": "fr-FR" });
    expect(fr.location).toBe("/fr");
    const de = await client.get("/", { "accept-language": "de-AT,de;q=0.9,en;q=0.5" });
    expect(de.location).toBe("/de");
  });

  it.each(LOCALES)("renders the home page in %s with <html lang>", async (locale) => {
    const res = await t.client().get(`/${locale}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
    expect(res.text).toContain(translator(locale)("home.title"));
    expect(res.text).toContain('href="#main"');
  });

  it("offers the same page in the other languages, each link named in its own language", async () => {
    const res = await t.client().get("/de/members?q=pad");
    for (const other of ["fr", "en"] as const) {
      expect(res.text).toContain(
        `<link rel="alternate" hreflang="${other}" href="/${other}/members?q=pad"/>`,
      );
      expect(res.text).toMatch(
        new RegExp(
          `<a class="lang-switch" href="/${other}/members\\?q=pad" hreflang="${other}" lang="${other}"[^>]*>${translator(other)("layout.language.self")}</a>`,
        ),
      );
    }
    expect(res.text).not.toContain('hreflang="de"');
  });

  it.each(["about", "manifesto", "join", "legal", "privacy"])(
    "serves the content page %s in every language",
    async (slug) => {
      const pages = await Promise.all(LOCALES.map((l) => t.client().get(`/${l}/${slug}`)));
      for (const page of pages) {
        expect(page.status).toBe(200);
        expect(page.text).toMatch(/<article class="prose"( lang="[a-z]{2}")?>/);
        expect(page.text).not.toContain("{{");
      }
      expect(new Set(pages.map((p) => p.text)).size).toBe(LOCALES.length);
    },
  );

  it("never sets a cookie for an anonymous visitor", async () => {
    const client = t.client();
    for (const path of ["/", "/fr", "/en/about", "/fr/login", "/fr/nope", "/assets/app.css", "/healthz"]) {
      const res = await client.get(path);
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it("sends strict security headers", async () => {
    const res = await t.client().get("/fr");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends on a redirect only the headers that act on a redirect (decision 074)", async () => {
    const res = await t.client().get("/");
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    expect(res.location).toBeTruthy();
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    for (const name of ["content-security-policy", "x-frame-options", "permissions-policy"])
      expect(res.headers.get(name), name).toBeNull();
  });

  it("serves its own fonts and styles", async () => {
    const css = await t.client().get("/assets/app.css");
    expect(css.status).toBe(200);
    const font = await t.client().get("/assets/fonts/pt-sans-caption-latin-400-normal.woff2");
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect((await t.client().get("/assets/../package.json")).status).toBe(404);
  });

  it("answers a real 404 page in the visitor's language", async () => {
    const fr = await t.client().get("/fr/page-qui-n-existe-pas");
    expect(fr.status).toBe(404);
    expect(fr.text).toContain(translator("fr")("error.404.title"));
    const en = await t.client().get("/en/missing");
    expect(en.status).toBe(404);
    expect(en.text).toContain('<html lang="en">');
    const api = await t.client().get("/api/missing");
    expect(api.status).toBe(404);
    expect(JSON.parse(api.text)).toMatchObject({ error: { code: "http_404" } });
  });

  it("refuses oversized bodies with 413", async () => {
    const res = await t.client().post("/fr/login", { email: "a@b.c", password: "x".repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.text).toContain(translator("fr")("error.413.title"));
  });

  it("reports health", async () => {
    const res = await t.client().get("/healthz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: "ok" });
  });
});

describe("server errors", () => {
  it("shows a 500 page with an error id, and no stack trace", async () => {
    const logged: string[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    const deps = { ...t.deps, log };
    const app = createApp(deps, [
      ...features,
      {
        name: "boom",
        pages: (router) =>
          router.get("/boom", () => {
            throw new Error("secret internal detail");
          }),
      },
    ]);
    const res = await app.request("/fr/boom");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain("secret internal detail");
    expect(html).not.toContain("at ");
    const id = /([0-9a-f]{8})\.<\/p>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(logged.join("")).toContain(`"errorId":"${id}"`);
    expect(logged.join("")).toContain("secret internal detail");
  });
});

describe("page cache", () => {
  it("serves public pages from memory to anonymous visitors and drops them on a write", async () => {
    const client = t.client();
    const { audit } = await import("../src/audit/audit.js");
    // A write empties the cache: the next request is built afresh.
    await audit(t.deps.db, { actor: null, action: "test.clear", subject: { type: "test", id: null } });
    const first = await client.get("/en/about");
    expect(first.headers.get("x-cache")).toBeNull();
    expect(first.headers.get("x-cache-ttl")).toBeNull();
    // The page reads no query parameter: an extra one is the same page.
    const second = await client.get("/en/about?cache-test=1");
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(second.headers.get("content-security-policy")).toContain("default-src 'self'");
    await audit(t.deps.db, { actor: null, action: "test.write", subject: { type: "test", id: null } });
    expect((await client.get("/en/about?cache-test=1")).headers.get("x-cache")).toBeNull();
  });

  it("never serves a cached page to a signed-in person", async () => {
    const { makePerson } = await import("./helpers/factories.js");
    const person = await makePerson(t.deps.db);
    await t.client().get("/fr");
    await t.client().get("/fr");
    const client = t.client();
    await client.login(person.email, person.password);
    const page = await client.get("/fr");
    expect(page.headers.get("x-cache")).toBeNull();
    expect(page.text).toContain("/fr/logout");
  });
});
