import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { createFetcher } from "./fetch.js";
import { createHostLimiter } from "./limiter.js";

/**
 * One dropped connection is retried once (by the outbound module, for every caller); a server that
 * keeps dropping them is a failure.
 */

let t: TestPlatform;
let flaky: FakeServer;
let dead: FakeServer;
const seen: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestPlatform();
  flaky = await startFakeServer((req, res) => {
    const path = req.url ?? "/";
    seen[path] = (seen[path] ?? 0) + 1;
    // The first request for the file is cut, as when a server closes an idle kept-alive connection
    // at the moment the crawler reuses it.
    if (path === "/federation.properties" && seen[path] === 1) {
      req.socket.destroy();
      return;
    }
    res.setHeader("content-type", "text/plain");
    res.end(path === "/robots.txt" ? "" : "file.class=federation\n");
  });
  dead = await startFakeServer((req) => {
    req.socket.destroy();
  });
});

afterAll(async () => {
  await flaky.close();
  await dead.close();
  await t.stop();
});

describe("fetching a ChatonsInfos file", () => {
  it("tries again once when the connection is cut", async () => {
    const fetcher = createFetcher(t.deps, createHostLimiter(4, 2));
    const outcome = await fetcher.fetch(`${flaky.url}/federation.properties`);
    expect(outcome.result).toBe("ok");
    expect(seen["/federation.properties"]).toBe(2);
  });

  it("records a network failure when the second try is cut too", async () => {
    const fetcher = createFetcher(t.deps, createHostLimiter(4, 2));
    const outcome = await fetcher.fetch(`${dead.url}/federation.properties`);
    expect(outcome.result).toBe("network");
    expect(outcome.reason).toBeTruthy();
    // robots.txt (cut: treated as unreachable or absent), then the file twice at most.
    expect(dead.requests.filter((r) => r.path === "/federation.properties").length).toBeLessThanOrEqual(2);
  });
});
