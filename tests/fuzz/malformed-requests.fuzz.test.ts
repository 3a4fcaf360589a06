import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { createApp } from "../../src/app.js";
import { features } from "../../src/features/index.js";
import { csrfFrom, type TestClient } from "../helpers/client.js";
import { castFor, type Cast } from "../security/matrix-setup.js";
import { concretePath } from "../security/matrix-routes.js";
import { publicPages } from "../browser/public-pages.js";

/**
 * Malformed requests over every route of the platform (the authorization matrix's route list and
 * the public pages): multipart bodies without boundary or cut short, bad percent-encoding in paths,
 * queries and forms, and abused headers. Whatever comes, the answer is a 4xx (or a normal page),
 * never a 5xx.
 */
let t: TestPlatform;
let cast: Cast;
let writeRoutes: string[] = [];
let readRoutes: string[] = [];
let admin: TestClient;
let adminToken = "";

beforeAll(async () => {
  t = await startTestPlatform({ demo: true });
  cast = await castFor(t);
  const app = createApp(t.deps, features);
  const paths = (method: string) => [
    ...new Set(app.routes.filter((r) => r.method === method).map((r) => concretePath(r.path, cast))),
  ];
  const concrete = (p: string) => !p.includes("*") && !p.includes("{");
  writeRoutes = paths("POST").filter(concrete);
  readRoutes = [
    ...new Set([
      ...paths("GET")
        .filter(concrete)
        .map((p) => p.replace(/\/:[a-z]+\??/gi, "/x")),
      ...(await publicPages(t.deps)),
      "/.well-known/chatonsinfos/federation.properties",
      "/api/stats/organizations.csv",
      "/assets/app.js",
    ]),
  ];
  admin = t.client();
  await admin.login(cast.emails.platformAdmin, cast.password);
  adminToken = csrfFrom((await admin.get("/fr/account")).text, "/fr/logout") ?? "";
}, 180_000);
afterAll(async () => {
  await t.stop();
});

