import type { DailyCounts } from "../../probe/probe.repository.js";

/** What members see of their instances: daily observations and visitors over a window. Pure. */

export const WINDOW_DAYS = 30;

export interface DaySummary {
  day: string;
  /** Observations that looked at the page for the software, and those that found it usable. */
  checks: number;
  ok: number;
  meanMs: number | null;
  visits: number;
}

export interface InstanceSummary {
  visits: number;
  checks: number;
  ok: number;
  /** Share of usable observations, 0-1; null without any. */
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

/**
 * One summary per instance: the portal's reading of its address's daily observations (judged,
 * usable) and the visitors it was sent.
 */
export function summarise(
  instances: readonly { id: string; url: string }[],
  daily: readonly DailyCounts[],
  visits: readonly { instanceId: string; day: string; visits: number }[],
): Map<string, InstanceSummary> {
  const byUrl = new Map<string, DailyCounts[]>();
  for (const d of daily) byUrl.set(d.url, [...(byUrl.get(d.url) ?? []), d]);
  const out = new Map<string, InstanceSummary>();
  for (const i of instances) {
    const days = new Map<string, { checks: number; ok: number; ms: number; visits: number }>();
    const day = (key: string) => {
      const cur = days.get(key) ?? { checks: 0, ok: 0, ms: 0, visits: 0 };
      days.set(key, cur);
      return cur;
    };
    for (const d of byUrl.get(i.url) ?? []) {
      if (d.judged === 0) continue;
      const cur = day(d.day);
      cur.checks += d.judged;
      cur.ok += d.usable;
      cur.ms += d.usableMs;
    }
    for (const v of visits) if (v.instanceId === i.id) day(v.day).visits += v.visits;
    if (days.size === 0) continue;
    const list = [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([d, s]) => ({
        day: d,
        checks: s.checks,
        ok: s.ok,
        meanMs: s.ok > 0 ? Math.round(s.ms / s.ok) : null,
        visits: s.visits,
      }));
    const checks = list.reduce((n, d) => n + d.checks, 0);
    const ok = list.reduce((n, d) => n + d.ok, 0);
    out.set(i.id, {
      visits: list.reduce((n, d) => n + d.visits, 0),
      checks,
      ok,
      uptime: checks > 0 ? ok / checks : null,
      days: list,
    });
  }
  return out;
}

export const EMPTY_SUMMARY: InstanceSummary = { visits: 0, checks: 0, ok: 0, uptime: null, days: [] };
