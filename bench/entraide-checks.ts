/**
 * Health checks of 10,000 portal instances: one full round of the probe job for the portal
 * (status, time, content marker, observation store, then the hysteresis) against fake instances
 * served on loopback by another process, on the embedded SQLite default.
 *
 *   npx tsx bench/entraide-checks.ts [--instances 10000] [--concurrency 8] [--ports 50]
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createServer } from "node:http";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/server.js";
import { makeMember } from "../tests/helpers/factories.js";
import { instanceRow, softwareId } from "../tests/helpers/entraide.js";
import { entraideProbes } from "../src/features/entraide/checks.js";
import { probeJob } from "../src/probe/rounds.js";
import { newId } from "../src/db/ids.js";
import { runJobOnce } from "../src/jobs/scheduler.js";
import { machine } from "./lib/machine.js";
import { wholeDb } from "../src/db/adapter.js";

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "8" },
    ports: { type: "string", default: "50" },
    serve: { type: "string" },
  },
});

// Child mode: serve an Etherpad-looking page on the given ports.
if (values.serve) {
  const page =
    "<!doctype html><html><head><title>Etherpad</title></head><body><div id=editorcontainerbox>etherpad</div></body></html>";
  const ports = values.serve.split(",").map(Number);
  for (const port of ports)
    createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page)).listen(
      port,
      "127.0.0.1",
    );
  process.send?.("ready");
} else {
  const count = Number(values.instances);
  const portCount = Number(values.ports);
  const basePort = 19_000;
  const ports = Array.from({ length: portCount }, (_, i) => basePort + i);
  const server = fork(new URL(import.meta.url).pathname, ["--serve", ports.join(",")], {
    execArgv: ["--import", "tsx"],
  });
  await new Promise((resolve) => server.once("message", resolve));

  const dir = mkdtempSync(join(tmpdir(), "chatons-checks-"));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
    LOG_LEVEL: "warn",
    OUTBOUND_ALLOW_LOOPBACK: "1",
    ENTRAIDE_CHECK_CONCURRENCY: values.concurrency,
    SESSION_SECRET: "x".repeat(40),
  });
  const runtime = await createRuntime(config, { logger: pino({ level: "warn" }) });
  const { db } = runtime.deps;
  const at = new Date().toISOString();
  const { id: memberId } = await makeMember(db, { slug: "bench", name: "Bench" });
  // One directory service per instance: an instance's address and software are its service's.
  const etherpad = await softwareId(db, "etherpad");
  const services = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    member_id: memberId,
    slug: `pad-${i}`,
    name: `Pad ${i}`,
    description_fr: "",
    description_en: "",
    search_text: `pad ${i}`,
    audience: "[]",
    languages: "[]",
    category_id: "pad",
    software_id: etherpad,
    url: `http://127.0.0.1:${ports[i % portCount]}/i${i}/`,
    access: "none" as const,
    registration_load: "open" as const,
    price: "free" as const,
    status: "ok" as const,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < services.length; i += 500)
    await wholeDb(db)
      .insertInto("services")
      .values(services.slice(i, i + 500))
      .execute();
  const rows = services.map((s) => ({
    ...instanceRow({ memberId, url: s.url, health: "up", directoryServiceId: s.id }, at),
    reviewed_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await wholeDb(db)
      .insertInto("entraide_instances")
      .values(rows.slice(i, i + 500))
      .execute();

  // The one probe job, asked only by the portal here (uptime's hourly wish would add nothing).
  const job = probeJob(runtime.deps, [entraideProbes(runtime.deps)]);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runJobOnce(runtime.deps, job, new AbortController().signal);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const up = await wholeDb(db)
    .selectFrom("entraide_instances")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("last_checked_at", "is not", null)
    .executeTakeFirst();
  console.log(`machine: ${machine()}`);
  console.log(`${count} instances on ${portCount} loopback ports, check concurrency ${values.concurrency}`);
  console.log(
    `one full check run: ${seconds.toFixed(1)} s (${Math.round(count / seconds)} checks/s), CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, peak RSS ${Math.round(peak / 2 ** 20)} MiB`,
  );
  console.log(`checked: ${String(up?.n)}; summary: ${summary}`);
  await runtime.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
