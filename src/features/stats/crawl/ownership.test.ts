import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { crawlFederation } from "./crawler.js";
import { wholeDb } from "../../../db/adapter.js";

/**
 * A service file listed by two organizations belongs to one of them. The first to list it in a
 * crawl takes it, and from then on it stays with that organization while it still lists it, even
 * when the other one is faster: the stats of a member must not change owner from night to night.
 */

let t: TestPlatform;
const servers: FakeServer[] = [];
let owner: FakeServer;
let copy: FakeServer;
const delay = { owner: 0, copy: 0 };
let ownerListsIt = true;

const file = (lines: string[]) => `${lines.join("\n")}\n`;
const head = (cls: string) => [`file.class=${cls}`, "file.protocol=ChatonsInfos-0.5", "file.generator=test"];
const org = (name: string, subs: string[]) =>
  file([...head("organization"), `organization.name=${name}`, ...subs.map((url, i) => `subs.s${i}=${url}`)]);

function answer(res: ServerResponse, body: string, after: number) {
  setTimeout(() => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(body);
  }, after);
}

beforeAll(async () => {
  owner = await startFakeServer((req, res) => {
    const svc = `${owner.url}/svc.properties`;
    if (req.url === "/org.properties")
      return answer(res, org("Chaton Hôte", ownerListsIt ? [svc] : []), delay.owner);
    if (req.url === "/svc.properties")
      return answer(res, file([...head("service"), "service.name=Pad", "software.name=Etherpad"]), 0);
    res.statusCode = 404;
    res.end();
  });
  copy = await startFakeServer((req, res) => {
    if (req.url === "/org.properties")
      return answer(res, org("Chaton Copieur", [`${owner.url}/svc.properties`]), delay.copy);
    res.statusCode = 404;
    res.end();
  });
  const federation = await startFakeServer((_req, res) =>
    answer(
      res,
      file([
        ...head("federation"),
        "federation.name=Test",
        `subs.owner=${owner.url}/org.properties`,
        `subs.copy=${copy.url}/org.properties`,
      ]),
      0,
    ),
  );
  servers.push(owner, copy, federation);
  t = await startTestPlatform({ env: { FEDERATION_URL: `${federation.url}/federation.properties` } });
});

afterAll(async () => {
  await t.stop();
  for (const s of servers) await s.close();
});

async function ownerOfService() {
  await crawlFederation(t.deps, { trigger: "test" });
  const row = await wholeDb(t.deps.db)
    .selectFrom("stats_files")
    .select(["organization_url", "last_run_id"])
    .where("url", "=", `${owner.url}/svc.properties`)
    .executeTakeFirst();
  return row?.organization_url;
}

describe("a file listed by two organizations", () => {
  it("stays with the organization that had it, even when the other answers first", async () => {
    delay.copy = 400;
    expect(await ownerOfService()).toBe(`${owner.url}/org.properties`);
    delay.copy = 0;
    delay.owner = 400;
    for (let i = 0; i < 3; i++) expect(await ownerOfService()).toBe(`${owner.url}/org.properties`);
    const copyFile = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .select("report")
      .where("url", "=", `${copy.url}/org.properties`)
      .executeTakeFirstOrThrow();
    expect(copyFile.report).toContain("subs-duplicate");
  });

  it("passes to the other organization one crawl after its owner stops listing it", async () => {
    ownerListsIt = false;
    delay.owner = 0;
    // This crawl still honours the last one's owner: the file is left as it was.
    expect(await ownerOfService()).toBe(`${owner.url}/org.properties`);
    expect(await ownerOfService()).toBe(`${copy.url}/org.properties`);
  });
});
