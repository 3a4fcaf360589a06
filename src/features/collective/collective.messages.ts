import * as contact from "./contact/contact.messages.js";
import * as meetings from "./meetings/meetings.messages.js";
import * as calendar from "./calendar/calendar.messages.js";
import * as news from "./news/news.messages.js";
import * as mediation from "./mediation/mediation.messages.js";
import * as starter from "./starter/starter.messages.js";

/**
 * The collective feature's catalogue, gathered from its parts. `de` is written and typed against
 * `fr` like `en`, ready for when the platform gains its German locale.
 */
const shared = {
  "collective.hours": "{count, plural, one {# heure} other {# heures}}",
  "collective.days": "{count, plural, one {# jour} other {# jours}}",
  "collective.footer.conduct": "Code de conduite",
  "collective.lang": "Langue du texte",
  "collective.lang.hint":
    "Les pages marquent le texte de sa langue, pour les lecteurs d'écran et la traduction.",
  "collective.lang.fr": "Français",
  "collective.lang.en": "Anglais",
  "collective.lang.de": "Allemand",
} as const;

export const fr = {
  ...shared,
  ...contact.fr,
  ...meetings.fr,
  ...calendar.fr,
  ...news.fr,
  ...mediation.fr,
  ...starter.fr,
} as const;

export const en: Record<keyof typeof fr, string> = {
  "collective.hours": "{count, plural, one {# hour} other {# hours}}",
  "collective.days": "{count, plural, one {# day} other {# days}}",
  "collective.footer.conduct": "Code of conduct",
  "collective.lang": "Language of the text",
  "collective.lang.hint": "Pages mark the text with its language, for screen readers and translation.",
  "collective.lang.fr": "French",
  "collective.lang.en": "English",
  "collective.lang.de": "German",
  ...contact.en,
  ...meetings.en,
  ...calendar.en,
  ...news.en,
  ...mediation.en,
  ...starter.en,
};

export const de: Record<keyof typeof fr, string> = {
  "collective.hours": "{count, plural, one {# Stunde} other {# Stunden}}",
  "collective.days": "{count, plural, one {# Tag} other {# Tage}}",
  "collective.footer.conduct": "Verhaltenskodex",
  "collective.lang": "Sprache des Textes",
  "collective.lang.hint":
    "Die Seiten kennzeichnen den Text mit seiner Sprache, für Screenreader und Übersetzung.",
  "collective.lang.fr": "Französisch",
  "collective.lang.en": "Englisch",
  "collective.lang.de": "Deutsch",
  ...contact.de,
  ...meetings.de,
  ...calendar.de,
  ...news.de,
  ...mediation.de,
  ...starter.de,
};
