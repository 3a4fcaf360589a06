import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { refusedAnalysis, type Analysis } from "./analysis.js";

/**
 * Parsing and checking run on worker threads (piscina), never on the web process's event loop:
 * one member's pathological file must not hold up /healthz, pages or the timers of the other
 * fetches of the crawl. A task over its time budget is aborted, which ends its thread, and the
 * file is reported as not read.
 */

/** A real 2 MB file is read in well under a second; ten times the worst seen is the budget. */
export const TIME_BUDGET_MS = 10_000;

let pool: Piscina | undefined;

function workerFile(): { filename: string; execArgv: string[] } {
  // From the sources (tests, `npm run dev`) the worker is TypeScript and needs tsx's loader;
  // the built platform runs the compiled .js next to this file.
  const fromSources = import.meta.url.endsWith(".ts");
  const filename = new URL(`./analysis.worker.${fromSources ? "ts" : "js"}`, import.meta.url).href;
  return { filename, execArgv: fromSources ? ["--import", "tsx"] : [] };
}

function thePool(): Piscina {
  if (!pool) {
    const { filename, execArgv } = workerFile();
    pool = new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      // One core stays with the web process.
      maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
      // Threads end when the crawl is over: an idle platform holds none.
      idleTimeout: 5_000,
    });
  }
  return pool;
}

export async function analyseOffThread(text: string, fresh: boolean): Promise<Analysis> {
  try {
    const result: unknown = await thePool().run(
      { text, fresh },
      { signal: AbortSignal.timeout(TIME_BUDGET_MS) },
    );
    if (isAnalysis(result)) return result;
    throw new Error("the analysis worker answered something else");
  } catch (error) {
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError"))
      // The thread was ended mid-parse: how many lines the file has is not known.
      return refusedAnalysis("time", 0);
    throw error;
  }
}

function isAnalysis(value: unknown): value is Analysis {
  return typeof value === "object" && value !== null && "parsed" in value && "report" in value;
}

/** Ends the worker threads (the runtime's stop, and tests). */
export async function closeAnalysisPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
