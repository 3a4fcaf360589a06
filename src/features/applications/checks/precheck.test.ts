import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutbound, type Outbound } from "../../../http/outbound.js";
import { routes, startFakeServer, type FakeServer } from "../../../../tests/helpers/fake-server.js";
import { runChecks } from "./precheck.js";

/** The pre-checks against servers started here on 127.0.0.1, through the real outbound module. */

let outbound: Outbound;
let site: FakeServer;
let tls: Server | undefined;
let tlsUrl = "";
let certDir = "";
const fixture = (name: string) =>
  readFileSync(new URL(`../../stats/__fixtures__/${name}`, import.meta.url), "utf8");

beforeAll(async () => {
  outbound = createOutbound({
    allowLoopback: true,
    timeoutMs: 3_000,
    maxBytes: 1_000_000,
    maxRedirects: 3,
    userAgent: "chatons-test",
  });
  site = await startFakeServer(
    routes({
      "/": {
        type: "text/html",
        body: `<script src="https://www.google-analytics.com/analytics.js"></script>`,
      },
      "/cdn": {
        type: "text/html",
        body: `<script src="https://cdnjs.cloudflare.com/ajax/libs/x.js"></script>`,
      },
      "/clean": { type: "text/html", body: `<link rel="stylesheet" href="/style.css"><p>Bonjour</p>` },
      "/cgu": { body: "CGU" },
      "/org-ok.properties": { body: fixture("organization-ynh-style.properties") },
      "/org-bad.properties": { body: fixture("organization-legacy-camelcase.properties") },
      "/down": { status: 503, body: "maintenance" },
    }),
  );
  // A self-signed certificate: a real TLS server whose certificate no authority vouches for.
  certDir = mkdtempSync(join(tmpdir(), "chatons-tls-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      join(certDir, "key.pem"),
      "-out",
      join(certDir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const server = createServer(
    { key: readFileSync(join(certDir, "key.pem")), cert: readFileSync(join(certDir, "cert.pem")) },
    (_req, res) => res.end("hello"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tls = server;
  const address = server.address();
  tlsUrl = `https://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});

afterAll(async () => {
  await outbound.close();
  await site.close();
  await new Promise<void>((resolve) => (tls ? tls.close(() => resolve()) : resolve()));
  rmSync(certDir, { recursive: true, force: true });
});

const subject = (overrides: Partial<Parameters<typeof runChecks>[1]> = {}) => ({
  website: `${site.url}/clean`,
  tosUrl: `${site.url}/cgu`,
  legalUrl: null,
  chatonsinfosUrl: null,
  services: [],
  ...overrides,
});

describe("automated pre-checks", () => {
  it("fails a website whose certificate is not valid", async () => {
    const [website] = await runChecks(outbound, subject({ website: tlsUrl }), { allowLoopback: true });
    expect(website).toMatchObject({
      checkId: "website-tls",
      status: "fail",
      detail: { key: "applications.check.tls.invalid" },
    });
  });

  it("fails a plain-HTTP website outside the loopback demo, and only warns on loopback", async () => {
    const strict = await runChecks(outbound, subject(), { allowLoopback: false });
    expect(strict[0]).toMatchObject({ status: "fail", detail: { key: "applications.check.tls.not_https" } });
    const demo = await runChecks(outbound, subject(), { allowLoopback: true });
    expect(demo[0]).toMatchObject({ status: "warn", detail: { key: "applications.check.tls.loopback" } });
  });

  it("names the trackers a home page calls, and only warns about a CDN", async () => {
    const tracked = await runChecks(outbound, subject({ website: `${site.url}/` }), { allowLoopback: true });
    expect(tracked.find((r) => r.checkId === "no-trackers")).toMatchObject({
      status: "fail",
      detail: {
        key: "applications.check.trackers.found",
        vars: { list: "Google Analytics (www.google-analytics.com)" },
      },
    });
    const cdn = await runChecks(outbound, subject({ website: `${site.url}/cdn` }), { allowLoopback: true });
    expect(cdn.find((r) => r.checkId === "no-trackers")?.status).toBe("warn");
    const clean = await runChecks(outbound, subject(), { allowLoopback: true });
    expect(clean.find((r) => r.checkId === "no-trackers")?.status).toBe("pass");
    // Nothing left the loopback: every request went to the fake site.
    expect(site.requests.every((r) => r.headers["user-agent"] === "chatons-test")).toBe(true);
  });

  it("reports a missing legal page, an erroring service and a missing website", async () => {
    const results = await runChecks(
      outbound,
      subject({ website: null, services: [{ name: "Pad", url: `${site.url}/down` }] }),
      { allowLoopback: true },
    );
    expect(results.find((r) => r.checkId === "website-tls")).toMatchObject({
      status: "fail",
      detail: { key: "applications.check.no_website" },
    });
    const legal = results.filter((r) => r.checkId === "legal-pages");
    expect(legal.map((r) => r.status)).toEqual(["pass", "fail"]);
    expect(legal[1]?.detail).toEqual({
      key: "applications.check.page.missing",
      vars: { page: "applications.check.page.legal" },
    });
    expect(results.find((r) => r.checkId === "services-reachable")).toMatchObject({
      status: "fail",
      detail: { vars: { status: 503, name: "Pad" } },
    });
  });

  it("checks the ChatonsInfos organization file with the stats feature's checker", async () => {
    const ok = await runChecks(outbound, subject({ chatonsinfosUrl: `${site.url}/org-ok.properties` }), {
      allowLoopback: true,
    });
    expect(ok.find((r) => r.checkId === "chatonsinfos")?.status).toMatch(/pass|warn/);
    const bad = await runChecks(outbound, subject({ chatonsinfosUrl: `${site.url}/org-bad.properties` }), {
      allowLoopback: true,
    });
    expect(bad.find((r) => r.checkId === "chatonsinfos")).toMatchObject({
      status: "fail",
      detail: { key: "applications.check.chatonsinfos.errors" },
    });
    const none = await runChecks(outbound, subject(), { allowLoopback: true });
    expect(none.find((r) => r.checkId === "chatonsinfos")?.status).toBe("skip");
  });
});
