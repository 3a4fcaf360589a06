import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../helpers/db.js";
import { startFakeServer, type FakeServer } from "../helpers/fake-server.js";
import { freePort } from "../helpers/platform.js";
import { spawnPlatform, type PlatformProcess } from "../helpers/process.js";
import { openDatabase, type DatabaseHandle } from "../../src/db/database.js";
import { TestClient, csrfFrom } from "../helpers/client.js";
import { makePerson } from "../helpers/factories.js";
import { translator } from "../../src/i18n/index.js";
import { escapeHtml } from "../helpers/html.js";

/**
 * Two instances on one PostgreSQL with pg-boss. During a crawl of a federation whose files come
 * slowly, one instance is killed with SIGKILL; the organizations it held expire and the other
 * instance takes them over. The crawl must finish exactly once, every organization crawled, with
 * no duplicate row.
 */
const ORGS = 24;

function federation(base: string): string {
  const subs = Array.from({ length: ORGS }, (_, i) => `subs.org${i} = ${base}/org${i}.properties`).join("\n");
  return `file.class = federation\nfile.protocol = ChatonsInfos-0.5\nfederation.name = Test\nfederation.description = Test federation\nfederation.website = ${base}/\nfederation.contact.email = contact@example.org\n${subs}\n`;
}

function organization(base: string, i: number): string {
  return [
    "file.class = organization",
    "file.protocol = ChatonsInfos-0.5",
    `file.datetime = 2026-11-24T10:00:00`,
    `organization.name = Org ${i}`,
    "organization.type = ASSOCIATION",
    `organization.website = ${base}/`,
    "organization.memberof.chatons.status.level = ACTIVE",
    "organization.memberof.chatons.startdate = 2020-06-30",
    "organization.country.name = France",
    `subs.pad = ${base}/org${i}-pad.properties`,
    `subs.cloud = ${base}/org${i}-cloud.properties`,
  ].join("\n");
}

function service(base: string, name: string): string {
  return [
    "file.class = service",
    "file.protocol = ChatonsInfos-0.5",
    `service.name = ${name}`,
    `service.website = ${base}/${name}/`,
    "service.status.level = OK",
    "service.registration = None",
    "host.name = Test",
    "host.server.type = VIRTUAL",
    "host.provider.type = HOSTEDSERVER",
    "software.name = Etherpad",
  ].join("\n");
}

/** A federation whose organization files answer slowly, so that a kill lands mid-crawl. */
async function slowFederation(): Promise<FakeServer> {
  const fake: FakeServer = await startFakeServer(async (req, res) => {
    const path = req.url ?? "/";
    if (/^\/org\d+\.properties$/.test(path)) await new Promise((r) => setTimeout(r, 1_500));
    res.setHeader("content-type", "text/plain; charset=utf-8");
    if (path === "/federation.properties") return void res.end(federation(fake.url));
    const org = /^\/org(\d+)\.properties$/.exec(path);
    if (org) return void res.end(organization(fake.url, Number(org[1])));
    const svc = /^\/org\d+-(pad|cloud)\.properties$/.exec(path);
    if (svc) return void res.end(service(fake.url, svc[1] ?? "pad"));
    res.statusCode = 404;
    res.end("not found");
  });
  return fake;
}

/** Presses "Crawl now" and returns the flash message the admin sees next. */
async function crawlNow(client: TestClient): Promise<string> {
  const page = await client.get("/en/stats/crawls");
  const res = await client.post("/en/stats/crawls", { _csrf: csrfFrom(page.text, "/en/stats/crawls") ?? "" });
  expect(res.status).toBe(303);
  const journal = await client.get("/en/stats/crawls");
  return /class="flash flash--(\w+)"[^>]*>([\s\S]*?)<\//.exec(journal.text)?.slice(1).join(": ") ?? "";
}

/**
 * One instance (the in-process scheduler, on either database) killed with SIGKILL in the middle
 * of a crawl, then started again: the dead run is closed as interrupted and a new crawl starts at
 * once, instead of the crawl staying blocked for the length of the old lease (12 hours).
 */
describe("an instance killed mid-crawl and restarted", () => {
  let db: TestDatabase;
  let fake: FakeServer;
  let reader: DatabaseHandle;
  const processes: PlatformProcess[] = [];
  const en = translator("en");

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await slowFederation();
    reader = await openDatabase(db.url, db.searchPath ? { searchPath: db.searchPath } : {});
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await reader?.close();
    await fake?.close();
    await db?.drop();
  });

  const latestRun = () =>
    reader.db.selectFrom("stats_crawl_runs").selectAll().orderBy("id", "desc").executeTakeFirst();

  it("closes the dead run as interrupted and crawls again at once, and says when a crawl is refused", async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: db.url,
      JOBS: "inprocess",
      FEDERATION_URL: `${fake.url}/federation.properties`,
      CRAWL_CONCURRENCY: "4",
      CRAWL_PER_HOST: "8",
      UPTIME_INTERVAL: "1d",
      LOG_LEVEL: "warn",
    };
    const admin = await makePerson(reader.db, { admin: true });
    const first = await spawnPlatform(env, port);
    processes.push(first);
    const client = new TestClient(first.url);
    await client.login(admin.email, admin.password, "en");
    expect(await crawlNow(client)).toContain(escapeHtml(en("stats.crawls.started")));

    const started = Date.now();
    let dead;
    for (;;) {
      dead = await latestRun();
      if (dead && dead.items_done >= 2) break;
      if (Date.now() - started > 60_000) throw new Error(`the crawl did not get going:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // While it runs, a second "Crawl now" is refused, and the admin is told so.
    const refused = await crawlNow(client);
    expect(refused).toMatch(/^error: /);
    expect(refused).toContain("was not started");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await spawnPlatform(env, port);
    processes.push(second);
    expect(await crawlNow(client)).toContain(escapeHtml(en("stats.crawls.started")));
    const deadline = Date.now() + 90_000;
    let fresh;
    for (;;) {
      fresh = await latestRun();
      if (fresh && fresh.id !== dead.id && fresh.status !== "running") break;
      if (Date.now() > deadline)
        throw new Error(`no new crawl finished: ${JSON.stringify(fresh)}\n${second.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(fresh).toMatchObject({ status: "done", items_total: ORGS, items_done: ORGS });
    const closed = await reader.db
      .selectFrom("stats_crawl_runs")
      .selectAll()
      .where("id", "=", dead.id)
      .executeTakeFirstOrThrow();
    expect(closed.status).toBe("failed");
    expect(closed.summary).toContain("interrupted");
    expect(closed.finished_at).not.toBeNull();
    const runs = await reader.db.selectFrom("stats_crawl_runs").select("status").execute();
    expect(runs.filter((r) => r.status === "running")).toEqual([]);
    second.child.kill("SIGTERM");
    await second.exited;
  }, 180_000);
});

