/**
 * The ceiling of one Node process on this machine: a bare `node:http` server (no framework, no
 * routing, one precomputed answer with the platform's own bytes and headers) against nginx, A/B interleaved with wrk like bench/pages.ts,
 * for the cached home page's bytes and for a 303. No platform answer can beat these ratios, so they
 * say how much of a target one Node process can reach at all here.
 *
 *   npm run build && npx tsx bench/node-ceiling.ts [--connections 50] [--duration 10] [--rounds 3]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { abCompare, printAb } from "./lib/ab.js";
import { machine } from "./lib/machine.js";
import { startNginx } from "./lib/nginx.js";
import { startBenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});
const options = {
  connections: Number(values.connections),
  durationSeconds: Number(values.duration),
  rounds: Number(values.rounds),
};
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

// The real home page and 303, bytes and headers, so that the bare server writes what the platform
// writes (Date and the connection headers aside, which Node adds itself).
const platform = await startBenchPlatform({ port: 18710, sitesPort: 18711, settleMs: 1_000 });
const homeRes = await fetch(`${platform.url}/fr`);
const home = await homeRes.text();
const redirectRes = await fetch(`${platform.url}/entraide/pad?direct=1`, { redirect: "manual" });
await platform.stop();
const skip = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
const flat = (h: Headers) => [...h].filter(([n]) => !skip.has(n)).flat();
const pageHeaders = flat(homeRes.headers);
const redirectHeaders = flat(redirectRes.headers);
console.log(`machine: ${machine()}; load average ${loads()}`);
console.log(`wrk: 2 threads, ${options.connections} connections, ${options.durationSeconds} s per run\n`);
console.log(
  `home: ${pageHeaders.length / 2} headers; 303 (status ${redirectRes.status}): ${redirectHeaders.length / 2} headers\n`,
);

// The bare server: the page, or the 303, from one precomputed header list, as the front paths do.
const server = `
const http = require("node:http");
const page = Buffer.from(process.env.PAGE);
const pageHeaders = JSON.parse(process.env.PAGE_HEADERS);
const redirect = JSON.parse(process.env.REDIRECT_HEADERS);
const cluster = require("node:cluster");
const workers = Number(process.env.WORKERS || 1);
if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++)
    cluster.fork().on("message", () => { if (++ready === workers) console.log("ready"); });
} else {
  http.createServer((req, res) => {
    if (req.url.startsWith("/entraide/")) { res.writeHead(303, redirect); res.end(); return; }
    res.writeHead(200, pageHeaders); res.end(page);
  }).listen(Number(process.env.PORT), "127.0.0.1", () => (process.send ? process.send("ready") : console.log("ready")));
}
`;
// A file, not \`node -e\`: node:cluster forks its workers from the primary's script.
const scratch = mkdtempSync(join(tmpdir(), "chatons-ceiling-"));
const script = join(scratch, "bare.cjs");
writeFileSync(script, server);
async function bareServer(port: number, workers: number) {
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? "",
      PAGE: home,
      PAGE_HEADERS: JSON.stringify(pageHeaders),
      REDIRECT_HEADERS: JSON.stringify(redirectHeaders),
      PORT: String(port),
      WORKERS: String(workers),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  return child;
}
const child = await bareServer(18712, 1);
const bare = "http://127.0.0.1:18712";

const page = await startNginx({ port: 18713, files: { "page.html": home } });
printAb(
  await abCompare(
    `bare node:http, home page bytes (${home.length} bytes)`,
    { origin: bare, paths: ["/fr"], expectStatus: 200 },
    { origin: page.url, paths: ["/page.html"], expectStatus: 200 },
    options,
  ),
);
await page.stop();

const redirect = await startNginx({
  port: 18713,
  redirect: { path: "/entraide/pad", location: redirectRes.headers.get("location") ?? "/" },
});
printAb(
  await abCompare(
    "bare node:http, 303",
    { origin: bare, paths: ["/entraide/pad?direct=1"], expectStatus: 303 },
    { origin: redirect.url, paths: ["/entraide/pad?direct=1"], expectStatus: 303 },
    options,
  ),
);

// Two processes sharing the port (node:cluster), for the 303: what more than one process would add
// on this machine, where wrk and nginx need the cores too (decision 073).
const pair = await bareServer(18714, 2);
printAb(
  await abCompare(
    "bare node:http, 303, 2 processes (node:cluster)",
    { origin: "http://127.0.0.1:18714", paths: ["/entraide/pad?direct=1"], expectStatus: 303 },
    { origin: redirect.url, paths: ["/entraide/pad?direct=1"], expectStatus: 303 },
    options,
  ),
);
pair.kill("SIGTERM");
await redirect.stop();
child.kill("SIGTERM");
rmSync(scratch, { recursive: true, force: true });
console.log(`\nload average at the end: ${loads()}`);
