import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Badge } from "../../../views/components.js";
import type { ServiceListRow, listCategories, listSoftware } from "../stats.repository.js";
import { BarList, LineChart, type ChartPoint } from "./charts.js";
import { Exports, StatsNav } from "./common.js";
import { MetricPicker, type MetricChoice } from "./overview.js";
import { ServiceTable } from "./services.js";

type SoftwareRow = Awaited<ReturnType<typeof listSoftware>>[number];
type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

export function SoftwareListPage({ c, rows }: { c: AppContext; rows: SoftwareRow[] }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("stats.software.title")} section="stats" wide>
      <h1>{t("stats.software.title")}</h1>
      <StatsNav c={c} current="software" />
      <p class="lead">{t("stats.software.intro")}</p>
      <Exports c={c} name="software" />
      <div class="table-wrap">
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.software")}</th>
              <th scope="col">{t("stats.col.license")}</th>
              <th scope="col" class="num">
                {t("stats.col.services")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.members")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.crawled")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  {r.inDirectory ? (
                    <a href={href(c, `/stats/software/${r.slug}`)}>{r.name}</a>
                  ) : (
                    <>
                      {r.name} <Badge tone="neutral">{t("stats.outside.badge")}</Badge>
                    </>
                  )}
                </th>
                <td>{r.license ?? "—"}</td>
                <td class="num">{t.number(r.services)}</td>
                <td class="num">{t.number(r.members)}</td>
                <td class="num">{t.number(r.crawled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function CategoriesPage({ c, rows }: { c: AppContext; rows: CategoryRow[] }) {
  const t = c.get("t");
  const families = [...new Set(rows.map((r) => r.family))];
  return (
    <Layout c={c} title={t("stats.categories.title")} section="stats" wide>
      <h1>{t("stats.categories.title")}</h1>
      <StatsNav c={c} current="categories" />
      <p class="lead">{t("stats.categories.intro")}</p>
      <Exports c={c} name="categories" />
      <div class="stats-columns">
        {families.map((family) => (
          <BarList
            t={t}
            title={t(`stats.family.${family}`)}
            items={rows
              .filter((r) => r.family === family)
              .map((r) => ({
                label: r.names[t.locale],
                value: r.services,
                href: href(c, `/stats/categories/${r.id}`),
              }))}
          />
        ))}
      </div>
    </Layout>
  );
}

export interface GroupData {
  kind: "software" | "category";
  id: string;
  name: string;
  services: ServiceListRow[];
  metrics: MetricChoice[];
  chosen: MetricChoice | undefined;
  points: ChartPoint[];
}

/** One software or one category: its services and their summed metrics. */
export function GroupPage({ c, data }: { c: AppContext; data: GroupData }) {
  const t = c.get("t");
  const title = t(data.kind === "software" ? "stats.software.one" : "stats.category.one", {
    name: data.name,
  });
  const path = data.kind === "software" ? `/stats/software/${data.id}` : `/stats/categories/${data.id}`;
  return (
    <Layout c={c} title={title} section="stats" wide>
      <h1>{title}</h1>
      <StatsNav c={c} current={data.kind === "software" ? "software" : "categories"} />
      <p class="lead">
        {t("stats.group.intro", {
          n: data.services.length,
          members: new Set(data.services.map((s) => s.memberSlug)).size,
        })}
      </p>
      <section aria-labelledby="metrics">
        <h2 id="metrics">{t("stats.group.metrics")}</h2>
        <MetricPicker c={c} metrics={data.metrics} chosen={data.chosen} action={href(c, path)} />
        {data.chosen ? (
          <>
            <LineChart
              t={t}
              title={data.chosen.metric}
              description={t("stats.metrics.desc", { metric: data.chosen.metric })}
              points={data.points}
            />
            <Exports
              c={c}
              name="metrics"
              query={`scope=${data.kind}&id=${encodeURIComponent(data.id)}&metric=${encodeURIComponent(data.chosen.metric)}&period=${data.chosen.period}`}
            />
          </>
        ) : (
          <p>{t("stats.metrics.none")}</p>
        )}
      </section>
      <section aria-labelledby="services">
        <h2 id="services">{t("stats.group.services")}</h2>
        <Exports c={c} name="services" query={`${data.kind}=${encodeURIComponent(data.id)}`} />
        <ServiceTable c={c} rows={data.services} />
      </section>
    </Layout>
  );
}
