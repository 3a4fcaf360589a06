import type { Locale, Translator, WrittenText } from "../../i18n/index.js";
import { hasMessage, writtenText } from "../../i18n/index.js";

/**
 * The translated label of an enum value (`directory.access.none`, `kittens.value.bow`…): keys are
 * built at run time, so a value without a string falls back to itself instead of failing.
 */
export function enumLabel(t: Translator, prefix: string, value: string): string {
  const key = `${prefix}${value}`;
  return hasMessage(t.locale, key) ? t(key) : value;
}

/**
 * A plural with its number formatted by the translator's cached formatter (interpolating a raw
 * number builds a new Intl.NumberFormat each time, which shows on lists of cards).
 */
export function counted(t: Translator, key: string, count: number): string {
  return t.plural(key, count, { count: t.number(count) });
}

/** A category's names as stored: the German is '' until someone writes it at /admin/categories. */
export interface CategoryNameColumns {
  name_fr: string;
  name_en: string;
  name_de: string;
}

/**
 * A category's name for a reader: in their language, else English, else French, with the language
 * it is in (`lang` is set when it is not the page's, for an element's lang attribute).
 */
export function categoryLabel(locale: Locale, names: CategoryNameColumns): WrittenText {
  return writtenText(locale, { fr: names.name_fr, en: names.name_en, de: names.name_de });
}
