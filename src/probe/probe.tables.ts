import { ownedTables } from "../db/adapter.js";

/**
 * The observation store (decision 025): what the platform saw when it fetched a member's address.
 * Owned by src/probe; features read it through probe.repository.ts and judge it by their own rules.
 */
export interface ProbeTables {
  probe_targets: ProbeTargetsTable;
  probe_observations: ProbeObservationsTable;
  probe_daily: ProbeDailyTable;
}

/** One address (normalised with `new URL(…).href`), and the latest observation of it. */
export interface ProbeTargetsTable {
  id: string;
  url: string;
  created_at: string;
  last_observed_at: string | null;
  last_status: number | null;
  /** An OutboundErrorCode when no answer could be read. */
  last_error: string | null;
  last_elapsed_ms: number | null;
  /** 0/1: the server answered (see isReachable). */
  last_reachable: number | null;
  /** When the reachability of the latest observation began (it changes only when it flips). */
  reachable_since: string | null;
  /** JSON array: the markers the latest observation looked for (a new expectation makes it due). */
  last_markers: string;
}

/** One fetch. Kept a few days (RAW_RETENTION_DAYS): features fold them into their own state. */
export interface ProbeObservationsTable {
  /** Time-ordered (newSortableId): a cursor for "observations after the last one I judged". */
  id: string;
  target_id: string;
  observed_at: string;
  elapsed_ms: number;
  status: number | null;
  error: string | null;
  final_url: string | null;
  /** 0/1: a bot-challenge header (cf-mitigated: challenge), whatever the status. */
  challenged: number;
  /** PageVerdict of a 2xx page read whole; null otherwise. */
  page: string | null;
  /** JSON array of the markers looked for. */
  markers: string;
  within_ms: number | null;
}

/**
 * One row per address and UTC day, kept long (DAILY_RETENTION_DAYS). Two groups of counters,
 * because an observation answers two questions: did the server answer (checks, reachable,
 * total_ms), and was the page the expected software, in time (judged, usable, usable_ms; only
 * observations that looked for a software's markers are judged).
 */
export interface ProbeDailyTable {
  target_id: string;
  /** YYYY-MM-DD (UTC) */
  day: string;
  checks: number;
  reachable: number;
  total_ms: number;
  judged: number;
  usable: number;
  usable_ms: number;
}

/** The probe's view of the database: only probe.repository.ts uses it. */
export const probeDb = ownedTables<ProbeTables>();
