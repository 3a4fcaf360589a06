import { PHASES, type Phase } from "../applications.tables.js";

/**
 * Rounds ("portées") and their phases, as pure functions of dates. A round's phase on a given day
 * follows from its four dates; the stored phase lags behind until the scheduler (or an admin)
 * advances it, one step at a time, so that every step's side effects happen and are logged.
 */

export interface RoundDates {
  opensAt: string;
  reviewAt: string;
  voteAt: string;
  closesAt: string;
}

export function phaseAt(dates: RoundDates, now: Date): Phase {
  const t = now.toISOString();
  if (t < dates.opensAt) return "upcoming";
  if (t < dates.reviewAt) return "open";
  if (t < dates.voteAt) return "review";
  if (t < dates.closesAt) return "vote";
  return "decided";
}

const phaseIndex = (phase: Phase): number => PHASES.indexOf(phase);

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

/** The phases to go through, in order, to bring a round from `stored` to `target`. */
export function stepsBetween(stored: Phase, target: Phase): Phase[] {
  return PHASES.slice(phaseIndex(stored) + 1, phaseIndex(target) + 1);
}

/** Which date field a phase starts at. */
const PHASE_START: Record<Exclude<Phase, "upcoming">, keyof RoundDates> = {
  open: "opensAt",
  review: "reviewAt",
  vote: "voteAt",
  decided: "closesAt",
};

export function datesInOrder(d: RoundDates): boolean {
  return d.opensAt < d.reviewAt && d.reviewAt < d.voteAt && d.voteAt < d.closesAt;
}

/**
 * When an admin advances a round early, the new phase starts now: its date moves to now, and any
 * later date that would fall before it moves with it, so the dates stay in order.
 */
export function advanceDates(d: RoundDates, to: Phase, now: Date): RoundDates {
  if (to === "upcoming") return d;
  const at = now.toISOString();
  const out = { ...d, [PHASE_START[to]]: at };
  const order: (keyof RoundDates)[] = ["opensAt", "reviewAt", "voteAt", "closesAt"];
  const start = order.indexOf(PHASE_START[to]);
  for (let i = start + 1; i < order.length; i++) {
    const key = order[i];
    const prev = order[i - 1];
    if (key && prev && out[key] <= out[prev])
      out[key] = new Date(Date.parse(out[prev]) + 60_000).toISOString();
  }
  return out;
}

/**
 * The collective presents two application periods a year; by default a round is decided at the end
 * of June and in mid-December. Applications open eight weeks before, review starts four weeks
 * before, the vote runs the last two weeks.
 */
const DEFAULT_DECISION_DAYS: { month: number; day: number }[] = [
  { month: 5, day: 30 },
  { month: 11, day: 15 },
];
const DAY = 86_400_000;

export function defaultRoundDates(closesAt: Date): RoundDates {
  const close = closesAt.getTime();
  return {
    opensAt: new Date(close - 56 * DAY).toISOString(),
    reviewAt: new Date(close - 28 * DAY).toISOString(),
    voteAt: new Date(close - 14 * DAY).toISOString(),
    closesAt: closesAt.toISOString(),
  };
}

/** The first default decision date (18:00 UTC) strictly after `after`. */
export function nextDecisionDate(after: Date): Date {
  for (let year = after.getUTCFullYear(); ; year++) {
    for (const { month, day } of DEFAULT_DECISION_DAYS) {
      const candidate = new Date(Date.UTC(year, month, day, 18, 0, 0));
      if (candidate.getTime() > after.getTime()) return candidate;
    }
  }
}

/** "Portée n°12" → 12; labels that carry no number give 0. */
export function roundNumber(label: string): number {
  const match = /(\d+)\s*$/.exec(label);
  return match ? Number(match[1]) : 0;
}

export function nextRoundLabel(existing: string[], prefix = "Portée n°"): string {
  const highest = existing.reduce((max, label) => Math.max(max, roundNumber(label)), 0);
  return `${prefix}${highest + 1}`;
}
