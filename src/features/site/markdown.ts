import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  "h1",
  "h2",
  "h3",
  "h4",
  "p",
  "ul",
  "ol",
  "li",
  "a",
  "em",
  "strong",
  "code",
  "pre",
  "blockquote",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "abbr",
  "dl",
  "dt",
  "dd",
  "del",
  "sup",
  "sub",
];

/**
 * Markdown to safe HTML: marked renders, sanitize-html keeps only the listed tags and attributes
 * and only http(s)/mailto links, so that even a hostile text cannot inject a script or an element
 * that loads something from another origin (no img, no iframe).
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: {
      a: ["href", "title", "hreflang"],
      abbr: ["title"],
      th: ["scope"],
      td: [],
      h2: ["id"],
      h3: ["id"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
  });
}

/** The first level-1 heading, used as the page title, and the body without it. */
export function splitTitle(source: string): { title: string; body: string } {
  const match = /^#\s+(.+)$/m.exec(source);
  if (!match || match.index === undefined) return { title: "", body: source };
  return {
    title: match[1]?.trim() ?? "",
    body: source.slice(0, match.index) + source.slice(match.index + match[0].length),
  };
}
