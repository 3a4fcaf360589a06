import type { AddressInfo } from "node:net";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import type { Config } from "./config.js";
import { createJobControl, loadSecret, userAgent, type Deps } from "./deps.js";
import { openDatabase, type DatabaseOptions } from "./db/database.js";
import { opaqueDb } from "./db/adapter.js";
import { migrateToLatest } from "./db/migrate.js";
import { createLogger, type Logger } from "./log.js";
import { createMailer } from "./mail/mailer.js";
import { createOutbound } from "./http/outbound.js";
import { createApp } from "./app.js";
import { createPageCache, type PageCache } from "./http/page-cache.js";
import { securityHeaderList } from "./http/security.js";
import { sessionCookieName } from "./http/session.js";
import { httpDateOf } from "./http/http-date.js";
import { createAdmission, type Admission } from "./http/admission.js";
import { busyAnswer } from "./http/busy.js";
import { features } from "./features/index.js";
import type { Feature } from "./features/feature.js";
import { createInProcessScheduler, type Scheduler } from "./jobs/scheduler.js";
import { coreJobs } from "./jobs/core.jobs.js";
import { probeJob } from "./probe/rounds.js";
import type { AppEnv } from "./http/context.js";
import { seedDemo } from "./demo/seed.js";
import { startDemoSites, createDemoSitesApp, type DemoSitesServer } from "./demo/sites.js";
import { loadWorld } from "./demo/world.js";
import { seededRandom } from "./demo/random.js";
import { currentTime, useClock } from "./clock.js";
import type { WorkerRole } from "./supervisor.js";

export interface Runtime {
  deps: Deps;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and assembles what every command needs. */
export async function createRuntime(
  config: Config,
  options: { logger?: Logger; db?: DatabaseOptions; now?: () => Date } = {},
): Promise<Runtime> {
  const log = options.logger ?? createLogger(config.logLevel);
  if (options.now) useClock(options.now);
  const handle = await openDatabase(config.databaseUrl, options.db);
  const db = opaqueDb(handle.db);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const secret = await loadSecret(db, config.sessionSecret);
  const outbound = createOutbound({ ...config.outbound, userAgent: userAgent(config) });
  const mailer = createMailer({ db, smtpUrl: config.mail.smtpUrl, from: config.mail.from, log });
  const deps: Deps = {
    config,
    db,
    dialect: handle.dialect,
    dbFile: handle.file,
    log,
    mailer,
    outbound,
    secret,
    now: options.now ?? currentTime,
    jobs: createJobControl(),
  };
  return {
    deps,
    async close() {
      await outbound.close();
      await handle.close();
    },
  };
}

/**
 * Node's request listener: the direct answers first (the features', then the page cache's front
 * path), then the web app, in its turn in the line (decision 073). The health check skips the line:
 * a busy instance is alive, and a proxy must not take it for dead.
 */
function nodeListener(
  deps: Deps,
  app: Hono<AppEnv>,
  pageCache: PageCache,
  admission: Admission,
  date: () => string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const toApp = getRequestListener(app.fetch);
  const headers = securityHeaderList(deps.config.secureCookies);
  const direct = [
    ...features.flatMap((feature) => (feature.direct ? [feature.direct(deps, headers, date)] : [])),
    pageCache.front,
  ];
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    // The Date header follows the platform's clock: browsers judge cookie expiry against it. The
    // direct answers send it themselves, in the one header list they write.
    res.setHeader("date", date());
    return toApp(req, res);
  };
  return (req, res) => {
    for (const tryDirect of direct) if (tryDirect(req, res)) return;
    if (req.url === "/healthz") void answer(req, res);
    else admission.admit(req, res, () => answer(req, res));
  };
}

/** A warm-up that fails only costs the first visitors the wait it would have spared them. */
export async function warmFeatures(deps: Deps, list: Feature[]): Promise<void> {
  for (const feature of list) {
    if (!feature.warm) continue;
    const began = performance.now();
    try {
      await feature.warm(deps);
      deps.log.debug({ feature: feature.name, ms: Math.round(performance.now() - began) }, "warmed up");
    } catch (error) {
      deps.log.warn(
        { feature: feature.name, err: error },
        "warm-up failed; the first requests will read instead",
      );
    }
  }
}

