import { ownedTables, type DB } from "../../../db/adapter.js";
import { newSortableId } from "../../../db/ids.js";
import type { Selectable } from "kysely";
import type { StatsImportsTable, StatsTables } from "../stats.tables.js";
import type { ImportReport } from "./report.js";
import type { Value } from "./decide.js";

/** The import's own tables: its runs and what it last read from each file. */
const importDb = ownedTables<Pick<StatsTables, "stats_imports" | "stats_import_records">>();

export interface ImportRecord {
  entityId: string;
  fields: Record<string, Value>;
}

function parseFields(text: string): Record<string, Value> {
  const raw: unknown = JSON.parse(text);
  const out: Record<string, Value> = {};
  if (typeof raw === "object" && raw !== null)
    for (const [k, v] of Object.entries(raw))
      if (typeof v === "string" || typeof v === "number" || v === null) out[k] = v;
  return out;
}

/**
 * What the import last read from each of these files, read in one statement per organization
 * (a statement per file was most of a repeated import's queries).
 */
export async function loadRecords(db: DB, urls: readonly string[]): Promise<Map<string, ImportRecord>> {
  const out = new Map<string, ImportRecord>();
  const unique = [...new Set(urls)];
  // Chunks keep the parameter count under SQLite's limit.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await importDb(db)
      .selectFrom("stats_import_records")
      .select(["url", "entity_id", "fields"])
      .where("url", "in", unique.slice(i, i + 500))
      .execute();
    for (const row of rows) out.set(row.url, { entityId: row.entity_id, fields: parseFields(row.fields) });
  }
  return out;
}

/** Keeps what the file said; writes only when it changed, so an unchanged import writes nothing. */
export async function saveRecord(
  db: DB,
  entry: { url: string; kind: "member" | "service"; entityId: string; fields: Record<string, Value> },
  previous: ImportRecord | undefined,
  at: string,
): Promise<void> {
  const fields = JSON.stringify(entry.fields);
  if (previous && previous.entityId === entry.entityId && JSON.stringify(previous.fields) === fields) return;
  await importDb(db)
    .insertInto("stats_import_records")
    .values({ url: entry.url, kind: entry.kind, entity_id: entry.entityId, fields, updated_at: at })
    .onConflict((oc) =>
      oc.column("url").doUpdateSet({ kind: entry.kind, entity_id: entry.entityId, fields, updated_at: at }),
    )
    .execute();
}

export async function startImportRow(
  db: DB,
  input: { url: string; dryRun: boolean; personId: string | null; at: string },
): Promise<string> {
  const id = newSortableId();
  await importDb(db)
    .insertInto("stats_imports")
    .values({
      id,
      url: input.url,
      dry_run: input.dryRun ? 1 : 0,
      actor_person_id: input.personId,
      status: "running",
      started_at: input.at,
      finished_at: null,
      report: null,
    })
    .execute();
  return id;
}

export async function finishImportRow(db: DB, id: string, report: ImportReport, at: string): Promise<void> {
  await importDb(db)
    .updateTable("stats_imports")
    .set({ status: report.fatal ? "failed" : "done", finished_at: at, report: JSON.stringify(report) })
    .where("id", "=", id)
    .execute();
}

/** One recorded import as pages show it (the dry-run flag a boolean). */
export type ImportRun = Omit<Selectable<StatsImportsTable>, "dry_run"> & { dryRun: boolean };

const toRun = ({ dry_run, ...row }: Selectable<StatsImportsTable>): ImportRun => ({
  ...row,
  dryRun: dry_run === 1,
});

export async function listImports(db: DB, limit = 20): Promise<ImportRun[]> {
  const rows = await importDb(db)
    .selectFrom("stats_imports")
    .selectAll()
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export async function findImport(db: DB, id: string): Promise<ImportRun | undefined> {
  const row = await importDb(db)
    .selectFrom("stats_imports")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toRun(row) : undefined;
}
