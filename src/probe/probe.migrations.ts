import { randomUUID } from "node:crypto";
import type { Kysely, Migration } from "kysely";

// Frozen in time: no import of the application's current tables or helpers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

const normal = (url: string): string => {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
};

const CHUNK = 2_000;

async function targetIds(db: AnyDB, urls: Iterable<string>, at: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const existing: { id: string; url: string }[] = await db
    .selectFrom("probe_targets")
    .select(["id", "url"])
    .execute();
  for (const r of existing) ids.set(r.url, r.id);
  const fresh = [...new Set(urls)].filter((u) => !ids.has(u)).map((url) => ({ id: randomUUID(), url }));
  for (let i = 0; i < fresh.length; i += 200)
    await db
      .insertInto("probe_targets")
      .values(fresh.slice(i, i + 200).map((t) => ({ ...t, created_at: at, last_markers: "[]" })))
      .execute();
  for (const t of fresh) ids.set(t.url, t.id);
  return ids;
}

type Row = Record<string, string | number | null>;

/** Adds legacy daily rows, page by page (two services on one address add up). */
async function importDaily(
  db: AnyDB,
  rows: (offset: number) => Promise<Row[]>,
  urlOf: Map<string, string>,
  key: string,
  counts: (r: Row) => Record<string, number>,
  at: string,
) {
  const ids = await targetIds(db, urlOf.values(), at);
  const zero = { checks: 0, reachable: 0, total_ms: 0, judged: 0, usable: 0, usable_ms: 0 };
  for (let offset = 0; ; offset += CHUNK) {
    const page = await rows(offset);
    if (page.length === 0) return;
    // One row per address and day within a statement: PostgreSQL refuses to upsert a row twice.
    const merged = new Map<string, Record<string, string | number>>();
    for (const r of page) {
      const url = urlOf.get(String(r[key]));
      const target = url ? ids.get(url) : undefined;
      if (!target) continue;
      const k = `${target}|${String(r.day)}`;
      const cur = merged.get(k) ?? { target_id: target, day: String(r.day), ...zero };
      for (const [c, n] of Object.entries(counts(r))) cur[c] = Number(cur[c] ?? 0) + n;
      merged.set(k, cur);
    }
    const values = [...merged.values()];
    const columns = Object.keys(zero);
    for (let i = 0; i < values.length; i += 200)
      await db
        .insertInto("probe_daily")
        .values(values.slice(i, i + 200))
        .onConflict((oc) =>
          oc
            .columns(["target_id", "day"])
            .doUpdateSet((eb) =>
              Object.fromEntries(
                columns.map((c) => [c, eb(`probe_daily.${c}`, "+", eb.ref(`excluded.${c}`))]),
              ),
            ),
        )
        .execute();
  }
}

export const probeMigrations: Record<string, Migration> = {
  "2026-12-01-0010-probe-store": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("probe_targets")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_observed_at", "text")
        .addColumn("last_status", "integer")
        .addColumn("last_error", "text")
        .addColumn("last_elapsed_ms", "integer")
        .addColumn("last_reachable", "integer")
        .addColumn("reachable_since", "text")
        .addColumn("last_markers", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await db.schema
        .createTable("probe_observations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("target_id", "text", (c) => c.notNull().references("probe_targets.id").onDelete("cascade"))
        .addColumn("observed_at", "text", (c) => c.notNull())
        .addColumn("elapsed_ms", "integer", (c) => c.notNull())
        .addColumn("status", "integer")
        .addColumn("error", "text")
        .addColumn("final_url", "text")
        .addColumn("challenged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("page", "text")
        .addColumn("markers", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("within_ms", "integer")
        .execute();
      await db.schema
        .createIndex("probe_observations_target")
        .on("probe_observations")
        .columns(["target_id", "id"])
        .execute();
      await db.schema
        .createIndex("probe_observations_at")
        .on("probe_observations")
        .column("observed_at")
        .execute();
      await db.schema
        .createTable("probe_daily")
        .addColumn("target_id", "text", (c) => c.notNull().references("probe_targets.id").onDelete("cascade"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reachable", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("total_ms", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("judged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("usable", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("usable_ms", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("probe_daily_pk", ["target_id", "day"])
        .execute();
      await db.schema.createIndex("probe_daily_day").on("probe_daily").column("day").execute();

      // The two monitors' history moves in: uptime's rows count answers, the portal's count
      // usable pages (decision 025). Keyed by address, as the store is.
      const at = new Date().toISOString();
      const services: { id: string; url: string }[] = await db
        .selectFrom("services")
        .select(["id", "url"])
        .execute();
      const serviceUrl = new Map(services.map((s) => [s.id, normal(s.url)]));
      await importDaily(
        db,
        (offset) =>
          db
            .selectFrom("stats_uptime_daily")
            .selectAll()
            .orderBy("service_id")
            .orderBy("day")
            .limit(CHUNK)
            .offset(offset)
            .execute(),
        serviceUrl,
        "service_id",
        (r) => ({ checks: Number(r.checks), reachable: Number(r.ups), total_ms: Number(r.total_ms) }),
        at,
      );
      const instances: { id: string; url: string }[] = await db
        .selectFrom("entraide_instances")
        .select(["id", "url"])
        .execute();
      const instanceUrl = new Map(instances.map((i) => [i.id, normal(i.url)]));
      await importDaily(
        db,
        (offset) =>
          db
            .selectFrom("entraide_daily")
            .select(["instance_id", "day", "checks", "checks_ok", "ms_total"])
            .where("checks", ">", 0)
            .orderBy("instance_id")
            .orderBy("day")
            .limit(CHUNK)
            .offset(offset)
            .execute(),
        instanceUrl,
        "instance_id",
        (r) => ({ judged: Number(r.checks), usable: Number(r.checks_ok), usable_ms: Number(r.ms_total) }),
        at,
      );
      const latest: Row[] = await db
        .selectFrom("stats_uptime_latest")
        .selectAll()
        .orderBy("checked_at")
        .execute();
      const ids = await targetIds(
        db,
        latest.map((l) => serviceUrl.get(String(l.service_id)) ?? "").filter((u) => u !== ""),
        at,
      );
      for (const l of latest) {
        const target = ids.get(serviceUrl.get(String(l.service_id)) ?? "");
        if (!target) continue;
        await db
          .updateTable("probe_targets")
          .set({
            last_observed_at: l.checked_at,
            last_status: l.http_status,
            last_elapsed_ms: l.elapsed_ms,
            last_reachable: l.ok,
            reachable_since: l.since,
          })
          .where("id", "=", target)
          .execute();
      }
      await db.schema.dropTable("stats_uptime_latest").execute();
      await db.schema.dropTable("stats_uptime_daily").execute();
    },
    async down(db: AnyDB) {
      await db.schema
        .createTable("stats_uptime_daily")
        .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("ups", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("total_ms", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("stats_uptime_daily_pk", ["service_id", "day"])
        .execute();
      await db.schema
        .createTable("stats_uptime_latest")
        .addColumn("service_id", "text", (c) => c.primaryKey().references("services.id").onDelete("cascade"))
        .addColumn("checked_at", "text", (c) => c.notNull())
        .addColumn("ok", "integer", (c) => c.notNull())
        .addColumn("http_status", "integer")
        .addColumn("reason", "text")
        .addColumn("elapsed_ms", "integer")
        .addColumn("since", "text", (c) => c.notNull())
        .execute();
      for (const t of ["probe_daily", "probe_observations", "probe_targets"])
        await db.schema.dropTable(t).execute();
    },
  },
};