describe.runIf(usingPostgres())("several instances on PostgreSQL", () => {
  let db: TestDatabase;
  let fake: FakeServer;
  let reader: DatabaseHandle;
  const processes: PlatformProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await startFakeServer(async (req, res) => {
      const path = req.url ?? "/";
      // Organization files answer slowly, so that the kill lands while items are in flight.
      if (/^\/org\d+\.properties$/.test(path)) await new Promise((r) => setTimeout(r, 1_500));
      res.setHeader("content-type", "text/plain; charset=utf-8");
      if (path === "/federation.properties") return void res.end(federation(fake.url));
      const org = /^\/org(\d+)\.properties$/.exec(path);
      if (org) return void res.end(organization(fake.url, Number(org[1])));
      const svc = /^\/org\d+-(pad|cloud)\.properties$/.exec(path);
      if (svc) return void res.end(service(fake.url, svc[1] ?? "pad"));
      res.statusCode = 404;
      res.end("not found");
    });
    reader = await openDatabase(db.url, db.searchPath ? { searchPath: db.searchPath } : {});
  });

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await reader?.close();
    await fake?.close();
    await db?.drop();
  });

  it("finishes a crawl once when one instance is killed in the middle, with no duplicate row", async () => {
    const env = {
      DATABASE_URL: db.url,
      JOBS: "pgboss",
      JOBS_SCHEMA: `${db.searchPath}_boss`,
      JOBS_ITEM_TIMEOUT: "8s",
      JOBS_MAINTENANCE_INTERVAL: "2s",
      FEDERATION_URL: `${fake.url}/federation.properties`,
      CRAWL_CONCURRENCY: "4",
      CRAWL_PER_HOST: "8",
      UPTIME_INTERVAL: "1d",
      LOG_LEVEL: "warn",
    };
    const a = await spawnPlatform(env, await freePort());
    processes.push(a);
    const b = await spawnPlatform(env, await freePort());
    processes.push(b);

    // Wait until the crawl is under way, with organizations done and others in flight.
    const started = Date.now();
    for (;;) {
      const run = await reader.db
        .selectFrom("stats_crawl_runs")
        .selectAll()
        .orderBy("started_at", "desc")
        .executeTakeFirst();
      if (run && run.items_done >= 2 && run.items_done < ORGS - 4) break;
      if (Date.now() - started > 60_000)
        throw new Error(`the crawl did not get going:\n${a.output()}\n${b.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    a.child.kill("SIGKILL");
    await a.exited;

    const deadline = Date.now() + 90_000;
    let run;
    for (;;) {
      run = await reader.db
        .selectFrom("stats_crawl_runs")
        .selectAll()
        .orderBy("started_at", "desc")
        .executeTakeFirst();
      if (run?.status === "done" || run?.status === "failed") break;
      if (Date.now() > deadline)
        throw new Error(`the crawl did not finish: ${JSON.stringify(run)}\n${b.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const runs = await reader.db.selectFrom("stats_crawl_runs").selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(run).toMatchObject({ status: "done", items_total: ORGS, items_done: ORGS });
    const items = await reader.db
      .selectFrom("stats_crawl_items")
      .selectAll()
      .where("run_id", "=", run?.id ?? "")
      .execute();
    expect(items).toHaveLength(ORGS);
    expect(items.every((i) => i.status === "done")).toBe(true);

    // Every file once, in the files table and in this run's history.
    const files = await reader.db.selectFrom("stats_files").select("url").execute();
    expect(files).toHaveLength(1 + ORGS * 3);
    expect(new Set(files.map((f) => f.url)).size).toBe(files.length);
    const history = await reader.db
      .selectFrom("stats_file_history")
      .select("file_id")
      .where("run_id", "=", run?.id ?? "")
      .execute();
    expect(history).toHaveLength(1 + ORGS * 3);

    // The job finished once, and some organization was taken over after the kill.
    const jobRuns = await reader.db
      .selectFrom("job_runs")
      .selectAll()
      .where("job", "=", "stats.crawl")
      .execute();
    expect(jobRuns).toHaveLength(1);
    expect(jobRuns[0]?.finished_at).not.toBeNull();
    const retried = await reader.db
      .selectFrom("job_run_items")
      .select(["item", "attempts"])
      .where("attempts", ">", 1)
      .execute();
    expect(retried.length).toBeGreaterThan(0);
  }, 180_000);
});
