/**
 * The platform's languages, in the order the language switch lists them. Kept apart from the
 * catalogues so that config and the HTTP layer can name them without loading every message.
 */
export const LOCALES = ["fr", "en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The same page in every other language, for the language switch and the hreflang alternates:
 * `localPath` is the path without its locale prefix, `search` the query string (kept as it is).
 */
export function alternates(
  current: Locale,
  localPath: string,
  search: string,
): { locale: Locale; href: string }[] {
  const rest = localPath === "/" ? "" : localPath;
  return LOCALES.filter((l) => l !== current).map((locale) => ({
    locale,
    href: `/${locale}${rest}${search}`,
  }));
}
