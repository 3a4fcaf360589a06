import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/** [id, name fr as shipped, name de, description fr as shipped, description de] */
const GERMAN: [string, string, string, string, string][] = [
  [
    "pad",
    "Écrire à plusieurs (pad)",
    "Gemeinsam schreiben (Pad)",
    "Un texte que plusieurs personnes rédigent en même temps, chacune avec sa couleur.",
    "Ein Text, an dem mehrere Menschen gleichzeitig schreiben, jede in ihrer Farbe.",
  ],
  [
    "video-call",
    "Visioconférence",
    "Videokonferenz",
    "Une réunion en vidéo depuis le navigateur, sans rien installer.",
    "Ein Videotreffen im Browser, ohne etwas zu installieren.",
  ],
  [
    "date-poll",
    "Sondage de dates",
    "Terminumfrage",
    "Trouver la date qui convient au plus grand nombre, ou poser une question simple.",
    "Den Termin finden, der den meisten passt, oder eine einfache Frage stellen.",
  ],
  [
    "spreadsheet",
    "Tableur collaboratif",
    "Gemeinsame Tabelle",
    "Un tableur en ligne que plusieurs personnes modifient ensemble.",
    "Eine Online-Tabelle, die mehrere Menschen gemeinsam bearbeiten.",
  ],
  [
    "file-sharing",
    "Partage de fichiers",
    "Dateien teilen",
    "Envoyer un fichier trop lourd pour un courriel, par un lien qui expire.",
    "Eine Datei, die für eine E-Mail zu groß ist, über einen Link verschicken, der abläuft.",
  ],
  [
    "image-sharing",
    "Partage d'images",
    "Bilder teilen",
    "Partager une image par un lien, pour la durée de votre choix.",
    "Ein Bild über einen Link teilen, so lange du willst.",
  ],
  [
    "post-it",
    "Tableau de post-it",
    "Haftnotiz-Tafel",
    "Des post-it à déplacer sur un tableau partagé, pour un remue-méninges ou un kanban.",
    "Haftnotizen auf einer gemeinsamen Tafel, für ein Brainstorming oder ein Kanban.",
  ],
  [
    "url-shortener",
    "Raccourcir une adresse",
    "Link kürzen",
    "Transformer une longue adresse web en un lien court, facile à partager.",
    "Eine lange Webadresse in einen kurzen Link verwandeln, der sich leicht teilen lässt.",
  ],
  [
    "pastebin",
    "Partage de texte chiffré",
    "Verschlüsselten Text teilen",
    "Partager un texte chiffré dans votre navigateur : l'hébergeur ne peut pas le lire.",
    "Einen Text teilen, der in deinem Browser verschlüsselt wird: Der Hoster kann ihn nicht lesen.",
  ],
];

export const germanMigrations: Record<string, Migration> = {
  // German is stored like French and English ('' when nobody wrote it: pages show the English). The
  // shipped services get their German where their French is still as shipped: an edited French
  // text would no longer match the translation.
  "2026-12-01-0303-entraide-german": {
    async up(db: AnyDB) {
      for (const column of ["name_de", "description_de"])
        await db.schema
          .alterTable("entraide_services")
          .addColumn(column, "text", (c) => c.notNull().defaultTo(""))
          .execute();
      for (const [id, nameFr, name_de, descriptionFr, description_de] of GERMAN) {
        await db
          .updateTable("entraide_services")
          .set({ name_de })
          .where("id", "=", id)
          .where("name_fr", "=", nameFr)
          .execute();
        await db
          .updateTable("entraide_services")
          .set({ description_de })
          .where("id", "=", id)
          .where("description_fr", "=", descriptionFr)
          .execute();
      }
    },
    async down(db: AnyDB) {
      await db.schema.alterTable("entraide_services").dropColumn("description_de").execute();
      await db.schema.alterTable("entraide_services").dropColumn("name_de").execute();
    },
  },
};
