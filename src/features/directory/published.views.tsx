import type { AppContext } from "../../http/context.js";
import { replacedServiceNames } from "./published.js";

/**
 * "Replaces: Google Docs, Notion…", for another feature's service card (the entraide portal). The
 * text and the list are the directory's; the caller chooses the class.
 */
export function ReplacesNote({
  c,
  categoryId,
  class: cls,
}: {
  c: AppContext;
  categoryId: string;
  class?: string;
}) {
  const names = replacedServiceNames(c.get("deps").db, categoryId);
  if (names.length === 0) return null;
  const t = c.get("t");
  const shown =
    names.length > 6
      ? t("directory.alternatives.replaces.more", { names: names.slice(0, 6).join(", ") })
      : names.join(", ");
  return <p class={cls}>{t("directory.alternatives.replaces", { names: shown })}</p>;
}
