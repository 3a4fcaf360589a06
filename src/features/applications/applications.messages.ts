import * as charter from "./messages/charter.messages.js";
import * as application from "./messages/application.messages.js";
import * as votes from "./messages/votes.messages.js";
import * as mail from "./messages/mail.messages.js";

/** Strings of the applications feature, French first. Keys start with "applications.". */
export const fr = { ...charter.fr, ...application.fr, ...votes.fr, ...mail.fr } as const;

export const en: Record<keyof typeof fr, string> = {
  ...charter.en,
  ...application.en,
  ...votes.en,
  ...mail.en,
};

export const de: Record<keyof typeof fr, string> = {
  ...charter.de,
  ...application.de,
  ...votes.de,
  ...mail.de,
};
