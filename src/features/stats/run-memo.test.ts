import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { wholeDb } from "../../db/adapter.js";
import { perFinishedRun, warmFinishedRunReads } from "./run-memo.js";
import type { CrawlStatus } from "./stats.tables.js";

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(async () => {
  await t.stop();
});

async function run(id: string, status: CrawlStatus, at: string) {
  await wholeDb(t.deps.db)
    .insertInto("stats_crawl_runs")
    .values({
      id,
      trigger: "test",
      root_url: "http://127.0.0.1:9/federation.properties",
      status,
      started_at: at,
      updated_at: at,
      finished_at: status === "running" ? null : at,
      items_total: 0,
      items_done: 0,
      files_total: 0,
      files_ok: 0,
      files_unchanged: 0,
      files_failed: 0,
      errors: 0,
      warnings: 0,
    })
    .execute();
}

describe("reads kept per finished crawl", () => {
  it("are computed once per finished run, and on every call while a crawl runs", async () => {
    let computed = 0;
    const read = perFinishedRun(async () => ++computed);
    await read(t.deps.db);
    await read(t.deps.db);
    expect(computed).toBe(2); // no crawl yet: nothing to key on
    await run("run-1", "done", "2026-11-01T00:00:00.000Z");
    const first = await read(t.deps.db);
    expect(await read(t.deps.db)).toBe(first);
    await run("run-2", "running", "2026-11-02T00:00:00.000Z");
    await read(t.deps.db);
    await read(t.deps.db);
    expect(computed).toBe(first + 2);
    await wholeDb(t.deps.db)
      .updateTable("stats_crawl_runs")
      .set({ status: "done", finished_at: "2026-11-02T01:00:00.000Z" })
      .where("id", "=", "run-2")
      .execute();
    const after = await read(t.deps.db);
    expect(after).toBe(first + 3);
    expect(await read(t.deps.db)).toBe(after);
  });

  it("are computed by the crawl's end, not by the first visitor after it", async () => {
    let computed = 0;
    const read = perFinishedRun(async () => ++computed);
    await run("run-3", "done", "2026-11-03T00:00:00.000Z");
    await warmFinishedRunReads(t.deps.db);
    expect(computed).toBe(1);
    expect(await read(t.deps.db)).toBe(1);
    expect(computed).toBe(1);
  });

  it("are warmed by the crawl job when it ends", async () => {
    let computed = 0;
    const read = perFinishedRun(async () => ++computed);
    await t.deps.jobs.runNow("stats.crawl");
    const after = computed;
    expect(after).toBeGreaterThan(0);
    await read(t.deps.db);
    expect(computed).toBe(after);
  });
});
