import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.js";
import type { DB } from "../db/adapter.js";
import { completeItem, markAttempt, setRunSummary, startRun } from "./runs.js";
import { nowIso } from "../db/ids.js";

/**
 * Periodic jobs. A job declares its interval and what it does; a scheduler runs it. Two
 * schedulers exist: this in-process one (SQLite, or a single instance), and the pg-boss one
 * (jobs/pgboss.ts) that spreads work items over several instances sharing PostgreSQL.
 *
 * Before each run the in-process scheduler takes a lease in `job_locks` with a conditional UPDATE,
 * so even several in-process instances on one database run a job once per interval, and a lease
 * left by a dead instance expires.
 */
export interface JobDefinition {
  name: string;
  intervalMs: number;
  /** Random delay added to each interval so that instances and members are not hit in lockstep. */
  jitterMs?: number;
  /** Run shortly after start instead of waiting a whole interval. */
  runAtStart?: boolean;
  /** Upper bound of one run; the lease lasts this long. */
  timeoutMs?: number;
  /** Does the whole run in one go. Returns a one-line summary for the logs and /admin/jobs. */
  run(signal: AbortSignal): Promise<string>;
  /** Optional: the same work split into items any instance may process (see FanOut). */
  fanOut?: FanOut;
}

/**
 * A run split into independent items (one member organisation to crawl, one instance to check).
 * With pg-boss each item is a queued job: instances share the items, and an item held by an
 * instance that dies is retried elsewhere. `process` must therefore be idempotent.
 */
export interface FanOut {
  plan(signal: AbortSignal): Promise<{ items: string[]; context?: string }>;
  process(runId: string, item: string, context: string | undefined, signal: AbortSignal): Promise<void>;
  /** Called once, by whichever instance completes the last item. */
  finish(runId: string, context: string | undefined): Promise<string>;
  /** Items processed at once by one instance. */
  concurrency?: number;
}

export interface Scheduler {
  start(): void | Promise<void>;
  /** Stops scheduling and waits (up to `graceMs`) for running jobs to finish. */
  stop(graceMs?: number): Promise<void>;
  /** Runs a job now, outside its schedule (the admin "run now" button, the CLI). */
  runNow(name: string): Promise<string>;
  readonly jobs: readonly JobDefinition[];
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
  await db
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
  const result = await db
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

export async function releaseLease(
  db: DB,
  name: string,
  owner: string,
  status: string,
  summary: string,
  nextFreeAt: Date,
) {
  await db
    .updateTable("job_locks")
    .set({
      owner: null,
      // Keep the lease until the next due time, so other instances do not rerun the job early.
      locked_until: nextFreeAt.toISOString(),
      last_finished_at: nowIso(),
      last_status: status,
      last_summary: summary.slice(0, 500),
    })
    .where("name", "=", name)
    .where("owner", "=", owner)
    .execute();
}

/** Runs items with bounded concurrency in this process. */
async function runFannedOut(
  deps: Deps,
  job: JobDefinition,
  fanOut: FanOut,
  signal: AbortSignal,
): Promise<string> {
  const { items, context } = await fanOut.plan(signal);
  const runId = await startRun(deps.db, job.name, items, deps.now());
  let next = 0;
  let summary = "";
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const item = items[next++];
      if (item === undefined) break;
      await markAttempt(deps.db, runId, item);
      let error: string | undefined;
      try {
        await fanOut.process(runId, item, context, signal);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        deps.log.warn({ job: job.name, item, err: error }, "job item failed");
      }
      if (await completeItem(deps.db, runId, item, deps.now(), error)) {
        summary = await fanOut.finish(runId, context);
        await setRunSummary(deps.db, runId, summary);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(fanOut.concurrency ?? 4, items.length)) }, worker),
  );
  if (items.length === 0) {
    summary = await fanOut.finish(runId, context);
    await setRunSummary(deps.db, runId, summary);
  }
  return summary || `${items.length} items`;
}

export function runJobOnce(deps: Deps, job: JobDefinition, signal: AbortSignal): Promise<string> {
  return job.fanOut ? runFannedOut(deps, job, job.fanOut, signal) : job.run(signal);
}

export function createInProcessScheduler(deps: Deps, jobs: JobDefinition[]): Scheduler {
  const owner = randomUUID();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<unknown>>();
  const controller = new AbortController();
  let stopped = false;

  async function execute(job: JobDefinition, force: boolean): Promise<string> {
    const leaseMs = job.timeoutMs ?? Math.max(60_000, job.intervalMs);
    const now = deps.now();
    if (!(await tryLease(deps.db, job.name, owner, now, leaseMs, force))) {
      if (force) throw new Error(`${job.name} is already running`);
      return "skipped: not due or running elsewhere";
    }
    const started = performance.now();
    try {
      const summary = await runJobOnce(deps, job, controller.signal);
      deps.log.info({ job: job.name, ms: Math.round(performance.now() - started), summary }, "job done");
      await releaseLease(
        deps.db,
        job.name,
        owner,
        "ok",
        summary,
        new Date(now.getTime() + job.intervalMs * 0.9),
      );
      return summary;
    } catch (error) {
      deps.log.error({ job: job.name, err: error }, "job failed");
      const message = error instanceof Error ? error.message : String(error);
      await releaseLease(
        deps.db,
        job.name,
        owner,
        "error",
        message,
        new Date(now.getTime() + Math.min(job.intervalMs, 60_000)),
      );
      if (force) throw error;
      return `error: ${message}`;
    }
  }

  function schedule(job: JobDefinition, delay: number): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      const run = execute(job, false).catch((error: unknown) =>
        deps.log.error({ job: job.name, err: error }, "job crashed"),
      );
      running.set(job.name, run);
      void run.finally(() => {
        running.delete(job.name);
        schedule(job, job.intervalMs + Math.random() * (job.jitterMs ?? 0));
      });
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  }

  return {
    jobs,
    start() {
      for (const job of jobs)
        schedule(job, job.runAtStart ? 2_000 + Math.random() * (job.jitterMs ?? 1_000) : job.intervalMs);
    },
    async stop(graceMs = 10_000) {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      const pending = Promise.allSettled(running.values());
      const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([pending, timeout]);
      controller.abort();
    },
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      const run = execute(job, true);
      running.set(`${name}:manual`, run);
      try {
        return await run;
      } finally {
        running.delete(`${name}:manual`);
      }
    },
  };
}
