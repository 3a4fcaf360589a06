import { lookedFor, type Expectations, type Observation } from "../../probe/probe.js";
import type { Health } from "./entraide.tables.js";
import { SOFTWARE, isKnownSoftware } from "./software.js";

/**
 * The portal's reading of an observation (decision 031): "up" means usable, and the hysteresis
 * that turns verdicts into a state. Pure: the prober (src/probe) observes, these decide.
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

export function isReason(value: string | null): value is Reason {
  return value !== null && (REASONS as readonly string[]).includes(value);
}

export interface Verdict {
  ok: boolean;
  reason: Reason;
}

const fail = (reason: Reason): Verdict => ({ ok: false, reason });

/** What the portal asks of an instance's page: one of its software's markers. */
export function expectationsFor(software: string | null, slowAfterMs: number): Expectations {
  const markers =
    software === null ? [] : isKnownSoftware(software) ? [...SOFTWARE[software].markers] : [software];
  return { markers, withinMs: slowAfterMs };
}

/**
 * "Up" means usable (Farside closed because up was not usable): the right status, in time, and
 * a page that is the software, not a parking, challenge, login or error page. An observation that
 * did not look for the software's markers cannot say; nor can an instance without a software.
 */
export function judge(obs: Observation, software: string | null, slowAfterMs: number): Verdict {
  if (obs.error !== null) return fail(obs.error);
  if (obs.challenged) return fail("bot-challenge");
  const status = obs.status ?? 0;
  if (status === 401 || status === 403 || status === 407) return fail("login-wall");
  if (status >= 500) return fail("http-error");
  if (status < 200 || status >= 300) return fail("http-status");
  if (obs.elapsedMs > slowAfterMs) return fail("slow");
  if (software === null) return fail("content-mismatch");
  if (obs.page === null) return fail("empty");
  if (obs.page === "ok" && !lookedFor(obs, expectationsFor(software, slowAfterMs)))
    return fail("content-mismatch");
  return obs.page === "ok" ? { ok: true, reason: "ok" } : fail(obs.page);
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
