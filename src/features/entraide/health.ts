import type { OutboundErrorCode } from "../../http/outbound.js";
import type { Health } from "./entraide.tables.js";
import {
  EXPLAINS_MISSING_MARKER,
  LOGIN_PATH,
  NEVER_THE_SERVICE,
  SOFTWARE,
  isKnownSoftware,
} from "./software.js";

/**
 * The health verdict of one check and the hysteresis that turns verdicts into a state. Pure: the
 * check job (checks.ts) fetches, these decide.
 */

export const REASONS = [
  "ok",
  "slow",
  "http-error",
  "http-status",
  "login-wall",
  "bot-challenge",
  "parked",
  "error-page",
  "content-mismatch",
  "empty",
  "timeout",
  "tls",
  "dns",
  "network",
  "blocked-address",
  "redirect-off-site",
  "too-many-redirects",
  "too-large",
  "bad-url",
] as const;
export type Reason = (typeof REASONS)[number];

export function isReason(value: string): value is Reason {
  return (REASONS as readonly string[]).includes(value);
}

/** What a check saw: an answer, or the reason none came. */
export type Observation =
  | {
      kind: "response";
      status: number;
      /** The URL that answered, after same-site redirects. */
      finalUrl: string;
      body: string;
      headers: Record<string, string>;
      elapsedMs: number;
    }
  | { kind: "error"; code: OutboundErrorCode; elapsedMs: number };

export interface Verdict {
  ok: boolean;
  reason: Reason;
}

const fail = (reason: Reason): Verdict => ({ ok: false, reason });

function firstMatch<R extends string>(
  page: string,
  families: readonly { reason: R; signatures: readonly string[] }[],
): R | undefined {
  return families.find((f) => f.signatures.some((s) => page.includes(s.toLowerCase())))?.reason;
}

/**
 * "Up" means usable (Farside closed because up was not usable): the right status, in time, and
 * a page that is the software, not a parking, challenge, login or error page.
 */
export function judge(obs: Observation, software: string, slowAfterMs: number): Verdict {
  if (obs.kind === "error") return fail(obs.code);
  if (obs.headers["cf-mitigated"] === "challenge") return fail("bot-challenge");
  if (obs.status === 401 || obs.status === 403 || obs.status === 407) return fail("login-wall");
  if (obs.status >= 500) return fail("http-error");
  if (obs.status < 200 || obs.status >= 300) return fail("http-status");
  if (obs.elapsedMs > slowAfterMs) return fail("slow");
  const page = obs.body.toLowerCase();
  if (page.trim() === "") return fail("empty");
  const never = firstMatch(page, NEVER_THE_SERVICE);
  if (never) return fail(never);
  if (LOGIN_PATH.test(new URL(obs.finalUrl).pathname)) return fail("login-wall");
  const markers = isKnownSoftware(software) ? SOFTWARE[software].markers : [software];
  if (markers.some((m) => page.includes(m.toLowerCase()))) return { ok: true, reason: "ok" };
  return fail(firstMatch(page, EXPLAINS_MISSING_MARKER) ?? "content-mismatch");
}

export interface HealthState {
  health: Health;
  failures: number;
  successes: number;
}

export interface Hysteresis {
  failuresToDown: number;
  successesToUp: number;
}

/**
 * N failures in a row take an instance down, M successes bring it back, so one lost packet does
 * not move visitors and one lucky answer does not send them to a flapping server. An instance
 * never seen healthy ("unknown") gets no visitors either way: its first success makes it up and
 * its first failure makes it down, so a newly approved instance goes live at once and its
 * structure hears at once when it does not work.
 */
export function nextHealth(state: HealthState, ok: boolean, rule: Hysteresis): HealthState {
  const failures = ok ? 0 : state.failures + 1;
  const successes = ok ? state.successes + 1 : 0;
  let health = state.health;
  if (state.health === "unknown") health = ok ? "up" : "down";
  else if (state.health === "up" && failures >= rule.failuresToDown) health = "down";
  else if (state.health === "down" && successes >= rule.successesToUp) health = "up";
  return { health, failures, successes };
}
