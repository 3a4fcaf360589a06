import cluster, { type Worker } from "node:cluster";
import type { Logger } from "./log.js";

/**
 * Several platform processes on one machine sharing the port (`WORKERS`, decision 075). The
 * primary only supervises: it starts the workers, starts again one that dies, and stops them all on
 * a signal. Each worker is a whole platform on the same database, as several instances behind a
 * proxy are; what must happen once (the scheduled jobs, the demo's member sites, loading the demo)
 * happens in the leader, slot 0.
 */

/** What a worker is told by the primary: its slot, kept when it is replaced. */
export interface WorkerRole {
  slot: number;
  leader: boolean;
}

const SLOT_VARIABLE = "CHATONS_WORKER_SLOT";

/** This process's role, or undefined when it is not a worker of a supervised platform. */
export function workerRole(): WorkerRole | undefined {
  if (!cluster.isWorker) return undefined;
  const slot = Number(process.env[SLOT_VARIABLE]);
  if (!Number.isInteger(slot) || slot < 0) return undefined;
  return { slot, leader: slot === 0 };
}

interface ReadyMessage {
  chatons: "ready";
  url: string;
}

function isReady(message: unknown): message is ReadyMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    "chatons" in message &&
    message.chatons === "ready" &&
    "url" in message &&
    typeof message.url === "string"
  );
}

/** Tells the primary this worker listens; a no-op outside a supervised platform. */
export function reportReady(url: string): void {
  const message: ReadyMessage = { chatons: "ready", url };
  process.send?.(message);
}

export interface Supervisor {
  /** The address the first worker reported. */
  url: string;
  /** Stops every worker (each one gracefully, SIGKILL past `graceMs`) and resolves when all are gone. */
  stop(graceMs: number): Promise<void>;
}

export interface SupervisorOptions {
  workers: number;
  log: Logger;
  /** First wait before starting a dead worker again, doubled for each death in the last minute. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
}

const RECENT_MS = 60_000;

/**
 * Starts the leader first (it applies the migrations and loads the demo), then the others. A
 * worker that dies is started again in its slot, after a delay that grows while it keeps dying,
 * also when it dies again before it listens (a database out of reach for a while). At start, one
 * that dies before it ever listened stops the whole platform, since starting it again would fail
 * the same way (a port in use, a wrong database address).
 */
export async function supervise(options: SupervisorOptions): Promise<Supervisor> {
  const { log } = options;
  const baseDelay = options.restartDelayMs ?? 1_000;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
  const bySlot = new Map<number, Worker>();
  const deaths = new Map<number, number[]>();
  let stopping = false;

  const restartLater = (slot: number, worker: Worker, code: number | null, signal: string | null) => {
    const now = Date.now();
    const recent = [...(deaths.get(slot) ?? []).filter((at) => now - at < RECENT_MS), now];
    deaths.set(slot, recent);
    const delay = Math.min(maxDelay, baseDelay * 2 ** (recent.length - 1));
    log.error({ slot, pid: worker.process.pid, code, signal, restartInMs: delay }, "worker died");
    setTimeout(() => {
      if (!stopping) void start(slot, false).catch(() => undefined);
    }, delay).unref();
  };

  function start(slot: number, initial: boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const worker = cluster.fork({ [SLOT_VARIABLE]: String(slot) });
      bySlot.set(slot, worker);
      let ready = false;
      worker.on("message", (message: unknown) => {
        if (!isReady(message) || ready) return;
        ready = true;
        log.info({ slot, pid: worker.process.pid }, "worker ready");
        resolve(message.url);
      });
      worker.once("exit", (code, signal) => {
        if (bySlot.get(slot) === worker) bySlot.delete(slot);
        if (stopping) return;
        if (!ready && initial) {
          reject(new Error(`worker ${slot} stopped before it listened (code ${code ?? signal})`));
          return;
        }
        // A worker stops by itself with 0 only when it was told to stop (a signal to the group).
        if (code === 0 && ready) {
          log.warn({ slot, pid: worker.process.pid }, "worker stopped");
          return;
        }
        restartLater(slot, worker, code, signal);
        if (!ready) reject(new Error(`worker ${slot} died before it listened`));
      });
    });
  }

  const stop = async (graceMs: number) => {
    stopping = true;
    const exits = [...bySlot.values()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM");
          setTimeout(() => worker.process.kill("SIGKILL"), graceMs + 5_000).unref();
        }),
    );
    await Promise.all(exits);
  };

  try {
    const url = await start(0, true);
    await Promise.all(Array.from({ length: options.workers - 1 }, (_, i) => start(i + 1, true)));
    return { url, stop };
  } catch (error) {
    await stop(0);
    throw error;
  }
}
