import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import SQLite from "better-sqlite3";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./helpers/db.js";
import { clockEnv } from "./helpers/process.js";
import { main } from "../src/cli.js";

/** Runs the real CLI (through tsx, so no build is needed) with the given environment. */
function chatons(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli-entry.ts", ...args], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...clockEnv(), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each case starts the real command several times (tsx compiles the app each time): slow when
// the machine is busy, so the cases get more than the default 30 s.
describe("the chatons command", { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.handle.close();
    dir = mkdtempSync(join(tmpdir(), "chatons-cli-"));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // Help needs no environment: asked in this process (each spawn compiles the app again).
  it("lists its commands and documents each with --help", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
      printed.push(parts.join(" "));
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await main(["--help"])).toBe(0);
      const help = printed.join("\n");
      for (const name of ["serve", "migrate", "seed-demo", "create-admin", "backup"]) {
        expect(help).toContain(name);
        printed.length = 0;
        expect(await main([name, "--help"]), name).toBe(0);
        expect(printed.join("\n")).toContain(`chatons ${name}`);
      }
      expect(await main(["frobnicate"])).toBe(2);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it("stops with a message naming a bad variable", () => {
    const res = chatons(["migrate"], { PORT: "not-a-port", COLOUR_ACCENT: "yellow" });
    expect(res.code).toBe(78);
    expect(res.err).toContain("PORT");
    expect(res.err).toContain("COLOUR_ACCENT");
  });

  it("migrates, loads the demo collective, creates an admin", () => {
    const env = { DATABASE_URL: db.url, DATA_DIR: dir };
    expect(chatons(["migrate"], env).code).toBe(0);
    const seeded = chatons(["seed-demo", "--sites-url", "http://127.0.0.1:9"], env);
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toMatch(/Demo collective loaded: \d+ structures/);
    expect(chatons(["seed-demo"], env).out).toContain("already has members");
    const admin = chatons(["create-admin", "--email", "root@example.org", "--name", "Root"], env);
    expect(admin.code, admin.err).toBe(0);
    expect(admin.out).toMatch(/Password \(shown once\): \S{12,}/);
    expect(chatons(["create-admin", "--email", "nope"], env).code).toBe(2);
  });

  it.skipIf(usingPostgres())("backs up the SQLite database consistently", () => {
    const out = join(dir, "copy.sqlite");
    const res = chatons(["backup", "--out", out], { DATABASE_URL: db.url, DATA_DIR: dir });
    expect(res.code, res.err).toBe(0);
    expect(existsSync(out)).toBe(true);
    const copy = new SQLite(out, { readonly: true });
    const row = copy.prepare("select count(*) as n from members").get();
    copy.close();
    expect(row).toMatchObject({ n: expect.any(Number) });
    expect(JSON.stringify(row)).toMatch(/"n":[1-9]/);
  });

  it.runIf(usingPostgres())("explains pg_dump for PostgreSQL backups", () => {
    const res = chatons(["backup"], { DATABASE_URL: db.url, DATA_DIR: dir });
    expect(res.code).toBe(0);
    expect(res.out).toContain("pg_dump");
  });
});
