import type { Locale, Translator } from "../../../i18n/index.js";
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

export function present(t: Translator, locale: Locale, item: NewsItem): Presented {
  const d = item.data;
  if (item.kind === "member")
    return {
      title: t("news.auto.member.title", { name: d.name ?? "" }),
      markdown: null,
      text: t("news.auto.member.body", { name: d.name ?? "", round: d.round ?? "" }),
      link: { path: `/members/${d.slug ?? ""}`, label: t("news.auto.member.link", { name: d.name ?? "" }) },
    };
  if (item.kind === "decision")
    return {
      title: t("news.auto.decision.title", { title: d.title ?? "" }),
      markdown: null,
      text: d.outcome
        ? t("news.auto.decision.body", { outcome: outcomeLabel(t, locale, d.outcome) })
        : t("news.auto.decision.body_plain"),
      link: { path: `/decisions/${d.decisionId ?? ""}`, label: t("news.auto.decision.link") },
    };
  return { title: item.title, markdown: item.body, text: "", link: null };
}
