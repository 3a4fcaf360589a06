import { raw } from "hono/html";

/**
 * HTML made from Markdown written on the platform (news, minutes). Only `toSafeHtml` makes one, and
 * it goes through the site's renderer, whose sanitiser keeps plain formatting tags and http(s)/mailto
 * links only (no script, no image, no frame): so a hostile text renders as harmless markup. The
 * renderer is loaded with the first page that needs it.
 */
export class SafeHtml {
  private constructor(readonly html: string) {}

  static async fromMarkdown(source: string): Promise<SafeHtml> {
    const { renderMarkdown } = await import("../site/markdown.js");
    return new SafeHtml(renderMarkdown(source));
  }
}

export const toSafeHtml = (source: string): Promise<SafeHtml> => SafeHtml.fromMarkdown(source);

/** The one place this feature outputs markup it did not build: sanitised HTML only. */
export function Markdown({ html, lang }: { html: SafeHtml; lang?: string | undefined }) {
  return (
    <div class="prose" lang={lang}>
      {raw(html.html)}
    </div>
  );
}
