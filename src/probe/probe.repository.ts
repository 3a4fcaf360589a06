import { flag, inTransaction, isSet, type DB } from "../db/adapter.js";
import { newId, newSortableId, nowIso } from "../db/ids.js";
import type { OutboundErrorCode } from "../http/outbound.js";
import { isPageVerdict, isReachable, isUsable, normalizeUrl, type Observation } from "./probe.js";
import { probeDb, type ProbeDailyTable, type ProbeObservationsTable } from "./probe.tables.js";

/** All SQL of the observation store. Addresses in and out are normalised (normalizeUrl). */

/** Raw observations are folded by their readers within minutes; a few days cover a stopped platform. */
export const RAW_RETENTION_DAYS = 3;
/** Daily rows: more than two years, for the uptime history. */
export const DAILY_RETENTION_DAYS = 800;

export interface StoredObservation extends Observation {
  /** Sortable: a reader remembers the last one it judged and asks for the ones after it. */
  id: string;
}

export interface DailyCounts {
  url: string;
  day: string;
  checks: number;
  reachable: number;
  totalMs: number;
  judged: number;
  usable: number;
  usableMs: number;
}

export interface Latest {
  url: string;
  observedAt: string;
  reachable: boolean;
  since: string;
  status: number | null;
  error: string | null;
  elapsedMs: number | null;
}

export interface TargetState {
  url: string;
  lastObservedAt: string | null;
  lastMarkers: string[];
}

function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const OUTBOUND_CODES: readonly string[] = [
  "bad-url",
  "blocked-address",
  "dns",
  "timeout",
  "too-large",
  "too-many-redirects",
  "redirect-off-site",
  "tls",
  "network",
] satisfies OutboundErrorCode[];
const isOutboundCode = (v: string | null): v is OutboundErrorCode => v !== null && OUTBOUND_CODES.includes(v);

async function targetId(db: DB, url: string, at: string): Promise<string> {
  const row = await probeDb(db)
    .insertInto("probe_targets")
    .values({ id: newId(), url, created_at: at, last_markers: "[]" })
    // A no-op update, so that the row comes back whether it was there or not.
    .onConflict((oc) => oc.column("url").doUpdateSet((eb) => ({ url: eb.ref("excluded.url") })))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores one observation: the address's latest state (its reachability keeps its start unless it
 * flipped), the raw row and the day's counters, together, in three statements.
 */
export async function record(db: DB, o: Observation): Promise<StoredObservation> {
  const id = newSortableId();
  const reachable = isReachable(o);
  const judged = o.markers.length > 0;
  const usable = judged && isUsable(o);
  const latest = {
    last_observed_at: o.observedAt,
    last_status: o.status,
    last_error: o.error,
    last_elapsed_ms: o.elapsedMs,
    last_reachable: flag(reachable),
    reachable_since: o.observedAt,
    last_markers: JSON.stringify(o.markers),
  };
  await inTransaction(db, async (trx) => {
    const own = probeDb(trx);
    const target = await own
      .insertInto("probe_targets")
      .values({ id: newId(), url: o.url, created_at: o.observedAt, ...latest })
      .onConflict((oc) =>
        oc.column("url").doUpdateSet((eb) => ({
          last_observed_at: eb.ref("excluded.last_observed_at"),
          last_status: eb.ref("excluded.last_status"),
          last_error: eb.ref("excluded.last_error"),
          last_elapsed_ms: eb.ref("excluded.last_elapsed_ms"),
          last_reachable: eb.ref("excluded.last_reachable"),
          reachable_since: eb
            .case()
            .when("probe_targets.last_reachable", "=", eb.ref("excluded.last_reachable"))
            .then(eb.ref("probe_targets.reachable_since"))
            .else(eb.ref("excluded.reachable_since"))
            .end(),
          last_markers: eb.ref("excluded.last_markers"),
        })),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await own
      .insertInto("probe_observations")
      .values({
        id,
        target_id: target.id,
        observed_at: o.observedAt,
        elapsed_ms: o.elapsedMs,
        status: o.status,
        error: o.error,
        final_url: o.finalUrl,
        challenged: flag(o.challenged),
        page: o.page,
        markers: latest.last_markers,
        within_ms: o.withinMs,
      })
      .execute();
    await upsertDaily(trx, [
      {
        target_id: target.id,
        day: o.observedAt.slice(0, 10),
        checks: 1,
        reachable: reachable ? 1 : 0,
        total_ms: o.elapsedMs,
        judged: judged ? 1 : 0,
        usable: usable ? 1 : 0,
        usable_ms: usable ? o.elapsedMs : 0,
      },
    ]);
  });
  return { ...o, id };
}

async function upsertDaily(db: DB, rows: ProbeDailyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await probeDb(db)
      .insertInto("probe_daily")
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(["target_id", "day"]).doUpdateSet((eb) => ({
          checks: eb("probe_daily.checks", "+", eb.ref("excluded.checks")),
          reachable: eb("probe_daily.reachable", "+", eb.ref("excluded.reachable")),
          total_ms: eb("probe_daily.total_ms", "+", eb.ref("excluded.total_ms")),
          judged: eb("probe_daily.judged", "+", eb.ref("excluded.judged")),
          usable: eb("probe_daily.usable", "+", eb.ref("excluded.usable")),
          usable_ms: eb("probe_daily.usable_ms", "+", eb.ref("excluded.usable_ms")),
        })),
      )
      .execute();
}

