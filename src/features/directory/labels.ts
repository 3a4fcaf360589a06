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
