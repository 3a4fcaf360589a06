import { loadavg } from "node:os";
import { wrk, unexpected, type WrkOptions, type WrkResult } from "./wrk.js";

/**
 * A/B against a baseline on the same machine, interleaved: chatons, nginx, chatons, nginx… so that
 * a burst of load from other programs falls on both sides instead of flattering one. Each round
 * gives one ratio (chatons ÷ nginx); we print min/median/max of the rounds and the load average
 * (1 min) before and after every run, since the machine is shared.
 */
export interface Side {
  /** Origin (e.g. http://127.0.0.1:18700) and the path(s) asked; several paths rotate per request. */
  origin: string;
  paths: string[];
  expectStatus?: number;
}

export interface Run {
  result: WrkResult;
  loadBefore: number;
  loadAfter: number;
  wrong: number;
}

export interface AbResult {
  label: string;
  ours: Run[];
  theirs: Run[];
  ratios: number[];
}

const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

async function once(side: Side, options: WrkOptions): Promise<Run> {
  const loadBefore = load1();
  const single = side.paths.length === 1;
  const result = await wrk(single ? `${side.origin}${side.paths[0] ?? "/"}` : side.origin, {
    ...options,
    ...(single ? {} : { paths: side.paths }),
  });
  return {
    result,
    loadBefore,
    loadAfter: load1(),
    wrong: unexpected(result, side.expectStatus) + result.errors,
  };
}

export async function abCompare(
  label: string,
  ours: Side,
  theirs: Side,
  options: WrkOptions & { rounds?: number; pauseMs?: number },
): Promise<AbResult> {
  const out: AbResult = { label, ours: [], theirs: [], ratios: [] };
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const a = await once(ours, options);
    await pause(options.pauseMs);
    const b = await once(theirs, options);
    await pause(options.pauseMs);
    out.ours.push(a);
    out.theirs.push(b);
    out.ratios.push(a.result.requestsPerSecond / Math.max(1, b.result.requestsPerSecond));
  }
  return out;
}

const pause = (ms = 1_000) => new Promise((r) => setTimeout(r, ms));

export function summary(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted[sorted.length - 1] ?? 0 };
}

const f2 = (n: number) => n.toFixed(2);

/** Markdown: one line per run, then the ratio's min/median/max. */
export function printAb(r: AbResult): void {
  console.log(`\n### ${r.label}\n`);
  console.log(
    "| round | side | req/s | p50 ms | p99 ms | max ms | errors or unexpected | load 1 min before → after |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  r.ours.forEach((a, i) => {
    const b = r.theirs[i];
    for (const [side, run] of [
      ["chatons", a],
      ["nginx", b],
    ] as const) {
      if (!run) continue;
      const x = run.result;
      console.log(
        `| ${i + 1} | ${side} | ${x.requestsPerSecond} | ${x.p50} | ${x.p99} | ${x.max} | ${run.wrong} | ${f2(run.loadBefore)} → ${f2(run.loadAfter)} |`,
      );
    }
  });
  const s = summary(r.ratios);
  console.log(
    `\nratio chatons ÷ nginx: min ${f2(s.min)}, median ${f2(s.median)}, max ${f2(s.max)} (rounds: ${r.ratios.map(f2).join(", ")})`,
  );
}
