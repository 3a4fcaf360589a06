/**
 * Whether wrk's latency tail is the server's: a bare `node:http` server (its own process) that
 * answers in first-in, first-out order and spends `--work` ms of CPU per request, so that its
 * slowest answer is known (the line's length times the work), measures every request from its
 * arrival to its last byte and reports the slowest; wrk loads it with 2 threads and with 8, and a
 * Node client with one keep-alive socket per connection (its own process too) measures each
 * request from its side. See docs/PERFORMANCE.md, "The slowest request".
 *
 *   npx tsx bench/generator-tail.ts [--connections 200] [--duration 15] [--work 3]
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { machine } from "./lib/machine.js";
import { wrk } from "./lib/wrk.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "15" },
    work: { type: "string", default: "3" },
  },
});
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const server = `
const http = require("node:http");
const body = Buffer.alloc(20000, 97);
const line = []; let scheduled = false; let slowest = 0;
function turn() {
  scheduled = false;
  const item = line.shift(); if (!item) return;
  const [res, since] = item;
  const t = performance.now(); while (performance.now() - t < ${Number(values.work)}) {}
  res.writeHead(200, { "content-type": "text/html", "content-length": body.length });
  res.end(body);
  slowest = Math.max(slowest, performance.now() - since);
  if (line.length && !scheduled) { scheduled = true; setImmediate(turn); }
}
http.createServer((req, res) => {
  if (req.url === "/slowest") { res.end(String(slowest)); slowest = 0; return; }
  line.push([res, performance.now()]);
  if (!scheduled) { scheduled = true; setImmediate(turn); }
}).listen(18730, "127.0.0.1", () => console.log("ready"));
`;
const client = `
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true, maxSockets: ${connections} });
const ms = []; const end = performance.now() + ${durationSeconds * 1000};
const one = () => new Promise((resolve) => {
  const t = performance.now();
  http.get({ host: "127.0.0.1", port: 18730, path: "/", agent }, (res) => {
    res.resume(); res.on("end", () => { ms.push(performance.now() - t); resolve(); });
  });
});
const loop = async () => { while (performance.now() < end) await one(); };
Promise.all(Array.from({ length: ${connections} }, loop)).then(() => {
  ms.sort((a, b) => a - b);
  console.log(JSON.stringify({ requests: ms.length, p99: ms[Math.floor(ms.length * 0.99)], max: ms[ms.length - 1] }));
  agent.destroy();
});
`;
const child = spawn(process.execPath, ["-e", server], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
const origin = "http://127.0.0.1:18730";
const slowest = async () => Number(await (await fetch(`${origin}/slowest`)).text());
await slowest();

console.log(`machine: ${machine()}; load average ${loads()}`);
console.log(
  `bare node:http, first-in first-out, ${values.work} ms of CPU per request; ${connections} connections, ${durationSeconds} s each\n`,
);
console.log(
  "| generator | requests | p99 ms (its view) | max ms (its view) | server's slowest ms | load 1 min |",
);
console.log("|---|---|---|---|---|---|");
for (const threads of [2, 8]) {
  const r = await wrk(origin, { connections, durationSeconds, threads, timeoutSeconds: 10 });
  console.log(
    `| wrk, ${threads} threads | ${r.requests} | ${r.p99} | ${r.max} | ${(await slowest()).toFixed(1)} | ${loads()} |`,
  );
}
const node = spawn(process.execPath, ["-e", client], { stdio: ["ignore", "pipe", "inherit"] });
let out = "";
node.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
await new Promise((resolve) => node.once("exit", resolve));
const parsed: unknown = JSON.parse(out);
if (
  typeof parsed === "object" &&
  parsed !== null &&
  "requests" in parsed &&
  "p99" in parsed &&
  "max" in parsed
) {
  const { requests, p99, max } = parsed;
  console.log(
    `| node:http client, ${connections} keep-alive sockets | ${String(requests)} | ${Number(p99).toFixed(1)} | ${Number(max).toFixed(1)} | ${(await slowest()).toFixed(1)} | ${loads()} |`,
  );
}
child.kill("SIGTERM");
