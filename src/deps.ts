import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { Config } from "./config.js";
import type { DialectName } from "./db/database.js";
import type { Logger } from "./log.js";
import type { Mailer } from "./mail/mailer.js";
import type { Outbound } from "./http/outbound.js";
import { nowIso } from "./db/ids.js";
import { ownedTables, type DB } from "./db/adapter.js";
import type { CoreTables } from "./db/core.tables.js";
import type { JobDefinition, JobStart, Scheduler } from "./jobs/scheduler.js";

/**
 * What handlers, jobs and commands are given. Passing these explicitly (instead of importing
 * singletons) is what lets tests run the real code against a per-test database and fake servers.
 */
export interface Deps {
  config: Config;
  db: DB;
  dialect: DialectName;
  /** Path of the SQLite file, for backups; undefined on PostgreSQL. */
  dbFile: string | undefined;
  log: Logger;
  mailer: Mailer;
  outbound: Outbound;
  /** Secret for HMACs (anonymous form tokens). Shared by all instances through the settings table. */
  secret: string;
  now: () => Date;
  /** The scheduled jobs, to list them and run one now (admin button, CLI). */
  jobs: JobControl;
}

export interface JobControl {
  list(): readonly JobDefinition[];
  runNow(name: string): Promise<string>;
  /** Starts a job without waiting for it; says whether it started or why it was refused. */
  startNow(name: string): Promise<JobStart>;
  attach(scheduler: Scheduler): void;
}

/** Deps are built before the scheduler (which needs them); the scheduler is attached afterwards. */
export function createJobControl(): JobControl {
  let scheduler: Scheduler | undefined;
  return {
    list: () => scheduler?.jobs ?? [],
    runNow: (name) => {
      if (!scheduler) return Promise.reject(new Error("no scheduler"));
      return scheduler.runNow(name);
    },
    startNow: (name) => {
      if (!scheduler) return Promise.reject(new Error("no scheduler"));
      return scheduler.startNow(name);
    },
    attach(s) {
      scheduler = s;
    },
  };
}

const packageVersion = (() => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string"
      ? pkg.version
      : "0.0.0";
  } catch {
    return "0.0.0";
  }
})();

export const VERSION = packageVersion;

export function userAgent(config: Config): string {
  return `chatons/${VERSION} (+${config.baseUrl}/en/stats/crawler)`;
}

/** The configured secret, or the one stored in the database, created on first start. */
/** Settings are this module's own table. */
const settingsDb = ownedTables<Pick<CoreTables, "settings">>();

export async function loadSecret(db: DB, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const existing = await settingsDb(db)
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "secret")
    .executeTakeFirst();
  if (existing) return existing.value;
  const value = randomBytes(32).toString("base64url");
  await settingsDb(db)
    .insertInto("settings")
    .values({ key: "secret", value, updated_at: nowIso() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const stored = await settingsDb(db)
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "secret")
    .executeTakeFirstOrThrow();
  return stored.value;
}