/** Adds counts to daily rows (an upsert per address and day); the demo seeds its history with it too. */
export async function addDaily(db: DB, rows: DailyCounts[]): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) => {
    const ids = new Map<string, string>();
    for (const url of new Set(rows.map((r) => normalizeUrl(r.url))))
      ids.set(url, await targetId(trx, url, nowIso()));
    await upsertDaily(
      trx,
      rows.map((r) => ({
        target_id: ids.get(normalizeUrl(r.url)) ?? "",
        day: r.day,
        checks: r.checks,
        reachable: r.reachable,
        total_ms: r.totalMs,
        judged: r.judged,
        usable: r.usable,
        usable_ms: r.usableMs,
      })),
    );
  });
}

function toObservation(url: string, r: ProbeObservationsTable): StoredObservation {
  return {
    id: r.id,
    url,
    observedAt: r.observed_at,
    elapsedMs: r.elapsed_ms,
    status: r.status,
    error: isOutboundCode(r.error) ? r.error : null,
    finalUrl: r.final_url,
    challenged: isSet(r.challenged),
    page: isPageVerdict(r.page) ? r.page : null,
    markers: parseList(r.markers),
    withinMs: r.within_ms,
  };
}

/** Observations of an address after `afterId` (all kept ones when null), oldest first. */
export async function observationsAfter(
  db: DB,
  url: string,
  afterId: string | null,
  limit = 500,
): Promise<StoredObservation[]> {
  let query = probeDb(db)
    .selectFrom("probe_observations as o")
    .innerJoin("probe_targets as t", "t.id", "o.target_id")
    .selectAll("o")
    .where("t.url", "=", normalizeUrl(url));
  if (afterId !== null) query = query.where("o.id", ">", afterId);
  const rows = await query.orderBy("o.id", "desc").limit(limit).execute();
  return rows.reverse().map((r) => toObservation(normalizeUrl(url), r));
}

/** Observations of these addresses after `afterId` (all kept ones when null), oldest first, by address. */
export async function observationsOf(
  db: DB,
  urls: string[],
  afterId: string | null,
): Promise<Map<string, StoredObservation[]>> {
  const out = new Map<string, StoredObservation[]>();
  const unique = [...new Set(urls.map(normalizeUrl))];
  for (let i = 0; i < unique.length; i += 500) {
    let query = probeDb(db)
      .selectFrom("probe_observations as o")
      .innerJoin("probe_targets as t", "t.id", "o.target_id")
      .selectAll("o")
      .select("t.url")
      .where("t.url", "in", unique.slice(i, i + 500));
    if (afterId !== null) query = query.where("o.id", ">", afterId);
    for (const { url, ...row } of await query.orderBy("o.id").execute())
      out.set(url, [...(out.get(url) ?? []), toObservation(url, row)]);
  }
  return out;
}

/** When each address was last observed, and with which markers (what makes it due again). */
export async function targetStates(db: DB): Promise<Map<string, TargetState>> {
  const rows = await probeDb(db)
    .selectFrom("probe_targets")
    .select(["url", "last_observed_at", "last_markers"])
    .execute();
  return new Map(
    rows.map((r) => [
      r.url,
      { url: r.url, lastObservedAt: r.last_observed_at, lastMarkers: parseList(r.last_markers) },
    ]),
  );
}

/** Sets the latest state of addresses without an observation behind it (the demo's history). */
export async function seedLatest(db: DB, rows: Omit<Latest, "error">[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const r of rows) {
      const id = await targetId(trx, normalizeUrl(r.url), r.observedAt);
      await probeDb(trx)
        .updateTable("probe_targets")
        .set({
          last_observed_at: r.observedAt,
          last_status: r.status,
          last_error: null,
          last_elapsed_ms: r.elapsedMs,
          last_reachable: flag(r.reachable),
          reachable_since: r.since,
        })
        .where("id", "=", id)
        .execute();
    }
  });
}

/** Drops raw observations and daily rows past their retention. */
export async function prune(db: DB, now: Date): Promise<{ observations: number; days: number }> {
  const own = probeDb(db);
  const rawCutoff = new Date(now.getTime() - RAW_RETENTION_DAYS * 86_400_000).toISOString();
  const dayCutoff = new Date(now.getTime() - DAILY_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const raw = await own
    .deleteFrom("probe_observations")
    .where("observed_at", "<", rawCutoff)
    .executeTakeFirst();
  const days = await own.deleteFrom("probe_daily").where("day", "<", dayCutoff).executeTakeFirst();
  return { observations: Number(raw.numDeletedRows), days: Number(days.numDeletedRows) };
}
