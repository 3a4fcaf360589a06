import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import type { AppEnv } from "./context.js";
import { CACHE_HEADER, canonicalSearch, createPageCache, trackQueryReads, type Reads } from "./page-cache.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

/**
 * An app behind `cache` whose page at `path` renders at once the first time and waits for `open()`
 * from the second render on: the tests see what happens while a render is in flight.
 */
function heldPage(cache: ReturnType<typeof createPageCache>, path: string) {
  const held = { renders: 0, open: () => {} };
  const gate = new Promise<void>((resolve) => (held.open = resolve));
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("locale", "fr");
    await next();
  });
  app.use("*", cache.middleware);
  app.get(path, async (c) => {
    const render = ++held.renders;
    if (render > 1) await gate;
    c.header(CACHE_HEADER, "60");
    return c.html(`<p>render ${render}</p>`);
  });
  return { app, held };
}

describe("page cache key", () => {
  it("keeps an extra or reordered query parameter on the cached page", async () => {
    const client = t.client();
    const first = await client.get("/fr/services?access=none&category=pad");
    expect(first.status).toBe(200);
    const again = await client.get("/fr/services?access=none&category=pad");
    expect(again.headers.get("x-cache")).toBe("hit");
    const reordered = await client.get("/fr/services?category=pad&utm_source=newsletter&access=none");
    expect(reordered.headers.get("x-cache")).toBe("hit");
    expect(reordered.text).toBe(first.text);
  });

  it("stores a page asked for with its parameters in any order", async () => {
    const client = t.client();
    const first = await client.get("/fr/services?price=free&category=poll&access=open");
    expect(first.headers.get("x-cache")).toBeNull();
    const again = await client.get("/fr/services?price=free&category=poll&access=open");
    expect(again.headers.get("x-cache")).toBe("hit");
    // Its language links carry the parameters, names in order.
    expect(first.text).toContain("/en/services?access=open&amp;category=poll&amp;price=free");
  });

  it("never lets two different pages share a key", async () => {
    const client = t.client();
    await client.get("/fr/services?category=forge");
    const pad = await client.get("/fr/services?category=forge");
    expect(pad.headers.get("x-cache")).toBe("hit");
    const narrower = await client.get("/fr/services?category=forge&access=open");
    expect(narrower.headers.get("x-cache")).toBeNull();
    expect(narrower.text).not.toBe(pad.text);
    const other = await client.get("/fr/services?category=notes");
    expect(other.headers.get("x-cache")).toBeNull();
    expect(other.text).not.toBe(pad.text);
  });

  it("stores only the canonical form, so the language links never carry another visitor's extras", async () => {
    const client = t.client();
    const junk = await client.get("/fr/services?family=work&utm_campaign=x");
    expect(junk.headers.get("x-cache")).toBeNull();
    // The junk request was not stored: its language links echo its own query string.
    const canonical = await client.get("/fr/services?family=work");
    expect(canonical.headers.get("x-cache")).toBeNull();
    expect(canonical.text).not.toContain("utm_campaign");
    const later = await client.get("/fr/services?utm_campaign=y&family=work");
    expect(later.headers.get("x-cache")).toBe("hit");
    expect(later.text).not.toContain("utm_campaign");
  });
});

describe("query reads", () => {
  it("records names read one by one, through the record, and all of them when listed", async () => {
    const seen: Reads[] = [];
    const app = new Hono();
    app.use("*", async (c, next) => {
      const reads: Reads = { names: new Set(), all: false };
      trackQueryReads(c.req, reads);
      seen.push(reads);
      await next();
    });
    app.get("/one", (c) => c.text(c.req.query("a") ?? ""));
    app.get("/record", (c) => c.text(String(c.req.queries().b ?? "")));
    app.get("/listed", (c) => c.text(Object.keys(c.req.query()).join(",")));
    expect(await (await app.request("/one?a=1&z=2")).text()).toBe("1");
    expect(await (await app.request("/record?b=1&b=2&z=2")).text()).toBe("1,2");
    expect(await (await app.request("/listed?b=1&z=2")).text()).toBe("b,z");
    expect([...(seen[0]?.names ?? [])]).toEqual(["a"]);
    expect(seen[1]?.names.has("b")).toBe(true);
    expect(seen[1]?.all).toBe(false);
    expect(seen[2]?.all).toBe(true);
  });

  it("orders names and keeps each name's values in their order", () => {
    const reads: Reads = { names: new Set(["b", "a"]), all: false };
    expect(canonicalSearch(new URL("http://x/p?b=2&z=9&a=1&b=1"), reads)).toBe("a=1&b=2&b=1");
    expect(canonicalSearch(new URL("http://x/p?z=9"), reads)).toBe("");
    expect(canonicalSearch(new URL("http://x/p?z=9&a=1"), { names: new Set(), all: true })).toBe("a=1&z=9");
  });
});

