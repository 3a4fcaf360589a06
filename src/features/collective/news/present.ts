import { roundName, type Locale, type Translator } from "../../../i18n/index.js";
import { outcomeLabel } from "../labels.js";
import type { NewsItem } from "./news.repository.js";

/** What an item says: written items their own words; automatic ones worded in the reader's language. */
export interface Presented {
  title: string;
  /** Markdown of a written item; null for an automatic one, which has `text` and `link` instead. */
  markdown: string | null;
  text: string;
  link: { path: string; label: string } | null;
}

/**
 * An automatic item is stored as a kind and its params, never as words. A proposal's title is the
 * proposer's own; an application's vote is named by the structure, a charter's by its version.
 */
function decisionTitle(t: Translator, d: Record<string, string>): string {
  const title = d.title ?? "";
  if (d.decisionKind === "application") return t("news.auto.decision.application", { name: title });
  const version = d.decisionKind === "charter" ? /version\s+(\S+)/.exec(title)?.[1] : undefined;
  if (version) return t("news.auto.decision.charter", { version });
  return t("news.auto.decision.title", { title });
}

export function present(t: Translator, locale: Locale, item: NewsItem): Presented {
  const d = item.data;
  if (item.kind === "member")
    return {
      title: t("news.auto.member.title", { name: d.name ?? "" }),
      markdown: null,
      text: t("news.auto.member.body", { name: d.name ?? "", round: roundName(t, d.round ?? "") }),
      link: { path: `/members/${d.slug ?? ""}`, label: t("news.auto.member.link", { name: d.name ?? "" }) },
    };
  if (item.kind === "decision")
    return {
      title: decisionTitle(t, d),
      markdown: null,
      text: d.outcome
        ? t("news.auto.decision.body", { outcome: outcomeLabel(t, locale, d.outcome) })
        : t("news.auto.decision.body_plain"),
      link: { path: `/decisions/${d.decisionId ?? ""}`, label: t("news.auto.decision.link") },
    };
  return { title: item.title, markdown: item.body, text: "", link: null };
}
