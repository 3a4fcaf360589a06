import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makeService } from "../../../tests/helpers/factories.js";
import { startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import {
  ETHERPAD_PAGE,
  PARKED_PAGE,
  htmlAfter,
  isCheck,
  makeInstance,
} from "../../../tests/helpers/entraide.js";
import { escapeHtml } from "../../../tests/helpers/html.js";
import { translator } from "../../i18n/index.js";
import { portalFor } from "./live.js";
import { PROBE_JOB } from "../../probe/rounds.js";
import { wholeDb } from "../../db/adapter.js";

/**
 * The "done when": real fake instances on loopback (one healthy, one slow, one parked
 * domain answering 200, one down); only the healthy one receives visitors.
 */

let t: TestPlatform;
const servers: Record<string, FakeServer> = {};
const ids: Record<string, string> = {};
let healthyMember: { slug: string; name: string };
const fr = translator("fr");

const visitorRequests = (s: FakeServer | undefined) => (s?.requests ?? []).filter((r) => !isCheck(r)).length;

beforeAll(async () => {
  t = await startTestPlatform({ env: { ENTRAIDE_SLOW_AFTER: "300ms" } });
  const db = t.deps.db;
  servers.healthy = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  servers.slow = await startFakeServer(htmlAfter(ETHERPAD_PAGE, 1_200));
  servers.parked = await startFakeServer(htmlAfter(PARKED_PAGE));
  const gone = await startFakeServer(htmlAfter(ETHERPAD_PAGE));
  await gone.close();
  const urls: Record<string, string> = {
    healthy: `${servers.healthy.url}/`,
    slow: `${servers.slow.url}/`,
    parked: `${servers.parked.url}/`,
    down: `${gone.url}/`,
  };
  for (const name of ["healthy", "slow", "parked", "down"]) {
    const member = await makeMember(db, {
      name: `Chaton ${name}`,
      tos_url: `https://${name}.example.org/cgu`,
    });
    if (name === "healthy") healthyMember = member;
    ids[name] = await makeInstance(db, { memberId: member.id, url: urls[name] ?? "" });
  }
  await t.deps.jobs.runNow(PROBE_JOB);
});

afterAll(async () => {
  for (const s of Object.values(servers)) await s.close();
  await t.stop();
});

describe("health checks before dispatch", () => {
  it("tells the healthy instance from the slow, the parked and the down ones", async () => {
    const rows = await wholeDb(t.deps.db)
      .selectFrom("entraide_instances")
      .select(["id", "health", "last_reason"])
      .execute();
    const state = (name: string) => rows.find((r) => r.id === ids[name]);
    expect(state("healthy")).toMatchObject({ health: "up", last_reason: "ok" });
    expect(state("slow")).toMatchObject({ health: "down", last_reason: "slow" });
    expect(state("parked")).toMatchObject({ health: "down", last_reason: "parked" });
    expect(state("down")).toMatchObject({ health: "down", last_reason: "network" });
  });
});

describe("dispatch", () => {
  it("sends every visitor to the healthy instance, and the others receive none", async () => {
    const client = t.client();
    for (let i = 0; i < 60; i++) {
      const res = await client.get("/entraide/pad?direct=1");
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${servers.healthy?.url}/`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.getSetCookie()).toEqual([]);
      await fetch(res.location ?? "");
    }
    expect(visitorRequests(servers.healthy)).toBe(60);
    expect(visitorRequests(servers.slow)).toBe(0);
    expect(visitorRequests(servers.parked)).toBe(0);
  });

  it("answers the 303 before the app with the same headers as the app's own answer", async () => {
    // `direct=1` alone is answered from Node's request (direct.ts); with one more parameter the
    // app answers. Both must look the same to the visitor's browser.
    const fast = await t.client().get("/entraide/pad?direct=1");
    const app = await t.client().get(`/entraide/pad?direct=1&not=${ids.slow ?? ""}`);
    expect(fast.status).toBe(303);
    expect(app.status).toBe(303);
    const names = (h: Headers) =>
      [...h.keys()].filter(
        (k) =>
          ![
            "date",
            "connection",
            "keep-alive",
            "content-length",
            "transfer-encoding",
            "content-type",
          ].includes(k),
      );
    expect(names(fast.headers).sort()).toEqual(names(app.headers).sort());
    for (const name of ["cross-origin-resource-policy", "referrer-policy", "cache-control", "vary"])
      expect(fast.headers.get(name)).toBe(app.headers.get(name));
    // A redirect carries only the headers that act on it (decision 074).
    expect(fast.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(fast.headers.get("content-security-policy")).toBeNull();
    expect(app.headers.get("content-security-policy")).toBeNull();
    const prefixed = await t.client().get("/en/entraide/pad?direct=1");
    expect(prefixed.status).toBe(303);
    expect(prefixed.headers.get("vary")).toBeNull();
    expect((await t.client().get("/entraide/nope?direct=1")).status).toBe(404);
  });

  it("never contacts a member's server while answering a visitor", async () => {
    const before = servers.slow?.requests.length ?? 0;
    const healthyBefore = servers.healthy?.requests.length ?? 0;
    for (let i = 0; i < 20; i++) await t.client().get("/fr/entraide/pad?direct=1");
    expect(servers.slow?.requests.length).toBe(before);
    expect(servers.healthy?.requests.length).toBe(healthyBefore);
  });

  it("answers from memory: no database read per visitor", async () => {
    await t.client().get("/entraide/pad?direct=1");
    // With the instances table out of reach, only an in-memory table can still answer.
    await sql`alter table entraide_instances rename to entraide_instances_away`.execute(wholeDb(t.deps.db));
    try {
      for (let i = 0; i < 10; i++) {
        const res = await t.client().get("/entraide/pad?direct=1");
        expect(res.location).toBe(`${servers.healthy?.url}/`);
      }
      expect((await t.client().get("/fr/entraide")).status).toBe(200);
    } finally {
      await sql`alter table entraide_instances_away rename to entraide_instances`.execute(wholeDb(t.deps.db));
    }
  });

  it("answers a short page naming the member, linking its terms, going on without JavaScript", async () => {
    const res = await t.client().get("/fr/entraide/pad");
    expect(res.status).toBe(200);
    const url = `${servers.healthy?.url}/`;
    expect(res.text).toContain(`<meta http-equiv="refresh" content="0;url=${url}"/>`);
    expect(res.text).toContain(`href="${url}"`);
    expect(res.text).toContain(`href="/fr/members/${healthyMember.slug}"`);
    expect(res.text).toContain(escapeHtml(healthyMember.name));
    expect(res.text).toContain('href="https://healthy.example.org/cgu"');
    expect(res.text).toContain(escapeHtml(fr("entraide.go.terms")));
    expect(res.text).not.toContain("<script");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("negotiates the language on the unprefixed address", async () => {
    const res = await t.client().get("/entraide/pad", { "accept-language": "en-GB,en;q=0.8" });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain(escapeHtml(translator("en")("entraide.go.terms")));
    expect(res.headers.get("vary")).toContain("Accept-Language");
  });

  it("counts visitors per instance and day, in batches, and nothing else", async () => {
    const portal = portalFor(t.deps);
    await portal.flush();
    const before = await wholeDb(t.deps.db).selectFrom("entraide_visits").selectAll().execute();
    const visitsBefore = before.find((r) => r.instance_id === ids.healthy)?.visits ?? 0;
    for (let i = 0; i < 7; i++) await t.client().get("/entraide/pad?direct=1");
    const unflushed = await wholeDb(t.deps.db).selectFrom("entraide_visits").selectAll().execute();
    expect(unflushed.find((r) => r.instance_id === ids.healthy)?.visits ?? 0).toBe(visitsBefore);
    await portal.flush();
    const rows = await wholeDb(t.deps.db).selectFrom("entraide_visits").selectAll().execute();
    const row = rows.find((r) => r.instance_id === ids.healthy);
    expect(row?.visits).toBe(visitsBefore + 7);
    expect(row?.day).toBe(new Date().toISOString().slice(0, 10));
    expect(Object.keys(row ?? {}).sort()).toEqual(["day", "instance_id", "visits"]);
  });

  it("answers 404 with the list of services for an unknown service", async () => {
    const res = await t.client().get("/fr/entraide/nope");
    expect(res.status).toBe(404);
    for (const name of ["Écrire à plusieurs (pad)", "Visioconférence", "Partage de texte chiffré"])
      expect(res.text).toContain(escapeHtml(name));
    expect(res.text).toContain('href="/fr/entraide/video-call"');
  });

  it("answers 503 listing the members offering the service outside the portal when none is healthy", async () => {
    const other = await makeMember(t.deps.db, { name: "Chaton Sondages" });
    await makeService(t.deps.db, other.id, {
      category_id: "poll",
      name: "Framadate",
      // On loopback: the probe job observes every listed service, this one too.
      url: "http://127.0.0.1:9/sondages/",
    });
    const res = await t.client().get("/fr/entraide/date-poll");
    expect(res.status).toBe(503);
    expect(res.text).toContain(escapeHtml(fr("entraide.none.outside")));
    expect(res.text).toContain(`href="/fr/members/${other.slug}"`);
    expect(res.text).toContain("http://127.0.0.1:9/sondages/");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("shows the portal page, light, with the services and how many members offer each", async () => {
    const client = t.client();
    const res = await client.get("/fr/entraide");
    expect(res.status).toBe(200);
    expect(res.text).toContain(escapeHtml(fr("entraide.portal.title")));
    expect(res.text).toContain(escapeHtml(fr.plural("entraide.portal.hosts", 1)));
    expect(res.text).toContain('href="/fr/entraide/pad"');
    const assets = [...res.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets).toContain("/assets/entraide/portal.css");
    let total = Buffer.byteLength(res.text);
    for (const path of new Set(assets)) {
      const asset = await client.get(path);
      expect(asset.status).toBe(200);
      total += Buffer.byteLength(asset.text);
    }
    expect(total).toBeLessThan(50 * 1024);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe("the visitor's choice and the no-repeat rule", () => {
  const ETHERCALC = "<!doctype html><title>EtherCalc</title><div id='ethercalc'></div>";
  const calc: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ["one", "two"]) {
      const server = await startFakeServer(htmlAfter(ETHERCALC));
      servers[`calc-${name}`] = server;
      const member = await makeMember(t.deps.db, { name: `Tableur ${name}` });
      calc[name] = await makeInstance(t.deps.db, {
        memberId: member.id,
        url: `${server.url}/`,
        serviceId: "spreadsheet",
        software: "ethercalc",
      });
    }
    const member = await makeMember(t.deps.db, { name: "Tableur en panne" });
    calc.broken = await makeInstance(t.deps.db, {
      memberId: member.id,
      url: `${servers.parked?.url}/`,
      serviceId: "spreadsheet",
      software: "ethercalc",
    });
    await t.deps.jobs.runNow(PROBE_JOB);
  });

  const go = async (query = "") =>
    (await t.client().get(`/fr/entraide/spreadsheet?direct=1${query}`)).location;

  it("never sends two visitors in a row to the same instance when another is healthy", async () => {
    const seen: (string | null)[] = [];
    for (let i = 0; i < 30; i++) seen.push(await go());
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
    expect(new Set(seen)).toEqual(new Set([`${servers["calc-one"]?.url}/`, `${servers["calc-two"]?.url}/`]));
  });

  it("goes to another member on request, or to the member the visitor picked", async () => {
    for (let i = 0; i < 5; i++) expect(await go(`&not=${calc.one}`)).toBe(`${servers["calc-two"]?.url}/`);
    for (let i = 0; i < 5; i++)
      expect(await go(`&instance=${calc.one}`)).toBe(`${servers["calc-one"]?.url}/`);
  });

  it("says so when the picked member is unavailable, and offers a working one", async () => {
    const res = await t.client().get(`/fr/entraide/spreadsheet?instance=${calc.broken}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(escapeHtml(fr("entraide.go.unavailable_choice")));
    expect(res.text).not.toContain(`${servers.parked?.url}/`);
    expect(res.text).toContain(`?not=`);
    expect(res.text).toMatch(/\?instance=[0-9a-f-]{36}/);
  });

  it("lists the working members on the portal page, to pick one", async () => {
    const res = await t.client().get("/fr/entraide");
    expect(res.text).toContain(escapeHtml(fr.plural("entraide.portal.hosts", 2)));
    expect(res.text).toContain(`href="/fr/entraide/spreadsheet?instance=${calc.one}"`);
    expect(res.text).not.toContain(`?instance=${calc.broken}`);
  });
});
