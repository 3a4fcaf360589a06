import type { EntraideDailyTable } from "./entraide.tables.js";

/** What members see of their instances: daily rows summed over a window. Pure. */

export const WINDOW_DAYS = 30;

export interface DaySummary {
  day: string;
  checks: number;
  ok: number;
  meanMs: number | null;
  visits: number;
}

export interface InstanceSummary {
  visits: number;
  checks: number;
  ok: number;
  /** Share of passed checks, 0-1; null without checks. */
  uptime: number | null;
  days: DaySummary[];
}

/** The first day (YYYY-MM-DD) of a window of `days` days ending today. */
export function windowStart(now: Date, days = WINDOW_DAYS): string {
  return new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The days of the window, oldest first. */
export function windowDays(now: Date, days = WINDOW_DAYS): string[] {
  return Array.from({ length: days }, (_, i) =>
    new Date(now.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export function summarise(rows: EntraideDailyTable[]): Map<string, InstanceSummary> {
  const out = new Map<string, InstanceSummary>();
  for (const r of rows) {
    const s = out.get(r.instance_id) ?? { visits: 0, checks: 0, ok: 0, uptime: null, days: [] };
    s.visits += r.visits;
    s.checks += r.checks;
    s.ok += r.checks_ok;
    s.uptime = s.checks > 0 ? s.ok / s.checks : null;
    s.days.push({
      day: r.day,
      checks: r.checks,
      ok: r.checks_ok,
      meanMs: r.checks_ok > 0 ? Math.round(r.ms_total / r.checks_ok) : null,
      visits: r.visits,
    });
    out.set(r.instance_id, s);
  }
  return out;
}

export const EMPTY_SUMMARY: InstanceSummary = { visits: 0, checks: 0, ok: 0, uptime: null, days: [] };
