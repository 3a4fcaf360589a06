import { availableParallelism } from "node:os";
import { z } from "zod";
import { LOCALES, type Locale } from "./i18n/locales.js";

/**
 * The only module that reads `process.env`. Every setting is validated here at start so that a
 * typo stops the platform with a message naming the variable, instead of failing later at 3 a.m.
 */

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #a46708");
const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");
/** How many reverse proxies stand in front of the platform; the old yes/no values mean 0 and 1. */
const proxyHops = z
  .string()
  .regex(
    /^(\d{1,2}|true|false|yes|no|on|off)$/,
    "expected the number of reverse proxies in front of the platform (0, 1, 2…)",
  )
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : ["true", "yes", "on"].includes(v) ? 1 : 0));
const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, "expected a duration like 30s, 2m, 1h or 1d")
  .transform(parseDuration);

export function parseDuration(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`invalid duration ${value}`);
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return Number(match[1]) * (units[match[2] ?? "ms"] ?? 1);
}

const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, "expected sqlite:<file> or postgres://…")
    .default("sqlite:./data/chatons.sqlite"),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // The line in front of the web app (decision 073): requests answered at once, and the longest a
  // reader may wait before being asked to come back (0ms: never).
  REQUEST_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(8),
  REQUEST_MAX_WAIT: duration.default(500),
  TRUST_PROXY: proxyHops.default(0),
  // Processes sharing the port (decision 075); "auto": one per core.
  WORKERS: z
    .preprocess(
      (v) => (v === "auto" ? availableParallelism() : v),
      z.coerce.number().int().min(1, "must be at least 1 (or auto)").max(64),
    )
    .default(1),

  COLLECTIVE_NAME: z.string().min(1).max(80).default("CHATONS"),
  COLLECTIVE_TAGLINE_FR: z
    .string()
    .max(200)
    .default("Collectif des Hébergeurs Alternatifs, Transparents, Ouverts, Neutres et Solidaires"),
  COLLECTIVE_TAGLINE_EN: z
    .string()
    .max(200)
    .default("Collective of Alternative, Transparent, Open, Neutral and Solidary Hosters"),
  COLLECTIVE_TAGLINE_DE: z
    .string()
    .max(200)
    .default("Kollektiv alternativer, transparenter, offener, neutraler und solidarischer Hoster"),
  COLLECTIVE_CONTACT_EMAIL: z.email().default("contact@chatons.example"),
  COLLECTIVE_LOGO: z.string().min(1).default("/assets/logo.svg"),
  COLOUR_PRIMARY: hexColour.default("#a46708"),
  COLOUR_SECONDARY: hexColour.default("#f0980c"),
  COLOUR_ACCENT: hexColour.default("#f9cc01"),
  DEFAULT_LOCALE: z.enum(LOCALES).default("fr"),

  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "expected smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),

  OUTBOUND_ALLOW_LOOPBACK: bool.default(false),
  OUTBOUND_TIMEOUT: duration.default(10_000),
  OUTBOUND_MAX_BYTES: z.coerce.number().int().min(1024).default(5_242_880),
  OUTBOUND_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(5),

  DEMO: bool.default(false),
  DEMO_SITES_PORT: z.coerce.number().int().min(0).max(65535).default(8081),

  // Stats (ChatonsInfos crawler and uptime probes).
  FEDERATION_URL: z.url().optional(),
  CRAWL_INTERVAL: duration.default(86_400_000),
  CRAWL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  CRAWL_PER_HOST: z.coerce.number().int().min(1).max(16).default(2),
  UPTIME_INTERVAL: duration.default(3_600_000),

  // Entraide portal.
  ENTRAIDE_CHECK_INTERVAL: duration.default(120_000),
  ENTRAIDE_FAILURES_TO_DOWN: z.coerce.number().int().min(1).max(20).default(3),
  ENTRAIDE_SUCCESSES_TO_UP: z.coerce.number().int().min(1).max(20).default(2),
  ENTRAIDE_SLOW_AFTER: duration.default(5_000),
  ENTRAIDE_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  ENTRAIDE_REFRESH_INTERVAL: duration.default(30_000),

  // Applications and votes.
  REASSESSMENT_INTERVAL: duration.default(365 * 86_400_000),

  // Scheduler: "inprocess" always works; "pgboss" needs PostgreSQL.
  JOBS: z.enum(["inprocess", "pgboss", "off"]).optional(),
  JOBS_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, "expected a PostgreSQL schema name")
    .default("pgboss"),
  JOBS_ITEM_TIMEOUT: duration.default(600_000),
  JOBS_MAINTENANCE_INTERVAL: duration.default(30_000),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: "production" | "development" | "test";
  host: string;
  port: number;
  baseUrl: string;
  secureCookies: boolean;
  databaseUrl: string;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: string;
  maxBodyBytes: number;
  /** The line in front of the web app: requests in flight, and the longest wait before a 503. */
  requests: { concurrency: number; maxWaitMs: number };
  /** Processes `chatons serve` runs, sharing the port; 1: the platform is the process itself. */
  workers: number;
  /** Reverse proxies in front of the platform: the client address is read that many hops from the right of X-Forwarded-For. */
  trustProxy: number;
  collective: {
    name: string;
    tagline: Record<Locale, string>;
    contactEmail: string;
    logo: string;
    colours: { primary: string; secondary: string; accent: string };
  };
  defaultLocale: Locale;
  mail: { smtpUrl: string | undefined; from: string };
  outbound: { allowLoopback: boolean; timeoutMs: number; maxBytes: number; maxRedirects: number };
  demo: { enabled: boolean; sitesPort: number };
  stats: {
    federationUrl: string | undefined;
    crawlIntervalMs: number;
    crawlConcurrency: number;
    crawlPerHost: number;
    uptimeIntervalMs: number;
  };
  entraide: {
    checkIntervalMs: number;
    failuresToDown: number;
    successesToUp: number;
    /** A check answered later than this counts as a failure. */
    slowAfterMs: number;
    checkConcurrency: number;
    /** How often the in-memory dispatch table is reloaded and visit counters are written. */
    refreshIntervalMs: number;
  };
  applications: { reassessmentIntervalMs: number };
  jobs: "inprocess" | "pgboss" | "off";
  /** pg-boss settings (JOBS=pgboss): its schema, how long an item may run before another instance retries it. */
  pgboss: { schema: string; itemTimeoutMs: number; maintenanceIntervalMs: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment. Throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.JOBS === "pgboss" && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
    throw new ConfigError(["JOBS: pgboss needs DATABASE_URL to be a postgres:// URL"]);
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl,
    secureCookies: baseUrl.startsWith("https://"),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    requests: { concurrency: e.REQUEST_CONCURRENCY, maxWaitMs: e.REQUEST_MAX_WAIT },
    trustProxy: e.TRUST_PROXY,
    workers: e.WORKERS,
    collective: {
      name: e.COLLECTIVE_NAME,
      tagline: { fr: e.COLLECTIVE_TAGLINE_FR, en: e.COLLECTIVE_TAGLINE_EN, de: e.COLLECTIVE_TAGLINE_DE },
      contactEmail: e.COLLECTIVE_CONTACT_EMAIL,
      logo: e.COLLECTIVE_LOGO,
      colours: { primary: e.COLOUR_PRIMARY, secondary: e.COLOUR_SECONDARY, accent: e.COLOUR_ACCENT },
    },
    defaultLocale: e.DEFAULT_LOCALE,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `${e.COLLECTIVE_NAME} <${e.COLLECTIVE_CONTACT_EMAIL}>`,
    },
    outbound: {
      allowLoopback: e.OUTBOUND_ALLOW_LOOPBACK || e.DEMO,
      timeoutMs: e.OUTBOUND_TIMEOUT,
      maxBytes: e.OUTBOUND_MAX_BYTES,
      maxRedirects: e.OUTBOUND_MAX_REDIRECTS,
    },
    demo: { enabled: e.DEMO, sitesPort: e.DEMO_SITES_PORT },
    stats: {
      federationUrl: e.FEDERATION_URL,
      crawlIntervalMs: e.CRAWL_INTERVAL,
      crawlConcurrency: e.CRAWL_CONCURRENCY,
      crawlPerHost: e.CRAWL_PER_HOST,
      uptimeIntervalMs: e.UPTIME_INTERVAL,
    },
    entraide: {
      checkIntervalMs: e.ENTRAIDE_CHECK_INTERVAL,
      failuresToDown: e.ENTRAIDE_FAILURES_TO_DOWN,
      successesToUp: e.ENTRAIDE_SUCCESSES_TO_UP,
      slowAfterMs: e.ENTRAIDE_SLOW_AFTER,
      checkConcurrency: e.ENTRAIDE_CHECK_CONCURRENCY,
      refreshIntervalMs: e.ENTRAIDE_REFRESH_INTERVAL,
    },
    applications: { reassessmentIntervalMs: e.REASSESSMENT_INTERVAL },
    jobs: e.JOBS ?? "inprocess",
    pgboss: {
      schema: e.JOBS_SCHEMA,
      itemTimeoutMs: e.JOBS_ITEM_TIMEOUT,
      maintenanceIntervalMs: e.JOBS_MAINTENANCE_INTERVAL,
    },
  };
}
