import type { Selectable } from "kysely";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Pagination } from "../../../views/components.js";
import type { Page } from "../../directory/finder/finder.js";
import type { StatsMember } from "../detail.repository.js";
import type { FieldDifference } from "../chatonsinfos/mapping.js";
import { Differences } from "./differences.js";
import type { StatsFilesTable } from "../stats.tables.js";
import type { OrganizationListRow, ServiceListRow } from "../stats.repository.js";
import type { DayBar } from "../uptime.js";
import { LineChart, UptimeBars, type ChartPoint } from "./charts.js";
import { Counts, Exports, ResultBadge, StatsNav, percent } from "./common.js";
import { ServiceTable } from "./services.js";
import { ofName } from "../../../i18n/index.js";

export function OrganizationsPage({ c, rows: list }: { c: AppContext; rows: Page<OrganizationListRow> }) {
  const t = c.get("t");
  const rows = list.items;
  const link = (page: number) => href(c, `/stats/organizations${page > 1 ? `?page=${page}` : ""}`);
  return (
    <Layout c={c} title={t("stats.organizations.title")} section="stats" wide>
      <h1>{t("stats.organizations.title")}</h1>
      <StatsNav c={c} current="organizations" />
      <p class="lead">{t("stats.organizations.intro")}</p>
      <Exports c={c} name="organizations" />
      <div class="table-wrap">
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.organization")}</th>
              <th scope="col">{t("stats.col.source")}</th>
              <th scope="col">{t("stats.col.file")}</th>
              <th scope="col">{t("stats.col.problems")}</th>
              <th scope="col" class="num">
                {t("stats.col.services")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.uptime")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  {r.slug !== null ? (
                    <a href={href(c, `/stats/organizations/${r.slug}`)}>{r.name}</a>
                  ) : (
                    <>
                      <a href={href(c, `/stats/files/${r.id}`)}>{r.name}</a>{" "}
                      <Badge tone="neutral">{t("stats.outside.badge")}</Badge>
                    </>
                  )}
                </th>
                <td>{r.chatonsinfos_url ? t("stats.source.own") : t("stats.source.generated")}</td>
                <td>
                  {r.file ? (
                    <ResultBadge t={t} result={r.file.result} />
                  ) : (
                    <Badge tone="neutral">{t("stats.file.notYet")}</Badge>
                  )}
                </td>
                <td>
                  <Counts t={t} counts={r} />
                </td>
                <td class="num">
                  {t.number(r.services)}
                  {r.crawledServices !== r.services ? (
                    <span class="stats-note">
                      {" "}
                      ({t("stats.organizations.crawled", { n: r.crawledServices })})
                    </span>
                  ) : null}
                </td>
                <td class="num">{percent(t, r.uptime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination c={c} page={list.page} pages={list.pages} link={link} />
    </Layout>
  );
}

export interface OrganizationData {
  member: StatsMember;
  files: Selectable<StatsFilesTable>[];
  differences: FieldDifference[];
  services: ServiceListRow[];
  uptime: { service: ServiceListRow; bars: DayBar[] }[];
  metric: { name: string; points: ChartPoint[] } | undefined;
  generatedUrl: string;
}

export function FileTable({ c, files }: { c: AppContext; files: Selectable<StatsFilesTable>[] }) {
  const t = c.get("t");
  if (files.length === 0) return <p>{t("stats.files.none")}</p>;
  return (
    <div class="table-wrap">
      <table class="stats-table">
        <thead>
          <tr>
            <th scope="col">{t("stats.col.file")}</th>
            <th scope="col">{t("stats.col.class")}</th>
            <th scope="col">{t("stats.col.result")}</th>
            <th scope="col">{t("stats.col.problems")}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr>
              <td class="stats-url">
                <a href={href(c, `/stats/files/${f.id}`)}>{f.name ?? f.url}</a>
                <br />
                <small>{f.url}</small>
              </td>
              <td>{f.class ?? "—"}</td>
              <td>
                <ResultBadge t={t} result={f.result} />
              </td>
              <td>
                <Counts t={t} counts={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrganizationPage({ c, data }: { c: AppContext; data: OrganizationData }) {
  const t = c.get("t");
  const { member } = data;
  const own = member.chatonsinfosUrl;
  const title = t("stats.organization.title", { name: member.name, name_of: ofName(t.locale, member.name) });
  return (
    <Layout c={c} title={title} section="stats" wide>
      <h1>{title}</h1>
      <StatsNav c={c} current="organizations" />
      <p>
        <a href={href(c, `/members/${member.slug}`)}>{t("stats.organization.memberPage")}</a>
      </p>
      <section aria-labelledby="source">
        <h2 id="source">{t("stats.organization.source")}</h2>
        <p>
          {own ? t("stats.organization.own") : t("stats.organization.generated")}{" "}
          <code class="stats-url">{own ?? data.generatedUrl}</code>
        </p>
        <p>
          {member.filesAreSourceOfTruth
            ? t("stats.organization.truth.files")
            : t("stats.organization.truth.directory")}
        </p>
        {member.filesAreSourceOfTruth ? null : <Differences c={c} differences={data.differences} />}
      </section>
      <section aria-labelledby="files">
        <h2 id="files">{t("stats.organization.files")}</h2>
        <FileTable c={c} files={data.files} />
      </section>
      <section aria-labelledby="services">
        <h2 id="services">{t("stats.organization.services")}</h2>
        <ServiceTable c={c} rows={data.services} showMember={false} />
      </section>
      {data.metric ? (
        <section aria-labelledby="metrics">
          <h2 id="metrics">{t("stats.organization.metrics")}</h2>
          <LineChart
            t={t}
            title={data.metric.name}
            description={t("stats.metrics.desc", { metric: data.metric.name })}
            points={data.metric.points}
          />
          <Exports
            c={c}
            name="metrics"
            query={`scope=organization&id=${data.member.slug}&metric=${encodeURIComponent(data.metric.name)}&period=months`}
          />
        </section>
      ) : null}
      <section aria-labelledby="uptime">
        <h2 id="uptime">{t("stats.organization.uptime")}</h2>
        {data.uptime.length === 0 ? <p>{t("stats.uptime.none")}</p> : null}
        <ul class="uptime-list">
          {data.uptime.map((u) => (
            <li>
              <span class="uptime-list__name">
                <a href={href(c, `/stats/services/${member.slug}/${u.service.slug}`)}>{u.service.name}</a>{" "}
                {percent(t, u.service.uptime)}
              </span>
              <UptimeBars
                t={t}
                bars={u.bars}
                label={t("stats.uptime.label", {
                  name: u.service.name,
                  name_of: ofName(t.locale, u.service.name),
                  ratio: percent(t, u.service.uptime),
                })}
              />
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
