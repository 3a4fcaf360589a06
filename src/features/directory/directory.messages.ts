import * as labels from "./labels.messages.js";
import * as publicPages from "./public.messages.js";
import * as selfService from "./selfservice.messages.js";
import * as logos from "./logos.messages.js";
import * as alternatives from "./alternatives.messages.js";
import * as ui from "./ui.messages.js";

/** Strings of the directory feature. Keys start with "directory."; each part keeps its own file. */
export const fr = {
  "directory.title": "Annuaire",
  ...labels.fr,
  ...publicPages.fr,
  ...selfService.fr,
  ...logos.fr,
  ...alternatives.fr,
  ...ui.fr,
} as const;

export const en: Record<keyof typeof fr, string> = {
  "directory.title": "Directory",
  ...labels.en,
  ...publicPages.en,
  ...selfService.en,
  ...logos.en,
  ...alternatives.en,
  ...ui.en,
};

export const de: Record<keyof typeof fr, string> = {
  "directory.title": "Verzeichnis",
  ...labels.de,
  ...publicPages.de,
  ...selfService.de,
  ...logos.de,
  ...alternatives.de,
  ...ui.de,
};
