import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The table ownership contract of docs/ARCHITECTURE.md, read from the code: a query that names a
 * table (selectFrom, updateTable, insertInto, deleteFrom, joins) outside the folder that owns it is
 * a reach into another feature's data. Owners come from the `*.tables.ts` files; core tables have
 * one module each. Migrations are frozen history and may name any table.
 *
 * KNOWN_DEBT lists the reaches that predate the rule (the stats feature still reads the directory's
 * members and services directly); it may only shrink: a new reach fails, and so does a listed one
 * that no longer exists, so the list stays true.
 */

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), ".."));
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    // Test helpers set up fixtures across owners on purpose, as the test factories do.
    return /\.tsx?$/.test(name) && !/(\.(test|migrations)\.tsx?|test-helpers\.ts)$/.test(name) ? [path] : [];
  });
}

/** Core tables live in src/db/core.tables.ts but each has one owning module. */
const CORE_OWNERS: Record<string, string> = {
  audit_log: "audit",
  mail_outbox: "mail",
  job_locks: "jobs",
  rate_limits: "http/rate-limit.ts",
  settings: "deps.ts",
};

function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>(Object.entries(CORE_OWNERS));
  for (const file of sourceFiles(SRC).filter(
    (f) => f.endsWith(".tables.ts") && !f.endsWith("core.tables.ts"),
  )) {
    const source = readFileSync(file, "utf8");
    const body = /interface \w+Tables \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
    for (const match of body.matchAll(/^\s+([a-z_]+):/gm))
      if (match[1]) owners.set(match[1], relative(SRC, dirname(file)));
  }
  return owners;
}

const KNOWN_DEBT: string[] = [];

/** Files that still query through `wholeDb` (their reaches are the KNOWN_DEBT above). */
const WHOLE_DB_DEBT: string[] = [];

function reaches(): string[] {
  const owners = tableOwners();
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(
      /\.(?:selectFrom|updateTable|insertInto|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*"([a-z_]+)(?: as \w+)?"/g,
    )) {
      const table = match[1] ?? "";
      const owner = owners.get(table);
      if (owner && rel !== owner && !rel.startsWith(`${owner}/`)) found.add(`${rel} → ${table} (${owner})`);
    }
  }
  return [...found].sort();
}

describe("table ownership", () => {
  it("knows the owner of every table", () => {
    const owners = tableOwners();
    expect(owners.get("members")).toBe("features/directory");
    expect(owners.get("people")).toBe("identity");
    expect(owners.get("probe_observations")).toBe("probe");
    expect(owners.get("meetings")).toBe("features/collective");
  });

  it("finds no query on a table outside its owner, apart from the listed debt", () => {
    expect(reaches()).toEqual(KNOWN_DEBT);
  });

  it("lets only the database layer (and the listed debt) hold every table at once", () => {
    // `DB` is opaque: an owner's view is the only way to query, so the type check refuses a reach.
    // `wholeDb` is the escape for migrations, fixtures and benches; application code never needs it.
    const holders = sourceFiles(SRC)
      .filter((file) => /\bwholeDb\(/.test(readFileSync(file, "utf8")))
      .map((file) => relative(SRC, file))
      .filter((rel) => !rel.startsWith("db/"));
    expect(holders).toEqual(WHOLE_DB_DEBT);
  });
});
