import type { Locale } from "./locales.js";
import * as core from "./core.messages.js";
import * as site from "../features/site/site.messages.js";
import * as accounts from "../features/accounts/accounts.messages.js";
import * as directory from "../features/directory/directory.messages.js";
import * as stats from "../features/stats/stats.messages.js";
import * as entraide from "../features/entraide/entraide.messages.js";
import * as applications from "../features/applications/applications.messages.js";
import * as kittens from "../features/kittens/kittens.messages.js";
import * as chores from "../features/chores/chores.messages.js";
import * as collective from "../features/collective/collective.messages.js";

/**
 * Every feature keeps its strings next to its code; this file merges them. Each feature's English
 * and German catalogues are typed against its French one, so a missing translation fails the type check.
 */
export type MessageKey =
  | keyof typeof core.fr
  | keyof typeof site.fr
  | keyof typeof accounts.fr
  | keyof typeof directory.fr
  | keyof typeof stats.fr
  | keyof typeof entraide.fr
  | keyof typeof applications.fr
  | keyof typeof kittens.fr
  | keyof typeof chores.fr
  | keyof typeof collective.fr;

export const catalogs: Record<Locale, Record<MessageKey, string>> = {
  fr: {
    ...core.fr,
    ...site.fr,
    ...accounts.fr,
    ...directory.fr,
    ...stats.fr,
    ...entraide.fr,
    ...applications.fr,
    ...kittens.fr,
    ...chores.fr,
    ...collective.fr,
  },
  en: {
    ...core.en,
    ...site.en,
    ...accounts.en,
    ...directory.en,
    ...stats.en,
    ...entraide.en,
    ...applications.en,
    ...kittens.en,
    ...chores.en,
    ...collective.en,
  },
  de: {
    ...core.de,
    ...site.de,
    ...accounts.de,
    ...directory.de,
    ...stats.de,
    ...entraide.de,
    ...applications.de,
    ...kittens.de,
    ...chores.de,
    ...collective.de,
  },
};
