import * as check from "./messages/check.js";
import * as pages from "./messages/pages.js";
import * as more from "./messages/more.js";
import * as facts from "./messages/facts.js";
import * as importing from "./messages/import.js";
import * as charts from "./views/charts.messages.js";
import * as entered from "./messages/entered.js";

/** Strings of the stats feature. Keys start with "stats."; French first, English typed against it. */
export const fr = {
  ...pages.fr,
  ...more.fr,
  ...check.fr,
  ...facts.fr,
  ...importing.fr,
  ...charts.fr,
  ...entered.fr,
} as const;

export const en: Record<keyof typeof fr, string> = {
  ...pages.en,
  ...more.en,
  ...check.en,
  ...facts.en,
  ...importing.en,
  ...charts.en,
  ...entered.en,
};

export const de: Record<keyof typeof fr, string> = {
  ...pages.de,
  ...more.de,
  ...check.de,
  ...facts.de,
  ...importing.de,
  ...charts.de,
  ...entered.de,
};
