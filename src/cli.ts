import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createRuntime, startPlatform } from "./server.js";
import { features } from "./features/index.js";
import { seedDemo, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "./demo/seed.js";
import { createPerson, findPersonByEmail, setPassword } from "./identity/people.repository.js";
import { MIN_PASSWORD_LENGTH } from "./identity/passwords.js";
import { audit } from "./audit/audit.js";
import type { CliCommand } from "./features/feature.js";
import { nowIso } from "./db/ids.js";
import { setPlatformAdmin } from "./identity/identity.repository.js";
import { createLogger, type Logger } from "./log.js";
import { reportReady, supervise, workerRole, type Supervisor } from "./supervisor.js";

/**
 * The `chatons` command. Each command parses its own options, prints --help, and returns an exit
 * code; configuration comes from the environment (see README, "Configuration").
 */

interface Command {
  name: string;
  summary: string;
  usage: string;
  run(config: Config, args: string[]): Promise<number>;
}

const serve: Command = {
  name: "serve",
  summary: "Start the web platform and its scheduled jobs.",
  usage: `chatons serve [--demo]

  --demo   Load the demo collective into an empty database and serve the demo members'
           sites (ChatonsInfos files, service instances) on loopback (DEMO_SITES_PORT, 8081).
           Everything shown is fictitious and labelled as such.

  WORKERS=N (or auto) runs N processes sharing the port; see the README.`,
  async run(config, args) {
    const { values } = parseArgs({ args, options: { demo: { type: "boolean", default: false } } });
    const demo = values.demo || config.demo.enabled;
    const effective: Config = demo
      ? {
          ...config,
          demo: { ...config.demo, enabled: true },
          outbound: { ...config.outbound, allowLoopback: true },
        }
      : config;
    const role = workerRole();
    if (!role && config.workers > 1) return superviseWorkers(effective, demo);
    try {
      // In a worker only the leader loads the demo and serves its members' sites.
      const platform = await startPlatform(effective, {
        demo: demo && (role?.leader ?? true),
        ...(role ? { worker: role } : {}),
      });
      if (role) reportReady(platform.url);
      else banner(platform.url, demo);
      await untilStopped(platform.deps.log, (graceMs) => platform.stop(graceMs), role !== undefined);
      return 0;
    } finally {
      // The channel to the primary would keep a stopped (or failed) worker's process alive.
      if (role && process.connected) process.disconnect();
    }
  },
};

function banner(url: string, demo: boolean): void {
  console.log(
    `\n  chatons is running at ${url}/${demo ? `  (demo: sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD})` : ""}\n`,
  );
}

/** Resolves once a signal (or, in a worker, the primary's going away) has stopped what runs. */
function untilStopped(
  log: Logger,
  stopAll: (graceMs: number) => Promise<void>,
  worker: boolean,
): Promise<void> {
  return new Promise<void>((resolveStop) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      void stopAll(10_000).then(resolveStop);
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
    // A worker whose primary died would serve on unsupervised: it stops instead.
    if (worker) process.once("disconnect", () => stop("disconnect"));
  });
}

