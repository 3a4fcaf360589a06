import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { makeMember, makePerson, makeService } from "../../../tests/helpers/factories.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { LOCALES, translator } from "../../i18n/index.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { checkChatonsInfos } from "./chatonsinfos/check.js";
import { CRAWL_JOB, NODEINFO_JOB, UPTIME_JOB } from "./stats.jobs.js";
import { uptimeRows } from "./uptime.js";
import { wholeDb } from "../../db/adapter.js";

/**
 * crawl → check → pages → exports, end to end: the platform's own federation file lists one
 * member publishing its files on a fake server and one whose files the platform generates.
 */

let t: TestPlatform;
let site: FakeServer;
let publisher: Awaited<ReturnType<typeof makeMember>>;
let keeper: Awaited<ReturnType<typeof makeMember>>;
const fr = translator("fr");

beforeAll(async () => {
  site = await startFakeServer((req, res) => {
    const base = site.url;
    const path = req.url ?? "/";
    const send = (body: string, type = "text/plain; charset=utf-8", status = 200) => {
      res.statusCode = status;
      res.setHeader("content-type", type);
      res.end(body);
    };
    if (path === "/org.properties")
      return send(
        [
          "file.class = Organization",
          "file.protocol = ChatonsInfos-0.5",
          "file.datetime = 2024-05-01T10:00:00",
          "file.generator = hands",
          "organization.name = Chaton Publié",
          "organization.type = COOPERATIVE",
          "organization.memberof.chatons.status.level = ACTIVE",
          "organization.memberof.chatons.startdate = 12/06/2019",
          `organization.website = ${base}/`,
          "organization.contact.email = bonjour@publie.example.org",
          `subs.social = '${base}/social.properties'`,
          `subs.pad = ${base}/pad.properties`,
        ].join("\n"),
      );
    if (path === "/social.properties")
      return send(
        [
          "file.class=Service",
          "file.protocol=ChatonsInfos-0.5",
          "file.datetime=2024-05-01T10:00:00",
          "file.generator=hands",
          "service.name=Réseau social",
          `service.website=${base}/social/`,
          "service.status.level=MAYBE",
          "software.name=Mastodon",
          `subs.metrics=${base}/social-metrics.properties`,
        ].join("\n"),
      );
    if (path === "/social-metrics.properties")
      return send("file.class=Service\nmetrics.http.visits.humans.2025.months=100,120,130,150,-3,170\n");
    if (path === "/pad.properties") return send("<!doctype html><title>Oups</title>", "text/html");
    if (path === "/social/") return send("<h1>Mastodon</h1>", "text/html");
    if (path === "/pad/") return send("down", "text/plain", 503);
    if (path === "/social/.well-known/nodeinfo")
      return send(
        JSON.stringify({
          links: [
            { rel: "http://nodeinfo.diaspora.software/ns/schema/2.1", href: `${base}/social/nodeinfo/2.1` },
          ],
        }),
        "application/json",
      );
    if (path === "/social/nodeinfo/2.1")
      return send(
        JSON.stringify({
          version: "2.1",
          software: { name: "mastodon", version: "4.3.0" },
          protocols: ["activitypub"],
          services: { inbound: [], outbound: [] },
          openRegistrations: true,
          usage: { users: { total: 1234, activeMonth: 321, activeHalfyear: 654 }, localPosts: 98765 },
          metadata: {},
        }),
        "application/json",
      );
    return send("not found", "text/plain", 404);
  });
  t = await startTestPlatform();
  const db = t.deps.db;
  publisher = await makeMember(db, {
    slug: "chaton-publie",
    name: "Chaton Publié",
    type: "association",
    chatonsinfos_url: `${site.url}/org.properties`,
  });
  await makeService(db, publisher.id, {
    slug: "social",
    name: "Réseau social",
    url: `${site.url}/social/`,
    category_id: "social-network",
  });
  await makeService(db, publisher.id, { slug: "pad", name: "Pad", url: `${site.url}/pad/` });
  keeper = await makeMember(db, { slug: "chaton-annuaire", name: "Chaton Annuaire" });
  await makeService(db, keeper.id, {
    slug: "cloud",
    name: "Cloud",
    url: `${site.url}/social/`,
    category_id: "pad",
  });
});

afterAll(async () => {
  await t.stop();
  await site.close();
});

