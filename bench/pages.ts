/**
 * Read-heavy public pages under load, each against nginx serving the very same HTML as a static
 * file in the same run: home, the service finder, a member page, the stats overview.
 *
 *   npm run build && npx tsx bench/pages.ts [--connections 50] [--duration 10]
 */
import { parseArgs } from "node:util";
import { load } from "./lib/autocannon.js";
import { machine } from "./lib/machine.js";
import { nginxAvailable, startNginx } from "./lib/nginx.js";
import { startBenchPlatform } from "./lib/platform.js";

const { values } = parseArgs({
  options: { connections: { type: "string", default: "50" }, duration: { type: "string", default: "10" } },
});
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);

const platform = await startBenchPlatform({ port: 18700, sitesPort: 18701 });
const directory = await (await fetch(`${platform.url}/fr/members`)).text();
const firstSlug = /href="\/fr\/members\/([a-z0-9-]+)"/.exec(directory)?.[1] ?? "";
const pages: [string, string][] = [
  ["home", "/fr"],
  ["finder", "/fr/services?category=pad"],
  ["member page", `/fr/members/${firstSlug}`],
  ["stats overview", "/fr/stats"],
];

console.log(`machine: ${machine()}`);
console.log(`autocannon: ${connections} connections, ${durationSeconds} s per target\n`);
console.log("| page | chatons req/s | p99 ms | nginx static req/s | nginx p99 ms | ratio |");
console.log("|---|---|---|---|---|---|");
for (const [label, path] of pages) {
  const res = await fetch(`${platform.url}${path}`);
  if (res.status !== 200) {
    console.log(`| ${label} | (status ${res.status}, skipped) | | | | |`);
    continue;
  }
  const html = await res.text();
  const ours = await load(`${platform.url}${path}`, { connections, durationSeconds });
  let baseline = "| n/a | n/a | n/a |";
  if (nginxAvailable()) {
    const nginx = await startNginx({ port: 18702, files: { "page.html": html } });
    const theirs = await load(`${nginx.url}/page.html`, { connections, durationSeconds });
    await nginx.stop();
    baseline = `| ${theirs.requestsPerSecond} | ${theirs.p99} | ${(ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2)} |`;
  }
  console.log(
    `| ${label} (${path}) | ${ours.requestsPerSecond} | ${ours.p99} ${ours.errors || ours.non2xx ? `(errors ${ours.errors}, non-2xx ${ours.non2xx})` : ""} ${baseline}`,
  );
}
await platform.stop();
