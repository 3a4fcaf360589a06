import type { Deps } from "../deps.js";
import type { JobDefinition } from "../jobs/scheduler.js";
import { hostLimiter, type HostLimiter } from "./limits.js";
import { markersOf, normalizeUrl, probe, type Expectations } from "./probe.js";
import * as store from "./probe.repository.js";

/**
 * The one scheduled probe job (decision 025). Features say which addresses they want observed and
 * how often (a ProbeSource); each round probes every address that is due for at least one of
 * them, once, whoever asked, and records the observation for all. Then each source judges what
 * it needs (the portal's hysteresis) in its `afterRound`.
 */

export const PROBE_JOB = "probe";

export interface Wanted {
  url: string;
  expectations?: Expectations;
}

export interface ProbeSource {
  /** For logs and the job summary: "stats", "entraide". */
  name: string;
  /** How often this source wants a fresh observation of each of its addresses. */
  intervalMs: number;
  /** Probes this source is happy to see run at once, in total and against one host. */
  concurrency?: number;
  perHost?: number;
  wanted(): Promise<Wanted[]>;
  /** After each round: judge the new observations, refresh caches; returns a part of the summary. */
  afterRound?(): Promise<string | undefined>;
}

/** One address to probe, with what every source that wants it expects (an item of the fan-out). */
export interface Planned {
  url: string;
  markers: string[];
  withinMs?: number;
}

interface Merged extends Planned {
  intervalMs: number;
}

/** The addresses of every source, each once: markers pooled, the tightest time and interval kept. */
export function merge(lists: { intervalMs: number; wanted: Wanted[] }[]): Map<string, Merged> {
  const out = new Map<string, Merged>();
  for (const { intervalMs, wanted } of lists)
    for (const w of wanted) {
      const url = normalizeUrl(w.url);
      const e = w.expectations ?? {};
      const cur = out.get(url) ?? { url, markers: [], intervalMs };
      const within = [cur.withinMs, e.withinMs].filter((v): v is number => v !== undefined);
      out.set(url, {
        url,
        markers: markersOf({ markers: [...cur.markers, ...markersOf(e)] }),
        intervalMs: Math.min(cur.intervalMs, intervalMs),
        ...(within.length > 0 ? { withinMs: Math.min(...within) } : {}),
      });
    }
  return out;
}

/**
 * Due: never observed, observed without a marker now asked for, or observed longer ago than its
 * interval. Half a round of slack keeps an address wanted every round from being skipped when
 * the round starts a little early.
 */
export function due(
  merged: Map<string, Merged>,
  states: Map<string, store.TargetState>,
  now: Date,
  roundMs: number,
): Planned[] {
  const out: Planned[] = [];
  for (const m of merged.values()) {
    const state = states.get(m.url);
    const last = state?.lastObservedAt ? Date.parse(state.lastObservedAt) : NaN;
    const missing = m.markers.some((k) => !state?.lastMarkers.includes(k));
    if (Number.isNaN(last) || missing || now.getTime() - last >= m.intervalMs - roundMs / 2)
      out.push({
        url: m.url,
        markers: m.markers,
        ...(m.withinMs !== undefined ? { withinMs: m.withinMs } : {}),
      });
  }
  return out;
}

const limiters = new WeakMap<Deps, HostLimiter>();

function limits(sources: ProbeSource[]) {
  const perHost = sources.map((s) => s.perHost).filter((v): v is number => v !== undefined);
  return {
    concurrency: Math.max(1, ...sources.map((s) => s.concurrency ?? 4)),
    perHost: perHost.length > 0 ? Math.min(...perHost) : 4,
  };
}

function limiterFor(deps: Deps, sources: ProbeSource[]): HostLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    const { concurrency, perHost } = limits(sources);
    limiter = hostLimiter(concurrency, perHost);
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** Probes one planned address and records what came back. */
export async function probeOne(deps: Deps, item: Planned, limiter: HostLimiter, signal?: AbortSignal) {
  const expectations = {
    markers: item.markers,
    ...(item.withinMs !== undefined ? { withinMs: item.withinMs } : {}),
  };
  const observation = await limiter.run(item.url, () => probe(deps, item.url, expectations, signal));
  return store.record(deps.db, observation);
}

/**
 * Probes these addresses now, due or not (a "check now" button, `chatons crawl --uptime`, a
 * source's own forced round), each once, with the given limits.
 */
export async function observeNow(
  deps: Deps,
  wanted: Wanted[],
  options: { concurrency: number; perHost: number; signal?: AbortSignal | undefined },
): Promise<store.StoredObservation[]> {
  const limiter = hostLimiter(options.concurrency, options.perHost);
  const items = [...merge([{ intervalMs: 0, wanted }]).values()];
  return Promise.all(items.map((item) => probeOne(deps, item, limiter, options.signal)));
}

const shuffled = <T>(items: T[]): T[] =>
  items
    .map((item) => ({ item, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.item);

function parseItem(text: string): Planned | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || !("url" in value) || typeof value.url !== "string")
      return undefined;
    const markers = "markers" in value && Array.isArray(value.markers) ? value.markers : [];
    const within = "withinMs" in value && typeof value.withinMs === "number" ? value.withinMs : undefined;
    return {
      url: value.url,
      markers: markers.filter((m): m is string => typeof m === "string"),
      ...(within !== undefined ? { withinMs: within } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The probe job: one item per due address, so with pg-boss the platform instances share them. */
export function probeJob(deps: Deps, sources: ProbeSource[]): JobDefinition {
  const roundMs = Math.min(...sources.map((s) => s.intervalMs), 3_600_000);
  const plan = async () => {
    const lists = await Promise.all(
      sources.map(async (s) => ({ intervalMs: s.intervalMs, wanted: await s.wanted() })),
    );
    const merged = merge(lists);
    const items = due(merged, await store.targetStates(deps.db), deps.now(), roundMs);
    // The counts travel with the run, for whichever instance finishes it to write the summary.
    return {
      items: shuffled(items).map((i) => JSON.stringify(i)),
      context: `${items.length} of ${merged.size}`,
    };
  };
  const finish = async (counts: string | undefined) => {
    await store.prune(deps.db, deps.now());
    const parts = [`${counts ?? "?"} addresses probed`];
    for (const source of sources) {
      const part = await source.afterRound?.();
      if (part) parts.push(`${source.name}: ${part}`);
    }
    return parts.join("; ");
  };
  const process = async (item: string, signal?: AbortSignal) => {
    const planned = parseItem(item);
    if (planned) await probeOne(deps, planned, limiterFor(deps, sources), signal);
  };
  return {
    name: PROBE_JOB,
    intervalMs: roundMs,
    // Rounds start a little off the clock, so that several platforms do not probe in lockstep.
    jitterMs: Math.min(roundMs / 10, 10_000),
    runAtStart: true,
    timeoutMs: Math.max(5 * 60_000, roundMs),
    async run(signal) {
      const { items, context } = await plan();
      await Promise.all(items.map((item) => process(item, signal)));
      return finish(context);
    },
    fanOut: {
      concurrency: limits(sources).concurrency,
      plan,
      process: (_runId, item, _context, signal) => process(item, signal),
      finish: (_runId, context) => finish(context),
    },
  };
}
