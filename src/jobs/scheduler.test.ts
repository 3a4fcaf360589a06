import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../../tests/helpers/db.js";
import { loadConfig } from "../config.js";
import { createRuntime, type Runtime } from "../server.js";
import { createInProcessScheduler, type JobDefinition } from "./scheduler.js";
import { createPgBossScheduler, cronFor } from "./pgboss.js";
import { wholeDb } from "../db/adapter.js";

/** A job split into items; records who processed what, and how many times it finished. */
function fanOutJob(
  name: string,
  items: string[],
  processed: string[],
  finishes: string[],
  delayMs = 0,
): JobDefinition {
  return {
    name,
    intervalMs: 3_600_000,
    run: async () => "unused",
    fanOut: {
      plan: async () => ({ items, context: "ctx" }),
      async process(runId, item, context) {
        expect(context).toBe("ctx");
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (item === "broken") throw new Error("this member's server is down");
        processed.push(item);
      },
      finish: async (runId) => {
        finishes.push(runId);
        return `finished ${runId}`;
      },
      concurrency: 3,
    },
  };
}

let db: TestDatabase;
const runtimes: Runtime[] = [];
async function runtime(now?: () => Date): Promise<Runtime> {
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    SESSION_SECRET: "x".repeat(40),
    LOG_LEVEL: "silent",
  });
  const r = await createRuntime(config, {
    logger: pino({ level: "silent" }),
    db: db.searchPath ? { searchPath: db.searchPath } : {},
    ...(now ? { now } : {}),
  });
  runtimes.push(r);
  return r;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await db.handle.close();
});
afterAll(async () => {
  for (const r of runtimes) await r.close();
  await db.drop();
});

describe("cron expressions for pg-boss", () => {
  it("follows the interval and spreads jobs over the hour", () => {
    expect(cronFor({ name: "a", intervalMs: 60_000 })).toBe("* * * * *");
    expect(cronFor({ name: "a", intervalMs: 120_000 })).toMatch(/^[01]\/2 \* \* \* \*$/);
    expect(cronFor({ name: "crawl", intervalMs: 86_400_000 })).toMatch(/^\d+ \d \* \* \*$/);
    expect(cronFor({ name: "uptime", intervalMs: 3_600_000 })).toMatch(/^\d+ \* \* \* \*$/);
  });
});

describe("in-process scheduler", () => {
  it("runs a fanned-out job item by item, survives a failing item, and finishes once", async () => {
    const { deps } = await runtime();
    const processed: string[] = [];
    const finishes: string[] = [];
    const items = Array.from({ length: 10 }, (_, i) => `org-${i}`).concat(["broken"]);
    const scheduler = createInProcessScheduler(deps, [fanOutJob("test.fanout", items, processed, finishes)]);
    const summary = await scheduler.runNow("test.fanout");
    expect(summary).toMatch(/^finished /);
    expect(processed.sort()).toEqual(items.filter((i) => i !== "broken").sort());
    expect(finishes).toHaveLength(1);
    const run = await wholeDb(deps.db)
      .selectFrom("job_runs")
      .selectAll()
      .where("id", "=", finishes[0] ?? "")
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ total: 11, done: 11, failed: 1 });
    expect(run.finished_at).not.toBeNull();
    const state = await wholeDb(deps.db)
      .selectFrom("job_locks")
      .selectAll()
      .where("name", "=", "test.fanout")
      .executeTakeFirstOrThrow();
    expect(state.last_status).toBe("ok");
    await scheduler.stop(1_000);
  });

  it("lets only one of two instances run a due job", async () => {
    const a = await runtime();
    const b = await runtime();
    let runs = 0;
    const job: JobDefinition = {
      name: "test.once",
      intervalMs: 3_600_000,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 200));
        return "ran";
      },
    };
    const sa = createInProcessScheduler(a.deps, [job]);
    const sb = createInProcessScheduler(b.deps, [job]);
    const outcomes = await Promise.all([
      sa.runNow("test.once").catch((e: unknown) => String(e)),
      sb.runNow("test.once").catch((e: unknown) => String(e)),
    ]);
    expect(runs).toBe(1);
    expect(outcomes.sort()).toEqual(["Error: test.once is already running", "ran"]);
    await sa.stop(500);
    await sb.stop(500);
  });
});

