import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { checkChatonsInfos } from "./chatonsinfos/check.js";
import { serviceFieldsFromFile } from "./chatonsinfos/mapping.js";
import { extractSeries } from "./metrics.js";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { createFetcher } from "./crawl/fetch.js";
import { createHostLimiter } from "./crawl/limiter.js";

/** Real files drift from the format; each drift the issue lists is read, and reported where due. */

const text = readFileSync(new URL("./__fixtures__/service-tolerance.properties", import.meta.url), "utf8");
const parsed = parseChatonsInfos(text);
const report = checkChatonsInfos(parsed);
const value = (k: string) => parsed.values.get(k)?.value;

describe("tolerance", () => {
  it("reads key = value with spaces and quoted values", () => {
    expect(value("service.name")).toBe("Pad des Chatons");
    expect(value("service.website")).toBe("https://pad.example.org");
    expect(value("file.class")).toBe("service");
    expect(report.fileClass).toBe("service");
  });

  it("reads DD/MM/YYYY dates and semicolon lists", () => {
    const fields = serviceFieldsFromFile(parsed);
    expect(fields).toMatchObject({
      start_date: "2019-03-12",
      url: "https://pad.example.org",
      access: "open",
    });
  });

  it("keeps metric lists shorter than their period, with ; or , between values", () => {
    const series = extractSeries(parsed);
    const hits = series.find((s) => s.metric === "http.hits");
    const visitors = series.find((s) => s.metric === "http.visitors");
    expect(hits?.values).toEqual([10, 20, 30]);
    expect(visitors?.values).toEqual([1, 2]);
    expect(report.results.filter((r) => r.key.startsWith("metrics.") && r.severity === "error")).toEqual([]);
  });

  it("reports an unknown enum value, and keeps it", () => {
    const status = report.results.find((r) => r.key === "service.status.level");
    expect(status).toMatchObject({ code: "bad-value", detail: "enum", params: { value: "SLEEPY" } });
    expect(value("service.status.level")).toBe("SLEEPY");
  });
});

describe("/.well_known/ paths", () => {
  let t: TestPlatform;
  let site: FakeServer;
  beforeAll(async () => {
    t = await startTestPlatform();
    site = await startFakeServer((req, res) => {
      const found = req.url === "/.well_known/chatonsinfos/org.properties";
      res.statusCode = found ? 200 : 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(found ? "file.class = organization\norganization.name = Sous tiret\n" : "not found");
    });
  }, 60_000);
  afterAll(async () => {
    await site.close();
    await t.stop();
  });

  it("finds a file published under /.well_known/ when /.well-known/ is not there", async () => {
    const fetcher = createFetcher(t.deps, createHostLimiter(2, 1));
    const outcome = await fetcher.fetch(`${site.url}/.well-known/chatonsinfos/org.properties`);
    expect(outcome.result).toBe("ok");
    expect(new TextDecoder().decode(outcome.body)).toContain("Sous tiret");
  });
});
