import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The waiting line in front of the web app (decision 073).
 *
 * Left to itself, a saturated Node process serves its sockets in the order the kernel reports
 * them ready, which is not the order requests arrived: under 200 connections of cache misses most
 * requests waited 0.2 s and one in a hundred more than 6 s, with the server's own handling under
 * 10 ms each (bench/scale.ts; a bare `node:http` server burning 3 ms per request shows the same).
 * Here every request the direct answers did not take joins one first-in, first-out line, and the
 * line starts one request per turn of the event loop, so that sockets are read between two starts
 * and a request's place is the time it arrived.
 *
 * A reader who has waited longer than `maxWaitMs` by their turn gets the busy answer (503 and
 * Retry-After): an honest "come back in a moment" instead of a page that never comes, and the time
 * goes to those who can still be answered in time. Turning away only in turn (not on arrival by an
 * estimate) keeps clients that retry at once from turning the surge into a storm of busy answers
 * that starve the event loop; only a line past `maxWaiting` (a flood) refuses on arrival. Writes
 * (anything but GET and HEAD) are never turned away: they wait their turn, so no form is lost.
 */
export interface AdmissionOptions {
  /** Requests being answered at once (in flight: PostgreSQL answers while others are handled). */
  concurrency: number;
  /** The longest a reader may wait for their turn; 0 never turns anyone away. */
  maxWaitMs: number;
  /** Past this many waiting, a reader is turned away on arrival (a flood, not a surge). */
  maxWaiting?: number;
  /** A monotonic clock in milliseconds (tests drive it). */
  now?: () => number;
  /** Writes the busy answer. */
  busy: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Told of every answer whose last byte left more than `slowMs` after the request arrived
   * (waiting included): what a visitor waited, as far as the server can know it.
   */
  slow?: { ms: number; report: (req: IncomingMessage, waitedMs: number, totalMs: number) => void };
}

export interface Admission {
  /** Runs `answer` in its turn, or answers busy. */
  admit(req: IncomingMessage, res: ServerResponse, answer: () => unknown): void;
  readonly waiting: number;
  readonly running: number;
  /** Readers turned away so far. */
  readonly turnedAway: number;
}

interface Waiting {
  req: IncomingMessage;
  res: ServerResponse;
  answer: () => unknown;
  since: number;
}

/** Only reads may be turned away: a refused write would be a lost form. */
const mayTurnAway = (req: IncomingMessage): boolean => req.method === "GET" || req.method === "HEAD";

export function createAdmission(options: AdmissionOptions): Admission {
  const now = options.now ?? (() => performance.now());
  const maxWaiting = options.maxWaiting ?? 4096;
  const line: (Waiting | undefined)[] = [];
  let head = 0;
  let running = 0;
  let turnedAway = 0;
  let scheduled = false;

  const length = () => line.length - head;

  const turnAway = (item: Pick<Waiting, "req" | "res">) => {
    turnedAway++;
    options.busy(item.req, item.res);
  };

  const schedule = () => {
    if (scheduled || length() === 0 || running >= options.concurrency) return;
    scheduled = true;
    setImmediate(turn);
  };

  const take = (): Waiting | undefined => {
    const item = line[head];
    if (item === undefined) return undefined;
    line[head++] = undefined;
    if (head > 1024 && head * 2 > line.length) {
      line.splice(0, head);
      head = 0;
    }
    return item;
  };

  /**
   * The next one in line who is still there and has not waited too long; those who have are
   * answered busy on the way (cheap, so a long line of them clears in one turn).
   */
  const next = (): Waiting | undefined => {
    const at = now();
    for (let item = take(); item !== undefined; item = take()) {
      // The visitor left while waiting: nothing to answer.
      if (item.res.destroyed || item.req.socket.destroyed) continue;
      if (options.maxWaitMs > 0 && mayTurnAway(item.req) && at - item.since > options.maxWaitMs) {
        turnAway(item);
        continue;
      }
      return item;
    }
    return undefined;
  };

  function turn(): void {
    scheduled = false;
    const item = next();
    if (item === undefined) return;
    running++;
    const started = now();
    // The place is given back when the answer is written (its promise settles), not when its last
    // byte reaches a slow phone: the time after that is the kernel's, and eight slow downloads must
    // not hold the line. Without a promise, when the response closes.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      running--;
      schedule();
    };
    item.res.once("close", () => {
      release();
      const total = now() - item.since;
      if (options.slow && total > options.slow.ms) options.slow.report(item.req, started - item.since, total);
    });
    try {
      const result = item.answer();
      if (result instanceof Promise) result.then(release, release);
    } catch {
      release();
    }
    schedule();
  }

  return {
    admit(req, res, answer) {
      if (length() >= maxWaiting && mayTurnAway(req)) {
        turnAway({ req, res });
        return;
      }
      line.push({ req, res, answer, since: now() });
      schedule();
    },
    get waiting() {
      return length();
    },
    get running() {
      return running;
    },
    get turnedAway() {
      return turnedAway;
    },
  };
}
