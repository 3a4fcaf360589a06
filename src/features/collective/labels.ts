import type { Translator, Locale } from "../../i18n/index.js";
import { hasMessage } from "../../i18n/index.js";

/** A decision's outcome in words, with the vote engine's own labels. */
export function outcomeLabel(t: Translator, locale: Locale, outcome: string | null): string {
  if (!outcome) return "";
  const key = `applications.outcome.${outcome}`;
  return hasMessage(locale, key) ? t(key) : outcome;
}