/** One request on a raw socket: any bytes at all, as an attacker would send them. */
function raw(request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(t.platform.deps.config.port, "127.0.0.1");
    let answer = "";
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(request.slice(0, 80))}`));
    });
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer ? Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0) : 0));
    // Not end(): a half-closed socket makes Node drop the request without answering.
    socket.write(request, "latin1");
  });
}

const BODIES: [string, string, string][] = [
  ["multipart without boundary", "multipart/form-data", "_csrf=x&a=1"],
  [
    "multipart cut short",
    "multipart/form-data; boundary=XyZ",
    '--XyZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc',
  ],
  ["multipart garbage", "multipart/form-data; boundary=XyZ", "\u0000\u00ff--XyZ--garbage--\r\n\r\n"],
  ["multipart empty boundary", "multipart/form-data; boundary=", "--\r\n\r\n--"],
  ["form with bad percent-encoding", "application/x-www-form-urlencoded", "_csrf=%ff&name=%E0%A4%A&email=%"],
  ["form with unknown charset", "application/x-www-form-urlencoded; charset=klingon", "a=1"],
];

describe("malformed requests over every route", () => {
  it("finds the routes", () => {
    expect(writeRoutes.length).toBeGreaterThan(40);
    expect(readRoutes.length).toBeGreaterThan(60);
  });

  it("says clearly what was wrong, in a page or in JSON with a code", async () => {
    const client = t.client();
    const form = await client.request("POST", "/fr/login", {
      body: "_csrf=x",
      headers: { "content-type": "multipart/form-data" },
    });
    expect(form.status).toBe(400);
    expect(form.text).toContain("Le formulaire est arrivé incomplet ou mal formé");
    const path = await client.get("/.well-known/chatonsinfos/%ff");
    expect(path.status).toBe(400);
    expect(path.text).toContain("caractères mal encodés");
    const json = await client.get("/assets/%ff", { accept: "application/json" });
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text)).toMatchObject({ error: { code: "bad_url" } });
  });

  it("answers malformed bodies on every write route with a 4xx", async () => {
    const failures: string[] = [];
    const anonymous = t.client();
    for (const path of writeRoutes) {
      for (const [name, type, body] of BODIES) {
        for (const [who, client] of [
          ["anonymous", anonymous],
          ["admin", admin],
        ] as const) {
          const res = await client.request("POST", path, { body, headers: { "content-type": type } });
          if (res.status >= 500) failures.push(`${path} ${name} (${who}): ${res.status}`);
        }
      }
      // Past the CSRF check, with a valid token and badly encoded fields.
      const res = await admin.request("POST", path, {
        body: `_csrf=${encodeURIComponent(adminToken)}&name=%ff%fe&email=%E0%A4%A&next=%0A%2F%2Fevil.example&x=%`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      if (res.status >= 500) failures.push(`${path} encoded fields past CSRF: ${res.status}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("answers bad percent-encoding in paths and queries with a 4xx", async () => {
    const failures: string[] = [];
    const client = t.client();
    for (const path of readRoutes) {
      const [whole = "", query = ""] = path.split("?");
      const base = whole === "/" ? "" : whole;
      for (const variant of [
        `${base}/%ff`,
        `${base}%ff`,
        `${base}/%E0%A4%A`,
        `${base}/%`,
        `${base}?${query}&q=%ff&page=%E0%A4%A&m=%&software=%C0%AF`,
        `${base}?%ff=%fe`,
      ]) {
        const res = await client.get(variant).catch((e: unknown) => {
          throw new Error(`${variant}: ${String(e)}`);
        });
        if (res.status >= 500) failures.push(`${variant}: ${res.status}`);
      }
    }
    for (const variant of [
      "/.well-known/chatonsinfos/%ff",
      "/assets/%ff",
      "/entraide/%ff",
      "/%ff",
      "/fr/%ff",
    ]) {
      const res = await client.get(variant);
      if (res.status >= 500) failures.push(`${variant}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("answers abused headers with a 4xx or the page, never a 5xx", async () => {
    const session = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers = [
      "Cookie: chatons_session=%ff%fe; chatons_session=; =; ;;",
      `Cookie: ${session}; chatons_session=\u00ff\u00fe`,
      `Cookie: ${"a=b; ".repeat(500)}`,
      "Accept-Language: *;q=abc, ,,;q=2, xx-YYYYYYYYYYYYYY;q=-1",
      "Accept: application/json",
      "Accept: */*;q=%ff",
      "X-Forwarded-For: , , %ff, ::ffff:999.1.1.1, \u00ff",
      "If-None-Match: \u00ff\u00fe",
      "If-Modified-Since: yesterday",
      "Range: bytes=99999999999999999999-",
      "Origin: null",
      "Sec-Fetch-Site: \u00ff",
      "Content-Type: \u00ff/\u00ff",
      "Content-Length: abc",
      "Content-Length: 0\r\nContent-Length: 7",
      // A chunked body whose chunk size is not hexadecimal.
      "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n",
    ];
    const failures: string[] = [];
    const requests = [...readRoutes, ...writeRoutes].flatMap((path) =>
      headers.map((header) => {
        const method = writeRoutes.includes(path) ? "POST" : "GET";
        return {
          label: `${method} ${path} ${JSON.stringify(header.slice(0, 40))}`,
          text: `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${header}\r\nConnection: close\r\n\r\n`,
        };
      }),
    );
    // A few sockets at a time, as several clients would.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          if (!request) break;
          const status = await raw(request.text);
          if (status >= 500 || status === 0) failures.push(`${request.label}: ${status}`);
        }
      }),
    );
    for (const host of ["Host: \u00ff\u00fe", "Host: [::1", "Host: a b", "Host: "]) {
      const status = await raw(`GET /fr HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`);
      if (status >= 500 || status === 0) failures.push(`${JSON.stringify(host)}: ${status}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
