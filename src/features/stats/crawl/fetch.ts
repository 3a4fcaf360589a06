import type { Deps } from "../../../deps.js";
import { OutboundError, type OutboundErrorCode } from "../../../http/outbound.js";
import type { FetchResult } from "../stats.tables.js";
import { generateLocal, localPathOf } from "../generated.js";
import type { HostLimiter } from "./limiter.js";
import { isAllowed } from "./robots.js";
import { loadRobots, type RobotsAnswer } from "./robots-cache.js";

/**
 * Fetching one ChatonsInfos file: the platform's own generated files are read in-process; any
 * other URL goes through deps.outbound (timeouts, size cap, redirect cap, private addresses
 * refused) after robots.txt allows it, with a conditional request when we have a validator.
 * Every failure comes back as a result code and a reason, never as an exception.
 */

export interface FetchPrior {
  etag: string | null;
  last_modified: string | null;
}

export interface FetchOutcome {
  url: string;
  result: FetchResult;
  httpStatus: number | null;
  reason: string | null;
  body: Uint8Array | undefined;
  etag: string | null;
  lastModified: string | null;
}

/** ChatonsInfos files are small; a metrics file with years of daily lists stays well under this. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The same URL with /.well-known/ written /.well_known/, or undefined when it has none. */
export function wellKnownTwin(url: string): string | undefined {
  const i = url.indexOf("/.well-known/");
  return i < 0 ? undefined : `${url.slice(0, i)}/.well_known/${url.slice(i + "/.well-known/".length)}`;
}

export interface Fetcher {
  fetch(url: string, prior?: FetchPrior): Promise<FetchOutcome>;
}

const OUTBOUND_RESULT: Record<OutboundErrorCode, FetchResult> = {
  "bad-url": "bad-url",
  "blocked-address": "blocked",
  dns: "dns",
  timeout: "timeout",
  "too-large": "too-large",
  "too-many-redirects": "too-many-redirects",
  "redirect-off-site": "too-many-redirects",
  tls: "tls",
  network: "network",
};

const failure = (url: string, result: FetchResult, reason: string, httpStatus: number | null = null) => ({
  url,
  result,
  httpStatus,
  reason: reason.slice(0, 500),
  body: undefined,
  etag: null,
  lastModified: null,
});

function looksLikeHtml(body: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(body.subarray(0, 512)).trimStart().toLowerCase();
  return (
    head.startsWith("<!doctype") ||
    head.startsWith("<html") ||
    head.startsWith("<head") ||
    head.startsWith("<body")
  );
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

export function createFetcher(deps: Deps, limiter: HostLimiter, signal?: AbortSignal): Fetcher {
  const robots = new Map<string, Promise<RobotsAnswer>>();
  const robotsFor = (origin: string) => {
    let entry = robots.get(origin);
    if (!entry) {
      entry = loadRobots(deps, origin, limiter, signal);
      robots.set(origin, entry);
    }
    return entry;
  };

  async function fetchLocal(url: string): Promise<FetchOutcome | undefined> {
    const path = localPathOf(deps.config, url);
    if (!path) return undefined;
    const text = await generateLocal(deps.db, deps.config, path, deps.now());
    if (text === null) return failure(url, "http-error", "HTTP 404 (no such member or service)", 404);
    return {
      url,
      result: "generated",
      httpStatus: 200,
      reason: null,
      body: new TextEncoder().encode(text),
      etag: null,
      lastModified: null,
    };
  }

  async function fetchRemote(url: string, prior: FetchPrior | undefined): Promise<FetchOutcome> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return failure(url, "bad-url", "not a valid absolute URL");
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      return failure(url, "bad-url", `scheme ${parsed.protocol} is not allowed`);
    const robotsAnswer = await robotsFor(parsed.origin);
    if ("unreachable" in robotsAnswer)
      return failure(url, robotsAnswer.unreachable.result, robotsAnswer.unreachable.reason);
    if (!isAllowed(robotsAnswer.rules, parsed.pathname + parsed.search))
      return failure(url, "robots", "robots.txt disallows this path for our crawler");
    const headers: Record<string, string> = { accept: "text/plain, */*;q=0.5" };
    if (prior?.etag) headers["if-none-match"] = prior.etag;
    if (prior?.last_modified) headers["if-modified-since"] = prior.last_modified;
    try {
      const res = await limiter.run(parsed.host, () =>
        deps.outbound.fetch({ url, headers, maxBytes: MAX_FILE_BYTES, ...(signal ? { signal } : {}) }),
      );
      const etag = res.headers["etag"] ?? null;
      const lastModified = res.headers["last-modified"] ?? null;
      if (res.status === 304)
        return {
          url,
          result: "not-modified",
          httpStatus: 304,
          reason: null,
          body: undefined,
          etag,
          lastModified,
        };
      if (res.status !== 200) return failure(url, "http-error", `HTTP ${res.status}`, res.status);
      const type = (res.headers["content-type"] ?? "").toLowerCase();
      if (type.includes("html") || looksLikeHtml(res.body))
        return failure(
          url,
          "html",
          `an HTML page was served (${type || "no content type"}), not a properties file`,
          200,
        );
      if (res.body.length === 0) return failure(url, "empty", "the file is empty", 200);
      return { url, result: "ok", httpStatus: 200, reason: null, body: res.body, etag, lastModified };
    } catch (error) {
      if (error instanceof OutboundError) return failure(url, OUTBOUND_RESULT[error.code], error.message);
      return failure(url, "network", error instanceof Error ? error.message : String(error));
    }
  }

  return {
    async fetch(url, prior) {
      const local = await fetchLocal(url);
      if (local) return local;
      const outcome = await fetchRemote(url, prior);
      // Some members publish under /.well_known/ (underscore): tried once when the dash gives 404.
      const other = wellKnownTwin(url);
      if (outcome.result !== "http-error" || outcome.httpStatus !== 404 || !other) return outcome;
      const twin = await fetchRemote(other, prior);
      return twin.result === "ok" || twin.result === "not-modified" ? { ...twin, url } : outcome;
    },
  };
}
