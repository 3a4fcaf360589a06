import { catalogs, type MessageKey } from "./catalog.js";
import { isLocale, type Locale } from "./locales.js";

export { LOCALES, isLocale, alternates, type Locale } from "./locales.js";
export type { MessageKey };

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(header: string | undefined | null, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        lang: tag.trim().toLowerCase().split("-")[0] ?? "",
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (isLocale(entry.lang)) return entry.lang;
    if (entry.lang === "*") return fallback;
  }
  return fallback;
}

export type Vars = Record<string, string | number>;

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  /** Chooses `<key>.one` or `<key>.other` by the locale's plural rules; `{count}` is filled in. */
  plural(key: string, count: number, vars?: Vars): string;
  locale: Locale;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: string | Date): string;
}

const cache = new Map<Locale, Translator>();

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function interpolate(template: string, vars: Vars | undefined, locale: Locale): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    if (value === undefined) return match;
    return typeof value === "number" ? formatNumber(locale, value) : value;
  });
}

export function translator(locale: Locale): Translator {
  const cached = cache.get(locale);
  if (cached) return cached;
  const messages: Record<string, string> = catalogs[locale];
  const pluralRules = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const lookup = (key: string): string => messages[key] ?? key;
  const plural = (key: string, count: number, vars?: Vars): string => {
    const form = pluralRules.select(count) === "one" ? "one" : "other";
    return interpolate(lookup(`${key}.${form}`), { count, ...vars }, locale);
  };
  const number = (value: number, options?: Intl.NumberFormatOptions): string =>
    options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value);
  const date = (value: string | Date, options?: Intl.DateTimeFormatOptions): string => {
    const d = typeof value === "string" ? new Date(value) : value;
    if (Number.isNaN(d.getTime())) return String(value);
    return options
      ? new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(d)
      : dateFormat.format(d);
  };
  const dateTime = (value: string | Date): string => {
    const d = typeof value === "string" ? new Date(value) : value;
    return Number.isNaN(d.getTime()) ? String(value) : `${dateTimeFormat.format(d)} UTC`;
  };
  const t: Translator = Object.assign(
    (key: MessageKey, vars?: Vars) => interpolate(lookup(key), vars, locale),
    { plural, locale, number, date, dateTime },
  );
  cache.set(locale, t);
  return t;
}

/** Does the catalogue have this key? (for keys built at run time, e.g. from an enum value). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return key in catalogs[locale];
}
