import { createServer, request, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import { makePerson } from "../../tests/helpers/factories.js";
import { audit } from "../audit/audit.js";
import type { AppEnv } from "./context.js";
import { CACHE_HEADER, createPageCache, type PageCache } from "./page-cache.js";

/**
 * The page cache's front path (decision 072) must be invisible: a hit answered before the web app
 * sends the very bytes and headers the app sends. Raw HTTP on loopback, so that header names,
 * order and body bytes are compared as they travel.
 */
let t: TestPlatform;
// The platform's clock runs three days ahead of the machine's: the Date header must follow it.
const AHEAD = 3 * 86_400_000;
beforeAll(async () => {
  t = await startTestPlatform({ now: () => new Date(Date.now() + AHEAD) });
});
afterAll(async () => {
  await t.stop();
});

interface Raw {
  status: number;
  /** Header lines as sent (name as written, value), without the Date. */
  headers: [string, string][];
  body: Buffer;
}

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; setHost?: boolean; port?: string } = {},
): Promise<Raw> {
  const port = options.port ?? new URL(t.url).port;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] ?? "";
            if (name.toLowerCase() !== "date") pairs.push([name, res.rawHeaders[i + 1] ?? ""]);
          }
          resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const without = (headers: [string, string][], name: string) =>
  headers.filter(([n]) => n.toLowerCase() !== name);
const front = () => t.platform.pageCache.frontAnswers;

const hit = (r: Raw) => r.headers.some(([n, v]) => n === "x-cache" && v === "hit");

/**
 * A miss (the app stores the page and remembers the address), a hit in front, then a hit through
 * the app (an address with a parameter the page does not read, not remembered yet). The cache also
 * empties itself when it watches the audit log (its first poll, another test's write): a sequence
 * cut by that is tried again.
 */
async function threeAnswers(path: string): Promise<{ miss: Raw; appHit: Raw; frontHit: Raw }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    t.platform.pageCache.clear();
    const before = front();
    const miss = await raw(path);
    const missed = front() === before;
    const frontHit = await raw(path);
    const inFront = front() === before + 1;
    const appHit = await raw(`${path}${path.includes("?") ? "&" : "?"}utm_source=attempt${attempt}`);
    if (!hit(miss) && missed && inFront && hit(appHit) && front() === before + 1)
      return { miss, appHit, frontHit };
  }
  throw new Error(`no miss, front hit, app hit sequence for ${path}`);
}

/** Asks until the front path answers `path` (the next request for it is answered in front). */
async function primed(path: string): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const before = front();
    await raw(path);
    if (front() > before) return;
  }
  throw new Error(`${path} is never answered in front`);
}

