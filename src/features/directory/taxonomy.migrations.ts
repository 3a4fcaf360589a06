import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDB = Kysely<any>;

/**
 * The default service taxonomy: the four families and the categories of the collective's own
 * presentation, plus the three everyday needs of the entraide portal that it lists apart (pad,
 * spreadsheet, pastebin). Admins edit it afterwards; this is only the starting point.
 */
const DEFAULT_CATEGORIES: [string, string, string, string][] = [
  ["communication", "email", "Courriel", "E-mail"],
  ["communication", "instant-messaging", "Messagerie instantanée", "Instant messaging"],
  ["communication", "mailing-list", "Listes de diffusion", "Mailing lists"],
  ["communication", "social-network", "Réseau social", "Social network"],
  ["communication", "forum", "Forum", "Forum"],
  ["communication", "video-conferencing", "Audio et visioconférence", "Audio and video conferencing"],
  ["web", "search-engine", "Moteur de recherche", "Search engine"],
  ["web", "mapping", "Cartographie", "Mapping"],
  ["web", "forge", "Forge logicielle", "Software forge"],
  ["web", "url-shortener", "Raccourcisseur d'adresses", "URL shortener"],
  ["web", "poll", "Sondages et rendez-vous", "Polls and scheduling"],
  ["web", "bookmarks", "Gestionnaire de favoris", "Bookmark manager"],
  ["web", "password-manager", "Gestionnaire de mots de passe", "Password manager"],
  ["web", "rss-reader", "Agrégateur de flux RSS", "RSS aggregator"],
  ["work", "office-suite", "Bureautique", "Office suite"],
  ["work", "pad", "Écriture collaborative (pad)", "Collaborative writing (pad)"],
  ["work", "spreadsheet", "Tableur collaboratif", "Collaborative spreadsheet"],
  ["work", "calendar", "Agenda", "Calendar"],
  ["work", "task-manager", "Gestionnaire de tâches", "Task manager"],
  ["work", "form", "Questionnaire", "Forms and surveys"],
  ["work", "mind-map", "Carte heuristique", "Mind map"],
  ["work", "project-management", "Gestion de projets", "Project management"],
  ["work", "notes", "Prise de notes", "Note-taking"],
  ["work", "whiteboard", "Tableau blanc et post-it", "Whiteboard and sticky notes"],
  ["work", "diagram", "Schéma et diagramme", "Diagrams"],
  ["storage", "document-storage", "Stockage de documents", "Document storage"],
  ["storage", "file-sharing", "Partage temporaire de fichiers", "Temporary file sharing"],
  ["storage", "pastebin", "Partage de textes chiffrés", "Encrypted pastebin"],
  ["storage", "image-hosting", "Stockage d'images", "Image hosting"],
  ["storage", "photo-gallery", "Galeries photo", "Photo galleries"],
  ["storage", "video-publishing", "Diffusion de vidéos et de sons", "Video and audio publishing"],
  ["storage", "website-hosting", "Hébergement de sites web et blogs", "Website and blog hosting"],
];

export const taxonomyMigrations: Record<string, Migration> = {
  "2026-11-24-0004-default-categories": {
    async up(db: AnyDB) {
      await db
        .insertInto("categories")
        .values(
          DEFAULT_CATEGORIES.map(([family, id, fr, en], position) => ({
            id,
            family,
            name_fr: fr,
            name_en: en,
            description_fr: "",
            description_en: "",
            position,
            archived_at: null,
          })),
        )
        .execute();
    },
    async down(db: AnyDB) {
      await db.deleteFrom("categories").execute();
    },
  },
};
