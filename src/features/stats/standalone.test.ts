import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { crawlFederation } from "./crawl/run.js";
import { runImport } from "./import/run.js";
import { wholeDb } from "../../db/adapter.js";

/**
 * Stats stand alone: a platform whose directory is empty, pointed at a federation, lists every
 * organization, service and software the crawl found, marked as not in the directory.
 */

let t: TestPlatform;
let fed: FakeServer;
const files = new Map<string, string>();

beforeAll(async () => {
  fed = await startFakeServer((req, res) => {
    const body = files.get((req.url ?? "/").split("?")[0] ?? "/");
    res.statusCode = body === undefined ? 404 : 200;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(body ?? "not found");
  });
  const base = fed.url;
  const head = (cls: string) => `file.class = ${cls}\nfile.protocol = ChatonsInfos-0.5\n`;
  files.set(
    "/federation.properties",
    `${head("federation")}federation.name = F\nsubs.alpha = ${base}/alpha.properties\n`,
  );
  files.set(
    "/alpha.properties",
    `${head("organization")}organization.name = Chaton Alpha\norganization.website = https://alpha.example.org\nsubs.pad = ${base}/pad.properties\n`,
  );
  files.set(
    "/pad.properties",
    `${head("service")}service.name = Pad Alpha\nservice.website = https://pad.alpha.example.org\nsoftware.name = Etherpad\nservice.startdate = someday\nmetrics.http.hits.2024.months = 1,2,3\n`,
  );
  t = await startTestPlatform({ env: { FEDERATION_URL: `${base}/federation.properties` } });
  await crawlFederation(t.deps, { trigger: "test" });
}, 60_000);
afterAll(async () => {
  await fed.close();
  await t.stop();
});

interface Listing {
  count: number;
  items: Record<string, unknown>[];
}
async function listing(name: string): Promise<Listing> {
  const res = await t.client().get(`/api/stats/${name}.json`);
  expect(res.status).toBe(200);
  const body: unknown = JSON.parse(res.text);
  if (typeof body !== "object" || body === null || !("items" in body) || !Array.isArray(body.items))
    throw new Error(`unexpected ${name}.json`);
  const items: Record<string, unknown>[] = body.items;
  return { count: items.length, items };
}

describe("stats without a directory", () => {
  it("lists the crawled organizations, services and software in the exports, marked", async () => {
    expect(await wholeDb(t.deps.db).selectFrom("members").select("id").execute()).toEqual([]);
    const orgs = await listing("organizations");
    expect(orgs.items).toEqual([
      expect.objectContaining({ name: "Chaton Alpha", in_directory: false, crawled_services: 1 }),
    ]);
    const services = await listing("services");
    expect(services.items).toEqual([
      expect.objectContaining({
        name: "Pad Alpha",
        in_directory: false,
        url: "https://pad.alpha.example.org",
        software: "etherpad",
      }),
    ]);
    const software = await listing("software");
    expect(software.items).toEqual([
      expect.objectContaining({ slug: "etherpad", crawled: 1, in_directory: false }),
    ]);
    const csv = await t.client().get("/api/stats/organizations.csv");
    expect(csv.text).toContain("Chaton Alpha");
  });

  it("shows them on the stats pages, marked as not in the directory", async () => {
    const orgs = await t.client().get("/fr/stats/organizations");
    expect(orgs.text).toContain("Chaton Alpha");
    expect(orgs.text).toContain("hors annuaire");
    const services = await t.client().get("/en/stats/services");
    expect(services.text).toContain("Pad Alpha");
    expect(services.text).toContain("not in the directory");
    const software = await t.client().get("/de/stats/software");
    expect(software.text).toContain("Etherpad");
    expect(software.text).toContain("nicht im Verzeichnis");
  });
});

describe("property coverage", () => {
  it("counts, per class and property, the files that fill it and those that fill it validly", async () => {
    const { items } = await listing("properties");
    const row = (cls: string, key: string) => items.find((i) => i.class === cls && i.key === key);
    expect(row("service", "service.name")).toMatchObject({
      files: 1,
      filled: 1,
      valid: 1,
      requirement: "required",
    });
    expect(row("service", "service.startdate")).toMatchObject({ filled: 1, valid: 0 });
    expect(row("service", "service.enddate")).toMatchObject({ filled: 0, valid: 0 });
    expect(row("organization", "organization.website")).toMatchObject({ files: 1, filled: 1, valid: 1 });
    expect(row("service", "metrics.http.hits")).toMatchObject({ filled: 1, requirement: "metric" });
    const page = await t.client().get("/fr/stats/properties");
    expect(page.text).toContain("service.startdate");
    expect(page.text).toContain("1 sur 1");
  });

  it("says on the overview how many services publish the metric shown", async () => {
    const page = await t.client().get("/en/stats?m=http.hits%7Cmonths");
    expect(page.text).toContain("1 of 1 services publishes this metric.");
  });
});

describe("metrics by scope", () => {
  const get = async (query: string) => {
    const res = await t.client().get(`/api/stats/metrics.json?${query}`);
    const body: unknown = JSON.parse(res.text);
    return { status: res.status, body };
  };

  it("answers an unknown scope or id with an error code, never the federation's figures", async () => {
    expect(await get("scope=planet&metric=http.hits")).toMatchObject({
      status: 400,
      body: { error: "unknown-scope" },
    });
    expect(await get("scope=organization&id=nobody&metric=http.hits")).toMatchObject({
      status: 400,
      body: { error: "unknown-id" },
    });
    expect(await get("scope=software&metric=http.hits")).toMatchObject({
      status: 400,
      body: { error: "missing-id" },
    });
    expect((await t.client().get("/api/stats/metrics.csv?scope=x")).status).toBe(400);
  });

  it("gives one organization's and one service's series once they are imported and crawled again", async () => {
    const report = await runImport(t.deps, {
      url: `${fed.url}/federation.properties`,
      dryRun: false,
      personId: null,
    });
    expect(report.entries.map((e) => e.action)).toEqual(["created", "created"]);
    await crawlFederation(t.deps, { trigger: "test" });
    for (const query of ["scope=organization&id=alpha", "scope=service&member=alpha&service=pad"]) {
      const { status, body } = await get(`${query}&metric=http.hits&period=months`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        count: 3,
        items: [{ year: 2024, index: 1, value: 1 }, { value: 2 }, { value: 3 }],
      });
    }
    const orgs = await listing("organizations");
    expect(orgs.items).toEqual([expect.objectContaining({ slug: "alpha", in_directory: true })]);
    const page = await t.client().get("/fr/stats/services/alpha/pad");
    expect(page.text).toContain("scope=service&amp;member=alpha&amp;service=pad");
  });
});