async function superviseWorkers(config: Config, demo: boolean): Promise<number> {
  const log = createLogger(config.logLevel);
  let supervisor: Supervisor;
  try {
    supervisor = await supervise({ workers: config.workers, log });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  log.info({ workers: config.workers }, "workers started");
  banner(supervisor.url, demo);
  await untilStopped(log, (graceMs) => supervisor.stop(graceMs), false);
  return 0;
}

const migrate: Command = {
  name: "migrate",
  summary: "Apply pending database migrations, then exit.",
  usage: "chatons migrate",
  async run(config) {
    const runtime = await createRuntime(config);
    await runtime.close();
    console.log("Database is up to date.");
    return 0;
  },
};

const seed: Command = {
  name: "seed-demo",
  summary: "Load the demo collective into an empty database.",
  usage: `chatons seed-demo [--sites-url URL]

  --sites-url  Base URL where the demo members' sites will be served
               (default http://127.0.0.1:<DEMO_SITES_PORT>).`,
  async run(config, args) {
    const { values } = parseArgs({ args, options: { "sites-url": { type: "string" } } });
    const runtime = await createRuntime(config);
    try {
      const world = await seedDemo(
        runtime.deps,
        values["sites-url"] ?? `http://127.0.0.1:${config.demo.sitesPort}`,
        features,
      );
      console.log(
        world
          ? `Demo collective loaded: ${world.members.length} structures.`
          : "The database already has members: nothing loaded.",
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

const createAdmin: Command = {
  name: "create-admin",
  summary: "Create a platform administrator (or promote an existing account).",
  usage: `chatons create-admin --email ADDRESS --name NAME [--password PASSWORD]

  Without --password a random one is generated and printed once.`,
  async run(config, args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    });
    if (!values.email || !/^.+@.+\..+$/.test(values.email)) {
      console.error("--email is required and must be an e-mail address.");
      return 2;
    }
    const password = values.password ?? randomBytes(12).toString("base64url");
    if (password.length < MIN_PASSWORD_LENGTH) {
      console.error(`--password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
      return 2;
    }
    const runtime = await createRuntime(config);
    try {
      const { db } = runtime.deps;
      const existing = await findPersonByEmail(db, values.email);
      let id: string;
      if (existing) {
        id = existing.id;
        await setPlatformAdmin(db, id, true);
        if (values.password) await setPassword(db, id, password);
      } else {
        id = await createPerson(db, {
          email: values.email,
          name: values.name ?? values.email.split("@")[0] ?? "admin",
          password,
          isPlatformAdmin: true,
        });
      }
      await audit(db, {
        actor: null,
        action: "person.make_admin",
        subject: { type: "person", id },
        data: { via: "cli" },
      });
      console.log(
        existing
          ? `${values.email} is now a platform administrator.`
          : `Administrator ${values.email} created.`,
      );
      if (!values.password && !existing) console.log(`Password (shown once): ${password}`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

const backup: Command = {
  name: "backup",
  summary: "Write a consistent copy of the SQLite database (or explain pg_dump).",
  usage: `chatons backup [--out FILE]

  SQLite: copies the live database with SQLite's online backup API, safe while the platform runs.
          Default FILE: <DATA_DIR>/backups/chatons-<date>.sqlite
  PostgreSQL: prints the pg_dump command to use.`,
  async run(config, args) {
    const { values } = parseArgs({ args, options: { out: { type: "string" } } });
    if (!config.databaseUrl.startsWith("sqlite:")) {
      const url = new URL(config.databaseUrl);
      url.password = url.password ? "****" : "";
      console.log(
        `PostgreSQL: use pg_dump, for example:\n\n  pg_dump --format=custom --file=chatons-$(date +%F).dump '${url.href}'\n\nRestore with pg_restore --clean --dbname=… chatons-….dump`,
      );
      return 0;
    }
    const source = resolve(config.databaseUrl.slice("sqlite:".length));
    const stamp = nowIso().replace(/[:.]/g, "-");
    const out = resolve(values.out ?? `${config.dataDir}/backups/chatons-${stamp}.sqlite`);
    mkdirSync(dirname(out), { recursive: true });
    const db = new SQLite(source, { fileMustExist: true, readonly: true });
    try {
      await db.backup(out);
    } finally {
      db.close();
    }
    console.log(`Backup written to ${out}`);
    return 0;
  },
};

function fromFeature(command: CliCommand): Command {
  return {
    name: command.name,
    summary: command.summary,
    usage: command.usage,
    async run(config, args) {
      const runtime = await createRuntime(config);
      try {
        return await command.run(runtime.deps, args);
      } finally {
        await runtime.close();
      }
    },
  };
}

const commands: Command[] = [
  serve,
  migrate,
  seed,
  createAdmin,
  backup,
  ...features.flatMap((f) => (f.commands ?? []).map(fromFeature)),
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `chatons: the platform of a collective of ethical hosters.

Usage: chatons <command> [options]    (chatons <command> --help for details)

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Configuration is read from environment variables; see the README.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78;
    }
    throw error;
  }
  try {
    return await command.run(config, args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
