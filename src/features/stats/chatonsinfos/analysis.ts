import { parseChatonsInfos, type ParsedFile } from "./parse.js";
import { checkChatonsInfos, type CheckReport } from "./check.js";
import { extractSeries, type Series } from "../metrics.js";

/**
 * Everything the crawl learns from a file's text, in one pure step, so that it can run on a
 * worker thread (pool.ts) and never on the web process's event loop.
 */
export interface Analysis {
  parsed: ParsedFile;
  report: CheckReport;
  /** Only for a file fetched in this run: a re-read of stored bytes has its series stored. */
  series: Series[] | undefined;
}

/**
 * Real files carry tens to a few thousand keys (a metrics file with daily values for several
 * years). Past this, a file is refused before it is checked: it would only cost time and memory.
 */
export const MAX_KEYS = 20_000;

export function emptyFile(lineCount: number): ParsedFile {
  return {
    encoding: "utf-8",
    properties: [],
    values: new Map(),
    diagnostics: [],
    lineCount,
    looksLikeHtml: false,
  };
}

/** The report of a file the platform does not read: too many keys, or over its time budget. */
export function refusedAnalysis(detail: "keys" | "time", lineCount: number): Analysis {
  return {
    parsed: emptyFile(lineCount),
    report: {
      fileClass: null,
      results: [
        {
          severity: "error",
          key: "",
          line: null,
          code: "too-costly",
          detail,
          hint: String(MAX_KEYS),
        },
      ],
      counts: { error: 1, warning: 0, void: 0, ok: 0 },
    },
    series: undefined,
  };
}

export function analyseText(text: string, fresh: boolean): Analysis {
  const parsed = parseChatonsInfos(text);
  if (parsed.properties.length > MAX_KEYS) return refusedAnalysis("keys", parsed.lineCount);
  return { parsed, report: checkChatonsInfos(parsed), series: fresh ? extractSeries(parsed) : undefined };
}
