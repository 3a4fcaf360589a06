import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../tests/helpers/platform.js";
import { createAdmission, type Admission, type AdmissionOptions } from "./admission.js";
import { busyAnswer, RETRY_AFTER_SECONDS } from "./busy.js";
import { securityHeaderList } from "./security.js";

/**
 * The line in front of the web app (decision 073), over real HTTP on loopback: a server whose
 * handler the test holds and releases, so that who waits, who starts and who is turned away is
 * decided by the test, not by the machine's speed. The line's clock is the test's.
 */
interface Held {
  url: string;
  release(status?: number): void;
}

interface LineServer {
  origin: string;
  admission: Admission;
  arrived: string[];
  started: string[];
  held: Held[];
  maxRunning: number;
  close(): Promise<void>;
}

const servers: LineServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function lineServer(options: Omit<AdmissionOptions, "busy">): Promise<LineServer> {
  const busy = busyAnswer({
    defaultLocale: "fr",
    collectiveName: "CHATONS",
    securityHeaders: securityHeaderList(false),
    date: () => "Tue, 01 Dec 2026 12:00:00 GMT",
  });
  const admission = createAdmission({ ...options, busy });
  const state: LineServer = {
    origin: "",
    admission,
    arrived: [],
    started: [],
    held: [],
    maxRunning: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "";
    state.started.push(url);
    state.maxRunning = Math.max(state.maxRunning, admission.running);
    state.held.push({
      url,
      release: (status = 200) => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(url);
      },
    });
  };
  const server: Server = createServer((req, res) => {
    state.arrived.push(req.url ?? "");
    // Reading the body (none here) lets a POST complete like a GET.
    req.resume();
    admission.admit(req, res, () => answer(req, res));
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address: AddressInfo | string | null = server.address();
  state.origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  servers.push(state);
  return state;
}

/** Waits until `check` holds, turn after turn of the event loop (bounded). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}

describe("the line in front of the app", () => {
  it("starts requests in the order they arrived, never more at once than allowed", async () => {
    const s = await lineServer({ concurrency: 2, maxWaitMs: 0 });
    const answers = Array.from({ length: 12 }, (_, i) => fetch(`${s.origin}/page/${i}`));
    await until(() => s.arrived.length === 12 && s.held.length === 2);
    // Two run, ten wait: releasing one lets exactly the next one in.
    expect(s.admission.waiting).toBe(10);
    while (s.started.length < 12) {
      const count = s.started.length;
      s.held.find((h, i) => i === count - 2)?.release();
      await until(() => s.started.length === count + 1 || count === 12);
    }
    for (const h of s.held.slice(-2)) h.release();
    const bodies = await Promise.all(answers.map(async (a) => (await a).text()));
    expect(bodies).toHaveLength(12);
    expect(s.started).toEqual(s.arrived);
    expect(s.maxRunning).toBeLessThanOrEqual(2);
    expect(s.admission.turnedAway).toBe(0);
  });

  it("turns away a reader who waited past the limit by their turn, never a write", async () => {
    let clock = 0;
    const s = await lineServer({ concurrency: 1, maxWaitMs: 500, now: () => clock });
    const first = fetch(`${s.origin}/first`);
    await until(() => s.held.length === 1);
    const reader = fetch(`${s.origin}/fr/reader`);
    const writer = fetch(`${s.origin}/writer`, { method: "POST", body: "a=1" });
    await until(() => s.admission.waiting === 2);
    clock = 1_000;
    s.held[0]?.release();
    const turnedAway = await reader;
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(turnedAway.headers.get("cache-control")).toBe("no-store");
    expect(turnedAway.headers.get("content-language")).toBe("fr");
    expect(await turnedAway.text()).toContain("Trop de demandes en ce moment");
    await until(() => s.held.length === 2);
    expect(s.held[1]?.url).toBe("/writer");
    s.held[1]?.release();
    expect((await writer).status).toBe(200);
    expect((await first).status).toBe(200);
    expect(s.admission.turnedAway).toBe(1);
  });

  it("turns readers away on arrival only past the longest line, in the visitor's language", async () => {
    const s = await lineServer({ concurrency: 1, maxWaitMs: 500, maxWaiting: 2, now: () => 0 });
    const answers = ["/a", "/b", "/c"].map((p) => fetch(`${s.origin}${p}`));
    await until(() => s.held.length === 1 && s.admission.waiting === 2);
    const late = await fetch(`${s.origin}/en/late`, { headers: { "accept-language": "de" } });
    expect(late.status).toBe(503);
    expect(late.headers.get("content-language")).toBe("en");
    expect(late.headers.get("vary")).toBeNull();
    expect(await late.text()).toContain('<html lang="en">');
    const api = await fetch(`${s.origin}/api/services`, { headers: { "accept-language": "de" } });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(api.headers.get("vary")).toBe("Accept-Language");
    expect(await api.json()).toEqual({
      error: { code: "busy", message: expect.stringContaining("Versuche es in ein paar Sekunden") },
    });
    // A write joins even the longest line.
    const write = fetch(`${s.origin}/write`, { method: "POST", body: "a=1" });
    await until(() => s.admission.waiting === 3);
    for (let i = 0; i < 4; i++) {
      s.held[i]?.release();
      await until(() => s.held.length === Math.min(i + 2, 4));
    }
    expect((await Promise.all([...answers, write])).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(s.started).toEqual(["/a", "/b", "/c", "/write"]);
    expect(s.admission.turnedAway).toBe(2);
  });

  it("tells of an answer slower than the limit, its wait included", async () => {
    let clock = 0;
    const reports: [string, number, number][] = [];
    const s = await lineServer({
      concurrency: 1,
      maxWaitMs: 0,
      now: () => clock,
      slow: { ms: 1_000, report: (req, waited, total) => reports.push([req.url ?? "", waited, total]) },
    });
    const first = fetch(`${s.origin}/first`);
    await until(() => s.held.length === 1);
    const second = fetch(`${s.origin}/second`);
    await until(() => s.admission.waiting === 1);
    clock = 800;
    s.held[0]?.release();
    await until(() => s.held.length === 2);
    clock = 1_300;
    s.held[1]?.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await until(() => reports.length === 1);
    expect(reports).toEqual([["/second", 800, 1_300]]);
  });

  it("gives the place back when the answer is written, not when a slow client has read it", async () => {
    const s = await lineServer({ concurrency: 1, maxWaitMs: 0 });
    const slowDownloads: ServerResponse[] = [];
    const origAdmit = s.admission.admit.bind(s.admission);
    // This server's answers start a body and are done with it (their promise settles) while the
    // response stays open, as a large page does while a slow phone reads it.
    const server = createServer((req, res) => {
      origAdmit(req, res, async () => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("start");
        slowDownloads.push(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const address: AddressInfo | string | null = server.address();
    const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const answers = [fetch(`${origin}/one`), fetch(`${origin}/two`), fetch(`${origin}/three`)];
      await until(() => slowDownloads.length === 3);
      expect(s.admission.running).toBe(0);
      for (const res of slowDownloads) res.end();
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("forgets a visitor who left while waiting", async () => {
    const s = await lineServer({ concurrency: 1, maxWaitMs: 0 });
    const first = fetch(`${s.origin}/first`);
    await until(() => s.held.length === 1);
    const leaving = new AbortController();
    const gone = fetch(`${s.origin}/gone`, { signal: leaving.signal }).catch((e: unknown) => e);
    const next = fetch(`${s.origin}/next`);
    await until(() => s.admission.waiting === 2);
    leaving.abort();
    expect(await gone).toBeInstanceOf(Error);
    // Give the server the time to see the closed socket, then free the line.
    await new Promise((r) => setTimeout(r, 50));
    s.held[0]?.release();
    await until(() => s.held.length === 2);
    expect(s.held[1]?.url).toBe("/next");
    s.held[1]?.release();
    expect((await next).status).toBe(200);
    expect((await first).status).toBe(200);
    expect(s.started).toEqual(["/first", "/next"]);
  });
});

describe("the platform's line", () => {
  it("answers busy in the visitor's language, lets writes and the health check through", async () => {
    // Every reading of the line's clock is 10 s after the previous: every reader has waited too long.
    let clock = 0;
    const t = await startTestPlatform({ lineClock: () => (clock += 10_000) });
    try {
      const de = await fetch(`${t.url}/de/services`);
      expect(de.status).toBe(503);
      expect(de.headers.get("retry-after")).toBe("2");
      expect(de.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(de.headers.get("set-cookie")).toBeNull();
      const html = await de.text();
      expect(html).toContain('<html lang="de">');
      expect(html).toContain("Gerade zu viele Anfragen");
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      // A form sent during the surge reaches the app (which refuses it here for its missing token).
      const post = await fetch(`${t.url}/fr/login`, {
        method: "POST",
        body: new URLSearchParams({ a: "1" }),
      });
      expect(post.status).toBe(403);
      expect(t.platform.admission.turnedAway).toBe(1);
    } finally {
      await t.stop();
    }
  });
});
