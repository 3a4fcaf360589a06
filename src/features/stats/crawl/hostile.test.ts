import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { crawlFederation } from "./crawler.js";
import { MAX_FILE_BYTES } from "./fetch.js";
import { analyseText, MAX_KEYS } from "../chatonsinfos/analysis.js";
import { parseChatonsInfos } from "../chatonsinfos/parse.js";
import { checkChatonsInfos } from "../chatonsinfos/check.js";
import { wholeDb } from "../../../db/adapter.js";

/**
 * One member publishes a file made to hurt: 2 MB of made-up keys. Its parsing and checking run on
 * a worker thread, so the platform keeps answering and the other members' files, fetched at the
 * same time, are not recorded as timeouts; the file itself is reported as not read.
 */

const head = ["file.class=service", "file.protocol=ChatonsInfos-0.5", "file.datetime=2024-03-01T00:00:00"];

function hostileFile(): string {
  const lines = [...head, "service.name=Hostile"];
  for (let i = 0; lines.join("\n").length < MAX_FILE_BYTES - 64 && i < 400_000; i += 1000)
    for (let j = i; j < i + 1000; j++) lines.push(`service.x${j}=${j}`);
  return lines.join("\n").slice(0, MAX_FILE_BYTES - 64);
}

let t: TestPlatform;
let hostile: FakeServer;
let slow: FakeServer;
let federation: FakeServer;

function organization(base: string, name: string, service: string): string {
  return [
    "file.class=organization",
    "file.protocol=ChatonsInfos-0.5",
    "file.datetime=2024-03-01T00:00:00",
    `organization.name=${name}`,
    `organization.website=${base}/`,
    `subs.main=${base}/${service}`,
  ].join("\n");
}

beforeAll(async () => {
  const big = hostileFile();
  hostile = await startFakeServer((req, res) => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(req.url === "/org.properties" ? organization(hostile.url, "Hostile", "big.properties") : big);
  });
  // A member whose service file comes a little later: its fetch is in flight while the
  // hostile file is being read.
  slow = await startFakeServer((req, res) => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    if (req.url === "/org.properties") {
      res.end(organization(slow.url, "Patient", "pad.properties"));
      return;
    }
    setTimeout(() => res.end([...head, "service.name=Pad", `service.website=${slow.url}/`].join("\n")), 300);
  });
  federation = await startFakeServer((_req, res) => {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(
      [
        "file.class=federation",
        "file.protocol=ChatonsInfos-0.5",
        "file.datetime=2024-03-01T00:00:00",
        "federation.name=Test",
        `subs.hostile=${hostile.url}/org.properties`,
        `subs.slow=${slow.url}/org.properties`,
      ].join("\n"),
    );
  });
  t = await startTestPlatform({
    env: { FEDERATION_URL: `${federation.url}/federation.properties`, OUTBOUND_TIMEOUT: "2s" },
  });
});

afterAll(async () => {
  await t.stop();
  await Promise.all([hostile, slow, federation].map((s) => s.close()));
});

describe("a hostile member file", () => {
  it("is refused past the key cap, and the checker suggests keys only for the first few", () => {
    const lines = [...head, "service.name=Many"];
    for (let i = 0; i < 5_000; i++) lines.push(`service.nmae${i}=x`);
    const report = checkChatonsInfos(parseChatonsInfos(lines.join("\n")));
    const unknown = report.results.filter((r) => r.code === "unknown-key");
    expect(unknown.length).toBeGreaterThan(1_000);
    expect(unknown.filter((r) => r.hint !== undefined).length).toBeLessThanOrEqual(200);
    for (let i = 0; i < MAX_KEYS; i++) lines.push(`service.more${i}=x`);
    expect(analyseText(lines.join("\n"), true).report.results.map((r) => r.code)).toEqual(["too-costly"]);
  });

  it("does not stop the platform nor time out the other members' files", async () => {
    let crawling = true;
    const health: { status: number; during: boolean }[] = [];
    const poll = (async () => {
      while (crawling) {
        const res = await fetch(`${t.url}/healthz`);
        health.push({ status: res.status, during: crawling });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await crawlFederation(t.deps, { trigger: "test" });
    crawling = false;
    await poll;
    expect(health.filter((h) => h.during).length).toBeGreaterThan(0);
    expect(health.every((h) => h.status === 200)).toBe(true);

    const rows = await wholeDb(t.deps.db)
      .selectFrom("stats_files")
      .select(["url", "result", "report"])
      .execute();
    const row = (url: string) => rows.find((r) => r.url === url);
    expect(row(`${slow.url}/pad.properties`)?.result).toBe("ok");
    expect(row(`${hostile.url}/big.properties`)?.report ?? "").toContain('"too-costly"');
  });
});
