import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makePerson, TEST_PASSWORD } from "../helpers/factories.js";
import { csrfFrom, type TestClient } from "../helpers/client.js";
import { clientAddress, MemoryLimiter } from "../../src/http/client.js";
import * as limits from "../../src/http/rate-limit.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { wholeDb } from "../../src/db/adapter.js";

/**
 * Sign-in limits an attacker cannot beat and an owner cannot be locked out by: the attempt is
 * taken before the password is checked, delays grow per account, a mailed sign-in link always
 * works, windows slide, and behind a proxy the address is the one the proxy saw.
 */
let clock = Date.parse("2026-12-01T10:14:50.000Z");
const now = () => new Date(clock);
let t: TestPlatform;
let address = 0;
/** A new visitor address for each request, as seen by the one trusted proxy. */
const fromNewAddress = () => ({ "x-forwarded-for": `198.51.100.${++address % 250}` });

beforeAll(async () => {
  t = await startTestPlatform({ now, env: { TRUST_PROXY: "1" } });
});
afterAll(async () => {
  await t.stop();
});

async function anonymousToken(client: TestClient): Promise<string> {
  return csrfFrom((await client.get("/fr/login")).text, "/fr/login") ?? "";
}

async function attempt(client: TestClient, token: string, email: string, password: string) {
  return client.post("/fr/login", { _csrf: token, email, password }, fromNewAddress());
}

describe("sign-in attempts on one account", () => {
  it("takes the attempt before checking the password: 60 concurrent wrong passwords get 5 checked", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    const token = await anonymousToken(client);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(client, token, person.email, `wrong password ${i}`)),
    );
    const checked = answers.filter((a) => a.status === 422).length;
    const refused = answers.filter((a) => a.status === 429).length;
    expect(checked + refused).toBe(60);
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it("slows an attacker down with delays that double, and lets the owner in once a delay is over", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    const token = await anonymousToken(client);
    for (let i = 0; i < 5; i++)
      expect((await attempt(client, token, person.email, `bad password ${i}`)).status).toBe(422);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await attempt(client, token, person.email, `bad password again ${i}`);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain("Trop d&#39;essais pour ce compte");
      const wait = Number(refused.headers.get("retry-after"));
      waits.push(wait);
      clock += wait * 1000;
      expect((await attempt(client, token, person.email, `bad password later ${i}`)).status).toBe(422);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
    // The owner, after the current delay, gets in with the right password.
    const refused = await attempt(client, token, person.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    clock += Number(refused.headers.get("retry-after")) * 1000;
    expect((await attempt(client, token, person.email, TEST_PASSWORD)).status).toBe(303);
    // And the delays start over.
    expect((await attempt(t.client(), token, person.email, "one more typo!")).status).toBe(422);
  });

  it("lets the owner in at once with a mailed sign-in link, whatever an attacker is doing", async () => {
    const person = await makePerson(t.deps.db);
    const attacker = t.client();
    const token = await anonymousToken(attacker);
    for (let i = 0; i < 12; i++) await attempt(attacker, token, person.email, `guess ${i}`);
    expect((await attempt(attacker, token, person.email, TEST_PASSWORD)).status).toBe(429);

    const owner = t.client();
    const page = await owner.get("/fr/login");
    expect(page.text).toContain('formaction="/fr/login/link"');
    const asked = await owner.post(
      "/fr/login/link",
      { _csrf: csrfFrom(page.text, "/fr/login") ?? "", email: person.email },
      fromNewAddress(),
    );
    expect(asked.status).toBe(200);
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", person.email)
      .where("kind", "=", "sign-in-link")
      .executeTakeFirstOrThrow();
    const path = new URL(/http:\/\/\S+\/fr\/login\/link\/[\w-]+/.exec(mail.text_body)?.[0] ?? "").pathname;
    const secret = path.split("/").at(-1) ?? "";
    const stored = await wholeDb(t.deps.db).selectFrom("sign_in_links").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
    // Opening the link (or a mail scanner following it) does not use it.
    expect((await owner.get(path)).status).toBe(200);
    expect((await owner.get(path)).status).toBe(200);
    const signedIn = await owner.submit(path, path, {});
    expect(signedIn.status).toBe(303);
    expect((await owner.get("/fr/account")).status).toBe(200);
    // Single use, and the attacker's delays are gone for the owner's password too.
    expect((await t.client().post(path, { _csrf: token })).status).toBe(410);
    expect((await attempt(t.client(), token, person.email, TEST_PASSWORD)).status).toBe(303);
  });

  it("expires a sign-in link after 15 minutes, and answers the same for an unknown address", async () => {
    const person = await makePerson(t.deps.db);
    const client = t.client();
    const token = await anonymousToken(client);
    const known = await client.post(
      "/fr/login/link",
      { _csrf: token, email: person.email },
      fromNewAddress(),
    );
    const unknown = await client.post(
      "/fr/login/link",
      { _csrf: token, email: "nobody-here@example.org" },
      fromNewAddress(),
    );
    expect(known.status).toBe(unknown.status);
    expect(known.text.replace(person.email, "X")).toBe(unknown.text.replace("nobody-here@example.org", "X"));
    expect(
      await wholeDb(t.deps.db)
        .selectFrom("mail_outbox")
        .select("id")
        .where("to_address", "=", "nobody-here@example.org")
        .execute(),
    ).toEqual([]);
    const mail = await wholeDb(t.deps.db)
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", person.email)
      .executeTakeFirstOrThrow();
    const path = new URL(/http:\/\/\S+\/fr\/login\/link\/[\w-]+/.exec(mail.text_body)?.[0] ?? "").pathname;
    clock += 15 * 60_000 + 1;
    expect((await client.get(path)).status).toBe(410);
  });
});

