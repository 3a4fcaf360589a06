import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, PostgresAdapter, sql, type Kysely } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/db.js";
import { makeMember, makeService } from "../../../tests/helpers/factories.js";
import { allMigrations, migrateToLatest } from "../../db/migrate.js";
import type { Database } from "../../db/schema.js";
import { newId } from "../../db/ids.js";
import { dailyOf, latestOf } from "../../probe/history.repository.js";
import { uptimeRows } from "../stats/uptime.js";
import { describeInstances } from "./instances.js";
import { allInstances } from "./entraide.repository.js";
import { wholeDb } from "../../db/adapter.js";
import { opaqueDb } from "../../db/adapter.js";

/**
 * A database as it was before the probe store (decision 025) and the link to the directory
 * (decision 034): two monitors' daily tables, instances with their own address and software. The
 * migrations move the history into the store and link each instance to its directory service.
 */

let tdb: TestDatabase;
let db: Kysely<Database>;
const ids: Record<string, string> = {};

/** On PostgreSQL, this file's own schema (others' test files have theirs on the same server). */
async function ownSchema() {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
}

async function migrateUpTo(before: string) {
  const schema = await ownSchema();
  const legacy = Object.fromEntries(Object.entries(allMigrations).filter(([name]) => name < before));
  const result = await new Migrator({
    db,
    provider: { getMigrations: async () => legacy },
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (result.error) throw result.error;
}

const at = "2026-11-30T10:00:00.000Z";

async function legacyInstance(
  id: string,
  memberId: string,
  service: string,
  url: string,
  software: string,
  archived = false,
) {
  await sql`insert into entraide_instances (id, service_id, member_id, url, software, weight, paused, approval,
    health, failures, successes, created_at, updated_at, archived_at)
    values (${id}, ${service}, ${memberId}, ${url}, ${software}, 5, 0, 'approved', 'up', 0, 3, ${at}, ${at},
    ${archived ? at : null})`.execute(db);
}

beforeAll(async () => {
  tdb = await createTestDatabase({ migrate: false });
  db = tdb.handle.db;
  await migrateUpTo("2026-12-01");
  const a = await makeMember(db, { name: "Chaton Ancien" });
  const b = await makeMember(db, { name: "Chaton Sans Fiche" });
  ids.memberB = b.id;
  // The directory spells the address without its final slash, the portal with it.
  ids.pad = (await makeService(db, a.id, { slug: "pad", url: "https://pad.ancien.example.org" })).id;
  ids.cloud = (await makeService(db, a.id, { slug: "cloud", url: "https://cloud.ancien.example.org/" })).id;
  for (const [key, member, service, url, software, archived] of [
    ["lent", a.id, "pad", "https://pad.ancien.example.org/", "etherpad", false],
    ["orphan", b.id, "spreadsheet", "https://calc.sans-fiche.example.org/", "ethercalc", false],
    ["withdrawn", a.id, "pad", "https://old-pad.ancien.example.org/", "etherpad", true],
  ] as const) {
    ids[key] = newId();
    await legacyInstance(ids[key] ?? "", member, service, url, software, archived);
  }
  for (const [service, day, checks, ups] of [
    [ids.pad, "2026-11-28", 24, 23],
    [ids.pad, "2026-11-29", 24, 24],
    [ids.cloud, "2026-11-29", 24, 12],
  ] as const)
    await sql`insert into stats_uptime_daily (service_id, day, checks, ups, total_ms)
      values (${service}, ${day}, ${checks}, ${ups}, ${checks * 100})`.execute(db);
  await sql`insert into stats_uptime_latest (service_id, checked_at, ok, http_status, reason, elapsed_ms, since)
    values (${ids.pad}, ${at}, 1, 200, null, 90, '2026-11-20T00:00:00.000Z')`.execute(db);
  await sql`insert into entraide_daily (instance_id, day, checks, checks_ok, ms_total, visits)
    values (${ids.lent}, '2026-11-29', 720, 700, 70000, 12), (${ids.orphan}, '2026-11-29', 10, 0, 0, 0)`.execute(
    db,
  );
  await migrateToLatest(db);
});
afterAll(async () => {
  await tdb.drop();
});

describe("migrating the portal's instances to the directory's services", () => {
  it("links an instance to its structure's service at the same address, and fills the service's software", async () => {
    const row = await wholeDb(db)
      .selectFrom("entraide_instances")
      .selectAll()
      .where("id", "=", ids.lent ?? "")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      directory_service_id: ids.pad,
      reviewed_url: "https://pad.ancien.example.org/",
    });
    expect(Object.keys(row)).not.toContain("software");
    expect(Object.keys(row)).not.toContain("url");
    const [view] = await describeInstances(
      opaqueDb(db),
      (await allInstances(opaqueDb(db))).filter((i) => i.id === ids.lent),
    );
    expect(view).toMatchObject({
      url: "https://pad.ancien.example.org/",
      software: "etherpad",
      moved: false,
      listed: true,
    });
    const notes = await wholeDb(db).selectFrom("audit_log").select(["action", "subject_id"]).execute();
    expect(notes).toContainEqual({ action: "entraide.migration.software_set", subject_id: ids.pad });
  });

  it("creates the directory service of an instance that had none, and says so in the audit log", async () => {
    const row = await wholeDb(db)
      .selectFrom("entraide_instances")
      .selectAll()
      .where("id", "=", ids.orphan ?? "")
      .executeTakeFirstOrThrow();
    const service = await wholeDb(db)
      .selectFrom("services")
      .leftJoin("software", "software.id", "services.software_id")
      .select(["services.id", "services.member_id", "services.url", "services.category_id", "software.slug"])
      .where("services.id", "=", row.directory_service_id ?? "")
      .executeTakeFirstOrThrow();
    expect(service).toMatchObject({
      member_id: ids.memberB,
      url: "https://calc.sans-fiche.example.org/",
      category_id: "spreadsheet",
      slug: "ethercalc",
    });
    const notes = await wholeDb(db)
      .selectFrom("audit_log")
      .select(["action", "subject_id", "data"])
      .execute();
    expect(notes).toContainEqual({
      action: "entraide.migration.service_created",
      subject_id: service.id,
      data: JSON.stringify({ instance: ids.orphan, url: "https://calc.sans-fiche.example.org/" }),
    });
    const withdrawn = await wholeDb(db)
      .selectFrom("entraide_instances")
      .select("directory_service_id")
      .where("id", "=", ids.withdrawn ?? "")
      .executeTakeFirstOrThrow();
    expect(withdrawn.directory_service_id).toBeNull();
  });

  it("moves both monitors' history into the observation store, keyed by address, and keeps the visitors", async () => {
    const days = await dailyOf(opaqueDb(db), ["https://pad.ancien.example.org/"], "2026-11-01");
    expect(days).toEqual([
      expect.objectContaining({ day: "2026-11-28", checks: 24, reachable: 23, judged: 0, usable: 0 }),
      expect.objectContaining({
        day: "2026-11-29",
        checks: 24,
        reachable: 24,
        judged: 720,
        usable: 700,
        usableMs: 70000,
      }),
    ]);
    const now = new Date("2026-11-30T12:00:00.000Z");
    const uptime = await uptimeRows(opaqueDb(db), [ids.pad ?? "", ids.cloud ?? ""], now);
    expect(uptime.map((u) => [u.service_id, u.day, u.ups]).sort()).toEqual(
      [
        [ids.cloud, "2026-11-29", 12],
        [ids.pad, "2026-11-28", 23],
        [ids.pad, "2026-11-29", 24],
      ].sort(),
    );
    const latest = (await latestOf(opaqueDb(db), ["https://pad.ancien.example.org"])).get(
      "https://pad.ancien.example.org/",
    );
    expect(latest).toMatchObject({ reachable: true, since: "2026-11-20T00:00:00.000Z", status: 200 });
    const visits = await wholeDb(db).selectFrom("entraide_visits").selectAll().execute();
    expect(visits).toEqual([{ instance_id: ids.lent, day: "2026-11-29", visits: 12 }]);
    const schema = await ownSchema();
    const tables = await db.introspection.getTables();
    const names = tables.filter((t) => schema === undefined || t.schema === schema).map((t) => t.name);
    expect(names).not.toContain("stats_uptime_daily");
    expect(names).not.toContain("entraide_daily");
  });
});