describe("page cache front path", () => {
  it("sends a hit with the bytes and headers of the app's own answers", async () => {
    const { miss, appHit, frontHit } = await threeAnswers("/fr/services?category=pad");
    expect(miss.status).toBe(200);
    expect(frontHit.status).toBe(200);
    expect(frontHit.body.equals(miss.body)).toBe(true);
    expect(frontHit.body.equals(appHit.body)).toBe(true);
    // The very same header lines, names as written and in the same order, as a hit through the app.
    expect(frontHit.headers).toEqual(appHit.headers);
    // And as the miss, but for the mark of the hit (the app itself spells Content-Length in two
    // ways, by the path its answer takes through @hono/node-server: names compare in lower case).
    const lower = (h: [string, string][]) => h.map(([n, v]) => [n.toLowerCase(), v]);
    expect(lower(without(frontHit.headers, "x-cache"))).toEqual(lower(miss.headers));
    expect(frontHit.headers).toContainEqual(["x-cache", "hit"]);
    expect(frontHit.headers.map(([n]) => n)).toContain("content-security-policy");
  });

  it("sends the Date of the platform's clock", async () => {
    await primed("/fr/services?category=pad");
    const before = front();
    const date = await new Promise<string | undefined>((resolve, reject) => {
      const { port } = new URL(t.url);
      request({ host: "127.0.0.1", port, path: "/fr/services?category=pad", agent: false }, (r) => {
        r.resume();
        resolve(r.headers.date);
      })
        .on("error", reject)
        .end();
    });
    expect(front()).toBe(before + 1);
    expect(Math.abs(Date.parse(date ?? "") - (Date.now() + AHEAD))).toBeLessThan(5_000);
  });

  it("never answers a request that carries the session cookie, or a signed-in person", async () => {
    await primed("/fr/about");
    const before = front();
    const cookie = `${t.config.secureCookies ? "__Host-" : ""}chatons_session=not-a-session`;
    const stale = await raw("/fr/about", { headers: { cookie } });
    expect(front()).toBe(before);
    expect(stale.status).toBe(200);
    const person = await makePerson(t.deps.db);
    const client = t.client();
    await client.login(person.email, person.password);
    const page = await client.get("/fr/about");
    expect(page.headers.get("x-cache")).toBeNull();
    expect(front()).toBe(before);
    // Another site's cookie is no session: still answered in front.
    await primed("/fr/about");
    const primedAt = front();
    await raw("/fr/about", { headers: { cookie: "theme=dark" } });
    expect(front()).toBe(primedAt + 1);
  });

  it("never answers another method than GET, nor a request with no Host", async () => {
    await primed("/fr/about");
    const before = front();
    const head = await raw("/fr/about", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await raw("/fr/about", { method: "POST", headers: { "content-length": "0" } });
    expect(post.status).not.toBe(200);
    const noHost = await raw("/fr/about", { setHost: false });
    expect(noHost.status).toBe(400);
    expect(front()).toBe(before);
  });

  it("forgets everything on a write: the next request is built afresh", async () => {
    await primed("/fr/about");
    const before = front();
    await audit(t.deps.db, { actor: null, action: "test.write", subject: { type: "test", id: null } });
    const after = await raw("/fr/about");
    expect(after.headers.find(([n]) => n === "x-cache")).toBeUndefined();
    expect(front()).toBe(before);
  });

  it("answers only requests whose parameters key the same entry", async () => {
    await raw("/fr/services?category=forge");
    // An unread parameter: the same entry, remembered for this address too.
    await primed("/fr/services?category=forge&utm_source=x");
    const before = front();
    const extra = await raw("/fr/services?category=forge&utm_source=x");
    expect(front()).toBe(before + 1);
    const other = await raw("/fr/services?category=notes");
    expect(front()).toBe(before + 1);
    expect(other.headers.find(([n]) => n === "x-cache")).toBeUndefined();
    expect(other.body.equals(extra.body)).toBe(false);
    expect(hit(extra)).toBe(true);
  });
});

describe("page cache front path and the parameters a page reads", () => {
  // A page that reads `b` only when `a=1`: what keys its requests changes once it has read `b`.
  let server: Server;
  let cache: PageCache;
  let port = "";
  let renders = 0;
  beforeAll(async () => {
    cache = createPageCache(t.deps.db, {
      pollMs: 3_600_000,
      front: { securityHeaders: [], sessionCookie: "chatons_session", log: t.deps.log, date: () => "x" },
    });
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("locale", "fr");
      c.set("session", null);
      await next();
    });
    app.use("*", cache.middleware);
    app.get("/fr/p", (c) => {
      renders++;
      const a = c.req.query("a");
      const b = a === "1" ? c.req.query("b") : undefined;
      c.header(CACHE_HEADER, "60");
      return c.text(`a=${a ?? ""} b=${b ?? ""}`);
    });
    const listener = getRequestListener(app.fetch);
    server = createServer((req, res) => {
      if (!cache.front(req, res)) void listener(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = address && typeof address === "object" ? String(address.port) : "";
  });
  afterAll(async () => {
    cache.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it("forgets the addresses it answered once a page reads a new name", async () => {
    const get = (path: string) => raw(path, { port });
    await get("/fr/p");
    expect(hit(await get("/fr/p?b=2"))).toBe(true);
    expect(cache.frontAnswers).toBe(0);
    expect((await get("/fr/p?b=2")).body.toString()).toBe("a= b=");
    expect(cache.frontAnswers).toBe(1);
    expect(renders).toBe(1);
    // The page reads `b` now: `?b=2` is another key, which the app decides.
    await get("/fr/p?a=1&b=3");
    expect(renders).toBe(2);
    const after = await get("/fr/p?b=2");
    expect(cache.frontAnswers).toBe(1);
    expect(hit(after)).toBe(false);
    expect(renders).toBe(3);
  });
});
