import { writtenText, type Locale, type WrittenTexts } from "../i18n/index.js";

/** Stored text in the page's language, or in the next one written, inside an element marked with it. */
export function Written({ locale, texts }: { locale: Locale; texts: WrittenTexts }) {
  const shown = writtenText(locale, texts);
  return <span lang={shown.lang}>{shown.text}</span>;
}
