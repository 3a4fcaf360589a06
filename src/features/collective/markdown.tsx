import { raw } from "hono/html";

/**
 * Markdown written on the platform (news, minutes), shown as HTML. The one place this feature
 * outputs markup it did not build: the text goes through the site's renderer, whose sanitiser keeps
 * only plain formatting tags and http(s)/mailto links (no script, no image, no frame), so a hostile
 * text renders as harmless markup. The renderer is loaded with the first page that needs it.
 */
export async function Markdown({ source }: { source: string }) {
  const { renderMarkdown } = await import("../site/markdown.js");
  return <div class="prose">{raw(renderMarkdown(source))}</div>;
}

/** The same sanitised HTML as a string, for the Atom feed's entries. */
export async function markdownHtml(source: string): Promise<string> {
  const { renderMarkdown } = await import("../site/markdown.js");
  return renderMarkdown(source);
}
