import { Feed } from "feed";
import type { Locale, Translator } from "../../../i18n/index.js";
import { toSafeHtml } from "../markdown.js";
import type { NewsItem } from "./news.repository.js";
import { present } from "./present.js";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/**
 * Marks the feed and each entry with its language (xml:lang, RFC 4287 §2): the `feed` library has
 * no option for it. People's text is only ever inside the CDATA sections the library writes, so
 * the tags are looked for outside them, and entries come out in the order they were added.
 */
function withLanguages(xml: string, feedLang: Locale, entryLangs: Locale[]): string {
  let entry = 0;
  return xml
    .split(CDATA)
    .map((part) =>
      part.startsWith("<![CDATA[")
        ? part
        : part
            .replace(
              '<feed xmlns="http://www.w3.org/2005/Atom">',
              (tag) => `${tag.slice(0, -1)} xml:lang="${feedLang}">`,
            )
            .replace(/<entry>/g, (tag) => {
              const lang = entryLangs[entry++];
              return lang ? `<entry xml:lang="${lang}">` : tag;
            }),
    )
    .join("");
}

/** The news as an Atom 1.0 feed; entries carry the same sanitised HTML as the pages, and their language. */
export async function newsAtom(
  items: NewsItem[],
  options: { t: Translator; locale: Locale; baseUrl: string; collective: string; now: Date },
): Promise<string> {
  const { t, locale, baseUrl } = options;
  const site = `${baseUrl}/${locale}`;
  const feed = new Feed({
    id: `${site}/news`,
    title: t("news.feed.title", { collective: options.collective }),
    link: `${site}/news`,
    language: locale,
    updated: items[0] ? new Date(items[0].publishedAt) : options.now,
    feedLinks: { atom: `${site}/news.atom` },
    author: { name: options.collective, link: site },
    generator: "chatons",
  });
  const languages: Locale[] = [];
  for (const item of items) {
    const shown = present(t, locale, item);
    // Written news is in the language it was written in; automatic news is worded in the feed's.
    languages.push(item.kind === "post" ? item.lang : locale);
    const html = shown.markdown
      ? (await toSafeHtml(shown.markdown)).html
      : `<p>${escapeHtml(shown.text)}${shown.link ? ` <a href="${escapeHtml(`${site}${shown.link.path}`)}">${escapeHtml(shown.link.label)}</a>` : ""}</p>`;
    feed.addItem({
      id: `${site}/news/${item.id}`,
      link: `${site}/news/${item.id}`,
      title: shown.title,
      date: new Date(item.publishedAt),
      published: new Date(item.publishedAt),
      content: html,
      author: [{ name: options.collective }],
    });
  }
  return withLanguages(feed.atom1(), locale, languages);
}