describe("windows and addresses", () => {
  it("slides: hits just before and after a quarter hour count together", async () => {
    const key = "test:sliding";
    const start = Date.parse("2026-12-01T10:14:59.000Z");
    for (let i = 0; i < 10; i++) await limits.hit(t.deps.db, key, 15 * 60_000, new Date(start));
    expect(await limits.hit(t.deps.db, key, 15 * 60_000, new Date(start + 2_000))).toBe(11);
    expect(await limits.count(t.deps.db, key, 15 * 60_000, new Date(start + 14 * 60_000))).toBe(11);
    expect(await limits.count(t.deps.db, key, 15 * 60_000, new Date(start + 16 * 60_000))).toBe(0);

    const memory = new MemoryLimiter(3, 60_000);
    expect([1, 2, 3].map(() => memory.hit("a", 59_000))).toEqual([true, true, true]);
    expect(memory.hit("a", 61_000)).toBe(false);
    expect(memory.hit("a", 119_001)).toBe(true);
  });

  it("takes the visitor's address that many proxy hops from the right of X-Forwarded-For", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.5", "10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the header did not come through them all.
    expect(clientAddress("203.0.113.9", "10.0.0.2", 2)).toBe("10.0.0.2");
    expect(clientAddress("6.6.6.6", "10.0.0.2", 0)).toBe("10.0.0.2");
    expect(clientAddress(undefined, undefined, 1)).toBe("unknown");
  });

  it("does not let a visitor behind the proxy rotate the address it claims", async () => {
    const client = t.client();
    const token = await anonymousToken(client);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await client.post(
        "/fr/login",
        { _csrf: token, email: `rotating-${i}@example.org`, password: "not the password" },
        { "x-forwarded-for": `192.0.2.${i}, 203.0.113.200` },
      );
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 422)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const rows = JSON.stringify(await wholeDb(t.deps.db).selectFrom("rate_limits").selectAll().execute());
    expect(rows).not.toContain("203.0.113.200");
    expect(rows).not.toContain("rotating-");
  });

  it("reads TRUST_PROXY as a number of proxies, 1 keeping its old meaning", () => {
    const base = { NODE_ENV: "test" };
    expect(loadConfig({ ...base, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: "0" }).trustProxy).toBe(0);
    expect(loadConfig(base).trustProxy).toBe(0);
    expect(() => loadConfig({ ...base, TRUST_PROXY: "nginx" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: "nginx" })).toThrow(/TRUST_PROXY/);
  });
});
