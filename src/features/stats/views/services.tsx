import type { Selectable } from "kysely";
import type { CrawledService } from "../crawled.repository.js";
import { OutsideServices } from "./outside.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Pagination } from "../../../views/components.js";
import type { Page } from "../../directory/finder/finder.js";
import type { StatsFilesTable } from "../stats.tables.js";
import type { LatestUptime } from "../uptime.js";
import type { ServiceListRow } from "../stats.repository.js";
import type { DayBar } from "../uptime.js";
import { LineChart, UptimeBars, type ChartPoint } from "./charts.js";
import { Counts, Exports, ResultBadge, StatsNav, percent } from "./common.js";
import { Differences } from "./differences.js";
import type { FieldDifference } from "../chatonsinfos/mapping.js";
import { ofName } from "../../../i18n/index.js";
import type { NodeinfoRead } from "../detail.repository.js";

export function ServiceTable({
  c,
  rows,
  showMember = true,
}: {
  c: AppContext;
  rows: ServiceListRow[];
  showMember?: boolean;
}) {
  const t = c.get("t");
  if (rows.length === 0) return <p>{t("stats.services.none")}</p>;
  return (
    <div class="table-wrap">
      <table class="stats-table">
        <thead>
          <tr>
            <th scope="col">{t("stats.col.service")}</th>
            {showMember ? <th scope="col">{t("stats.col.organization")}</th> : null}
            <th scope="col">{t("stats.col.category")}</th>
            <th scope="col">{t("stats.col.software")}</th>
            <th scope="col">{t("stats.col.now")}</th>
            <th scope="col" class="num">
              {t("stats.col.uptime")}
            </th>
            <th scope="col" class="num">
              {t("stats.col.users")}
            </th>
            <th scope="col">{t("stats.col.file")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={href(c, `/stats/services/${r.memberSlug}/${r.slug}`)}>{r.name}</a>
              </th>
              {showMember ? (
                <td>
                  <a href={href(c, `/stats/organizations/${r.memberSlug}`)}>{r.memberName}</a>
                </td>
              ) : null}
              <td>
                <a href={href(c, `/stats/categories/${r.categoryId}`)}>{r.category[t.locale]}</a>
              </td>
              <td>
                {r.softwareSlug ? (
                  <a href={href(c, `/stats/software/${r.softwareSlug}`)}>{r.softwareName}</a>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {r.upNow === null ? (
                  "—"
                ) : r.upNow ? (
                  <Badge tone="ok">{t("stats.up")}</Badge>
                ) : (
                  <Badge tone="bad">{t("stats.down")}</Badge>
                )}
              </td>
              <td class="num">{percent(t, r.uptime)}</td>
              <td class="num">{r.usersTotal === null ? "—" : t.number(r.usersTotal)}</td>
              <td>
                {r.file ? (
                  <Counts t={t} counts={r.file} />
                ) : (
                  <Badge tone="neutral">{t("stats.file.notYet")}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ServicesPage({
  c,
  rows,
  filter,
  outside = [],
}: {
  c: AppContext;
  rows: Page<ServiceListRow>;
  filter: string;
  outside?: CrawledService[];
}) {
  const t = c.get("t");
  const link = (page: number) => {
    const query = new URLSearchParams(filter);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return href(c, `/stats/services${text ? `?${text}` : ""}`);
  };
  return (
    <Layout c={c} title={t("stats.services.title")} section="stats" wide>
      <h1>{t("stats.services.title")}</h1>
      <StatsNav c={c} current="services" />
      <p class="lead">{t("stats.services.intro", { n: rows.total })}</p>
      <Exports c={c} name="services" query={filter} />
      <ServiceTable c={c} rows={rows.items} />
      <Pagination c={c} page={rows.page} pages={rows.pages} link={link} />
      {rows.page === 1 ? <OutsideServices c={c} rows={outside} /> : null}
    </Layout>
  );
}

export interface ServiceData {
  service: ServiceListRow;
  files: Selectable<StatsFilesTable>[];
  differences: FieldDifference[];
  metrics: { name: string; points: ChartPoint[]; flagged: number }[];
  bars: DayBar[];
  latest: LatestUptime | undefined;
  nodeinfo: NodeinfoRead | undefined;
  nodeinfoHistory: ChartPoint[];
}

function NodeinfoFigures({ c, n, history }: { c: AppContext; n: NodeinfoRead; history: ChartPoint[] }) {
  const t = c.get("t");
  const num = (v: number | null) => (v === null ? "—" : t.number(v));
  if (!n.ok) return <p>{t("stats.nodeinfo.failed", { error: n.error ?? "" })}</p>;
  return (
    <>
      <dl class="values__list">
        <dt>{t("stats.nodeinfo.software")}</dt>
        <dd>{`${n.software_name ?? "—"} ${n.software_version ?? ""}`}</dd>
        <dt>{t("stats.nodeinfo.users")}</dt>
        <dd>{num(n.users_total)}</dd>
        <dt>{t("stats.nodeinfo.month")}</dt>
        <dd>{num(n.users_active_month)}</dd>
        <dt>{t("stats.nodeinfo.halfyear")}</dt>
        <dd>{num(n.users_active_halfyear)}</dd>
        <dt>{t("stats.nodeinfo.posts")}</dt>
        <dd>{num(n.local_posts)}</dd>
        <dt>{t("stats.nodeinfo.registrations")}</dt>
        <dd>{n.openRegistrations === null ? "—" : n.openRegistrations ? t("stats.yes") : t("stats.no")}</dd>
      </dl>
      <p class="stats-note">
        {t("stats.nodeinfo.read", { date: t.dateTime(n.fetched_at), version: n.schema_version ?? "" })}
      </p>
      {history.length > 1 ? (
        <LineChart
          t={t}
          title={t("stats.nodeinfo.users")}
          description={t("stats.nodeinfo.chart")}
          points={history}
        />
      ) : null}
    </>
  );
}

/** The structure's admins enter metrics for services whose files the platform writes. */
const managesMember = (c: AppContext, slug: string) => {
  const person = c.get("person");
  return (
    !!person &&
    (person.isPlatformAdmin || person.memberships.some((m) => m.memberSlug === slug && m.role === "admin"))
  );
};

export function ServicePage({ c, data }: { c: AppContext; data: ServiceData }) {
  const t = c.get("t");
  const s = data.service;
  return (
    <Layout
      c={c}
      title={t("stats.service.title", {
        name: s.name,
        member: s.memberName,
        member_of: ofName(t.locale, s.memberName),
      })}
      section="stats"
      wide
    >
      <h1>
        {t("stats.service.title", {
          name: s.name,
          member: s.memberName,
          member_of: ofName(t.locale, s.memberName),
        })}
      </h1>
      <StatsNav c={c} current="services" />
      <p>
        <a href={s.url} rel="nofollow">
          {s.url}
        </a>{" "}
        · <a href={href(c, `/stats/organizations/${s.memberSlug}`)}>{s.memberName}</a>
        {s.softwareSlug ? (
          <>
            {" · "}
            <a href={href(c, `/stats/software/${s.softwareSlug}`)}>{s.softwareName}</a>
          </>
        ) : null}
      </p>
      {managesMember(c, s.memberSlug) ? (
        <p>
          <a href={href(c, `/stats/metrics/${s.memberSlug}/${s.slug}`)}>{t("stats.entered.link")}</a>
        </p>
      ) : null}
      <section aria-labelledby="uptime">
        <h2 id="uptime">{t("stats.service.uptime")}</h2>
        <p>
          {t("stats.service.uptimeRatio", { ratio: percent(t, s.uptime) })}{" "}
          {data.latest
            ? t(data.latest.up ? "stats.service.upSince" : "stats.service.downSince", {
                date: t.dateTime(data.latest.since),
              })
            : null}
          {data.latest?.reason ? <span> ({data.latest.reason})</span> : null}
        </p>
        <UptimeBars
          t={t}
          bars={data.bars}
          label={t("stats.uptime.label", {
            name: s.name,
            name_of: ofName(t.locale, s.name),
            ratio: percent(t, s.uptime),
          })}
        />
      </section>
      <section aria-labelledby="nodeinfo">
        <h2 id="nodeinfo">{t("stats.service.nodeinfo")}</h2>
        {data.nodeinfo ? (
          <NodeinfoFigures c={c} n={data.nodeinfo} history={data.nodeinfoHistory} />
        ) : (
          <p>{t("stats.nodeinfo.none")}</p>
        )}
      </section>
      <section aria-labelledby="files">
        <h2 id="files">{t("stats.service.files")}</h2>
        {data.files.length === 0 ? <p>{t("stats.files.none")}</p> : null}
        <ul>
          {data.files.map((f) => (
            <li>
              <a href={href(c, `/stats/files/${f.id}`)}>{f.url}</a> <ResultBadge t={t} result={f.result} />{" "}
              <Counts t={t} counts={f} />
            </li>
          ))}
        </ul>
        <Differences c={c} differences={data.differences} />
      </section>
      <section aria-labelledby="metrics">
        <h2 id="metrics">{t("stats.service.metrics")}</h2>
        {data.metrics.length === 0 ? <p>{t("stats.metrics.noneService")}</p> : null}
        {data.metrics.map((m) => (
          <>
            <LineChart
              t={t}
              title={m.name}
              description={t("stats.metrics.desc", { metric: m.name })}
              points={m.points}
            />
            {m.flagged > 0 ? <p class="stats-note">{t("stats.metrics.flagged", { n: m.flagged })}</p> : null}
            <Exports
              c={c}
              name="metrics"
              query={`scope=service&member=${data.service.memberSlug}&service=${data.service.slug}&metric=${encodeURIComponent(m.name)}&period=months`}
            />
          </>
        ))}
      </section>
    </Layout>
  );
}
