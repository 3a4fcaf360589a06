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
  "collective.hours.one": "{count} heure",
  "collective.hours.other": "{count} heures",
  "collective.days.one": "{count} jour",
  "collective.days.other": "{count} jours",
  "collective.footer.conduct": "Code de conduite",
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
  "collective.hours.one": "{count} hour",
  "collective.hours.other": "{count} hours",
  "collective.days.one": "{count} day",
  "collective.days.other": "{count} days",
  "collective.footer.conduct": "Code of conduct",
  ...contact.en,
  ...meetings.en,
  ...calendar.en,
  ...news.en,
  ...mediation.en,
  ...starter.en,
};

export const de: Record<keyof typeof fr, string> = {
  "collective.hours.one": "{count} Stunde",
  "collective.hours.other": "{count} Stunden",
  "collective.days.one": "{count} Tag",
  "collective.days.other": "{count} Tage",
  "collective.footer.conduct": "Verhaltenskodex",
  ...contact.de,
  ...meetings.de,
  ...calendar.de,
  ...news.de,
  ...mediation.de,
  ...starter.de,
};
