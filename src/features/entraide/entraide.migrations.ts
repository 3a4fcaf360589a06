import type { Kysely, Migration } from "kysely";
import { nowIso } from "../../db/ids.js";
import { directoryLinkMigrations } from "./directory-link.migrations.js";
import { germanMigrations } from "./german.migrations.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/** [id, icon, category, software, name fr, name en, description fr, description en] */
const SERVICES: [string, string, string, string[], string, string, string, string][] = [
  [
    "pad",
    "pad",
    "pad",
    ["etherpad"],
    "Écrire à plusieurs (pad)",
    "Write together (pad)",
    "Un texte que plusieurs personnes rédigent en même temps, chacune avec sa couleur.",
    "A text several people write at the same time, each in their own colour.",
  ],
  [
    "video-call",
    "video-call",
    "video-conferencing",
    ["jitsi-meet"],
    "Visioconférence",
    "Video call",
    "Une réunion en vidéo depuis le navigateur, sans rien installer.",
    "A video meeting in the browser, with nothing to install.",
  ],
  [
    "date-poll",
    "date-poll",
    "poll",
    ["framadate"],
    "Sondage de dates",
    "Date poll",
    "Trouver la date qui convient au plus grand nombre, ou poser une question simple.",
    "Find the date that suits most people, or ask a simple question.",
  ],
  [
    "spreadsheet",
    "spreadsheet",
    "spreadsheet",
    ["ethercalc"],
    "Tableur collaboratif",
    "Shared spreadsheet",
    "Un tableur en ligne que plusieurs personnes modifient ensemble.",
    "An online spreadsheet several people edit together.",
  ],
  [
    "file-sharing",
    "file-sharing",
    "file-sharing",
    ["lufi", "psitransfer"],
    "Partage de fichiers",
    "File sharing",
    "Envoyer un fichier trop lourd pour un courriel, par un lien qui expire.",
    "Send a file too big for e-mail, through a link that expires.",
  ],
  [
    "image-sharing",
    "image-sharing",
    "image-hosting",
    ["lutim"],
    "Partage d'images",
    "Image sharing",
    "Partager une image par un lien, pour la durée de votre choix.",
    "Share a picture through a link, for as long as you choose.",
  ],
  [
    "post-it",
    "post-it",
    "whiteboard",
    ["scrumblr"],
    "Tableau de post-it",
    "Sticky-note board",
    "Des post-it à déplacer sur un tableau partagé, pour un remue-méninges ou un kanban.",
    "Sticky notes on a shared board, for brainstorming or a kanban.",
  ],
  [
    "url-shortener",
    "url-shortener",
    "url-shortener",
    ["lstu", "polr"],
    "Raccourcir une adresse",
    "URL shortener",
    "Transformer une longue adresse web en un lien court, facile à partager.",
    "Turn a long web address into a short link that is easy to share.",
  ],
  [
    "pastebin",
    "pastebin",
    "pastebin",
    ["privatebin"],
    "Partage de texte chiffré",
    "Encrypted pastebin",
    "Partager un texte chiffré dans votre navigateur : l'hébergeur ne peut pas le lire.",
    "Share a text encrypted in your browser: the host cannot read it.",
  ],
];

const firstMigrations: Record<string, Migration> = {
  "2026-11-24-0300-entraide-tables": {
    async up(db: AnyDB) {
      await db.schema
        .createTable("entraide_services")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name_fr", "text", (c) => c.notNull())
        .addColumn("name_en", "text", (c) => c.notNull())
        .addColumn("description_fr", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("icon", "text", (c) => c.notNull())
        .addColumn("category_id", "text", (c) => c.notNull().references("categories.id"))
        .addColumn("software", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("entraide_instances")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull().references("entraide_services.id"))
        .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("software", "text", (c) => c.notNull())
        .addColumn("weight", "integer", (c) => c.notNull().defaultTo(5))
        .addColumn("max_share", "integer")
        .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("approval", "text", (c) => c.notNull().defaultTo("pending"))
        .addColumn("health", "text", (c) => c.notNull().defaultTo("unknown"))
        .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("successes", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_checked_at", "text")
        .addColumn("last_status", "integer")
        .addColumn("last_ms", "integer")
        .addColumn("last_reason", "text")
        .addColumn("health_changed_at", "text")
        .addColumn("alerted_at", "text")
        .addColumn("created_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("reviewed_by", "text", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("reviewed_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("archived_at", "text")
        .execute();
      await db.schema
        .createIndex("entraide_instances_service")
        .on("entraide_instances")
        .column("service_id")
        .execute();
      await db.schema
        .createIndex("entraide_instances_member")
        .on("entraide_instances")
        .column("member_id")
        .execute();

      await db.schema
        .createTable("entraide_daily")
        .addColumn("instance_id", "text", (c) =>
          c.notNull().references("entraide_instances.id").onDelete("cascade"),
        )
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("checks", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("checks_ok", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("ms_total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("entraide_daily_pk", ["instance_id", "day"])
        .execute();
    },
    async down(db: AnyDB) {
      for (const t of ["entraide_daily", "entraide_instances", "entraide_services"]) {
        await db.schema.dropTable(t).execute();
      }
    },
  },
  "2026-11-24-0301-entraide-services": {
    async up(db: AnyDB) {
      const at = nowIso();
      await db
        .insertInto("entraide_services")
        .values(
          SERVICES.map(([id, icon, category, software, nameFr, nameEn, descFr, descEn], index) => ({
            id,
            name_fr: nameFr,
            name_en: nameEn,
            description_fr: descFr,
            description_en: descEn,
            icon,
            category_id: category,
            software: JSON.stringify(software),
            position: (index + 1) * 10,
            enabled: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    },
    async down(db: AnyDB) {
      await db.deleteFrom("entraide_services").execute();
    },
  },
};

export const entraideMigrations: Record<string, Migration> = {
  ...firstMigrations,
  ...directoryLinkMigrations,
  ...germanMigrations,
};
