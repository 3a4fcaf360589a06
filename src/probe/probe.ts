import type { Deps } from "../deps.js";
import { OutboundError, decodeText, type OutboundErrorCode } from "../http/outbound.js";
import { EXPLAINS_MISSING_MARKER, LOGIN_PATH, NEVER_THE_SERVICE, type Signatures } from "./signatures.js";

/**
 * The one prober (decision 025): fetches an address through deps.outbound and says what came back
 * (status, time, and what the page is), without judging it. Uptime and the entraide portal both
 * read these observations and apply their own rules.
 */

export const PAGE_VERDICTS = [
  "ok",
  "empty",
  "bot-challenge",
  "parked",
  "login-wall",
  "error-page",
  "content-mismatch",
] as const;
/** What a 2xx page is: the expected software ("ok"), or what stands in its place. */
export type PageVerdict = (typeof PAGE_VERDICTS)[number];

export function isPageVerdict(value: string | null): value is PageVerdict {
  return value !== null && (PAGE_VERDICTS as readonly string[]).includes(value);
}

/** What a working answer looks like, as the feature that asks for the observation sees it. */
export interface Expectations {
  /** Any one of these (case-insensitive, in the HTML source) shows the page is the expected software. */
  markers?: readonly string[];
  /** An answer slower than this is not usable. */
  withinMs?: number;
}

export interface Observation {
  /** The address observed, normalised (see normalizeUrl). */
  url: string;
  observedAt: string;
  elapsedMs: number;
  /** The final HTTP status; null when no answer could be read. */
  status: number | null;
  /** Why no answer could be read. */
  error: OutboundErrorCode | null;
  /** The address that answered, after same-site redirects. */
  finalUrl: string | null;
  /** A bot-challenge header (cf-mitigated: challenge) came with the answer, whatever its status. */
  challenged: boolean;
  /** What a 2xx page read whole is; null otherwise. */
  page: PageVerdict | null;
  /** The markers the page was looked at for (sorted). */
  markers: string[];
  withinMs: number | null;
}

/** An answer as the outbound module gives it, or the reason none came. */
export type Answer =
  | { status: number; headers: Record<string, string>; body: string; finalUrl: string; elapsedMs: number }
  | { error: OutboundErrorCode; elapsedMs: number };

/** Page sizes: a software check reads the whole page; "does it answer" needs only the start. */
const PAGE_BYTES = 1_048_576;
const ANSWER_BYTES = 64 * 1024;

/** One spelling per address, so that two features asking for the same page share its observations. */
export function normalizeUrl(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}

export function markersOf(expectations: Expectations): string[] {
  return [
    ...new Set((expectations.markers ?? []).map((m) => m.toLowerCase()).filter((m) => m !== "")),
  ].sort();
}

function firstMatch<R extends string>(page: string, families: readonly Signatures<R>[]): R | undefined {
  return families.find((f) => f.signatures.some((s) => page.includes(s.toLowerCase())))?.reason;
}

/**
 * What a page is. Bot-challenge and parking signatures come first (such pages often repeat the
 * site's name), then a sign-in path (an SSO redirect), then the markers; without any marker the
 * page is a login wall or an error page when recognisable. With no marker asked for, a page that
 * is none of those is "ok".
 */
export function readPage(body: string, finalUrl: string, markers: readonly string[]): PageVerdict {
  const page = body.toLowerCase();
  if (page.trim() === "") return "empty";
  const never = firstMatch(page, NEVER_THE_SERVICE);
  if (never) return never;
  if (LOGIN_PATH.test(pathOf(finalUrl))) return "login-wall";
  if (markers.length > 0 && markers.some((m) => page.includes(m))) return "ok";
  return firstMatch(page, EXPLAINS_MISSING_MARKER) ?? (markers.length > 0 ? "content-mismatch" : "ok");
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

/** Turns an answer into an observation (pure: the tests build observations with it). */
export function observe(
  url: string,
  answer: Answer,
  expectations: Expectations,
  observedAt: string,
): Observation {
  const markers = markersOf(expectations);
  const base = {
    url: normalizeUrl(url),
    observedAt,
    elapsedMs: answer.elapsedMs,
    markers,
    withinMs: expectations.withinMs ?? null,
  };
  if ("error" in answer)
    return { ...base, status: null, error: answer.error, finalUrl: null, challenged: false, page: null };
  const ok = answer.status >= 200 && answer.status < 300;
  return {
    ...base,
    status: answer.status,
    error: null,
    finalUrl: answer.finalUrl,
    challenged: answer.headers["cf-mitigated"] === "challenge",
    page: ok ? readPage(answer.body, answer.finalUrl, markers) : null,
  };
}

/** Fetches `url` once and says what came back. Never throws for what a member's server does. */
export async function probe(
  deps: Pick<Deps, "outbound" | "now">,
  url: string,
  expectations: Expectations = {},
  signal?: AbortSignal,
): Promise<Observation> {
  const started = performance.now();
  const at = () => deps.now().toISOString();
  try {
    const res = await deps.outbound.fetch({
      url: normalizeUrl(url),
      // A server that sends visitors to another domain is not the service that was listed.
      redirects: "same-site",
      maxBytes: markersOf(expectations).length > 0 ? PAGE_BYTES : ANSWER_BYTES,
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8" },
      ...(signal ? { signal } : {}),
    });
    const answer = {
      status: res.status,
      headers: res.headers,
      body: decodeText(res.body).text,
      finalUrl: res.url,
      elapsedMs: res.elapsedMs,
    };
    return observe(url, answer, expectations, at());
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    return observe(
      url,
      { error: error.code, elapsedMs: Math.round(performance.now() - started) },
      expectations,
      at(),
    );
  }
}

/**
 * The server answered: a status below 400, a page too large to read, or a redirect elsewhere
 * (all prove a server is there). Uptime counts these.
 */
export function isReachable(o: Pick<Observation, "status" | "error">): boolean {
  if (o.status !== null) return o.status < 400;
  return o.error === "too-large" || o.error === "redirect-off-site";
}

/** A 2xx answer, in time, whose page is the expected software (or any working page when none is asked). */
export function isUsable(o: Observation): boolean {
  return (
    o.error === null && !o.challenged && o.page === "ok" && (o.withinMs === null || o.elapsedMs <= o.withinMs)
  );
}

/** The observation looked for every one of these markers, so a verdict about them can be drawn from it. */
export function lookedFor(o: Pick<Observation, "markers">, expectations: Expectations): boolean {
  return markersOf(expectations).every((m) => o.markers.includes(m));
}
