import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { DB } from "../db/adapter.js";
import type { Deps } from "../deps.js";
import { nowIso } from "../db/ids.js";
import { ownedTables } from "../db/adapter.js";
import type { CoreTables } from "../db/core.tables.js";
const leasesDb = ownedTables<Pick<CoreTables, "job_locks">>();

/**
 * Leases in `job_locks`. A running job holds a short lease that its instance renews (the
 * heartbeat), so a lease left by a crashed instance ends within LEASE_MS; between runs the row's
 * `locked_until` holds the next due time instead, and `owner` is null.
 *
 * An owner is `<host>:<port>/<random>`: an instance restarted on the same host and port knows that
 * a lease still held under its address belongs to its own dead predecessor, and frees it at once.
 */
export const LEASE_MS = 2 * 60_000;
export const HEARTBEAT_MS = 30_000;

/** `slot`: the worker's slot when several processes share the port (decision 075). */
export function newOwner(port: number, slot?: number): string {
  return `${instanceAddress(port, slot)}/${randomUUID()}`;
}

function instanceAddress(port: number, slot: number | undefined): string {
  return slot === undefined ? `${hostname()}:${port}` : `${hostname()}:${port}#${slot}`;
}

/**
 * Takes the job's lease if it is free. A normal run needs the lease expired (the job is due); a
 * forced run only needs nobody running it right now.
 */
export async function tryLease(
  db: DB,
  name: string,
  owner: string,
  now: Date,
  leaseMs: number,
  force = false,
): Promise<boolean> {
  await leasesDb(db)
    .insertInto("job_locks")
    .values({
      name,
      owner: null,
      locked_until: new Date(0).toISOString(),
      last_started_at: null,
      last_finished_at: null,
      last_status: null,
      last_summary: null,
    })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const result = await leasesDb(db)
    .updateTable("job_locks")
    .set({
      owner,
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      last_started_at: now.toISOString(),
    })
    .where("name", "=", name)
    .where((eb) =>
      force
        ? eb.or([eb("owner", "is", null), eb("locked_until", "<", now.toISOString())])
        : eb("locked_until", "<", now.toISOString()),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The heartbeat: false when the lease is no longer ours (it expired and someone took it). */
export async function renewLease(
  db: DB,
  name: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await leasesDb(db)
    .updateTable("job_locks")
    .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where("name", "=", name)
    .where("owner", "=", owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Renews the lease of a running job every `everyMs` until stopped. If the lease is no longer ours
 * (this process stalled past the lease and another instance took the job), the run is aborted.
 */
export function heartbeat(
  deps: Deps,
  name: string,
  owner: string,
  leaseMs: number,
  everyMs: number,
  abort: AbortController,
): () => void {
  const timer = setInterval(() => {
    renewLease(deps.db, name, owner, deps.now(), leaseMs)
      .then((kept) => {
        if (kept) return;
        deps.log.warn({ job: name }, "job lease lost to another instance: stopping this run");
        abort.abort();
      })
      .catch((error: unknown) => deps.log.warn({ job: name, err: error }, "job lease renewal failed"));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function releaseLease(
  db: DB,
  name: string,
  owner: string,
  status: string,
  summary: string,
  nextFreeAt: Date,
) {
  await leasesDb(db)
    .updateTable("job_locks")
    .set({
      owner: null,
      // Keep the row locked until the next due time, so other instances do not rerun the job early.
      locked_until: nextFreeAt.toISOString(),
      last_finished_at: nowIso(),
      last_status: status,
      last_summary: summary.slice(0, 500),
    })
    .where("name", "=", name)
    .where("owner", "=", owner)
    .execute();
}

/**
 * Frees the leases still held under this instance's address by an earlier process (killed
 * mid-run): nothing else can hold them, so their jobs may run again now rather than when the
 * lease would have expired. Returns the names of the jobs freed.
 */
export async function recoverOwnLeases(db: DB, owner: string, now: Date): Promise<string[]> {
  const address = owner.slice(0, owner.lastIndexOf("/") + 1);
  // Port 0 names no address: another process may hold the same one.
  if (!address || /:0(#\d+)?\/$/.test(address)) return [];
  const held = await leasesDb(db)
    .selectFrom("job_locks")
    .select(["name", "owner"])
    .where("owner", "is not", null)
    .where("owner", "<>", owner)
    .execute();
  const dead = held.filter((h) => h.owner?.startsWith(address));
  for (const lease of dead)
    await leasesDb(db)
      .updateTable("job_locks")
      .set({
        owner: null,
        locked_until: now.toISOString(),
        last_status: "interrupted",
        last_summary: "interrupted: the instance stopped during the run",
      })
      .where("name", "=", lease.name)
      .where("owner", "=", lease.owner)
      .execute();
  return dead.map((d) => d.name);
}

export interface LeaseState {
  running: boolean;
  since: string | null;
  until: string | null;
}

/** Whether someone runs the job now, for the answer to a refused "run now". */
export async function leaseState(db: DB, name: string, now: Date): Promise<LeaseState> {
  const row = await leasesDb(db)
    .selectFrom("job_locks")
    .select(["owner", "locked_until", "last_started_at"])
    .where("name", "=", name)
    .executeTakeFirst();
  const running = !!row?.owner && row.locked_until >= now.toISOString();
  return {
    running,
    since: running ? (row?.last_started_at ?? null) : null,
    until: running ? (row?.locked_until ?? null) : null,
  };
}

export interface JobState {
  name: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: string | null;
  lastSummary: string | null;
}

/** The last run of every job that ever ran, for the admins' jobs page. */
export async function jobStates(db: DB): Promise<JobState[]> {
  const rows = await leasesDb(db).selectFrom("job_locks").selectAll().execute();
  return rows.map((r) => ({
    name: r.name,
    lastStartedAt: r.last_started_at,
    lastFinishedAt: r.last_finished_at,
    lastStatus: r.last_status,
    lastSummary: r.last_summary,
  }));
}
