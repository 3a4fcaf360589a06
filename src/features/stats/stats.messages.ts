import * as check from "./messages/check.js";
import * as pages from "./messages/pages.js";
import * as more from "./messages/more.js";
import * as charts from "./views/charts.messages.js";

/** Strings of the stats feature. Keys start with "stats."; French first, English typed against it. */
export const fr = { ...pages.fr, ...more.fr, ...check.fr, ...charts.fr } as const;

export const en: Record<keyof typeof fr, string> = { ...pages.en, ...more.en, ...check.en, ...charts.en };

export const de: Record<keyof typeof fr, string> = { ...pages.de, ...more.de, ...check.de, ...charts.de };
