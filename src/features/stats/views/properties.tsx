import type { AppContext } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import type { ClassCoverage } from "../coverage.repository.js";
import { Exports, StatsNav, percent } from "./common.js";

/** /stats/properties: for each file class and property, how many files fill it, how many validly. */
export function PropertiesPage({ c, coverage }: { c: AppContext; coverage: ClassCoverage[] }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("stats.properties.title")} section="stats" wide>
      <h1>{t("stats.properties.title")}</h1>
      <StatsNav c={c} current="properties" />
      <p class="lead">{t("stats.properties.intro")}</p>
      <Exports c={c} name="properties" />
      {coverage.map((k) => (
        <section aria-labelledby={`coverage-${k.fileClass}`}>
          <h2 id={`coverage-${k.fileClass}`}>
            {t(`stats.properties.class.${k.fileClass}`)} — {t.plural("stats.properties.files", k.files)}
          </h2>
          {k.files === 0 ? (
            <p>{t("stats.properties.none")}</p>
          ) : (
            <div class="table-wrap">
              <table class="stats-table">
                <thead>
                  <tr>
                    <th scope="col">{t("stats.properties.col.key")}</th>
                    <th scope="col">{t("stats.properties.col.requirement")}</th>
                    <th scope="col" class="num">
                      {t("stats.properties.col.filled")}
                    </th>
                    <th scope="col" class="num">
                      {t("stats.properties.col.valid")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {k.properties.map((p) => (
                    <tr>
                      <th scope="row">
                        <code>{p.key}</code>
                      </th>
                      <td>{t(`stats.properties.req.${p.requirement}`)}</td>
                      <td class="num">
                        {t("stats.properties.ofFiles", { n: p.filled, of: k.files })} (
                        {percent(t, p.filled / k.files)})
                      </td>
                      <td class="num">
                        {t("stats.properties.ofFiles", { n: p.valid, of: k.files })} (
                        {percent(t, p.valid / k.files)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}
