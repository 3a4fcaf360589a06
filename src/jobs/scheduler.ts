import type { Deps } from "../deps.js";
import { completeItem, markAttempt, setRunSummary, startRun } from "./runs.js";
import {
  HEARTBEAT_MS,
  LEASE_MS,
  heartbeat,
  leaseState,
  newOwner,
  recoverOwnLeases,
  releaseLease,
  tryLease,
} from "./leases.js";

export { releaseLease, tryLease } from "./leases.js";

/**
 * Periodic jobs. A job declares its interval and what it does; a scheduler runs it. Two
 * schedulers exist: this in-process one (SQLite, or a single instance), and the pg-boss one
 * (jobs/pgboss.ts) that spreads work items over several instances sharing PostgreSQL.
 *
 * Before each run the in-process scheduler takes a lease in `job_locks` with a conditional UPDATE,
 * so even several in-process instances on one database run a job once per interval; the lease is
 * renewed while the job runs and one left by a dead instance expires within two minutes
 * (jobs/leases.ts).
 */
export interface JobDefinition {
  name: string;
  intervalMs: number;
  /** Random delay added to each interval so that instances and members are not hit in lockstep. */
  jitterMs?: number;
  /** Run shortly after start instead of waiting a whole interval. */
  runAtStart?: boolean;
  /** Upper bound of one run: past it the run's signal is aborted. */
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

/** The answer to "run this job now": started (or queued), or refused and why. */
export type JobStart =
  | { started: true; queued?: boolean; done: Promise<string> }
  | { started: false; reason: "running"; since: string | null; until: string | null }
  | { started: false; reason: "queued" | "unknown" };

export interface Scheduler {
  start(): void | Promise<void>;
  /** Stops scheduling and waits (up to `graceMs`) for running jobs to finish. */
  stop(graceMs?: number): Promise<void>;
  /** Runs a job now, outside its schedule, and waits for it (the CLI, tests). */
  runNow(name: string): Promise<string>;
  /** Starts a job now without waiting for it, and says at once whether it started (admin buttons). */
  startNow(name: string): Promise<JobStart>;
  readonly jobs: readonly JobDefinition[];
}

/** runNow on top of startNow: a refusal becomes an error naming the reason. */
export async function awaitStart(name: string, start: JobStart): Promise<string> {
  if (start.started) return start.done;
  throw new Error(start.reason === "running" ? `${name} is already running` : `${name}: ${start.reason}`);
}

export interface InProcessOptions {
  leaseMs?: number;
  heartbeatMs?: number;
  /** The worker's slot when several processes share the port: leases are told apart by it. */
  slot?: number;
  /**
   * Whether start() schedules the jobs (default). A worker other than the leader only runs the
   * jobs an administrator starts there, and frees the leases its dead predecessor left.
   */
  schedule?: boolean;
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

export function createInProcessScheduler(
  deps: Deps,
  jobs: JobDefinition[],
  options: InProcessOptions = {},
): Scheduler {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.min(HEARTBEAT_MS, leaseMs / 4);
  const owner = newOwner(deps.config.port, options.slot);
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<unknown>>();
  const controller = new AbortController();
  let stopped = false;

  async function run(job: JobDefinition, startedAt: Date, force: boolean): Promise<string> {
    const abort = new AbortController();
    const onStop = () => abort.abort();
    controller.signal.addEventListener("abort", onStop);
    const deadline = job.timeoutMs ? setTimeout(onStop, job.timeoutMs) : undefined;
    deadline?.unref();
    const stopBeating = heartbeat(deps, job.name, owner, leaseMs, heartbeatMs, abort);
    const started = performance.now();
    try {
      const summary = await runJobOnce(deps, job, abort.signal);
      deps.log.info({ job: job.name, ms: Math.round(performance.now() - started), summary }, "job done");
      stopBeating();
      const next = new Date(startedAt.getTime() + job.intervalMs * 0.9);
      await releaseLease(deps.db, job.name, owner, "ok", summary, next);
      return summary;
    } catch (error) {
      stopBeating();
      deps.log.error({ job: job.name, err: error }, "job failed");
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(startedAt.getTime() + Math.min(job.intervalMs, 60_000));
      await releaseLease(deps.db, job.name, owner, "error", message, retryAt);
      if (force) throw error;
      return `error: ${message}`;
    } finally {
      clearTimeout(deadline);
      controller.signal.removeEventListener("abort", onStop);
    }
  }

  /** Takes the lease, then runs in the background; the answer says whether it started. */
  async function begin(job: JobDefinition, force: boolean): Promise<JobStart> {
    const now = deps.now();
    if (!(await tryLease(deps.db, job.name, owner, now, leaseMs, force))) {
      if (!force) return { started: false, reason: "running", since: null, until: null };
      const state = await leaseState(deps.db, job.name, now);
      return { started: false, reason: "running", since: state.since, until: state.until };
    }
    return { started: true, done: run(job, now, force) };
  }

  function schedule(job: JobDefinition, delay: number): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      const execution = begin(job, false)
        .then((start) => (start.started ? start.done : "skipped: not due or running elsewhere"))
        .catch((error: unknown) => deps.log.error({ job: job.name, err: error }, "job crashed"));
      running.set(job.name, execution);
      void execution.finally(() => {
        running.delete(job.name);
        schedule(job, job.intervalMs + Math.random() * (job.jitterMs ?? 0));
      });
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  }

  async function startNow(name: string): Promise<JobStart> {
    const job = jobs.find((j) => j.name === name);
    if (!job) return { started: false, reason: "unknown" };
    const start = await begin(job, true);
    if (start.started) {
      const key = `${name}:manual:${Math.random()}`;
      running.set(
        key,
        start.done.catch(() => undefined).finally(() => running.delete(key)),
      );
    }
    return start;
  }

  return {
    jobs,
    async start() {
      const freed = await recoverOwnLeases(deps.db, owner, deps.now());
      if (freed.length > 0) deps.log.warn({ jobs: freed }, "leases of an interrupted run freed");
      if (options.schedule === false) return;
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
      if (!jobs.some((j) => j.name === name)) throw new Error(`unknown job ${name}`);
      return awaitStart(name, await startNow(name));
    },
    startNow,
  };
}
