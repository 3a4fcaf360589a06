/**
 * What a file made to hurt costs (issue 16): parse and check time of files of N made-up keys on
 * this thread (the checker must grow linearly), then the same through the worker pool while this
 * thread's event loop is sampled, to show how long the web process would be held up.
 *
 *   npx tsx bench/hostile-file.ts
 */
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseChatonsInfos } from "../src/features/stats/chatonsinfos/parse.js";
import { checkChatonsInfos } from "../src/features/stats/chatonsinfos/check.js";
import { analyseOffThread, closeAnalysisPool } from "../src/features/stats/chatonsinfos/pool.js";

function file(keys: number): string {
  const lines = ["file.class=service", "file.protocol=ChatonsInfos-0.5", "service.name=Hostile"];
  for (let i = 0; i < keys; i++) lines.push(`service.x${i}=${i}`);
  return lines.join("\n");
}

console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log("keys      bytes      parse ms   check ms   check µs/key");
for (const keys of [1_000, 10_000, 100_000, 356_332]) {
  const text = file(keys);
  let t = performance.now();
  const parsed = parseChatonsInfos(text);
  const parseMs = performance.now() - t;
  t = performance.now();
  checkChatonsInfos(parsed);
  const checkMs = performance.now() - t;
  console.log(
    `${String(keys).padEnd(9)} ${String(text.length).padEnd(10)} ${parseMs.toFixed(0).padEnd(10)} ${checkMs
      .toFixed(0)
      .padEnd(10)} ${((checkMs * 1000) / keys).toFixed(1)}`,
  );
}

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const t = performance.now();
const result = await analyseOffThread(file(150_000), true);
const took = performance.now() - t;
delay.disable();
console.log(
  `worker pool, 150,000 keys (about 2 MB): ${took.toFixed(0)} ms, answer ${result.report.results[0]?.code ?? "?"}, ` +
    `this thread's event loop delay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
);
await closeAnalysisPool();
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
