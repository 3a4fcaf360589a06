import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../../../tests/helpers/platform.js";
import { makeMember, makePerson } from "../../../tests/helpers/factories.js";
import { routes, startFakeServer, type FakeServer } from "../../../tests/helpers/fake-server.js";
import { ETHERPAD_PAGE, makeInstance, switchable } from "../../../tests/helpers/entraide.js";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from "../../../tests/helpers/self-signed.js";
import { translator } from "../../i18n/index.js";
import { checkInstance, entraideProbes } from "./checks.js";
import { PROBE_JOB } from "../../probe/rounds.js";
import { dailyOf } from "../../probe/history.repository.js";
import { wholeDb } from "../../db/adapter.js";

let t: TestPlatform;
const servers: FakeServer[] = [];
const fr = translator("fr");
// The probe job observes an address when it is due: each round here comes one interval later.
let clock = Date.parse("2026-03-10T08:00:00.000Z");
const round = async () => {
  clock += 120_000;
  await t.deps.jobs.runNow(PROBE_JOB);
};

beforeAll(async () => {
  t = await startTestPlatform({
    now: () => new Date(clock),
    env: { ENTRAIDE_FAILURES_TO_DOWN: "2", ENTRAIDE_SUCCESSES_TO_UP: "2" },
  });
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await t.stop();
});

async function serve(handler: Parameters<typeof startFakeServer>[0]) {
  const server = await startFakeServer(handler);
  servers.push(server);
  return server;
}

const downMails = () =>
  wholeDb(t.deps.db)
    .selectFrom("mail_outbox")
    .selectAll()
    .where("kind", "=", "instance-down")
    .orderBy("created_at")
    .execute();

const instance = (id: string) =>
  wholeDb(t.deps.db)
    .selectFrom("entraide_instances")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("health over time", () => {
  it("goes down after N failures, back up after M successes, and mails the structure once per outage", async () => {
    const member = await makeMember(t.deps.db, { name: "Chaton Hystérésis" });
    const admin = await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "admin" }] });
    await makePerson(t.deps.db, { memberships: [{ memberId: member.id, role: "member" }] });
    const fake = switchable({ status: 200, body: ETHERPAD_PAGE });
    const server = await serve(fake.handler);
    const id = await makeInstance(t.deps.db, { memberId: member.id, url: `${server.url}/` });
    const run = async () => (await round(), (await instance(id)).health);
    const mailsBefore = (await downMails()).length;

    expect(await run()).toBe("up");
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(303);
    fake.state.status = 500;
    expect(await run()).toBe("up"); // one failure is not an outage
    expect(await run()).toBe("down");
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(503);
    expect(await run()).toBe("down");
    expect(await run()).toBe("down");
    let mails = (await downMails()).slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to_address).toBe(admin.email);
    expect(mails[0]?.subject).toBe(fr("entraide.mail.down.subject", { service: "Écrire à plusieurs (pad)" }));
    expect(mails[0]?.text_body).toContain(`${server.url}/`);
    expect(mails[0]?.text_body).toContain(fr("entraide.reason.http-error"));
    expect(mails[0]?.text_body).toContain(`/fr/entraide/members/${member.slug}`);

    fake.state.status = 200;
    expect(await run()).toBe("down"); // one success is not a recovery
    expect(await run()).toBe("up");
    expect((await instance(id)).alerted_at).toBeNull();
    expect((await t.client().get("/entraide/pad?direct=1")).status).toBe(303);

    fake.state.status = 500;
    await run();
    expect(await run()).toBe("down");
    mails = (await downMails()).slice(mailsBefore);
    expect(mails).toHaveLength(2);

    // The day in the observation store, read the portal's way; visitors are the portal's own count.
    const daily = await dailyOf(t.deps.db, [`${server.url}/`], "2026-03-10");
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({ judged: 9, usable: 3 });
    expect(daily[0]?.usableMs).toBeGreaterThanOrEqual(0);
    const visits = await wholeDb(t.deps.db)
      .selectFrom("entraide_visits")
      .selectAll()
      .where("instance_id", "=", id)
      .execute();
    expect(visits).toMatchObject([{ day: "2026-03-10", visits: 2 }]);
  });

  it("writes to the structure's contact address when it has no admin account", async () => {
    const member = await makeMember(t.deps.db, { contact_email: "bureau@sans-admin.example.org" });
    const server = await serve((_req, res) => {
      res.statusCode = 502;
      res.end();
    });
    const id = await makeInstance(t.deps.db, { memberId: member.id, url: `${server.url}/` });
    expect((await checkInstance(t.deps, id))?.health).toBe("down");
    expect((await checkInstance(t.deps, id))?.health).toBe("down");
    const mails = (await downMails()).filter((m) => m.to_address === "bureau@sans-admin.example.org");
    expect(mails).toHaveLength(1);
  });
});

