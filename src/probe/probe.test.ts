import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutbound, type Outbound } from "../http/outbound.js";
import { routes, startFakeServer, type FakeServer } from "../../tests/helpers/fake-server.js";
import { ETHERPAD_PAGE, PARKED_PAGE, htmlAfter } from "../../tests/helpers/entraide.js";
import { isReachable, isUsable, normalizeUrl, probe } from "./probe.js";
import { due, merge } from "./rounds.js";

/** The prober against fake member servers on 127.0.0.1: what it says, without judging. */

let outbound: Outbound;
const servers: Record<string, FakeServer> = {};
const at = new Date("2026-03-10T12:00:00.000Z");
const deps = () => ({ outbound, now: () => at });
// Generous times: a loopback answer is quick, even on a busy machine; the slow server is far slower.
const PAD = { markers: ["etherpad", "go2Name"], withinMs: 1_000 };

beforeAll(async () => {
  outbound = createOutbound({
    allowLoopback: true,
    timeoutMs: 4_000,
    maxBytes: 5_000_000,
    maxRedirects: 5,
    userAgent: "chatons/test",
  });
  servers.ok = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  servers.slow = await startFakeServer(htmlAfter(ETHERPAD_PAGE, 1_500));
  servers.error = await startFakeServer((_req, res) => {
    res.statusCode = 500;
    res.end("<title>500 Internal Server Error</title>");
  });
  servers.wall = await startFakeServer(
    routes({
      "/": {
        status: 403,
        type: "text/html",
        body: "<title>Just a moment...</title>",
        headers: { "cf-mitigated": "challenge" },
      },
      "/anubis/": {
        type: "text/html",
        body: "<title>Making sure you're not a bot!</title><script src='/.within.website/x/cmd/anubis/main.mjs'>",
      },
    }),
  );
  servers.parked = await startFakeServer(htmlAfter(PARKED_PAGE));
  servers.other = await startFakeServer(
    routes({
      "/": { type: "text/html", body: "<h1>Bienvenue</h1>" },
      "/nginx/": { type: "text/html", body: "<title>Welcome to nginx!</title>" },
      "/sso/": { status: 302, body: "", headers: { location: "/login?next=%2F" } },
      "/login": { type: "text/html", body: "<form><input type=password></form>" },
      "/big/": { type: "text/html", body: `etherpad ${"x".repeat(100_000)}` },
    }),
  );
});
afterAll(async () => {
  for (const s of Object.values(servers)) await s.close();
  await outbound.close();
});

const at0 = (name: string, path = "/") => `${servers[name]?.url ?? ""}${path}`;

