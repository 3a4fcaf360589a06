import { readFile } from "node:fs/promises";
import type { Deps } from "../../deps.js";
import type { CliCommand } from "../feature.js";
import { checkChatonsInfos, type CheckReport } from "./chatonsinfos/check.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { createFetcher } from "./crawl/fetch.js";
import { createHostLimiter } from "./crawl/limiter.js";
import { englishSentence } from "./check-text.js";
import type { FetchResult } from "./stats.tables.js";

/**
 * The validator: one file, pasted or at an address, checked exactly as the crawl checks it (same
 * fetch through the outbound module and robots.txt, same reader and checker), nothing stored.
 * Used by the public page /stats/check and by `chatons check`.
 */

export interface Validation {
  url: string | null;
  /** "pasted" for a file given as text. */
  result: FetchResult | "pasted";
  reason: string | null;
  report: CheckReport | null;
}

export const MAX_PASTED = 512 * 1024;

export function validateText(text: string | Uint8Array): Validation {
  return { url: null, result: "pasted", reason: null, report: checkChatonsInfos(parseChatonsInfos(text)) };
}

export async function validateUrl(deps: Deps, url: string): Promise<Validation> {
  const fetcher = createFetcher(deps, createHostLimiter(1, 1));
  const outcome = await fetcher.fetch(url);
  return {
    url,
    result: outcome.result,
    reason: outcome.reason,
    report: outcome.body ? checkChatonsInfos(parseChatonsInfos(outcome.body)) : null,
  };
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/** What `chatons check` prints: one line per problem, then the counts. Exit 1 on any error. */
export function printValidation(v: Validation): number {
  if (!v.report) {
    out(`${v.url ?? ""}: ${v.result}${v.reason ? ` (${v.reason})` : ""}`);
    return 1;
  }
  for (const r of v.report.results) {
    if (r.severity === "ok" || r.severity === "void") continue;
    out(`${r.line === null ? "-" : `line ${r.line}`}: ${r.severity}: ${englishSentence(r)}`);
  }
  const { error, warning, ok } = v.report.counts;
  out(
    `${v.report.fileClass ?? "unknown"} file: ${error} errors, ${warning} warnings, ${ok} valid properties`,
  );
  return error > 0 ? 1 : 0;
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "Check a ChatonsInfos file (a path or an http(s) address) as the crawl does",
  usage: `chatons check <file|URL>

  Reads the file (or fetches the address, through robots.txt and the platform's outbound
  rules), checks every property and prints each problem with its line. Exit code 1 when the file
  has errors or cannot be read, 0 otherwise: members can run it in their CI before publishing.`,
  async run(deps, args) {
    const target = args.find((a) => !a.startsWith("-"));
    if (!target || args.includes("--help") || args.includes("-h")) {
      out(this.usage);
      return target ? 0 : 2;
    }
    if (/^https?:\/\//i.test(target)) return printValidation(await validateUrl(deps, target));
    try {
      return printValidation(validateText(await readFile(target)));
    } catch (error) {
      process.stderr.write(
        `cannot read ${target}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 1;
    }
  },
};
