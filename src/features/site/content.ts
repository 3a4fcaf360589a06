import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locale } from "../../i18n/index.js";
import type { Logger } from "../../log.js";

/** The content pages, one Markdown file per language under content/<locale>/<slug>.md. */
export const CONTENT_PAGES = ["about", "manifesto", "join", "legal", "privacy"] as const;
export type ContentSlug = (typeof CONTENT_PAGES)[number];

const contentDir = fileURLToPath(new URL("../../../content/", import.meta.url));

export interface ContentPage {
  title: string;
  html: string;
  /** The language the text is written in: the asked locale, or the fallback's when that translation is missing. */
  lang: Locale;
}

/** Where a missing translation falls back to, in order: the collective writes in French first. */
const FALLBACKS: readonly Locale[] = ["fr", "en"];

async function readPage(locale: Locale, name: string): Promise<{ source: string; lang: Locale }> {
  for (const lang of [locale, ...FALLBACKS.filter((l) => l !== locale)]) {
    try {
      return { source: await readFile(`${contentDir}${lang}/${name}.md`, "utf8"), lang };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
  }
  throw new Error(`content page missing in every language: ${name}`);
}

const cache = new Map<string, ContentPage>();

export async function loadContent(
  locale: Locale,
  slug: ContentSlug,
  vars: Record<string, string>,
  log?: Pick<Logger, "warn">,
): Promise<ContentPage> {
  return loadMarkdownPage(locale, slug, vars, log);
}

/**
 * Other features' Markdown pages (the code of conduct, the starter guide): `name` is a path under content/<locale>/.
 * A missing translation is a content bug, not a reason to answer 500: the page falls back to French (then English),
 * tells the view through `lang`, and the gap is logged.
 */
export async function loadMarkdownPage(
  locale: Locale,
  name: string,
  vars: Record<string, string>,
  log?: Pick<Logger, "warn">,
): Promise<ContentPage> {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(name)) throw new Error(`not a content page name: ${name}`);
  // The filled text depends on the placeholders' values, so they are part of the key.
  const key = `${locale}/${name}/${JSON.stringify(vars)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { source, lang } = await readPage(locale, name);
  if (lang !== locale)
    log?.warn({ page: name, locale, fallback: lang }, "content page missing in this language");
  // {{collective}}-style placeholders let a federation other than CHATONS reuse the texts.
  const filled = source.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
  // marked and sanitize-html are loaded with the first content page, not at start.
  const { renderMarkdown, splitTitle } = await import("./markdown.js");
  const { title, body } = splitTitle(filled);
  const page = { title, html: renderMarkdown(body), lang };
  cache.set(key, page);
  return page;
}
