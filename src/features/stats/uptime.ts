import type { Deps } from "../../deps.js";
import { OutboundError } from "../../http/outbound.js";
import { createHostLimiter, mapPool } from "./crawl/limiter.js";
import { hostOf } from "./crawl/fetch.js";

/**
 * Uptime: each service's address probed on a schedule, folded into one row per service and UTC
 * day (checks, successes, total response time). Daily rows are all that is kept, for at least
 * two years, so the table stays small and no request is ever logged.
 */

export const RETENTION_DAYS = 800;
const PROBE_BYTES = 64 * 1024;

export interface ProbeResult {
  serviceId: string;
  ok: boolean;
  status: number | null;
  reason: string | null;
  elapsedMs: number;
}

export async function probe(
  deps: Deps,
  serviceId: string,
  url: string,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const res = await deps.outbound.fetch({ url, maxBytes: PROBE_BYTES, ...(signal ? { signal } : {}) });
    const ok = res.status >= 200 && res.status < 400;
    return {
      serviceId,
      ok,
      status: res.status,
      reason: ok ? null : `HTTP ${res.status}`,
      elapsedMs: res.elapsedMs,
    };
  } catch (error) {
    const elapsedMs = Math.round(performance.now() - started);
    // A page larger than we care to read still proves the server answered.
    if (error instanceof OutboundError && error.code === "too-large")
      return { serviceId, ok: true, status: 200, reason: null, elapsedMs };
    const reason = error instanceof OutboundError ? `${error.code}: ${error.message}` : String(error);
    return { serviceId, ok: false, status: null, reason: reason.slice(0, 300), elapsedMs };
  }
}

/** Services worth probing: listed, not closed, of structures still around. */
async function targets(deps: Deps) {
  return deps.db
    .selectFrom("services")
    .innerJoin("members", "members.id", "services.member_id")
    .select(["services.id", "services.url"])
    .where("services.archived_at", "is", null)
    .where("members.archived_at", "is", null)
    .where("services.status", "<>", "off")
    .execute();
}

export async function recordProbes(deps: Deps, results: ProbeResult[], at: Date): Promise<void> {
  const day = at.toISOString().slice(0, 10);
  const iso = at.toISOString();
  const previous = new Map(
    (await deps.db.selectFrom("stats_uptime_latest").select(["service_id", "ok", "since"]).execute()).map(
      (r) => [r.service_id, r],
    ),
  );
  await deps.db.transaction().execute(async (trx) => {
    for (const r of results) {
      const ups = r.ok ? 1 : 0;
      await trx
        .insertInto("stats_uptime_daily")
        .values({ service_id: r.serviceId, day, checks: 1, ups, total_ms: r.elapsedMs })
        .onConflict((oc) =>
          oc.columns(["service_id", "day"]).doUpdateSet((eb) => ({
            checks: eb("stats_uptime_daily.checks", "+", 1),
            ups: eb("stats_uptime_daily.ups", "+", ups),
            total_ms: eb("stats_uptime_daily.total_ms", "+", r.elapsedMs),
          })),
        )
        .execute();
      const prev = previous.get(r.serviceId);
      const since = prev && (prev.ok === 1) === r.ok ? prev.since : iso;
      const latest = {
        checked_at: iso,
        ok: ups,
        http_status: r.status,
        reason: r.reason,
        elapsed_ms: r.elapsedMs,
        since,
      };
      await trx
        .insertInto("stats_uptime_latest")
        .values({ service_id: r.serviceId, ...latest })
        .onConflict((oc) => oc.column("service_id").doUpdateSet(latest))
        .execute();
    }
    const cutoff = new Date(at.getTime() - RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
    await trx.deleteFrom("stats_uptime_daily").where("day", "<", cutoff).execute();
  });
}

/** Probes every service once, with bounded concurrency and at most a few at a time per host. */
export async function runUptime(deps: Deps, signal?: AbortSignal): Promise<string> {
  const services = await targets(deps);
  const limiter = createHostLimiter(deps.config.stats.crawlConcurrency, deps.config.stats.crawlPerHost);
  // Shuffled so that the same members are not always probed first (or last, near a deadline).
  const order = [...services].sort(() => Math.random() - 0.5);
  const results = await mapPool(order, deps.config.stats.crawlConcurrency, (s) =>
    limiter.run(hostOf(s.url), () => probe(deps, s.id, s.url, signal)),
  );
  await recordProbes(deps, results, deps.now());
  const up = results.filter((r) => r.ok).length;
  return `${results.length} services probed: ${up} up, ${results.length - up} down`;
}

export interface DayBar {
  day: string;
  ratio: number | null;
  checks: number;
  avgMs: number | null;
}

/** The last `days` UTC days ending today, one bar each (null ratio = no probe that day). */
export function dayBars(
  rows: readonly { day: string; checks: number; ups: number; total_ms: number }[],
  today: Date,
  days = 90,
): DayBar[] {
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
