/**
 * CPU time per dispatch, measured in process (no network, no load generator), so that the figure
 * holds on a busy machine where requests/s do not: the whole platform stack answering
 * `GET /entraide/pad?direct=1` against a bare Hono app answering the same 303.
 *
 *   npx tsx bench/entraide-cpu.ts [--requests 50000]
 */
import { parseArgs } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { createApp } from "../src/app.js";
import { features } from "../src/features/index.js";
import { newId } from "../src/db/ids.js";
import { makeService } from "../tests/helpers/factories.js";
import { softwareId } from "../tests/helpers/entraide.js";
import { securityHeaders } from "../src/http/security.js";
import { machine } from "./lib/machine.js";
import { wholeDb } from "../src/db/adapter.js";

const { values } = parseArgs({ options: { requests: { type: "string", default: "50000" } } });
const requests = Number(values.requests);
const dir = mkdtempSync(join(tmpdir(), "chatons-entraide-cpu-"));
const config = loadConfig({
  NODE_ENV: "production",
  DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
  LOG_LEVEL: "warn",
  JOBS: "off",
});
const runtime = await createRuntime(config);
const { db } = runtime.deps;
const at = new Date().toISOString();
for (let i = 0; i < 10; i++) {
  const memberId = newId();
  await wholeDb(db)
    .insertInto("members")
    .values({
      id: memberId,
      slug: `chaton-${i}`,
      name: `Chaton ${i}`,
      type: "association",
      membership: "member",
      status: "active",
      tos_url: `https://chaton-${i}.example.org/cgu`,
      description_fr: "",
      description_en: "",
      social_links: "{}",
      funding_links: "{}",
      chatonsinfos_source_of_truth: 0,
      search_text: `chaton ${i}`,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const url = `https://pad.chaton-${i}.example.org/`;
  const service = await makeService(db, memberId, { url, software_id: await softwareId(db, "etherpad") });
  await wholeDb(db)
    .insertInto("entraide_instances")
    .values({
      id: newId(),
      service_id: "pad",
      member_id: memberId,
      directory_service_id: service.id,
      reviewed_url: url,
      weight: 1 + (i % 10),
      paused: 0,
      failures: 0,
      successes: 1,
      approval: "approved",
      health: "up",
      created_at: at,
      updated_at: at,
    })
    .execute();
}

const platform = createApp(runtime.deps, features);
const bareRedirect = (app: Hono) =>
  app.get("/entraide/:service", (c) => {
    c.header("Cache-Control", "no-store");
    return c.redirect("https://pad.chaton-0.example.org/", 303);
  });
const bare = bareRedirect(new Hono());
// Where the time goes: the security headers alone are a good part of the difference.
const withHeaders = new Hono();
withHeaders.use("*", securityHeaders(false));
bareRedirect(withHeaders);

async function cpuPerRequest(app: { request: (url: string) => Response | Promise<Response> }) {
  const started = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    const res = await app.request("http://127.0.0.1/entraide/pad?direct=1");
    if (res.status !== 303) throw new Error(`status ${res.status}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / requests;
}

console.log(`machine: ${machine()}; ${requests} requests per measure, best of 3\n`);
console.log("| app | CPU µs per request |");
console.log("|---|---|");
for (const [label, app] of [
  ["chatons (every middleware + dispatch)", platform],
  ["bare Hono answering the same 303", bare],
  ["bare Hono + the platform's security headers", withHeaders],
] as const) {
  const runs = [await cpuPerRequest(app), await cpuPerRequest(app), await cpuPerRequest(app)];
  console.log(`| ${label} | ${Math.min(...runs).toFixed(1)} |`);
}
await runtime.close();
rmSync(dir, { recursive: true, force: true });
