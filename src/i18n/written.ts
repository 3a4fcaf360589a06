import type { Locale } from "./locales.js";

export interface WrittenText {
  text: string;
  /** The text's language when it is not the page's: goes in a lang attribute. */
  lang: "fr" | "en" | undefined;
}

/**
 * A text people write in French and English (a member's or a service's description): the one in
 * the page's language, else the other one, shown as written and marked with its language. German
 * pages take the English, then the French.
 */
export function writtenText(locale: Locale, texts: { fr: string; en: string }): WrittenText {
  const order: ("fr" | "en")[] = locale === "fr" ? ["fr", "en"] : ["en", "fr"];
  for (const lang of order) {
    const text = texts[lang].trim();
    if (text) return { text: texts[lang], lang: lang === locale ? undefined : lang };
  }
  return { text: "", lang: undefined };
}
