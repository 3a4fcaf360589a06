import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { makeMember, makeService } from "../../../../tests/helpers/factories.js";
import { crawlFederation, crawlOrganization } from "./crawler.js";
import { toCount } from "../../../db/adapter.js";
import { wholeDb } from "../../../db/adapter.js";

/**
 * The crawler against a federation of fake member servers on loopback: one healthy member with
 * services and metrics, and one member for each bad input the issue lists.
 */

let t: TestPlatform;
const servers: FakeServer[] = [];
let good: FakeServer;
let federation: FakeServer;
let etagHits = 0;

const file = (lines: string[]) => `${lines.join("\n")}\n`;
const header = (cls: string) => [
  `file.class=${cls}`,
  "file.protocol=ChatonsInfos-0.5",
  "file.datetime=2024-03-01T00:00:00",
  "file.generator=test",
];

function organization(base: string, name: string, subs: Record<string, string>) {
  return file([
    ...header("organization"),
    `organization.name=${name}`,
    "organization.type=ASSOCIATION",
    "organization.memberof.chatons.status.level=ACTIVE",
    "organization.memberof.chatons.startdate=2020-01-01",
    `organization.website=${base}/`,
    ...Object.entries(subs).map(([k, v]) => `subs.${k}=${v}`),
  ]);
}

function service(name: string, website: string, software: string, subs: Record<string, string> = {}) {
  return file([
    ...header("service"),
    `service.name=${name}`,
    `service.website=${website}`,
    `software.name=${software}`,
    ...Object.entries(subs).map(([k, v]) => `subs.${k}=${v}`),
  ]);
}

async function serve(handler: (path: string, res: ServerResponse, headers: Record<string, unknown>) => void) {
  const server = await startFakeServer((req, res) => handler(req.url ?? "/", res, req.headers));
  servers.push(server);
  return server;
}

function text(res: ServerResponse, body: string, status = 200, type = "text/plain; charset=utf-8") {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.end(body);
}

