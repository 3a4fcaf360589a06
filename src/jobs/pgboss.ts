import PgBoss from "pg-boss";
import type { Deps } from "../deps.js";
import { awaitStart, runJobOnce, type JobDefinition, type JobStart, type Scheduler } from "./scheduler.js";
import { heartbeat, LEASE_MS, HEARTBEAT_MS, releaseLease, tryLease } from "./leases.js";
import { completeItem, markAttempt, setRunSummary, startRun } from "./runs.js";
import { ownedTables } from "../db/adapter.js";
import type { CoreTables } from "../db/core.tables.js";
const leasesDb = ownedTables<Pick<CoreTables, "job_locks">>();

/**
 * The scheduler for several instances sharing PostgreSQL, on pg-boss. Each periodic job is a
 * pg-boss schedule (cron), so one instance gets each tick; a job with a fan-out turns its run into
 * one queued job per item, which every instance works on; an item held by an instance that dies
 * expires and is retried by another. Progress and completion live in job_runs/job_run_items
 * (jobs/runs.ts), so the run finishes once however the items were shared.
 */

export interface PgBossOptions {
  connectionString: string;
  schema: string;
  itemTimeoutMs: number;
  maintenanceIntervalMs: number;
}

interface ItemData {
  runId: string;
  item: string;
  context?: string;
}

function isItemData(value: unknown): value is ItemData {
  return (
    typeof value === "object" &&
    value !== null &&
    "runId" in value &&
    typeof value.runId === "string" &&
    "item" in value &&
    typeof value.item === "string"
  );
}

/** A cron expression close to the interval, spread by a per-job offset so jobs do not all fire at :00. */
export function cronFor(job: { name: string; intervalMs: number }): string {
  let hash = 0;
  for (const ch of job.name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const minutes = Math.max(1, Math.round(job.intervalMs / 60_000));
  if (minutes < 60) return minutes === 1 ? "* * * * *" : `${hash % minutes}/${minutes} * * * *`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hash % 60} ${hours === 1 ? "*" : `${hash % hours}/${hours}`} * * *`;
  return `${hash % 60} ${hash % 6} * * *`;
}

const itemQueue = (name: string) => `${name}__items`;

export function createPgBossScheduler(deps: Deps, jobs: JobDefinition[], options: PgBossOptions): Scheduler {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema,
    max: 4,
    maintenanceIntervalSeconds: Math.max(1, Math.round(options.maintenanceIntervalMs / 1000)),
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", (error: unknown) => deps.log.error({ err: error }, "pg-boss error"));
  const controller = new AbortController();
  const owner = `pgboss-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  async function runWhole(job: JobDefinition): Promise<void> {
    const now = deps.now();
    // The lease only records status for /admin/jobs; pg-boss already guarantees one runner per tick.
    await tryLease(deps.db, job.name, owner, now, LEASE_MS, true);
    const stopBeating = heartbeat(deps, job.name, owner, LEASE_MS, HEARTBEAT_MS, new AbortController());
    try {
      const summary = job.fanOut ? await plan(job) : await runJobOnce(deps, job, controller.signal);
      stopBeating();
      await releaseLease(
        deps.db,
        job.name,
        owner,
        "ok",
        summary,
        new Date(now.getTime() + job.intervalMs * 0.9),
      );
    } catch (error) {
      stopBeating();
      const message = error instanceof Error ? error.message : String(error);
      await releaseLease(deps.db, job.name, owner, "error", message, now);
      throw error;
    }
  }

  async function plan(job: JobDefinition): Promise<string> {
    const fanOut = job.fanOut;
    if (!fanOut) return "";
    const { items, context } = await fanOut.plan(controller.signal);
    const runId = await startRun(deps.db, job.name, items, deps.now());
    if (items.length === 0) {
      const summary = await fanOut.finish(runId, context);
      await setRunSummary(deps.db, runId, summary);
      return summary;
    }
    const expireInSeconds = Math.max(5, Math.round(options.itemTimeoutMs / 1000));
    for (let i = 0; i < items.length; i += 500) {
      await boss.insert(
        items.slice(i, i + 500).map((item) => ({
          name: itemQueue(job.name),
          data: { runId, item, context },
          singletonKey: `${runId}:${item}`,
          expireInSeconds,
          retryLimit: 3,
          retryDelay: 1,
        })),
      );
    }
    return `${items.length} items queued (run ${runId})`;
  }

  async function processItem(job: JobDefinition, data: ItemData): Promise<void> {
    const fanOut = job.fanOut;
    if (!fanOut) return;
    await markAttempt(deps.db, data.runId, data.item);
    let error: string | undefined;
    try {
      await fanOut.process(data.runId, data.item, data.context, controller.signal);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      deps.log.warn({ job: job.name, item: data.item, err: error }, "job item failed");
    }
    if (await completeItem(deps.db, data.runId, data.item, deps.now(), error)) {
      const summary = await fanOut.finish(data.runId, data.context);
      await setRunSummary(deps.db, data.runId, summary);
      deps.log.info({ job: job.name, runId: data.runId, summary }, "job run finished");
    }
  }

  /** Queues the job; the singleton queue refuses a second one while one waits. */
  async function startNow(name: string): Promise<JobStart> {
    const job = jobs.find((j) => j.name === name);
    if (!job) return { started: false, reason: "unknown" };
    const id = await boss.send(job.name, { manual: true });
    return id
      ? { started: true, queued: true, done: Promise.resolve(`queued (${id})`) }
      : { started: false, reason: "queued" };
  }

  return {
    jobs,
    async start() {
      await boss.start();
      for (const job of jobs) {
        await boss.createQueue(job.name, { name: job.name, policy: "singleton" });
        await boss.schedule(job.name, cronFor(job), {}, { singletonKey: job.name });
        await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => runWhole(job));
        if (job.fanOut) {
          const queue = itemQueue(job.name);
          await boss.createQueue(queue, { name: queue });
          for (let i = 0; i < (job.fanOut.concurrency ?? 4); i++) {
            await boss.work<ItemData>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([item]) => {
              if (item && isItemData(item.data)) await processItem(job, item.data);
            });
          }
        }
        if (job.runAtStart) {
          const state = await leasesDb(deps.db)
            .selectFrom("job_locks")
            .select("last_finished_at")
            .where("name", "=", job.name)
            .executeTakeFirst();
          const last = state?.last_finished_at ? Date.parse(state.last_finished_at) : 0;
          if (deps.now().getTime() - last > job.intervalMs) {
            await boss.send(
              job.name,
              {},
              {
                singletonKey: `${job.name}:start`,
                // pg-boss refuses a throttle longer than its archive interval (12 h): an hour is
                // plenty to keep instances starting together from queuing the same run twice.
                singletonSeconds: Math.min(3600, Math.max(60, Math.round(job.intervalMs / 1000))),
              },
            );
          }
        }
      }
    },
    async stop(graceMs = 10_000) {
      await boss.stop({ graceful: true, timeout: graceMs, wait: true });
      controller.abort();
    },
    async runNow(name) {
      if (!jobs.some((j) => j.name === name)) throw new Error(`unknown job ${name}`);
      const start = await startNow(name);
      return start.started
        ? start.done
        : start.reason === "queued"
          ? "already queued"
          : awaitStart(name, start);
    },
    startNow,
  };
}
