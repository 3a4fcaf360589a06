import type { Selectable } from "kysely";
import type { DB } from "../../../db/adapter.js";
import type { Locale } from "../../../i18n/index.js";
import { defaultGerman } from "./default-charter.js";
import { newId } from "../../../db/ids.js";
import type {
  CharterCriteriaTable,
  CharterPartsTable,
  CharterVersionsTable,
  CriterionLevel,
} from "../applications.tables.js";

export type CharterVersion = Selectable<CharterVersionsTable>;
export type CharterPart = Selectable<CharterPartsTable>;
export type Criterion = Selectable<CharterCriteriaTable>;
export interface CharterPartWithCriteria extends CharterPart {
  criteria: Criterion[];
}
export interface Charter {
  version: CharterVersion;
  parts: CharterPartWithCriteria[];
}

/**
 * Picks the French or English column of a bilingual row; German readers get the default charter's
 * German while the French is as it shipped, the English otherwise.
 */
export function localized<K extends string>(
  row: { [P in `${K}_fr` | `${K}_en`]: string },
  key: K,
  locale: Locale,
): string {
  const fr: `${K}_fr` = `${key}_fr`;
  const en: `${K}_en` = `${key}_en`;
  if (locale === "de") return defaultGerman(row[fr]) ?? (row[en] || row[fr]);
  return locale === "en" && row[en] ? row[en] : row[fr];
}

async function assemble(db: DB, version: CharterVersion | undefined): Promise<Charter | undefined> {
  if (!version) return undefined;
  const parts = await db
    .selectFrom("charter_parts")
    .selectAll()
    .where("version_id", "=", version.id)
    .orderBy("position")
    .execute();
  const criteria = await db
    .selectFrom("charter_criteria")
    .selectAll()
    .where("version_id", "=", version.id)
    .orderBy("position")
    .execute();
  return {
    version,
    parts: parts.map((p) => ({ ...p, criteria: criteria.filter((c) => c.part_id === p.id) })),
  };
}

export async function currentCharter(db: DB): Promise<Charter | undefined> {
  const version = await db
    .selectFrom("charter_versions")
    .selectAll()
    .where("current_key", "=", "current")
    .executeTakeFirst();
  return assemble(db, version);
}

export async function charterByNumber(db: DB, number: number): Promise<Charter | undefined> {
  const version = await db
    .selectFrom("charter_versions")
    .selectAll()
    .where("version", "=", number)
    .executeTakeFirst();
  return assemble(db, version);
}

export async function charterById(db: DB, id: string): Promise<Charter | undefined> {
  const version = await db.selectFrom("charter_versions").selectAll().where("id", "=", id).executeTakeFirst();
  return assemble(db, version);
}

export async function listVersions(db: DB): Promise<CharterVersion[]> {
  return db.selectFrom("charter_versions").selectAll().orderBy("version", "desc").execute();
}

export const allCriteria = (charter: Charter): Criterion[] => charter.parts.flatMap((p) => p.criteria);

/** A new draft version copying `from`, numbered after the highest version. */
export async function createDraft(db: DB, from: Charter, personId: string, now: Date): Promise<string> {
  const highest = await db
    .selectFrom("charter_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto("charter_versions")
    .values({
      id,
      version: Number(highest?.v ?? 0) + 1,
      status: "draft",
      current_key: null,
      summary_fr: "",
      summary_en: "",
      created_at: now.toISOString(),
      created_by: personId,
      published_at: null,
    })
    .execute();
  for (const { criteria, ...part } of from.parts) {
    const partId = newId();
    await db
      .insertInto("charter_parts")
      .values({ ...part, id: partId, version_id: id })
      .execute();
    for (const c of criteria) {
      await db
        .insertInto("charter_criteria")
        .values({ ...c, id: newId(), version_id: id, part_id: partId })
        .execute();
    }
  }
  return id;
}

export interface CriterionFields {
  code: string;
  level: CriterionLevel;
  title_fr: string;
  title_en: string;
  explanation_fr: string;
  explanation_en: string;
  check_id: string | null;
}

export async function updateCriterion(
  db: DB,
  id: string,
  fields: CriterionFields & { part_id?: string },
): Promise<void> {
  await db.updateTable("charter_criteria").set(fields).where("id", "=", id).execute();
}

export async function addCriterion(
  db: DB,
  versionId: string,
  partId: string,
  fields: CriterionFields,
): Promise<string> {
  const last = await db
    .selectFrom("charter_criteria")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("part_id", "=", partId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto("charter_criteria")
    .values({ id, version_id: versionId, part_id: partId, position: Number(last?.p ?? -1) + 1, ...fields })
    .execute();
  return id;
}

export async function deleteCriterion(db: DB, id: string): Promise<void> {
  await db.deleteFrom("charter_criteria").where("id", "=", id).execute();
}

export async function updateSummary(db: DB, versionId: string, fr: string, en: string): Promise<void> {
  await db
    .updateTable("charter_versions")
    .set({ summary_fr: fr, summary_en: en })
    .where("id", "=", versionId)
    .execute();
}

/** Makes a draft the current charter; the previous current version is archived. */
export async function publishVersion(db: DB, versionId: string, now: Date): Promise<boolean> {
  await db
    .updateTable("charter_versions")
    .set({ status: "archived", current_key: null })
    .where("current_key", "=", "current")
    .execute();
  const result = await db
    .updateTable("charter_versions")
    .set({ status: "current", current_key: "current", published_at: now.toISOString() })
    .where("id", "=", versionId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
