import type { Selectable } from "kysely";
import type { DB } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import {
  applicationsDb,
  type CharterCriteriaTable,
  type CharterPartsTable,
  type CharterStatus,
  type CharterVersionsTable,
  type CriterionLevel,
} from "../applications.tables.js";

/** The charter as versioned data: versions, their parts (the letters) and criteria. */

export interface CharterVersion {
  id: string;
  version: number;
  status: CharterStatus;
  summaryFr: string;
  summaryEn: string;
  /** '' when nobody wrote it (as for every German field below). */
  summaryDe: string;
  publishedAt: string | null;
}

export interface CharterPart {
  id: string;
  letter: string;
  /** Order within the version. */
  position: number;
  nameFr: string;
  nameEn: string;
  introFr: string;
  introEn: string;
  nameDe: string;
  introDe: string;
}

export interface CriterionFields {
  code: string;
  level: CriterionLevel;
  titleFr: string;
  titleEn: string;
  titleDe: string;
  explanationFr: string;
  explanationEn: string;
  explanationDe: string;
  /** Which automated pre-check gives evidence for this criterion, if any (see checks/). */
  checkId: string | null;
}

export interface Criterion extends CriterionFields {
  id: string;
  partId: string;
  /** Order within the version. */
  position: number;
}

export interface CharterPartWithCriteria extends CharterPart {
  criteria: Criterion[];
}

export interface Charter {
  version: CharterVersion;
  parts: CharterPartWithCriteria[];
}

const toVersion = (r: Selectable<CharterVersionsTable>): CharterVersion => ({
  id: r.id,
  version: r.version,
  status: r.status,
  summaryFr: r.summary_fr,
  summaryEn: r.summary_en,
  summaryDe: r.summary_de,
  publishedAt: r.published_at,
});

const toPart = (r: Selectable<CharterPartsTable>): CharterPart => ({
  id: r.id,
  letter: r.letter,
  position: r.position,
  nameFr: r.name_fr,
  nameEn: r.name_en,
  introFr: r.intro_fr,
  introEn: r.intro_en,
  nameDe: r.name_de,
  introDe: r.intro_de,
});

const toCriterion = (r: Selectable<CharterCriteriaTable>): Criterion => ({
  id: r.id,
  partId: r.part_id,
  position: r.position,
  code: r.code,
  level: r.level,
  titleFr: r.title_fr,
  titleEn: r.title_en,
  explanationFr: r.explanation_fr,
  explanationEn: r.explanation_en,
  titleDe: r.title_de,
  explanationDe: r.explanation_de,
  checkId: r.check_id,
});

async function assemble(db: DB, row: Selectable<CharterVersionsTable> | undefined) {
  if (!row) return undefined;
  const parts = await applicationsDb(db)
    .selectFrom("charter_parts")
    .selectAll()
    .where("version_id", "=", row.id)
    .orderBy("position")
    .execute();
  const criteria = (
    await applicationsDb(db)
      .selectFrom("charter_criteria")
      .selectAll()
      .where("version_id", "=", row.id)
      .orderBy("position")
      .execute()
  ).map(toCriterion);
  return {
    version: toVersion(row),
    parts: parts.map((p) => ({ ...toPart(p), criteria: criteria.filter((c) => c.partId === p.id) })),
  };
}

const versions = (db: DB) => applicationsDb(db).selectFrom("charter_versions").selectAll();

export async function currentCharter(db: DB): Promise<Charter | undefined> {
  return assemble(db, await versions(db).where("current_key", "=", "current").executeTakeFirst());
}

export async function charterByNumber(db: DB, number: number): Promise<Charter | undefined> {
  return assemble(db, await versions(db).where("version", "=", number).executeTakeFirst());
}

export async function charterById(db: DB, id: string): Promise<Charter | undefined> {
  return assemble(db, await versions(db).where("id", "=", id).executeTakeFirst());
}

export async function listVersions(db: DB): Promise<CharterVersion[]> {
  return (await versions(db).orderBy("version", "desc").execute()).map(toVersion);
}

export const allCriteria = (charter: Charter): Criterion[] => charter.parts.flatMap((p) => p.criteria);

const criterionColumns = (fields: CriterionFields) => ({
  code: fields.code,
  level: fields.level,
  title_fr: fields.titleFr,
  title_en: fields.titleEn,
  explanation_fr: fields.explanationFr,
  explanation_en: fields.explanationEn,
  title_de: fields.titleDe,
  explanation_de: fields.explanationDe,
  check_id: fields.checkId,
});

/** A new draft version copying `from`, numbered after the highest version. */
export async function createDraft(db: DB, from: Charter, personId: string, now: Date): Promise<string> {
  const own = applicationsDb(db);
  const highest = await own
    .selectFrom("charter_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .executeTakeFirst();
  const id = newId();
  await own
    .insertInto("charter_versions")
    .values({
      id,
      version: Number(highest?.v ?? 0) + 1,
      status: "draft",
      current_key: null,
      summary_fr: "",
      summary_en: "",
      summary_de: "",
      created_at: now.toISOString(),
      created_by: personId,
      published_at: null,
    })
    .execute();
  for (const part of from.parts) {
    const partId = newId();
    await own
      .insertInto("charter_parts")
      .values({
        id: partId,
        version_id: id,
        letter: part.letter,
        position: part.position,
        name_fr: part.nameFr,
        name_en: part.nameEn,
        intro_fr: part.introFr,
        intro_en: part.introEn,
        name_de: part.nameDe,
        intro_de: part.introDe,
      })
      .execute();
    for (const c of part.criteria) {
      await own
        .insertInto("charter_criteria")
        .values({
          ...criterionColumns(c),
          id: newId(),
          version_id: id,
          part_id: partId,
          position: c.position,
        })
        .execute();
    }
  }
  return id;
}

export async function updateCriterion(
  db: DB,
  id: string,
  fields: CriterionFields & { partId: string },
): Promise<void> {
  await applicationsDb(db)
    .updateTable("charter_criteria")
    .set({ ...criterionColumns(fields), part_id: fields.partId })
    .where("id", "=", id)
    .execute();
}

export async function addCriterion(
  db: DB,
  versionId: string,
  partId: string,
  fields: CriterionFields,
): Promise<string> {
  const last = await applicationsDb(db)
    .selectFrom("charter_criteria")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("part_id", "=", partId)
    .executeTakeFirst();
  const id = newId();
  await applicationsDb(db)
    .insertInto("charter_criteria")
    .values({
      id,
      version_id: versionId,
      part_id: partId,
      position: Number(last?.p ?? -1) + 1,
      ...criterionColumns(fields),
    })
    .execute();
  return id;
}

export async function deleteCriterion(db: DB, id: string): Promise<void> {
  await applicationsDb(db).deleteFrom("charter_criteria").where("id", "=", id).execute();
}

export async function updateSummary(
  db: DB,
  versionId: string,
  summary: { fr: string; en: string; de: string },
): Promise<void> {
  await applicationsDb(db)
    .updateTable("charter_versions")
    .set({ summary_fr: summary.fr, summary_en: summary.en, summary_de: summary.de })
    .where("id", "=", versionId)
    .execute();
}

/** Makes a draft the current charter; the previous current version is archived. */
export async function publishVersion(db: DB, versionId: string, now: Date): Promise<boolean> {
  await applicationsDb(db)
    .updateTable("charter_versions")
    .set({ status: "archived", current_key: null })
    .where("current_key", "=", "current")
    .execute();
  const result = await applicationsDb(db)
    .updateTable("charter_versions")
    .set({ status: "current", current_key: "current", published_at: now.toISOString() })
    .where("id", "=", versionId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
