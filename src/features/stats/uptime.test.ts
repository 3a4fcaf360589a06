import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { makeMember, makeService } from "../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { dayBars, latestUptime, overallRatio, runUptime, uptimeRows, RETENTION_DAYS } from "./uptime.js";
import { probe } from "../../probe/probe.js";
import { addDaily, prune, record } from "../../probe/probe.repository.js";
import { discoveryUrls, pickNodeinfoLink, readNodeinfo } from "./nodeinfo.js";
import { wholeDb } from "../../db/adapter.js";

describe("uptime bars (pure)", () => {
  it("gives one bar per day, null where nothing was measured", () => {
    const today = new Date("2026-03-10T12:00:00Z");
    const bars = dayBars(
      [
        { day: "2026-03-10", checks: 4, ups: 3, total_ms: 400 },
        { day: "2026-03-08", checks: 24, ups: 24, total_ms: 2400 },
      ],
      today,
      3,
    );
    expect(bars).toEqual([
      { day: "2026-03-08", ratio: 1, checks: 24, avgMs: 100 },
      { day: "2026-03-09", ratio: null, checks: 0, avgMs: null },
      { day: "2026-03-10", ratio: 0.75, checks: 4, avgMs: 100 },
    ]);
    expect(overallRatio(bars)).toBeCloseTo(27 / 28);
    expect(overallRatio([{ ratio: null, checks: 0 }])).toBeNull();
  });
});

describe("NodeInfo reading (pure)", () => {
  it("follows the highest schema it reads", () => {
    const jrd = {
      links: [
        { rel: "http://nodeinfo.diaspora.software/ns/schema/2.0", href: "https://x.example/ni/2.0" },
        { rel: "http://nodeinfo.diaspora.software/ns/schema/2.1", href: "https://x.example/ni/2.1" },
        { rel: "http://nodeinfo.diaspora.software/ns/schema/1.0", href: "https://x.example/ni/1.0" },
      ],
    };
    expect(pickNodeinfoLink(jrd)).toEqual({ href: "https://x.example/ni/2.1", version: "2.1" });
    expect(pickNodeinfoLink({ links: "nope" })).toBeUndefined();
    expect(pickNodeinfoLink(null)).toBeUndefined();
  });

  it("reads users and activity of 2.0 and 2.1 documents, leaving out wrongly typed fields", () => {
    const doc = {
      version: "2.0",
      software: { name: "peertube", version: "6.0" },
      openRegistrations: false,
      usage: { users: { total: 10, activeMonth: "3", activeHalfyear: -1 }, localPosts: 5 },
    };
    expect(readNodeinfo(doc)).toEqual({
      version: "2.0",
      softwareName: "peertube",
      softwareVersion: "6.0",
      openRegistrations: false,
      usersTotal: 10,
      usersActiveMonth: null,
      usersActiveHalfyear: null,
      localPosts: 5,
      localComments: null,
    });
    expect(readNodeinfo({ version: 2.1 })).toBeUndefined();
    expect(readNodeinfo("nothing")).toBeUndefined();
  });

  it("looks under the service's path first, then at the host's root", () => {
    expect(discoveryUrls("https://social.example.org/")).toEqual([
      "https://social.example.org/.well-known/nodeinfo",
    ]);
    expect(discoveryUrls("http://127.0.0.1:8081/chaton/mastodon/")).toEqual([
      "http://127.0.0.1:8081/chaton/mastodon/.well-known/nodeinfo",
      "http://127.0.0.1:8081/.well-known/nodeinfo",
    ]);
    expect(discoveryUrls("not a url")).toEqual([]);
  });
});

describe("uptime probes", () => {
  let t: TestPlatform;
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer((req, res) => {
      const path = (req.url ?? "").split("?")[0];
      if (path === "/up/") return void res.end("ok");
      if (path === "/big/") return void res.end("x".repeat(200_000));
      if (path === "/redirect/") {
        res.statusCode = 301;
        res.setHeader("location", "/up/");
        return void res.end();
      }
      res.statusCode = 502;
      res.end("bad gateway");
    });
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
    await server.close();
  });

  it("probes every open service once and folds the results into daily rows", async () => {
    const m = await makeMember(t.deps.db);
    const ids: Record<string, string> = {};
    for (const path of ["up", "big", "redirect", "down"])
      ids[path] = (await makeService(t.deps.db, m.id, { slug: path, url: `${server.url}/${path}/` })).id;
    await makeService(t.deps.db, m.id, { slug: "closed", url: `${server.url}/closed/`, status: "off" });
    expect(await runUptime(t.deps)).toBe("4 services probed: 3 up, 1 down");
    expect(await runUptime(t.deps)).toBe("4 services probed: 3 up, 1 down");
    const rows = await uptimeRows(t.deps.db, Object.values(ids), t.deps.now());
    const of = (id: string | undefined) => rows.find((r) => r.service_id === id);
    expect(of(ids.up)).toMatchObject({ checks: 2, ups: 2 });
    expect(of(ids.big)).toMatchObject({ checks: 2, ups: 2 });
    expect(of(ids.redirect)).toMatchObject({ checks: 2, ups: 2 });
    expect(of(ids.down)).toMatchObject({ checks: 2, ups: 0 });
    const down = await wholeDb(t.deps.db)
      .selectFrom("services")
      .selectAll()
      .where("id", "=", ids.down ?? "")
      .execute();
    const latest = (await latestUptime(t.deps.db, down)).get(ids.down ?? "");
    expect(latest).toMatchObject({ up: false, http_status: 502, reason: "HTTP 502" });
    expect(server.requests.some((r) => r.path === "/closed/")).toBe(false);
  });

  it("keeps daily rows for more than two years and drops older ones", async () => {
    const m = await makeMember(t.deps.db);
    const s = await makeService(t.deps.db, m.id, { url: `${server.url}/up/?kept` });
    const now = new Date();
    const old = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    const day = (d: string) => ({
      url: s.url,
      day: d,
      checks: 1,
      reachable: 1,
      totalMs: 1,
      judged: 0,
      usable: 0,
      usableMs: 0,
    });
    await addDaily(t.deps.db, [day(old(731)), day(old(RETENTION_DAYS + 5))]);
    await record(t.deps.db, await probe(t.deps, s.url));
    await prune(t.deps.db, now);
    const days = (await uptimeRows(t.deps.db, [s.id], now, RETENTION_DAYS + 10)).map((r) => r.day);
    expect(days).toContain(old(731));
    expect(days).not.toContain(old(RETENTION_DAYS + 5));
    expect(days).toContain(now.toISOString().slice(0, 10));
  });

  it("draws the federation's uptime page from the observations", async () => {
    const m = await makeMember(t.deps.db, { name: "Chaton Sondé" });
    const up = await makeService(t.deps.db, m.id, { url: `${server.url}/up/?page` });
    const down = await makeService(t.deps.db, m.id, { url: `${server.url}/down/?page` });
    for (const s of [up, up, up, down]) await record(t.deps.db, await probe(t.deps, s.url));
    const res = await t.client().get("/fr/stats/uptime");
    expect(res.status).toBe(200);
    expect(res.text).toContain(escapeHtml(m.name));
    const strip = res.text.slice(res.text.indexOf(escapeHtml(m.name)));
    expect(strip).toContain("75 %");
    const en = await t.client().get("/en/stats/uptime");
    expect(en.text).toContain("75 %");
  });
});
