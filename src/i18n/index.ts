import IntlMessageFormat from "intl-messageformat";
import { catalogs, type MessageKey } from "./catalog.js";
import { isLocale, type Locale } from "./locales.js";

export { LOCALES, isLocale, alternates, type Locale } from "./locales.js";
export { ofName, toName } from "./grammar.js";
export { roundName } from "./rounds.js";
export { writtenText, type WrittenText, type WrittenTexts } from "./written.js";
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
  /** Formats the key's ICU message (plural, select, number…) with these variables. */
  (key: MessageKey, vars?: Vars): string;
  /** Formats an ICU message that takes `{count, plural, …}`; `count` is this number. */
  plural(key: string, count: number, vars?: Vars): string;
  locale: Locale;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: string | Date): string;
}

/** A compiled message, and the variables it formats itself (plural, select, number, date). */
interface Compiled {
  format: IntlMessageFormat | null;
  typed: ReadonlySet<string>;
}

/** ICU dates follow the platform's dates: UTC, whatever the server's zone. */
const ICU_FORMATS = {
  date: {
    short: { dateStyle: "short", timeZone: "UTC" },
    medium: { dateStyle: "medium", timeZone: "UTC" },
    long: { dateStyle: "long", timeZone: "UTC" },
    full: { dateStyle: "full", timeZone: "UTC" },
  },
  time: {
    short: { timeStyle: "short", timeZone: "UTC" },
    medium: { timeStyle: "medium", timeZone: "UTC" },
  },
} as const;

const TYPED_ARGUMENT = /\{\s*(\w+)\s*,\s*(?:plural|selectordinal|select|number|date|time)\b/g;

function compile(source: string, locale: Locale): Compiled {
  const typed = new Set([...source.matchAll(TYPED_ARGUMENT)].map((m) => m[1] ?? ""));
  try {
    return { format: new IntlMessageFormat(source, locale, ICU_FORMATS, { ignoreTag: true }), typed };
  } catch {
    // A message that is not valid ICU still shows, with its {variables} filled in by name.
    return { format: null, typed };
  }
}

function interpolate(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

const cache = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  const cached = cache.get(locale);
  if (cached) return cached;
  const messages: Record<string, string> = catalogs[locale];
  // Compiled on first use, once per locale and key: most messages of a locale are never shown.
  const compiled = new Map<string, Compiled>();
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });

  const format = (key: string, vars: Vars | undefined): string => {
    const source = messages[key] ?? key;
    if (!source.includes("{") && !source.includes("''")) return source;
    let message = compiled.get(key);
    if (!message) {
      message = compile(source, locale);
      compiled.set(key, message);
    }
    // A bare {n} is written with the locale's digits, as a plural's # is.
    const values: Vars = {};
    for (const [name, value] of Object.entries(vars ?? {})) {
      values[name] =
        typeof value === "number" && !message.typed.has(name) ? numberFormat.format(value) : value;
    }
    if (message.format) {
      try {
        return String(message.format.format(values));
      } catch {
        // A missing variable: show the message with that variable's name rather than fail the page.
      }
    }
    return interpolate(source, values);
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
  const t: Translator = Object.assign((key: MessageKey, vars?: Vars) => format(key, vars), {
    plural: (key: string, count: number, vars?: Vars) => format(key, { ...vars, count }),
    locale,
    number,
    date,
    dateTime,
  });
  cache.set(locale, t);
  return t;
}

/** Does the catalogue have this key? (for keys built at run time, e.g. from an enum value). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return key in catalogs[locale];
}