export function allJobs(deps: Deps, list: Feature[] = features) {
  const probes = list.flatMap((f) => (f.probes ? [f.probes(deps)] : []));
  return [...coreJobs(deps), probeJob(deps, probes), ...list.flatMap((f) => f.jobs?.(deps) ?? [])];
}

export interface Platform {
  deps: Deps;
  app: Hono<AppEnv>;
  url: string;
  scheduler: Scheduler;
  demoSites: DemoSitesServer | undefined;
  pageCache: PageCache;
  admission: Admission;
  /** Graceful stop: no new connections, in-flight requests and jobs finish within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function startPlatform(
  config: Config,
  options: {
    demo?: boolean;
    logger?: Logger;
    now?: () => Date;
    runtime?: Runtime;
    /** The line's monotonic clock, ms (tests drive it). */
    lineClock?: () => number;
    /** Set in a worker of several sharing the port: only the leader schedules the jobs. */
    worker?: WorkerRole;
  } = {},
): Promise<Platform> {
  const runtime = options.runtime ?? (await createRuntime(config, options));
  const { deps } = runtime;
  let demoSites: DemoSitesServer | undefined;
  if (options.demo ?? config.demo.enabled) {
    demoSites = await startDemoSites(config.demo.sitesPort);
    await seedDemo(deps, demoSites.url, features);
    const world = await loadWorld(deps.db, demoSites.url, seededRandom(7));
    demoSites.setApp(createDemoSitesApp(world, features));
    deps.log.info({ url: demoSites.url }, "demo member sites served on loopback");
  }
  await warmFeatures(deps, features);
  const date = httpDateOf(deps.now);
  const pageCache = createPageCache(deps.db, {
    front: {
      securityHeaders: securityHeaderList(config.secureCookies),
      sessionCookie: sessionCookieName(config.secureCookies),
      log: deps.log,
      date,
    },
  });
  const app = createApp(deps, features, {
    pageCache,
    ...(options.worker ? { workerSlot: options.worker.slot } : {}),
  });
  pageCache.renderThrough(async (request) => app.fetch(request));
  // pg-boss is loaded only when asked for: small instances never pay for it.
  const scheduler =
    config.jobs === "pgboss"
      ? (await import("./jobs/pgboss.js")).createPgBossScheduler(deps, allJobs(deps), {
          connectionString: config.databaseUrl,
          ...config.pgboss,
        })
      : createInProcessScheduler(deps, allJobs(deps), {
          ...(options.worker ? { slot: options.worker.slot, schedule: options.worker.leader } : {}),
        });
  deps.jobs.attach(scheduler);
  const admission = createAdmission({
    ...config.requests,
    ...(options.lineClock ? { now: options.lineClock } : {}),
    // Never the query string nor the address, as the request log.
    slow: {
      ms: 1_000,
      report: (req, waitedMs, totalMs) =>
        deps.log.warn(
          {
            method: req.method,
            path: (req.url ?? "").split("?")[0],
            waitedMs: Math.round(waitedMs),
            ms: Math.round(totalMs),
          },
          "slow request",
        ),
    },
    busy: busyAnswer({
      defaultLocale: config.defaultLocale,
      collectiveName: config.collective.name,
      securityHeaders: securityHeaderList(config.secureCookies),
      date,
    }),
  });
  const server = createServer(nodeListener(deps, app, pageCache, admission, date));
  // What stopping releases once the port is closed and the jobs have finished; also what a failed
  // listen must release, or the pool and the demo's port would keep the process alive.
  const release = async () => {
    pageCache.stop();
    for (const feature of features)
      await feature
        .stop?.(deps)
        .catch((error: unknown) =>
          deps.log.warn({ err: error, feature: feature.name }, "feature stop failed"),
        );
    await demoSites?.close();
    await runtime.close();
  };
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      const info = server.address();
      if (info && typeof info === "object") resolve(info);
      else reject(new Error("the server has no address"));
    });
  }).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  if (config.jobs !== "off") await scheduler.start();
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  deps.log.info({ url, database: deps.dialect, demo: !!demoSites }, "chatons is listening");
  return {
    deps,
    app,
    url,
    scheduler,
    demoSites,
    pageCache,
    admission,
    async stop(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), graceMs);
      forced.unref();
      await Promise.all([closed, scheduler.stop(graceMs)]);
      clearTimeout(forced);
      await release();
    },
  };
}
