import type { Recurrence } from "./chores.tables.js";

/**
 * Due dates of a chore's turns: pure date arithmetic on YYYY-MM-DD strings in UTC. Weekly turns
 * fall on Mondays, monthly ones on the 1st, quarterly ones on the 1st of Jan/Apr/Jul/Oct, yearly on
 * 1 January.
 */
export function nextDueDates(recurrence: Recurrence, from: Date, count: number): string[] {
  const out: string[] = [];
  let d = firstOnOrAfter(recurrence, from);
  while (out.length < count) {
    out.push(d.toISOString().slice(0, 10));
    d = step(recurrence, d);
  }
  return out;
}

function firstOnOrAfter(recurrence: Recurrence, from: Date): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  switch (recurrence) {
    case "weekly": {
      const shift = (8 - day.getUTCDay()) % 7;
      return new Date(day.getTime() + shift * 86_400_000);
    }
    case "monthly":
      return day.getUTCDate() === 1
        ? day
        : new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));
    case "quarterly": {
      const month = day.getUTCMonth();
      const isStart = day.getUTCDate() === 1 && month % 3 === 0;
      return isStart ? day : new Date(Date.UTC(day.getUTCFullYear(), month - (month % 3) + 3, 1));
    }
    case "yearly":
      return day.getUTCMonth() === 0 && day.getUTCDate() === 1
        ? day
        : new Date(Date.UTC(day.getUTCFullYear() + 1, 0, 1));
  }
}

function step(recurrence: Recurrence, d: Date): Date {
  switch (recurrence) {
    case "weekly":
      return new Date(d.getTime() + 7 * 86_400_000);
    case "monthly":
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    case "quarterly":
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1));
    case "yearly":
      return new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  }
}

/** How many upcoming turns are kept open for volunteers, per recurrence. */
export const HORIZON: Record<Recurrence, number> = { weekly: 4, monthly: 3, quarterly: 2, yearly: 1 };
