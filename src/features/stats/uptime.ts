import type { DB } from "../../db/adapter.js";
import type { Deps } from "../../deps.js";
import { allListedServices, listedServicesByIds, type ListedService } from "../directory/published.js";
import { isReachable, normalizeUrl } from "../../probe/probe.js";
import { DAILY_RETENTION_DAYS } from "../../probe/probe.repository.js";
import { dailyOf, latestOf, reachableTotals } from "../../probe/history.repository.js";
import { observeNow, type ProbeSource } from "../../probe/rounds.js";

/**
 * Uptime: "does the service's address answer", judged from the platform's observation store
 * (src/probe, decision 017). Stats asks the probe job for a fresh observation of each listed
 * service every UPTIME_INTERVAL; the store keeps one row per address and UTC day for more than
 * two years, and no request is ever logged. A day's ratio is the share of observations in which
 * the server answered (isReachable).
 */

export const RETENTION_DAYS = DAILY_RETENTION_DAYS;
const UPTIME_DAYS = 90;

const dayAgo = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

interface ServiceAddress {
  id: string;
  member_id: string;
  url: string;
}

const address = (s: ListedService): ServiceAddress => ({ id: s.id, member_id: s.memberId, url: s.url });

/** Services worth probing: listed, not closed, of structures still around. */
async function targets(db: DB): Promise<ServiceAddress[]> {
  return (await allListedServices(db)).filter((s) => s.status !== "off").map(address);
}

/** Listed services (these, or all), with their structure and address. */
async function addresses(db: DB, serviceIds?: string[]): Promise<ServiceAddress[]> {
  if (serviceIds?.length === 0) return [];
  const services = serviceIds
    ? [...(await listedServicesByIds(db, serviceIds)).values()]
    : await allListedServices(db);
  return services.map(address);
}

/** What uptime asks of the probe job: every listed service, every UPTIME_INTERVAL. */
export function uptimeProbes(deps: Deps): ProbeSource {
  const { stats } = deps.config;
  return {
    name: "uptime",
    intervalMs: stats.uptimeIntervalMs,
    concurrency: stats.crawlConcurrency,
    perHost: stats.crawlPerHost,
    wanted: async () => (await targets(deps.db)).map((s) => ({ url: s.url })),
  };
}

/** Probes every service now (`chatons crawl --uptime`), through the same store. */
export async function runUptime(deps: Deps, signal?: AbortSignal): Promise<string> {
  const services = await targets(deps.db);
  const observed = await observeNow(
    deps,
    services.map((s) => ({ url: s.url })),
    { concurrency: deps.config.stats.crawlConcurrency, perHost: deps.config.stats.crawlPerHost, signal },
  );
  const answered = new Set(observed.filter(isReachable).map((o) => o.url));
  const up = services.filter((s) => answered.has(normalizeUrl(s.url))).length;
  return `${services.length} services probed: ${up} up, ${services.length - up} down`;
}

/** One service's (or one member's) day, in uptime's terms. */
export interface UptimeDay {
  day: string;
  checks: number;
  ups: number;
  total_ms: number;
}

function byAddress(services: ServiceAddress[]): Map<string, ServiceAddress[]> {
  const out = new Map<string, ServiceAddress[]>();
  for (const s of services) {
    const url = normalizeUrl(s.url);
    out.set(url, [...(out.get(url) ?? []), s]);
  }
  return out;
}

/** Daily rows of these services over the last `days` days. */
export async function uptimeRows(
  db: DB,
  serviceIds: string[],
  now: Date,
  days = UPTIME_DAYS,
): Promise<(UptimeDay & { service_id: string })[]> {
  const services = byAddress(await addresses(db, serviceIds));
  if (services.size === 0) return [];
  const rows = await dailyOf(db, [...services.keys()], dayAgo(now, days));
  return rows
    .filter((r) => r.checks > 0)
    .flatMap((r) =>
      (services.get(r.url) ?? []).map((s) => ({
        service_id: s.id,
        day: r.day,
        checks: r.checks,
        ups: r.reachable,
        total_ms: r.totalMs,
      })),
    );
}

