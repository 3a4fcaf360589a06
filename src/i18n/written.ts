import type { Locale } from "./locales.js";

export interface WrittenText {
  text: string;
  /** The text's language when it is not the page's: goes in a lang attribute. */
  lang: Locale | undefined;
}

/** The texts of one thing in the languages it was written in; German only where a table stores it. */
export interface WrittenTexts {
  fr: string;
  en: string;
  de?: string | undefined;
}

// Which written language stands in for a missing one: the collective writes French first, English
// is the shared second language, and German is read by fewer people than it is written for.
const ORDER: Record<Locale, readonly Locale[]> = {
  fr: ["fr", "en", "de"],
  en: ["en", "fr", "de"],
  de: ["de", "en", "fr"],
};

/**
 * A text people write in several languages (a member's or a service's description, a chore's
 * title): the one in the page's language, else the next one written, shown as written and marked
 * with its language.
 */
export function writtenText(locale: Locale, texts: WrittenTexts): WrittenText {
  for (const lang of ORDER[locale]) {
    const text = texts[lang] ?? "";
    if (text.trim()) return { text, lang: lang === locale ? undefined : lang };
  }
  return { text: "", lang: undefined };
}
