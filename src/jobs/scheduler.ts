import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.js";
import type { DB } from "../db/adapter.js";

/**
 * Periodic jobs. A job declares its interval and what it does; the scheduler runs it. Before each
 * run an instance takes a lease in `job_locks` with a conditional UPDATE, so with several instances
 * on one database a job runs once per interval, and a lease left by a dead instance expires.
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
  /** Returns a one-line summary for the logs and the admin page. */
  run(signal: AbortSignal): Promise<string>;
}

export interface Scheduler {
  start(): void;
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
  const until = new Date(now.getTime() + leaseMs).toISOString();
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
    .set({ owner, locked_until: until, last_started_at: now.toISOString() })
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
      last_finished_at: new Date().toISOString(),
      last_status: status,
      last_summary: summary.slice(0, 500),
    })
    .where("name", "=", name)
    .where("owner", "=", owner)
    .execute();
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
      const summary = await job.run(controller.signal);
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
      return execute(job, true);
    },
  };
}