beforeAll(async () => {
  good = await serve((path, res, headers) => {
    const base = good.url;
    if (path === "/robots.txt") return text(res, "User-agent: *\nDisallow: /private/\n");
    if (path === "/org.properties") {
      if (headers["if-none-match"] === '"org-v1"') {
        etagHits++;
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader("etag", '"org-v1"');
      return text(
        res,
        organization(base, "Chaton Sain", {
          pad: `${base}/pad.properties`,
          cloud: `${base}/cloud.properties`,
          hidden: `${base}/private/secret.properties`,
          again: `${base}/pad.properties`,
        }),
      );
    }
    if (path === "/pad.properties")
      return text(
        res,
        service("Pad", "https://pad.example.org/", "Etherpad", { metrics: `${base}/pad-metrics.properties` }),
      );
    if (path === "/cloud.properties")
      return text(res, service("Cloud", "https://cloud.example.org/", "Nextcloud"));
    if (path === "/pad-metrics.properties")
      return text(
        res,
        file([
          ...header("service"),
          "metrics.http.visits.humans.2024.months=10,20,30,-4,50,6000",
          "metrics.http.visits.humans.2024.weeks=1;2;3",
        ]),
      );
    return text(res, "not found", 404);
  });
  const html = await serve((_p, res) =>
    text(res, "<!doctype html><html><body>Welcome</body></html>", 200, "text/html"),
  );
  const missing = await serve((_p, res) => text(res, "nope", 404));
  const slow = await serve((path, res) => {
    if (path === "/robots.txt") return text(res, "", 404);
    res.writeHead(200, { "content-type": "text/plain" });
    const timer = setInterval(() => res.write("#"), 200);
    res.on("close", () => clearInterval(timer));
  });
  const huge = await serve((path, res) => {
    if (path === "/robots.txt") return text(res, "", 404);
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = `# ${"x".repeat(1022)}\n`;
    for (let i = 0; i < 3 * 1024; i++) res.write(chunk);
    res.end();
  });
  const loop = await serve((path, res) => {
    if (path === "/robots.txt") return text(res, "", 404);
    res.statusCode = 302;
    res.setHeader("location", path === "/a.properties" ? "/b.properties" : "/a.properties");
    res.end();
  });
  const cycle = await serve((path, res) => {
    const base = cycle.url;
    if (path === "/org.properties")
      return text(
        res,
        organization(base, "Chaton Cycle", { svc: `${base}/svc.properties`, self: `${base}/org.properties` }),
      );
    if (path === "/svc.properties")
      return text(
        res,
        service("Svc", "https://svc.example.org/", "Nextcloud", { back: `${base}/org.properties` }),
      );
    return text(res, "", 404);
  });
  const copycat = await serve((path, res) => {
    if (path === "/org.properties")
      return text(res, organization(copycat.url, "Chaton Copieur", { pad: `${good.url}/pad.properties` }));
    return text(res, "", 404);
  });
  federation = await serve((path, res) => {
    if (path !== "/federation.properties") return text(res, "", 404);
    return text(
      res,
      file([
        ...header("federation"),
        "federation.name=Test",
        "federation.description=Fédération de test",
        "federation.website=https://federation.example.org/",
        "federation.contact.email=contact@federation.example.org",
        `subs.good=${good.url}/org.properties`,
        `subs.html=${html.url}/org.properties`,
        `subs.missing=${missing.url}/org.properties`,
        `subs.slow=${slow.url}/org.properties`,
        `subs.huge=${huge.url}/org.properties`,
        `subs.loop=${loop.url}/a.properties`,
        `subs.cycle=${cycle.url}/org.properties`,
        `subs.private=http://10.1.2.3/org.properties`,
        `subs.copycat=${copycat.url}/org.properties`,
      ]),
    );
  });
  t = await startTestPlatform({
    env: { FEDERATION_URL: `${federation.url}/federation.properties`, OUTBOUND_TIMEOUT: "2s" },
  });
});

afterAll(async () => {
  await t.stop();
  await Promise.all(servers.map((s) => s.close()));
});

async function fileRow(url: string) {
  return wholeDb(t.deps.db)
    .selectFrom("stats_files")
    .selectAll()
    .where("url", "=", url)
    .executeTakeFirstOrThrow();
}

describe("crawl of a federation with broken members", () => {
  let runId = "";
  it("records every member's outcome and finishes despite the broken ones", async () => {
    const result = await crawlFederation(t.deps, { trigger: "test" });
    runId = result.runId;
    const run = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .where("id", "=", runId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe("done");
    expect(run.items_total).toBe(9);
    expect(run.items_done).toBe(9);
    const rows = await wholeDb(t.deps.db).selectFrom("stats_files").selectAll().execute();
    const resultOf = (host: FakeServer | string, path = "/org.properties") =>
      rows.find((r) => r.url === `${typeof host === "string" ? host : host.url}${path}`)?.result;
    expect(resultOf(good)).toBe("ok");
    expect(resultOf(good, "/pad.properties")).toBe("ok");
    expect(resultOf(good, "/pad-metrics.properties")).toBe("ok");
    expect(resultOf(good, "/private/secret.properties")).toBe("robots");
    expect(resultOf(servers[1] ?? "")).toBe("html");
    expect(resultOf(servers[2] ?? "")).toBe("http-error");
    expect(resultOf(servers[3] ?? "")).toBe("timeout");
    expect(resultOf(servers[4] ?? "")).toBe("too-large");
    expect(resultOf(servers[5] ?? "", "/a.properties")).toBe("too-many-redirects");
    expect(resultOf("http://10.1.2.3")).toBe("blocked");
    expect(rows.find((r) => r.url.startsWith("http://10.1.2.3"))?.reason).toMatch(/private or reserved/);
  });

  it("names itself, asks politely and reads robots.txt once per host", async () => {
    const agents = good.requests.map((r) => String(r.headers["user-agent"]));
    expect(agents.every((a) => /^chatons\/.+\/en\/stats\/crawler\)$/.test(a))).toBe(true);
    expect(good.requests.filter((r) => r.path === "/robots.txt")).toHaveLength(1);
    expect(good.requests.some((r) => r.path.startsWith("/private/"))).toBe(false);
  });

  it("flags cycles and duplicates on the file that lists them", async () => {
    const cycleOrg = await fileRow(`${servers[6]?.url}/org.properties`);
    expect(cycleOrg.report).toContain("subs-cycle");
    const svc = await fileRow(`${servers[6]?.url}/svc.properties`);
    expect(svc.report).toContain("subs-cycle");
    const goodOrg = await fileRow(`${good.url}/org.properties`);
    expect(goodOrg.report).toContain("subs-duplicate");
    // Both organizations list the same pad file and are crawled side by side: whichever reached it
    // first owns it, and the other one's file is told who does.
    const copycat = await fileRow(`${servers[7]?.url}/org.properties`);
    const toldOwner = [goodOrg, copycat].filter((f) => f.report?.includes('"owner":'));
    expect(toldOwner).toHaveLength(1);
    expect(toldOwner[0]?.report).toContain("subs-duplicate");
    expect(good.requests.filter((r) => r.path === "/pad.properties")).toHaveLength(1);
  });

  it("stores metrics as series, with implausible entries flagged", async () => {
    const metrics = await fileRow(`${good.url}/pad-metrics.properties`);
    expect(metrics.class).toBe("metrics");
    const series = await wholeDb(t.deps.db)
      .selectFrom("stats_series")
      .selectAll()
      .where("file_id", "=", metrics.id)
      .orderBy("period")
      .execute();
    expect(series.map((s) => s.period)).toEqual(["months", "weeks"]);
    const months = series[0];
    expect(JSON.parse(months?.value_list ?? "[]")).toEqual([10, 20, 30, -4, 50, 6000]);
    expect(JSON.parse(months?.flags ?? "[]")).toEqual([
      { i: 3, reason: "negative" },
      { i: 5, reason: "jump" },
    ]);
    const fed = await wholeDb(t.deps.db)
      .selectFrom("stats_aggregates")
      .selectAll()
      .where("scope", "=", "federation")
      .where("period", "=", "months")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(fed.value_list)).toEqual([10, 20, 30, null, 50, null]);
    expect(fed.flagged).toBe(2);
    const software = await wholeDb(t.deps.db)
      .selectFrom("stats_aggregates")
      .select("scope_id")
      .where("scope", "=", "software")
      .execute();
    expect(software.map((s) => s.scope_id)).toContain("etherpad");
  });

  it("sends conditional requests the next time and keeps history per file", async () => {
    const second = await crawlFederation(t.deps, { trigger: "test" });
    expect(etagHits).toBe(1);
    const org = await fileRow(`${good.url}/org.properties`);
    expect(org.result).toBe("not-modified");
    expect(org.errors).toBe(0);
    const history = await wholeDb(t.deps.db)
      .selectFrom("stats_file_history")
      .selectAll()
      .where("file_id", "=", org.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.result)).toEqual(["ok", "not-modified"]);
    expect(history[0]?.content_hash).toBe(history[1]?.content_hash);
    expect(second.runId).not.toBe(runId);
  });

  it("processes an organization twice in one run without duplicating anything", async () => {
    const count = async () =>
      toCount(
        (
          await wholeDb(t.deps.db)
            .selectFrom("stats_file_history")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const run = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const before = await count();
    await crawlOrganization(t.deps, run.id, `${good.url}/org.properties`);
    await crawlOrganization(t.deps, run.id, `${good.url}/org.properties`);
    expect(await count()).toBe(before);
    const after = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .where("id", "=", run.id)
      .executeTakeFirstOrThrow();
    expect(after.items_done).toBe(run.items_done);
  });
});

describe("matching crawled files to the directory", () => {
  it("links an organization and its services to the member that published them", async () => {
    const member = await makeMember(t.deps.db, { chatonsinfos_url: `${good.url}/org.properties` });
    const pad = await makeService(t.deps.db, member.id, { slug: "pad", url: "https://pad.example.org/" });
    const cloud = await makeService(t.deps.db, member.id, {
      slug: "nuage",
      url: "https://cloud.example.org/",
    });
    await crawlFederation(t.deps, { trigger: "test" });
    const org = await fileRow(`${good.url}/org.properties`);
    expect(org.member_id).toBe(member.id);
    // Matched by the service's web address (the slugs differ).
    const cloudFile = await fileRow(`${good.url}/cloud.properties`);
    expect(cloudFile.service_id).toBe(cloud.id);
    // pad.properties is also listed by the copycat, and the first organization of the run to list
    // a file owns it: only when this member's organization won it is the pad matched here.
    const padFile = await fileRow(`${good.url}/pad.properties`);
    if (padFile.organization_url === org.url) {
      expect(padFile.service_id).toBe(pad.id);
      const metrics = await fileRow(`${good.url}/pad-metrics.properties`);
      expect(metrics.service_id).toBe(pad.id);
    } else expect(padFile.service_id).toBeNull();
  });
});

describe("outside tests, private addresses are refused", () => {
  it("records a loopback member server as a refused address when loopback is not allowed", async () => {
    const { createOutbound } = await import("../../../http/outbound.js");
    const { createFetcher } = await import("./fetch.js");
    const { createHostLimiter } = await import("./limiter.js");
    const outbound = createOutbound({
      allowLoopback: false,
      timeoutMs: 2_000,
      maxBytes: 1_000_000,
      maxRedirects: 3,
      userAgent: "test",
    });
    try {
      const fetcher = createFetcher({ ...t.deps, outbound }, createHostLimiter(2, 1));
      const outcome = await fetcher.fetch(`${good.url}/org.properties`);
      expect(outcome.result).toBe("blocked");
      expect(good.requests.filter((r) => r.headers["user-agent"] === "test")).toEqual([]);
    } finally {
      await outbound.close();
    }
  });
});

describe("chatons crawl", () => {
  it("crawls the federation from the command line and records who asked", async () => {
    const { crawlCommand } = await import("../stats.jobs.js");
    expect(await crawlCommand.run(t.deps, [])).toBe(0);
    const run = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .orderBy("started_at", "desc")
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ trigger: "cli", status: "done", items_total: 9 });
  });
});

describe("the crawl as a fan-out job", () => {
  it("plans one item per organization, tolerates items processed twice, and finishes once", async () => {
    const { crawlFanOut } = await import("./crawler.js");
    const fanOut = crawlFanOut(t.deps);
    const signal = new AbortController().signal;
    const { items, context } = await fanOut.plan(signal);
    expect(items).toHaveLength(9);
    for (const item of items) await fanOut.process("job-run", item, context, signal);
    await fanOut.process("job-run", items[0] ?? "", context, signal);
    const summary = await fanOut.finish("job-run", context);
    expect(summary).toMatch(/^9\/9 organizations/);
    const run = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .orderBy("started_at", "desc")
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: "done", trigger: "job", items_done: 9 });
    const history = await wholeDb(t.deps.db)
      .selectFrom("stats_file_history")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("run_id", "=", run.id)
      .executeTakeFirstOrThrow();
    expect(toCount(history.n)).toBe(run.files_total);
  });
});
