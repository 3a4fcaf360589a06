import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../helpers/platform.js";
import { makePerson } from "../helpers/factories.js";
import { createApp } from "../../src/app.js";
import { features } from "../../src/features/index.js";

/**
 * Every route that writes, found from the application's own routing table (so a route added
 * tomorrow is covered too), refuses a request without a CSRF token, with a forged token, or coming
 * from another site — even for a platform administrator with a valid session.
 */
let t: TestPlatform;
let writeRoutes: string[] = [];
beforeAll(async () => {
  t = await startTestPlatform();
  const app = createApp(t.deps, features);
  writeRoutes = [
    ...new Set(
      app.routes
        .filter(
          (r) => r.method === "POST" || r.method === "PUT" || r.method === "PATCH" || r.method === "DELETE",
        )
        .map((r) => `${r.method} ${r.path.replace(/:([a-z]+)\??/gi, "x").replace(/\{[^}]*\}/g, "")}`),
    ),
  ];
});
afterAll(async () => {
  await t.stop();
});

describe("CSRF on every write route", () => {
  it("finds the write routes", () => {
    expect(writeRoutes.length).toBeGreaterThan(20);
  });

  it("refuses missing, forged and cross-site tokens", async () => {
    const admin = await makePerson(t.deps.db, { admin: true });
    const client = t.client();
    await client.login(admin.email, admin.password);
    const accepted: string[] = [];
    for (const route of writeRoutes) {
      const [method = "POST", path = "/"] = route.split(" ");
      const missing = await client.request(method, path, {
        body: new URLSearchParams({ a: "1" }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      const forged = await client.request(method, path, {
        body: new URLSearchParams({ _csrf: "forged-token" }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      const crossSite = await client.request(method, path, {
        body: new URLSearchParams({ _csrf: "forged-token" }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
        },
      });
      const json = await client.request(method, path, {
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      for (const [kind, res] of [
        ["missing", missing],
        ["forged", forged],
        ["cross-site", crossSite],
        ["json", json],
      ] as const) {
        if (res.status !== 403) accepted.push(`${route} (${kind}) → ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
