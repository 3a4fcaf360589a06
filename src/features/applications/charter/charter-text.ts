import { writtenText, type Locale, type WrittenText, type WrittenTexts } from "../../../i18n/index.js";

/**
 * The charter's texts are stored in French, English and German (the German '' until written):
 * these pick one for a reader.
 */

/** A row with one field in the three languages: `title` → titleFr, titleEn, titleDe. */
type Trilingual<K extends string> = { [P in `${K}Fr` | `${K}En` | `${K}De`]: string };

/** The French, English and German columns of one field of a charter row. */
export function charterTexts<K extends string>(value: Trilingual<K>, key: K): WrittenTexts {
  const fr: `${K}Fr` = `${key}Fr`;
  const en: `${K}En` = `${key}En`;
  const de: `${K}De` = `${key}De`;
  return { fr: value[fr], en: value[en], de: value[de] };
}

/** A field of a charter row in the reader's language, else English, else French, with its language. */
export function localizedText<K extends string>(value: Trilingual<K>, key: K, locale: Locale): WrittenText {
  return writtenText(locale, charterTexts(value, key));
}

/** The same, as plain text: for labels and options, where no element can carry a lang. */
export function localized<K extends string>(value: Trilingual<K>, key: K, locale: Locale): string {
  return localizedText(value, key, locale).text;
}