describe("what counts as usable", () => {
  async function verdictFor(handler: Parameters<typeof startFakeServer>[0], software = "etherpad") {
    const member = await makeMember(t.deps.db);
    const server = await serve(handler);
    const id = await makeInstance(t.deps.db, { memberId: member.id, url: `${server.url}/`, software });
    return (await checkInstance(t.deps, id))?.verdict;
  }

  it("refuses a login wall reached by a redirect", async () => {
    const verdict = await verdictFor(
      routes({
        "/": { status: 302, body: "", headers: { location: "/login?next=%2F" } },
        "/login": { type: "text/html", body: "<form><input type=password></form>" },
      }),
    );
    expect(verdict).toEqual({ ok: false, reason: "login-wall" });
  });

  it("refuses an instance that redirects to another domain", async () => {
    const elsewhere = await serve(routes({ "/": { type: "text/html", body: ETHERPAD_PAGE } }));
    const verdict = await verdictFor(
      routes({
        "/": { status: 302, body: "", headers: { location: `http://localhost:${elsewhere.port}/` } },
      }),
    );
    expect(verdict).toEqual({ ok: false, reason: "redirect-off-site" });
  });

  it("refuses a bot challenge and a page of another software", async () => {
    const challenge = await verdictFor(
      routes({
        "/": {
          status: 403,
          type: "text/html",
          body: "<title>Just a moment...</title>",
          headers: { "cf-mitigated": "challenge" },
        },
      }),
    );
    expect(challenge).toEqual({ ok: false, reason: "bot-challenge" });
    const mismatch = await verdictFor(
      routes({ "/": { type: "text/html", body: ETHERPAD_PAGE } }),
      "privatebin",
    );
    expect(mismatch).toEqual({ ok: false, reason: "content-mismatch" });
  });

  it("refuses an instance whose TLS certificate is not valid", async () => {
    const https = createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(ETHERPAD_PAGE);
    });
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    const address = https.address();
    const port = typeof address === "object" && address ? (address satisfies AddressInfo).port : 0;
    const member = await makeMember(t.deps.db);
    const id = await makeInstance(t.deps.db, { memberId: member.id, url: `https://127.0.0.1:${port}/` });
    const result = await checkInstance(t.deps, id);
    https.closeAllConnections();
    await new Promise((resolve) => https.close(resolve));
    expect(result?.verdict).toEqual({ ok: false, reason: "tls" });
  });

  it("follows a same-site redirect to the instance", async () => {
    const verdict = await verdictFor(
      routes({
        "/": { status: 301, body: "", headers: { location: "/p/" } },
        "/p/": { type: "text/html", body: ETHERPAD_PAGE },
      }),
    );
    expect(verdict).toEqual({ ok: true, reason: "ok" });
  });

  it("does not check paused or unapproved instances", async () => {
    const member = await makeMember(t.deps.db);
    const server = await serve(routes({ "/": { type: "text/html", body: ETHERPAD_PAGE } }));
    const paused = await makeInstance(t.deps.db, {
      memberId: member.id,
      url: `${server.url}/`,
      paused: true,
    });
    const pending = await makeInstance(t.deps.db, {
      memberId: member.id,
      url: `${server.url}/`,
      approval: "pending",
    });
    await round();
    expect((await instance(paused)).last_checked_at).toBeNull();
    expect((await instance(pending)).last_checked_at).toBeNull();
    // The address may still be observed for uptime (it is a listed service), never for the portal.
    const wanted = await entraideProbes(t.deps).wanted();
    expect(wanted.map((w) => w.url)).not.toContain(`${server.url}/`);
  });
});
