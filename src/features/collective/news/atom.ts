import { Feed } from "feed";
import type { Locale, Translator } from "../../../i18n/index.js";
import { toSafeHtml } from "../markdown.js";
import type { NewsItem } from "./news.repository.js";
import { present } from "./present.js";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The news as an Atom 1.0 feed; entries carry the same sanitised HTML as the pages. */
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
  for (const item of items) {
    const shown = present(t, locale, item);
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
  return feed.atom1();
}