/** A job that runs until the test lets it go, like a crawl caught by a crash. */
function hangingJob(name: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const job: JobDefinition = {
    name,
    intervalMs: 86_400_000,
    run: async () => {
      await released;
      return "released";
    },
  };
  return { job, release };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job leases", () => {
  let clock = Date.parse("2026-12-01T10:00:00.000Z");
  const now = () => new Date(clock);

  it("lets another instance run a job within two minutes of the crash of the one running it", async () => {
    const crashed = await runtime(now);
    const survivor = await runtime(now);
    const { job, release } = hangingJob("test.crash");
    // No heartbeat ever comes from the crashed instance.
    const dead = createInProcessScheduler(crashed.deps, [job], { heartbeatMs: 3_600_000 });
    const other = createInProcessScheduler(survivor.deps, [job]);
    try {
      expect((await dead.startNow("test.crash")).started).toBe(true);
      const refused = await other.startNow("test.crash");
      expect(refused).toMatchObject({ started: false, reason: "running", since: now().toISOString() });
      const lock = await wholeDb(survivor.deps.db)
        .selectFrom("job_locks")
        .select("locked_until")
        .where("name", "=", "test.crash")
        .executeTakeFirstOrThrow();
      expect(Date.parse(lock.locked_until) - clock).toBeLessThanOrEqual(120_000);
      clock += 120_001;
      const start = await other.startNow("test.crash");
      expect(start.started).toBe(true);
    } finally {
      release();
      await dead.stop(500);
      await other.stop(500);
    }
  });

  it("renews the lease of a running job, so that nobody else starts it however long it runs", async () => {
    const a = await runtime(now);
    const b = await runtime(now);
    const { job, release } = hangingJob("test.long");
    const running = createInProcessScheduler(a.deps, [job], { heartbeatMs: 20 });
    const other = createInProcessScheduler(b.deps, [job]);
    try {
      const started = await running.startNow("test.long");
      expect(started.started).toBe(true);
      for (let minute = 0; minute < 30; minute++) {
        clock += 60_000;
        await wait(60);
        expect((await other.startNow("test.long")).started, `after ${minute + 1} min`).toBe(false);
      }
      release();
      if (started.started) expect(await started.done).toBe("released");
      expect((await other.startNow("test.long")).started).toBe(true);
    } finally {
      release();
      await running.stop(500);
      await other.stop(500);
    }
  });

  it("frees at start the leases its own killed predecessor left at the same address", async () => {
    const before = await runtime(now);
    const after = await runtime(now);
    const { job, release } = hangingJob("test.restart");
    const killed = createInProcessScheduler(before.deps, [job], { heartbeatMs: 3_600_000 });
    const restarted = createInProcessScheduler(after.deps, [job]);
    try {
      expect((await killed.startNow("test.restart")).started).toBe(true);
      await restarted.start();
      expect((await restarted.startNow("test.restart")).started).toBe(true);
      const state = await wholeDb(after.deps.db)
        .selectFrom("job_locks")
        .selectAll()
        .where("name", "=", "test.restart")
        .executeTakeFirstOrThrow();
      expect(state.owner).not.toBeNull();
    } finally {
      release();
      await killed.stop(500);
      await restarted.stop(500);
    }
  });

  it("tells the workers sharing a port apart: a restarted worker frees only its own slot's leases", async () => {
    const one = await runtime(now);
    const other = await runtime(now);
    const again = await runtime(now);
    const held = hangingJob("test.slot-held");
    const left = hangingJob("test.slot-left");
    // Slot 1 runs a job an administrator started there; slot 0 dies during its own run.
    const running = createInProcessScheduler(one.deps, [held.job], { slot: 1, schedule: false });
    const killed = createInProcessScheduler(other.deps, [left.job], { slot: 0, heartbeatMs: 3_600_000 });
    const restarted = createInProcessScheduler(again.deps, [held.job, left.job], {
      slot: 0,
      schedule: false,
    });
    try {
      expect((await running.startNow("test.slot-held")).started).toBe(true);
      expect((await killed.startNow("test.slot-left")).started).toBe(true);
      await restarted.start();
      expect(await restarted.startNow("test.slot-held")).toMatchObject({ started: false, reason: "running" });
      expect((await restarted.startNow("test.slot-left")).started).toBe(true);
    } finally {
      held.release();
      left.release();
      await running.stop(500);
      await killed.stop(500);
      await restarted.stop(500);
    }
  });
});

describe.runIf(usingPostgres())("pg-boss scheduler across instances", () => {
  it("spreads the items of one run over two instances and finishes the run once", async () => {
    const processedA: string[] = [];
    const processedB: string[] = [];
    const finishes: string[] = [];
    const items = Array.from({ length: 24 }, (_, i) => `org-${i}`);
    const options = {
      connectionString: db.url,
      schema: `${db.searchPath}_boss`,
      itemTimeoutMs: 30_000,
      maintenanceIntervalMs: 5_000,
    };
    const a = await runtime();
    const b = await runtime();
    const sa = createPgBossScheduler(
      a.deps,
      [fanOutJob("test.spread", items, processedA, finishes, 150)],
      options,
    );
    const sb = createPgBossScheduler(
      b.deps,
      [fanOutJob("test.spread", items, processedB, finishes, 150)],
      options,
    );
    await sa.start();
    await sb.start();
    await sa.runNow("test.spread");
    const deadline = Date.now() + 45_000;
    while (finishes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(finishes).toHaveLength(1);
    expect([...processedA, ...processedB].sort()).toEqual([...items].sort());
    expect(processedA.length).toBeGreaterThan(0);
    expect(processedB.length).toBeGreaterThan(0);
    await sa.stop(2_000);
    await sb.stop(2_000);
  }, 60_000);
});