describe("probe", () => {
  it("observes a working service: status, time and its page, usable and reachable", async () => {
    const o = await probe(deps(), at0("ok"), PAD);
    expect(o).toMatchObject({
      url: at0("ok"),
      observedAt: at.toISOString(),
      status: 200,
      error: null,
      finalUrl: at0("ok"),
      challenged: false,
      page: "ok",
      markers: ["etherpad", "go2name"],
      withinMs: 1_000,
    });
    expect(o.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(isReachable(o)).toBe(true);
    expect(isUsable(o)).toBe(true);
  });

  it("notes a slow answer: the same page, answered, but not usable in the time asked for", async () => {
    const o = await probe(deps(), at0("slow"), PAD);
    expect(o).toMatchObject({ status: 200, page: "ok" });
    expect(o.elapsedMs).toBeGreaterThan(1_000);
    expect(isReachable(o)).toBe(true);
    expect(isUsable(o)).toBe(false);
    expect(isUsable(await probe(deps(), at0("slow"), { markers: PAD.markers }))).toBe(true);
  });

  it("notes a 500: no page is judged, and the server did not answer as a service", async () => {
    const o = await probe(deps(), at0("error"), PAD);
    expect(o).toMatchObject({ status: 500, page: null, error: null });
    expect(isReachable(o)).toBe(false);
    expect(isUsable(o)).toBe(false);
  });

  it("tells a bot wall from the service, by its header or by its page", async () => {
    const header = await probe(deps(), at0("wall"), PAD);
    expect(header).toMatchObject({ status: 403, challenged: true, page: null });
    const page = await probe(deps(), at0("wall", "/anubis/"), PAD);
    expect(page).toMatchObject({ status: 200, challenged: false, page: "bot-challenge" });
    expect(isReachable(page)).toBe(true);
    expect(isUsable(page)).toBe(false);
  });

  it("tells a parked domain from the service, even when it names the software", async () => {
    const o = await probe(deps(), at0("parked"), PAD);
    expect(o).toMatchObject({ status: 200, page: "parked" });
    expect(isUsable(o)).toBe(false);
    // Without a software to look for, a parked page is still not a working page.
    expect((await probe(deps(), at0("parked"))).page).toBe("parked");
  });

  it("tells another software, an error page answered 200 and a sign-in wall from the service", async () => {
    expect((await probe(deps(), at0("other"), PAD)).page).toBe("content-mismatch");
    expect((await probe(deps(), at0("other"))).page).toBe("ok");
    expect((await probe(deps(), at0("other", "/nginx/"), PAD)).page).toBe("error-page");
    const sso = await probe(deps(), at0("other", "/sso/"), PAD);
    expect(sso).toMatchObject({ page: "login-wall", finalUrl: at0("other", "/login?next=%2F") });
  });

  it("reads a whole page only when a software is looked for; a page too big to read still answered", async () => {
    const quick = await probe(deps(), at0("other", "/big/"));
    expect(quick).toMatchObject({ status: null, error: "too-large", page: null });
    expect(isReachable(quick)).toBe(true);
    expect((await probe(deps(), at0("other", "/big/"), PAD)).page).toBe("ok");
  });

  it("says why no answer came, and never throws for it", async () => {
    const gone = await startFakeServer(htmlAfter("x"));
    await gone.close();
    expect(await probe(deps(), `${gone.url}/`)).toMatchObject({ status: null, error: "network", page: null });
    expect((await probe(deps(), "ftp://127.0.0.1/")).error).toBe("bad-url");
    expect(isReachable(await probe(deps(), `${gone.url}/`))).toBe(false);
  });
});

describe("one round for everyone (pure)", () => {
  const never = new Map();

  it("probes each address once, with every source's markers and the tightest time and interval", () => {
    const merged = merge([
      {
        intervalMs: 3_600_000,
        wanted: [{ url: "https://pad.example.org" }, { url: "https://cloud.example.org/" }],
      },
      {
        intervalMs: 120_000,
        wanted: [
          { url: "https://pad.example.org/", expectations: { markers: ["Etherpad"], withinMs: 5_000 } },
        ],
      },
    ]);
    expect([...merged.values()]).toEqual([
      { url: "https://pad.example.org/", markers: ["etherpad"], intervalMs: 120_000, withinMs: 5_000 },
      { url: "https://cloud.example.org/", markers: [], intervalMs: 3_600_000 },
    ]);
    expect(due(merged, never, at, 120_000).map((p) => p.url)).toEqual([
      "https://pad.example.org/",
      "https://cloud.example.org/",
    ]);
  });

  it("is due when its interval has passed, or when a marker is asked for that the last look did not have", () => {
    const merged = merge([
      { intervalMs: 3_600_000, wanted: [{ url: "https://cloud.example.org/" }] },
      {
        intervalMs: 120_000,
        wanted: [{ url: "https://pad.example.org/", expectations: { markers: ["etherpad"] } }],
      },
    ]);
    const minutesAgo = (m: number, markers: string[] = []) => ({
      lastObservedAt: new Date(at.getTime() - m * 60_000).toISOString(),
      lastMarkers: markers,
    });
    const states = (pad: ReturnType<typeof minutesAgo>, cloud: ReturnType<typeof minutesAgo>) =>
      new Map([
        ["https://pad.example.org/", { url: "https://pad.example.org/", ...pad }],
        ["https://cloud.example.org/", { url: "https://cloud.example.org/", ...cloud }],
      ]);
    const urls = (s: ReturnType<typeof states>) =>
      due(merged, s, at, 120_000)
        .map((p) => p.url)
        .sort();
    expect(urls(states(minutesAgo(0.5, ["etherpad"]), minutesAgo(10)))).toEqual([]);
    // Half a round of slack: a round starting a little early still observes what it must.
    expect(urls(states(minutesAgo(1.5, ["etherpad"]), minutesAgo(59)))).toEqual([
      "https://cloud.example.org/",
      "https://pad.example.org/",
    ]);
    expect(urls(states(minutesAgo(0.5), minutesAgo(10)))).toEqual(["https://pad.example.org/"]);
  });

  it("spells an address one way", () => {
    expect(normalizeUrl(" https://Pad.Example.org ")).toBe("https://pad.example.org/");
    expect(normalizeUrl("not an address")).toBe("not an address");
  });
});
