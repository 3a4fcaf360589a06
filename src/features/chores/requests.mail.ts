import type { Deps } from "../../deps.js";
import { isLocale, translator, writtenText, type Locale, type Translator } from "../../i18n/index.js";

/** Someone a chores mail goes to, in their own language. */
export interface Addressee {
  email: string;
  name: string;
  locale: string | null;
}

/** A chore's titles as stored: French and English always, German when someone wrote it. */
export interface ChoreTitles {
  titleFr: string;
  titleEn: string;
  titleDe: string;
}

/** A chore's name in a language, else in the next language it was written in. */
export const choreTitle = (locale: Locale, chore: ChoreTitles): string =>
  writtenText(locale, { fr: chore.titleFr, en: chore.titleEn, de: chore.titleDe }).text;

/** Sends one mail worded in the addressee's language, with links into the platform in it. */
export async function mailTo(
  deps: Deps,
  to: Addressee,
  kind: string,
  build: (t: Translator, link: (path: string) => string, locale: Locale) => { subject: string; text: string },
): Promise<void> {
  const locale: Locale = isLocale(to.locale) ? to.locale : deps.config.defaultLocale;
  const t = translator(locale);
  const { subject, text } = build(t, (path) => `${deps.config.baseUrl}/${locale}${path}`, locale);
  await deps.mailer.send({ to: to.email, subject, text, kind });
}
