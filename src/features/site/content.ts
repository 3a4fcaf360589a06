import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locale } from "../../i18n/index.js";

/** The content pages, one Markdown file per language under content/<locale>/<slug>.md. */
export const CONTENT_PAGES = ["about", "manifesto", "join", "legal", "privacy"] as const;
export type ContentSlug = (typeof CONTENT_PAGES)[number];

const contentDir = fileURLToPath(new URL("../../../content/", import.meta.url));

export interface ContentPage {
  title: string;
  html: string;
}

const cache = new Map<string, ContentPage>();

export async function loadContent(
  locale: Locale,
  slug: ContentSlug,
  vars: Record<string, string>,
): Promise<ContentPage> {
  return loadMarkdownPage(locale, slug, vars);
}

/** Other features' Markdown pages (the code of conduct, the starter guide): `name` is a path under content/<locale>/. */
export async function loadMarkdownPage(
  locale: Locale,
  name: string,
  vars: Record<string, string>,
): Promise<ContentPage> {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(name)) throw new Error(`not a content page name: ${name}`);
  const key = `${locale}/${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const source = await readFile(`${contentDir}${locale}/${name}.md`, "utf8");
  // {{collective}}-style placeholders let a federation other than CHATONS reuse the texts.
  const filled = source.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
  // marked and sanitize-html are loaded with the first content page, not at start.
  const { renderMarkdown, splitTitle } = await import("./markdown.js");
  const { title, body } = splitTitle(filled);
  const page = { title, html: renderMarkdown(body) };
  cache.set(key, page);
  return page;
}
