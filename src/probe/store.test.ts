import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../tests/helpers/platform.js";
import { startFakeServer, type FakeServer } from "../../tests/helpers/fake-server.js";
import { makeMember, makeService } from "../../tests/helpers/factories.js";
import { ETHERPAD_PAGE, htmlAfter, isCheck, makeInstance } from "../../tests/helpers/entraide.js";
import { uptimeRows } from "../features/stats/uptime.js";
import { observe } from "./probe.js";
import { PROBE_JOB } from "./rounds.js";
import * as store from "./probe.repository.js";
import { dailyOf, latestOf } from "./history.repository.js";
import { wholeDb } from "../db/adapter.js";

/** The observation store, and the one probe job serving uptime and the portal from it. */

let t: TestPlatform;
let pad: FakeServer;
let cloud: FakeServer;
let clock = Date.parse("2026-03-10T08:00:00.000Z");
const later = (minutes: number) => (clock += minutes * 60_000);
const requests = (s: FakeServer) => s.requests.filter(isCheck).length;

beforeAll(async () => {
  t = await startTestPlatform({ now: () => new Date(clock) });
  pad = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  cloud = await startFakeServer(htmlAfter("<h1>Nextcloud</h1>"));
});
afterAll(async () => {
  await pad.close();
  await cloud.close();
  await t.stop();
});

describe("the store", () => {
  const answer = (status: number, elapsedMs = 40) => ({
    status,
    headers: {},
    body: ETHERPAD_PAGE,
    finalUrl: "https://store.example.org/",
    elapsedMs,
  });
  const at = (minutes: number) =>
    new Date(Date.parse("2026-03-01T10:00:00.000Z") + minutes * 60_000).toISOString();

  it("adds each observation to its day, for both questions, and keeps when the answering began", async () => {
    const url = "https://store.example.org";
    const pad = { markers: ["etherpad"], withinMs: 100 };
    const kept: store.StoredObservation[] = [];
    for (const [i, o] of [
      observe(url, answer(200), pad, at(0)),
      observe(url, answer(200, 500), pad, at(2)),
      observe(url, answer(502), pad, at(4)),
      observe(url, answer(200), {}, at(6)),
    ].entries())
      kept[i] = await store.record(t.deps.db, o);
    const [day] = await dailyOf(t.deps.db, [url], "2026-03-01");
    expect(day).toEqual({
      url: "https://store.example.org/",
      day: "2026-03-01",
      checks: 4,
      reachable: 3,
      totalMs: 620,
      judged: 3,
      usable: 1,
      usableMs: 40,
    });
    const latest = (await latestOf(t.deps.db, [url])).get("https://store.example.org/");
    expect(latest).toMatchObject({ reachable: true, since: at(6), status: 200, observedAt: at(6) });
    const after = await store.observationsAfter(t.deps.db, url, kept[1]?.id ?? null);
    expect(after.map((o) => o.status)).toEqual([502, 200]);
    expect(after[1]).toMatchObject({ markers: [], page: "ok", withinMs: null });
  });

  it("drops raw observations after a few days and daily rows after more than two years", async () => {
    const url = "https://old.example.org/";
    await store.record(t.deps.db, observe(url, answer(200), {}, "2026-02-01T00:00:00.000Z"));
    const day = (d: string) => ({
      url,
      day: d,
      checks: 1,
      reachable: 1,
      totalMs: 1,
      judged: 0,
      usable: 0,
      usableMs: 0,
    });
    await store.addDaily(t.deps.db, [day("2023-01-01"), day("2025-01-01")]);
    await store.prune(t.deps.db, new Date("2026-03-01T00:00:00.000Z"));
    expect(await store.observationsAfter(t.deps.db, url, null)).toEqual([]);
    expect((await dailyOf(t.deps.db, [url], "2000-01-01")).map((d) => d.day)).toEqual([
      "2025-01-01",
      "2026-02-01",
    ]);
  });
});

describe("one probe job for uptime and the portal", () => {
  it("observes a service lent to the portal once, and both read that one observation their own way", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton Partagé" });
    const instance = await makeInstance(t.deps.db, { memberId: member.id, url: `${pad.url}/` });
    const lent = await wholeDb(t.deps.db)
      .selectFrom("entraide_instances")
      .select("directory_service_id")
      .where("id", "=", instance)
      .executeTakeFirstOrThrow();
    const other = await makeService(t.deps.db, member.id, { url: `${cloud.url}/` });
    const summary = await t.deps.jobs.runNow(PROBE_JOB);
    expect(summary).toContain("2 of 2 addresses probed");
    expect(summary).toContain("entraide: 1 up");
    expect(requests(pad)).toBe(1);
    expect(requests(cloud)).toBe(1);
    const uptime = await uptimeRows(t.deps.db, [lent.directory_service_id ?? "", other.id], t.deps.now());
    expect(uptime.map((r) => ({ checks: r.checks, ups: r.ups }))).toEqual([
      { checks: 1, ups: 1 },
      { checks: 1, ups: 1 },
    ]);
    const health = await wholeDb(t.deps.db)
      .selectFrom("entraide_instances")
      .select(["health", "last_reason", "last_checked_at"])
      .where("id", "=", instance)
      .executeTakeFirstOrThrow();
    expect(health).toEqual({
      health: "up",
      last_reason: "ok",
      last_checked_at: new Date(clock).toISOString(),
    });
    const [day] = await dailyOf(t.deps.db, [`${pad.url}/`], "2026-03-10");
    expect(day).toMatchObject({ checks: 1, reachable: 1, judged: 1, usable: 1 });
    expect((await t.client().get("/entraide/pad?direct=1")).location).toBe(`${pad.url}/`);
  });

  it("observes each address as often as its most demanding feature asks, and no more", async () => {
    later(2);
    await t.deps.jobs.runNow(PROBE_JOB);
    expect(requests(pad)).toBe(2); // the portal wants it every 2 minutes
    expect(requests(cloud)).toBe(1); // uptime wants it every hour
    later(0.5);
    expect(await t.deps.jobs.runNow(PROBE_JOB)).toContain("0 of 2 addresses probed");
    later(58);
    await t.deps.jobs.runNow(PROBE_JOB);
    expect(requests(pad)).toBe(3);
    expect(requests(cloud)).toBe(2);
  });
});
