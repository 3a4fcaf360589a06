import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Badge } from "../../../views/components.js";
import type { CrawledService } from "../crawled.repository.js";
import { Counts } from "./common.js";

/** Services the crawl found that the directory does not hold, after the directory's own. */
export function OutsideServices({ c, rows }: { c: AppContext; rows: CrawledService[] }) {
  const t = c.get("t");
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="stats-outside">
      <h2 id="stats-outside">{t("stats.outside.services", { n: rows.length })}</h2>
      <p>{t("stats.outside.intro")}</p>
      <div class="table-wrap">
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.service")}</th>
              <th scope="col">{t("stats.col.organization")}</th>
              <th scope="col">{t("stats.col.software")}</th>
              <th scope="col">{t("stats.col.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <th scope="row">
                  <a href={href(c, `/stats/files/${s.fileId}`)}>{s.name}</a>{" "}
                  <Badge tone="neutral">{t("stats.outside.badge")}</Badge>
                  {s.website ? (
                    <>
                      <br />
                      <a class="stats-url" href={s.website}>
                        {s.website}
                      </a>
                    </>
                  ) : null}
                </th>
                <td>{s.organizationName ?? "—"}</td>
                <td>{s.softwareName ?? "—"}</td>
                <td>
                  <Counts t={t} counts={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
