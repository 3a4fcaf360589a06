import type { AppContext } from "../../../http/context.js";
import { hasMessage } from "../../../i18n/index.js";
import type { FieldDifference } from "../chatonsinfos/mapping.js";

/** The directory and the crawled file side by side, where they disagree. */

export function fieldLabel(c: AppContext, field: string): string {
  const t = c.get("t");
  const key = `stats.field.${field}`;
  return hasMessage(t.locale, key) ? t(key) : field;
}

export function Differences({ c, differences }: { c: AppContext; differences: FieldDifference[] }) {
  const t = c.get("t");
  if (differences.length === 0) return <p>{t("stats.diff.none")}</p>;
  return (
    <div class="table-wrap">
      <table class="stats-table">
        <caption>{t("stats.diff.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stats.diff.field")}</th>
            <th scope="col">{t("stats.diff.directory")}</th>
            <th scope="col">{t("stats.diff.crawled")}</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((d) => (
            <tr>
              <th scope="row">{fieldLabel(c, d.field)}</th>
              <td>{d.directory || "—"}</td>
              <td>
                <mark>{d.crawled}</mark>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
