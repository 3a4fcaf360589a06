import type { Translator } from "../../i18n/index.js";
import { hasMessage } from "../../i18n/index.js";

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