/** Per member and day, summed over its services: the federation uptime page. */
export async function uptimeByMember(
  db: DB,
  now: Date,
  days = UPTIME_DAYS,
): Promise<(UptimeDay & { member_id: string })[]> {
  const services = byAddress(await addresses(db));
  const sums = new Map<string, UptimeDay & { member_id: string }>();
  for (const r of await dailyOf(db, undefined, dayAgo(now, days))) {
    if (r.checks === 0) continue;
    for (const s of services.get(r.url) ?? []) {
      const key = `${s.member_id}|${r.day}`;
      const cur = sums.get(key) ?? { member_id: s.member_id, day: r.day, checks: 0, ups: 0, total_ms: 0 };
      cur.checks += r.checks;
      cur.ups += r.reachable;
      cur.total_ms += r.totalMs;
      sums.set(key, cur);
    }
  }
  return [...sums.values()];
}

/** Share of answered observations over the last 90 days, per service and per member (null: none). */
export async function uptimeRatios(
  db: DB,
  now: Date,
): Promise<{ services: Map<string, number | null>; members: Map<string, number | null> }> {
  const totals = await reachableTotals(db, dayAgo(now, UPTIME_DAYS));
  const perMember = new Map<string, { checks: number; reachable: number }>();
  const services = new Map<string, number | null>();
  for (const s of await addresses(db)) {
    const t = totals.get(normalizeUrl(s.url));
    if (!t) continue;
    services.set(s.id, t.checks > 0 ? t.reachable / t.checks : null);
    const m = perMember.get(s.member_id) ?? { checks: 0, reachable: 0 };
    perMember.set(s.member_id, { checks: m.checks + t.checks, reachable: m.reachable + t.reachable });
  }
  const members = new Map(
    [...perMember].map(([id, m]) => [id, m.checks > 0 ? m.reachable / m.checks : null]),
  );
  return { services, members };
}

/** The latest observation of a service, in uptime's terms. */
export interface LatestUptime {
  service_id: string;
  checked_at: string;
  /** The server answered. */
  up: boolean;
  http_status: number | null;
  reason: string | null;
  elapsed_ms: number | null;
  /** When the current state (up or down) began. */
  since: string;
}

export async function latestUptime(
  db: DB,
  services: { id: string; url: string }[],
): Promise<Map<string, LatestUptime>> {
  const latest = await latestOf(
    db,
    services.map((s) => s.url),
  );
  const out = new Map<string, LatestUptime>();
  for (const s of services) {
    const l = latest.get(normalizeUrl(s.url));
    if (!l) continue;
    out.set(s.id, {
      service_id: s.id,
      checked_at: l.observedAt,
      up: l.reachable,
      http_status: l.status,
      reason: l.reachable ? null : l.status !== null ? `HTTP ${l.status}` : l.error,
      elapsed_ms: l.elapsedMs,
      since: l.since,
    });
  }
  return out;
}

export interface DayBar {
  day: string;
  ratio: number | null;
  checks: number;
  avgMs: number | null;
}

/** The last `days` UTC days ending today, one bar each (null ratio = no probe that day). */
export function dayBars(rows: readonly UptimeDay[], today: Date, days = 90): DayBar[] {
  const byDay = new Map<string, { checks: number; ups: number; total: number }>();
  for (const r of rows) {
    const cur = byDay.get(r.day) ?? { checks: 0, ups: 0, total: 0 };
    byDay.set(r.day, { checks: cur.checks + r.checks, ups: cur.ups + r.ups, total: cur.total + r.total_ms });
  }
  const out: DayBar[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    const d = byDay.get(day);
    out.push({
      day,
      ratio: d && d.checks > 0 ? d.ups / d.checks : null,
      checks: d?.checks ?? 0,
      avgMs: d && d.checks > 0 ? Math.round(d.total / d.checks) : null,
    });
  }
  return out;
}

/** Share of successful probes over the bars that have any; null when none. */
export function overallRatio(bars: readonly { ratio: number | null; checks: number }[]): number | null {
  let checks = 0;
  let ups = 0;
  for (const b of bars) {
    if (b.ratio === null) continue;
    checks += b.checks;
    ups += b.ratio * b.checks;
  }
  return checks > 0 ? ups / checks : null;
}
