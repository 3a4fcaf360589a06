import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppContext, AppEnv } from "../http/context.js";
import type { Deps } from "../deps.js";
import type { JobDefinition } from "../jobs/scheduler.js";
import type { DemoWorld } from "../demo/world.js";
import type { ProbeSource } from "../probe/rounds.js";

/** A command of the `chatons` CLI contributed by a feature (e.g. `crawl`). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(deps: Deps, args: string[]): Promise<number>;
}

/**
 * What a feature plugs into the platform. Each feature folder exports one of these from its
 * index.ts; src/features/index.ts lists them. Migrations and message catalogues are collected
 * statically elsewhere (db/migrate.ts, i18n/catalog.ts) because their types must be known at
 * compile time.
 */
export interface Feature {
  name: string;
  /** Routes under /fr and /en: paths here are written without the locale prefix. */
  pages?: (router: Hono<AppEnv>) => void;
  /** Routes at the root: /api/…, /.well-known/… */
  root?: (app: Hono<AppEnv>) => void;
  /**
   * Hot routes that need no session, CSRF check, body or page cache (the entraide dispatch):
   * mounted right after the security headers and the locale, before the rest of the middleware.
   */
  fastRoot?: (app: Hono<AppEnv>) => void;
  /**
   * An answer given straight from Node's request, before the web app, for the one path where the
   * app's cost matters (the entraide 303). Returns false to leave the request to the app. An
   * answer sends the Date header itself, from `date` (the platform's clock).
   */
  direct?: (
    deps: Deps,
    securityHeaders: [string, string][],
    date: () => string,
  ) => (req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * Reads the first visitors would otherwise wait for (the directory's snapshot, the stats of the
   * last crawl), made before the port opens: a worker started again under load, or a large
   * directory, then answers its first request as fast as the others.
   */
  warm?: (deps: Deps) => Promise<void>;
  /** Called when the platform stops (flush buffers such as the portal's visit counters). */
  stop?: (deps: Deps) => Promise<void>;
  jobs?: (deps: Deps) => JobDefinition[];
  /**
   * The addresses this feature wants observed, and how often (uptime, the portal's health): the
   * platform's one probe job observes each address once for every feature that asked for it.
   */
  probes?: (deps: Deps) => ProbeSource;
  commands?: CliCommand[];
  /** Adds this feature's part of the demo collective (runs after the directory's demo data). */
  seedDemo?: (deps: Deps, world: DemoWorld) => Promise<void>;
  /** Adds routes to the demo member sites served on loopback (ChatonsInfos files, fake instances). */
  demoSites?: (app: Hono, world: DemoWorld) => void;
  /**
   * A section of a member structure's dashboard (/dashboard/<slug>), shown to its people: its
   * ChatonsInfos problems, its portal instances, its pending votes… Return null to show nothing.
   */
  dashboardPanel?: (c: AppContext, member: PanelMember) => Promise<Child | null>;
  /** A section of the home page (the latest news…). Return null to show nothing. */
  homePanel?: (c: AppContext) => Promise<Child | null>;
  /** A section of the public member page (/members/<slug>): uptime, portal participation… */
  memberPagePanel?: (c: AppContext, member: PanelMember) => Promise<Child | null>;
  /** This feature's data about a person, for their "export my data" download (JSON-ready). */
  personExport?: (deps: Deps, personId: string) => Promise<Record<string, unknown>>;
  /** This feature's data about a member structure, for the structure's export (JSON-ready). */
  memberExport?: (deps: Deps, memberId: string) => Promise<Record<string, unknown>>;
}

export interface PanelMember {
  id: string;
  slug: string;
  name: string;
}