async function waitForRun() {
  for (let i = 0; i < 100; i++) {
    const run = await wholeDb(t.deps.db)
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (run && run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("crawl did not finish");
}

describe("generated ChatonsInfos files", () => {
  it("serves the federation, organization and service files, valid with zero errors", async () => {
    const client = t.client();
    const fed = await client.get("/.well-known/chatonsinfos/federation.properties");
    expect(fed.status).toBe(200);
    expect(fed.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(fed.text).toContain(`subs.chaton-publie = ${site.url}/org.properties`);
    expect(fed.text).toContain(
      `subs.chaton-annuaire = ${t.url}/.well-known/chatonsinfos/chaton-annuaire.properties`,
    );
    for (const [path, cls] of [
      ["/.well-known/chatonsinfos/federation.properties", "federation"],
      ["/.well-known/chatonsinfos/chaton-annuaire.properties", "organization"],
      ["/.well-known/chatonsinfos/chaton-annuaire/cloud.properties", "service"],
    ] as const) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      const report = checkChatonsInfos(parseChatonsInfos(res.text), cls);
      expect(
        report.results.filter((r) => r.severity === "error"),
        path,
      ).toEqual([]);
    }
    expect((await client.get("/.well-known/chatonsinfos/nobody.properties")).status).toBe(404);
    expect((await client.get("/.well-known/chatonsinfos/../etc/passwd")).status).toBe(404);
  });
});

describe("crawl, check, pages and exports", () => {
  it("lets an admin start a crawl that reads both members' files", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const res = await client.submit("/fr/stats/crawls", "/fr/stats/crawls", {});
    expect(res.status).toBe(303);
    const run = await waitForRun();
    expect(run.status).toBe("done");
    expect(run.trigger).toBe("job");
    const files = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .select(["url", "result", "member_id", "class"])
      .execute();
    const byUrl = new Map(files.map((f) => [f.url, f]));
    expect(byUrl.get(`${site.url}/org.properties`)).toMatchObject({ result: "ok", member_id: publisher.id });
    expect(byUrl.get(`${site.url}/social-metrics.properties`)).toMatchObject({
      result: "ok",
      class: "metrics",
    });
    expect(byUrl.get(`${site.url}/pad.properties`)?.result).toBe("html");
    expect(byUrl.get(`${t.url}/.well-known/chatonsinfos/chaton-annuaire/cloud.properties`)).toMatchObject({
      result: "generated",
      member_id: keeper.id,
    });
    expect(site.requests.filter((r) => r.path.startsWith("/.well-known/chatonsinfos"))).toEqual([]);
    const audit = await wholeDb(t.deps.db)
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "job.run")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses the crawl button to visitors", async () => {
    const res = await t.client().post("/fr/stats/crawls", {});
    expect([401, 403]).toContain(res.status);
  });

  it("probes uptime and reads NodeInfo", async () => {
    await t.deps.jobs.runNow(UPTIME_JOB);
    await t.deps.jobs.runNow(NODEINFO_JOB);
    const services = await wholeDb(t.deps.db).selectFrom("services").select("id").execute();
    const daily = await uptimeRows(
      t.deps.db,
      services.map((s) => s.id),
      t.deps.now(),
    );
    expect(daily.map((d) => d.ups).sort()).toEqual([0, 1, 1]);
    const nodeinfo = await wholeDb(t.deps.db).selectFrom("stats_nodeinfo").selectAll().execute();
    expect(nodeinfo.find((n) => n.ok === 1)?.users_total).toBe(1234);
  });

  it("shows the federation overview, lists and detail pages in every language", async () => {
    const client = t.client();
    for (const locale of LOCALES) {
      for (const path of [
        "/stats",
        "/stats/organizations",
        "/stats/organizations/chaton-publie",
        "/stats/services",
        "/stats/services/chaton-publie/social",
        "/stats/software",
        "/stats/categories",
        "/stats/categories/pad",
        "/stats/files",
        "/stats/files?problem=errors",
        "/stats/crawls",
        "/stats/uptime",
        "/stats/crawler",
      ]) {
        const res = await client.get(`/${locale}${path}`);
        expect(res.status, `${locale}${path}`).toBe(200);
        expect(res.text).not.toMatch(/stats\.[a-z]+\.[a-z]/);
        expect(res.text).not.toMatch(/style=/);
      }
    }
    expect((await client.get("/fr/stats/organizations/nobody")).status).toBe(404);
    expect(res404(await client.get("/fr/stats/files/nothing"))).toBe(true);
  });

  it("flags differences between the directory and the published file", async () => {
    const page = await t.client().get("/fr/stats/organizations/chaton-publie");
    expect(page.text).toContain(escapeHtml(fr("stats.diff.caption")));
    expect(page.text).toContain("cooperative");
    expect(page.text).toContain("2019-06-12");
    expect(page.text).toContain(escapeHtml(fr("stats.organization.truth.directory")));
  });

  it("shows each problem of a file with its line and how to fix it", async () => {
    const file = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .select("id")
      .where("url", "=", `${site.url}/social.properties`)
      .executeTakeFirstOrThrow();
    const page = await t.client().get(`/fr/stats/files/${file.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(escapeHtml(fr("stats.check.bad-value.enum")));
    expect(page.text).toContain("OK, WARNING, ALERT");
    expect(page.text).toContain('id="L7"');
    const html = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .select("id")
      .where("url", "=", `${site.url}/pad.properties`)
      .executeTakeFirstOrThrow();
    const htmlPage = await t.client().get(`/en/stats/files/${html.id}`);
    expect(htmlPage.text).toContain(escapeHtml(translator("en")("stats.resultfix.html")));
  });

  it("shows the service's NodeInfo users, uptime bars and metrics with the doubtful value left out", async () => {
    const page = await t.client().get("/fr/stats/services/chaton-publie/social");
    expect(page.text).toContain(fr.number(1234));
    expect(page.text).toContain('class="uptime-bars"');
    expect(page.text).toContain("http.visits.humans");
    expect(page.text).toContain(escapeHtml(fr("stats.metrics.flagged", { n: 1 })));
  });

  it("exports every list as CSV and JSON, and the raw files", async () => {
    const client = t.client();
    for (const name of ["organizations", "services", "software", "categories", "files", "crawls", "uptime"]) {
      const json = await client.get(`/api/stats/${name}.json`);
      expect(json.status, name).toBe(200);
      const body: unknown = JSON.parse(json.text);
      expect(body).toMatchObject({ count: expect.any(Number) });
      const csv = await client.get(`/api/stats/${name}.csv`);
      expect(csv.status, name).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    }
    const orgs = await client.get("/api/stats/organizations.csv");
    expect(orgs.text.split("\n")[0]).toContain("slug,name,chatonsinfos_url");
    expect(orgs.text).toContain("chaton-publie");
    const metrics = JSON.parse(
      (await client.get("/api/stats/metrics.json?scope=federation&metric=http.visits.humans&period=months"))
        .text,
    );
    expect(metrics.items.map((i: { value: number | null }) => i.value)).toEqual([
      100,
      120,
      130,
      150,
      null,
      170,
    ]);
    const files = JSON.parse((await client.get("/api/stats/files.json")).text);
    const org = files.items.find((f: { url: string }) => f.url === `${site.url}/org.properties`);
    const raw = await client.get(new URL(org.raw).pathname);
    expect(raw.text).toContain("organization.name = Chaton Publié");
    const check = JSON.parse((await client.get(`/api/stats/files/${org.id}.json`)).text);
    expect(check.counts.error).toBe(0);
    expect((await client.get("/api/stats/nothing.json")).status).toBe(404);
  });
});

describe("my ChatonsInfos files are my source of truth", () => {
  it("updates the directory from the files on the next crawl, audited", async () => {
    const person = await makePerson(t.deps.db, { memberships: [{ memberId: publisher.id, role: "admin" }] });
    const client = t.client();
    await client.login(person.email, person.password);
    const page = await client.get("/fr/stats/organizations/chaton-publie");
    expect(page.status).toBe(200);
    const res = await client.post("/fr/stats/organizations/chaton-publie/source", {
      source_of_truth: "1",
      _csrf: await csrf(client),
    });
    expect(res.status).toBe(303);
    const stranger = t.client();
    const other = await makePerson(t.deps.db);
    await stranger.login(other.email, other.password);
    expect(
      (
        await stranger.post("/fr/stats/organizations/chaton-publie/source", {
          source_of_truth: "0",
          _csrf: await csrf(stranger),
        })
      ).status,
    ).toBe(403);
    await t.deps.jobs.runNow(CRAWL_JOB);
    const member = await wholeDb(t.deps.db)
      .selectFrom("members")
      .selectAll()
      .where("id", "=", publisher.id)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      type: "cooperative",
      joined_at: "2019-06-12",
      contact_email: "bonjour@publie.example.org",
      chatonsinfos_source_of_truth: 1,
    });
    const service = await wholeDb(t.deps.db)
      .selectFrom("services")
      .leftJoin("software", "software.id", "services.software_id")
      .select(["software.slug"])
      .where("services.slug", "=", "social")
      .where("member_id", "=", publisher.id)
      .executeTakeFirstOrThrow();
    expect(service.slug).toBe("mastodon");
    const actions = (await wholeDb(t.deps.db).selectFrom("audit_log").select("action").execute()).map(
      (a) => a.action,
    );
    expect(actions).toContain("stats.source_of_truth");
    expect(actions).toContain("stats.import.member");
    expect(actions).toContain("stats.import.service");
  });
});

function res404(res: { status: number }) {
  return res.status === 404;
}

async function csrf(client: ReturnType<TestPlatform["client"]>): Promise<string> {
  const page = await client.get("/fr/stats/crawls");
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!token) throw new Error("no csrf token");
  return token;
}
