import type { Kysely, Migration } from "kysely";
import { DEFAULT_CHARTER } from "./charter/default-charter.js";
import { charterGermanMigrations } from "./charter/german.migrations.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

const TABLES = [
  "ballots",
  "decision_electors",
  "decisions",
  "check_results",
  "check_runs",
  "application_messages",
  "criterion_reviews",
  "application_answers",
  "applications",
  "rounds",
  "charter_criteria",
  "charter_parts",
  "charter_versions",
];

export const applicationsMigrations: Record<string, Migration> = {
  "2026-11-24-0400-applications-schema": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("charter_versions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("version", "integer", (c) => c.notNull().unique())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("current_key", "text", (c) => c.unique())
        .addColumn("summary_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("summary_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("published_at", "text")
        .execute();
      await db.schema
        .createTable("charter_parts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("version_id", "text", (c) =>
          c.notNull().references("charter_versions.id").onDelete("cascade"),
        )
        .addColumn("letter", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name_fr", "text", (c) => c.notNull())
        .addColumn("name_en", "text", (c) => c.notNull())
        .addColumn("intro_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("intro_en", "text", (c) => c.notNull().defaultTo(""))
        .addUniqueConstraint("charter_parts_version_letter", ["version_id", "letter"])
        .execute();
      await db.schema
        .createTable("charter_criteria")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("version_id", "text", (c) =>
          c.notNull().references("charter_versions.id").onDelete("cascade"),
        )
        .addColumn("part_id", "text", (c) => c.notNull().references("charter_parts.id").onDelete("cascade"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("title_fr", "text", (c) => c.notNull())
        .addColumn("title_en", "text", (c) => c.notNull())
        .addColumn("explanation_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("explanation_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("check_id", "text")
        .addUniqueConstraint("charter_criteria_version_code", ["version_id", "code"])
        .execute();

      await db.schema
        .createTable("rounds")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("label", "text", (c) => c.notNull().unique())
        .addColumn("opens_at", "text", (c) => c.notNull())
        .addColumn("review_at", "text", (c) => c.notNull())
        .addColumn("vote_at", "text", (c) => c.notNull())
        .addColumn("closes_at", "text", (c) => c.notNull())
        .addColumn("phase", "text", (c) => c.notNull())
        .addColumn("quorum_percent", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("majority", "text", (c) => c.notNull().defaultTo("simple"))
        .addColumn("tie_outcome", "text", (c) => c.notNull().defaultTo("reject"))
        .addColumn("quorum_outcome", "text", (c) => c.notNull().defaultTo("reject"))
        .addColumn("results_hidden", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("decided_at", "text")
        .execute();
      await db.schema.createIndex("rounds_phase").on("rounds").columns(["phase", "opens_at"]).execute();

      await db.schema
        .createTable("applications")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("charter_version_id", "text", (c) => c.notNull().references("charter_versions.id"))
        .addColumn("round_id", "text", (c) => c.references("rounds.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("active_key", "text", (c) => c.unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("submitted_at", "text")
        .addColumn("decided_at", "text")
        .addColumn("decision_reasons", "text")
        .addColumn("due_at", "text")
        .execute();
      await db.schema.createIndex("applications_member").on("applications").column("member_id").execute();
      await db.schema.createIndex("applications_round").on("applications").column("round_id").execute();

      await db.schema
        .createTable("application_answers")
        .addColumn("application_id", "text", (c) =>
          c.notNull().references("applications.id").onDelete("cascade"),
        )
        .addColumn("criterion_id", "text", (c) => c.notNull().references("charter_criteria.id"))
        .addColumn("answer", "text")
        .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("evidence", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addPrimaryKeyConstraint("application_answers_pk", ["application_id", "criterion_id"])
        .execute();

      await db.schema
        .createTable("criterion_reviews")
        .addColumn("application_id", "text", (c) =>
          c.notNull().references("applications.id").onDelete("cascade"),
        )
        .addColumn("criterion_id", "text", (c) => c.notNull().references("charter_criteria.id"))
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("set null"))
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("criterion_reviews_pk", ["application_id", "criterion_id", "person_id"])
        .execute();

      await db.schema
        .createTable("application_messages")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("application_id", "text", (c) =>
          c.notNull().references("applications.id").onDelete("cascade"),
        )
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
        .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("set null"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("criterion_id", "text", (c) => c.references("charter_criteria.id"))
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("application_messages_application")
        .on("application_messages")
        .columns(["application_id", "id"])
        .execute();

      await db.schema
        .createTable("check_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("application_id", "text", (c) =>
          c.notNull().references("applications.id").onDelete("cascade"),
        )
        .addColumn("trigger", "text", (c) => c.notNull())
        .addColumn("person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("passed", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("warned", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("check_runs_application")
        .on("check_runs")
        .columns(["application_id", "id"])
        .execute();
      await db.schema
        .createTable("check_results")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("run_id", "text", (c) => c.notNull().references("check_runs.id").onDelete("cascade"))
        .addColumn("check_id", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("detail", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("check_results_run").on("check_results").column("run_id").execute();

      await db.schema
        .createTable("decisions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("application_id", "text", (c) =>
          c.unique().references("applications.id").onDelete("cascade"),
        )
        .addColumn("round_id", "text", (c) => c.references("rounds.id"))
        .addColumn("charter_version_id", "text", (c) => c.references("charter_versions.id"))
        .addColumn("options", "text", (c) => c.notNull())
        .addColumn("opens_at", "text", (c) => c.notNull())
        .addColumn("closes_at", "text", (c) => c.notNull())
        .addColumn("quorum_percent", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("majority", "text", (c) => c.notNull())
        .addColumn("tie_outcome", "text", (c) => c.notNull())
        .addColumn("quorum_outcome", "text", (c) => c.notNull())
        .addColumn("results_hidden", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("outcome", "text")
        .addColumn("result", "text")
        .addColumn("electors_count", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("closed_at", "text")
        .execute();
      await db.schema
        .createIndex("decisions_status")
        .on("decisions")
        .columns(["status", "closes_at"])
        .execute();
      await db.schema
        .createTable("decision_electors")
        .addColumn("decision_id", "text", (c) => c.notNull().references("decisions.id").onDelete("cascade"))
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("decision_electors_pk", ["decision_id", "member_id"])
        .execute();
      await db.schema
        .createTable("ballots")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("decision_id", "text", (c) => c.notNull().references("decisions.id").onDelete("cascade"))
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
        .addColumn("choice", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("cast_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("ballots_one_per_structure", ["decision_id", "member_id"])
        .execute();
    },
    async down(db: AnyDB) {
      for (const table of TABLES) await db.schema.dropTable(table).execute();
    },
  },

  // The default charter ships with the platform as data, so admins edit it like any later version.
  "2026-11-24-0401-applications-default-charter": {
    async up(db: AnyDB) {
      const at = "2026-11-24T00:00:00.000Z";
      const versionId = "charter-v1";
      await db
        .insertInto("charter_versions")
        .values({
          id: versionId,
          version: 1,
          status: "current",
          current_key: "current",
          summary_fr: DEFAULT_CHARTER.summary.fr,
          summary_en: DEFAULT_CHARTER.summary.en,
          created_at: at,
          created_by: null,
          published_at: at,
        })
        .execute();
      for (const [index, part] of DEFAULT_CHARTER.parts.entries()) {
        const partId = `charter-v1-${part.letter}`;
        await db
          .insertInto("charter_parts")
          .values({
            id: partId,
            version_id: versionId,
            letter: part.letter,
            position: index,
            name_fr: part.name.fr,
            name_en: part.name.en,
            intro_fr: part.intro.fr,
            intro_en: part.intro.en,
          })
          .execute();
        for (const [position, c] of part.criteria.entries()) {
          await db
            .insertInto("charter_criteria")
            .values({
              id: `charter-v1-${c.code}`,
              version_id: versionId,
              part_id: partId,
              code: c.code,
              position,
              level: c.level,
              title_fr: c.title.fr,
              title_en: c.title.en,
              explanation_fr: c.explanation.fr,
              explanation_en: c.explanation.en,
              check_id: c.check ?? null,
            })
            .execute();
        }
      }
    },
    async down(db: AnyDB) {
      await db.deleteFrom("charter_versions").where("id", "=", "charter-v1").execute();
    },
  },
  // A re-assessment starts from the structure's last answers: each copied answer remembers the file it
  // came from until the structure confirms or changes it (saving the part clears it).
  "2026-12-01-0402-applications-carried-answers": {
    async up(db: AnyDB) {
      await db.schema.alterTable("application_answers").addColumn("carried_from", "text").execute();
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("application_answers").dropColumn("carried_from").execute();
    },
  },
  ...charterGermanMigrations,
};
