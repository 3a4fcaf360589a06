import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import type { Selectable } from "kysely";
import type { StatsCrawlRunsTable } from "../stats.tables.js";
import { BarList, LineChart, metricLabel, type ChartPoint } from "./charts.js";
import { Exports, Figure, StatsNav } from "./common.js";
import { RunSummary } from "./crawls.js";
import type { listCategories, listSoftware } from "../stats.repository.js";

export interface MetricChoice {
  metric: string;
  period: string;
}

export interface OverviewData {
  counts: { members: number; services: number; software: number; categories: number };
  files: { ok: number; failed: number; errors: number; warnings: number; total: number };
  run: Selectable<StatsCrawlRunsTable> | undefined;
  growth: { members: ChartPoint[]; services: ChartPoint[] };
  metrics: MetricChoice[];
  chosen: MetricChoice | undefined;
  series: ChartPoint[];
  seriesInfo: { contributors: number; flagged: number; publishers: number; of: number };
  software: Awaited<ReturnType<typeof listSoftware>>;
  categories: Awaited<ReturnType<typeof listCategories>>;
}

export function MetricPicker({
  c,
  metrics,
  chosen,
  action,
}: {
  c: AppContext;
  metrics: MetricChoice[];
  chosen: MetricChoice | undefined;
  action: string;
}) {
  const t = c.get("t");
  if (metrics.length <= 1) return null;
  const value = chosen ? `${chosen.metric}|${chosen.period}` : "";
  return (
    <form method="get" action={action} class="inline-filters">
      <label for="metric-choice">{t("stats.metrics.choose")}</label>
      <select id="metric-choice" name="m">
        {metrics.map((m) => (
          <option value={`${m.metric}|${m.period}`} selected={`${m.metric}|${m.period}` === value}>
            {`${metricLabel(t, m.metric)} (${t(`stats.period.${m.period === "weeks" ? "weeks" : m.period === "days" ? "days" : "months"}`)})`}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--small">
        {t("stats.metrics.show")}
      </button>
    </form>
  );
}

export function OverviewPage({ c, data }: { c: AppContext; data: OverviewData }) {
  const t = c.get("t");
  const { counts, files, run } = data;
  return (
    <Layout c={c} title={t("stats.title")} section="stats" wide>
      <h1>{t("stats.title")}</h1>
      <StatsNav c={c} current="overview" />
      <p class="lead">{t("stats.overview.intro")}</p>
      <dl class="stats-figures">
        <Figure
          value={t.number(counts.members)}
          label={t("stats.figure.members")}
          link={href(c, "/stats/organizations")}
        />
        <Figure
          value={t.number(counts.services)}
          label={t("stats.figure.services")}
          link={href(c, "/stats/services")}
        />
        <Figure
          value={t.number(counts.software)}
          label={t("stats.figure.software")}
          link={href(c, "/stats/software")}
        />
        <Figure
          value={t.number(counts.categories)}
          label={t("stats.figure.categories")}
          link={href(c, "/stats/categories")}
        />
        <Figure
          value={t.number(files.total)}
          label={t("stats.figure.files")}
          link={href(c, "/stats/files")}
        />
        <Figure
          value={t.number(files.errors)}
          label={t("stats.figure.errors")}
          link={href(c, "/stats/files?problem=errors")}
        />
      </dl>
      <section aria-labelledby="last-crawl">
        <h2 id="last-crawl">{t("stats.overview.lastCrawl")}</h2>
        {run ? (
          <p>
            {t("stats.overview.run", {
              date: t.dateTime(run.started_at),
              status: t(`stats.run.status.${run.status}`),
            })}{" "}
            {run.status === "done" || run.summary ? (
              <span>
                (<RunSummary c={c} run={run} />)
              </span>
            ) : null}{" "}
            <a href={href(c, `/stats/crawls/${run.id}`)}>{t("stats.overview.runLink")}</a>
          </p>
        ) : (
          <p>{t("stats.overview.noRun")}</p>
        )}
        <p>
          {t("stats.overview.files", { ok: files.ok, failed: files.failed, warnings: files.warnings })}{" "}
          <a href={href(c, "/stats/files?problem=failed")}>{t("stats.overview.failedLink")}</a>
        </p>
      </section>
      <section aria-labelledby="growth">
        <h2 id="growth">{t("stats.overview.growth")}</h2>
        <div class="stats-columns">
          <LineChart
            t={t}
            title={t("stats.overview.growth.members")}
            description={t("stats.overview.growth.desc")}
            points={data.growth.members}
            area
          />
          <LineChart
            t={t}
            title={t("stats.overview.growth.services")}
            description={t("stats.overview.growth.desc")}
            points={data.growth.services}
            area
          />
        </div>
      </section>
      <section aria-labelledby="metrics">
        <h2 id="metrics">{t("stats.overview.metrics")}</h2>
        <p>{t("stats.overview.metrics.intro")}</p>
        <MetricPicker c={c} metrics={data.metrics} chosen={data.chosen} action={href(c, "/stats")} />
        {data.chosen ? (
          <>
            <LineChart
              t={t}
              title={data.chosen.metric}
              description={t("stats.metrics.desc", { metric: data.chosen.metric })}
              points={data.series}
            />
            <p class="stats-note">{t("stats.metrics.contributors", data.seriesInfo)}</p>
            <p class="stats-note">
              {t("stats.metrics.coverage", {
                publishers: data.seriesInfo.publishers,
                of: data.seriesInfo.of,
              })}
            </p>
            <Exports
              c={c}
              name="metrics"
              query={`scope=federation&metric=${encodeURIComponent(data.chosen.metric)}&period=${data.chosen.period}`}
            />
          </>
        ) : (
          <p>{t("stats.metrics.none")}</p>
        )}
      </section>
      <div class="stats-columns">
        <BarList
          t={t}
          title={t("stats.overview.topSoftware")}
          items={data.software
            .slice(0, 12)
            .map((s) => ({ label: s.name, value: s.services, href: href(c, `/stats/software/${s.slug}`) }))}
        />
        <BarList
          t={t}
          title={t("stats.overview.topCategories")}
          items={[...data.categories]
            .sort((a, b) => b.services - a.services)
            .slice(0, 12)
            .map((k) => ({
              label: k.names[t.locale],
              value: k.services,
              href: href(c, `/stats/categories/${k.id}`),
            }))}
        />
      </div>
    </Layout>
  );
}