describe("page cache misses", () => {
  it("renders a page asked for by many at once a single time", async () => {
    const cache = createPageCache(t.deps.db);
    const { app, held } = heldPage(cache, "/fr/busy-page");
    try {
      expect(await (await app.request("/fr/busy-page")).text()).toBe("<p>render 1</p>");
      // The page is known but gone (as when it expires): five visitors ask for it at once.
      cache.clear();
      const answers = Array.from({ length: 5 }, () => app.request("/fr/busy-page"));
      await new Promise((r) => setTimeout(r, 20));
      expect(held.renders).toBe(2);
      held.open();
      const done = await Promise.all(answers);
      expect(await Promise.all(done.map((r) => r.text()))).toEqual(Array(5).fill("<p>render 2</p>"));
      expect(done.filter((r) => r.headers.get("x-cache") === "hit")).toHaveLength(4);
      expect(held.renders).toBe(2);
    } finally {
      cache.stop();
    }
  });

  it("serves the expired page while one visitor's request renders it anew", async () => {
    let clock = 1_000_000;
    const cache = createPageCache(t.deps.db, { now: () => clock });
    const { app, held } = heldPage(cache, "/fr/popular");
    try {
      expect(await (await app.request("/fr/popular")).text()).toBe("<p>render 1</p>");
      clock += 61_000;
      const renewing = app.request("/fr/popular");
      await new Promise((r) => setTimeout(r, 20));
      expect(held.renders).toBe(2);
      // While it renders, the others get the page of a minute ago at once.
      const meanwhile = await Promise.all(Array.from({ length: 3 }, () => app.request("/fr/popular")));
      expect(await Promise.all(meanwhile.map((r) => r.text()))).toEqual(Array(3).fill("<p>render 1</p>"));
      held.open();
      expect(await (await renewing).text()).toBe("<p>render 2</p>");
      const after = await app.request("/fr/popular");
      expect(after.headers.get("x-cache")).toBe("hit");
      expect(await after.text()).toBe("<p>render 2</p>");
      expect(held.renders).toBe(2);
      // Long forgotten, it is not served stale: whoever asks during its render waits for it.
      clock += 3_600_000;
      const slow = app.request("/fr/popular");
      const second = app.request("/fr/popular");
      await new Promise((r) => setTimeout(r, 20));
      expect(held.renders).toBe(3);
      expect(await Promise.all([slow, second].map(async (r) => (await r).text()))).toEqual([
        "<p>render 3</p>",
        "<p>render 3</p>",
      ]);
    } finally {
      cache.stop();
    }
  });

  it("renders an expired page for nobody, serving it to everyone meanwhile, when given the app", async () => {
    let clock = 1_000_000;
    const cache = createPageCache(t.deps.db, { now: () => clock });
    const { app, held } = heldPage(cache, "/fr/shared");
    cache.renderThrough(async (request) => app.fetch(request));
    try {
      await app.request("/fr/shared", { headers: { "accept-language": "de" } });
      clock += 61_000;
      // The visitor who finds it expired does not wait for the render it starts.
      const first = await app.request("/fr/shared", { headers: { cookie: "theme=dark" } });
      expect(await first.text()).toBe("<p>render 1</p>");
      expect(held.renders).toBe(2);
      const meanwhile = await app.request("/fr/shared");
      expect(await meanwhile.text()).toBe("<p>render 1</p>");
      expect(held.renders).toBe(2);
      held.open();
      await new Promise((r) => setTimeout(r, 20));
      const after = await app.request("/fr/shared");
      expect(after.headers.get("x-cache")).toBe("hit");
      expect(await after.text()).toBe("<p>render 2</p>");
      expect(held.renders).toBe(2);
      // Long forgotten, it is not served stale: the visitor waits for its render, as before.
      clock += 3_600_000;
      expect(await (await app.request("/fr/shared")).text()).toBe("<p>render 3</p>");
    } finally {
      cache.stop();
    }
  });

  it("does not keep a page whose render began before a write emptied the cache", async () => {
    const cache = createPageCache(t.deps.db);
    const { app, held } = heldPage(cache, "/fr/edited");
    try {
      await app.request("/fr/edited");
      cache.clear();
      // Rendered from what was read before the write: sent to its visitor, but not kept.
      const during = app.request("/fr/edited");
      await new Promise((r) => setTimeout(r, 20));
      cache.clear();
      held.open();
      expect(await (await during).text()).toBe("<p>render 2</p>");
      const next = await app.request("/fr/edited");
      expect(next.headers.get("x-cache")).not.toBe("hit");
      expect(await next.text()).toBe("<p>render 3</p>");
      expect(held.renders).toBe(3);
    } finally {
      cache.stop();
    }
  });
});
