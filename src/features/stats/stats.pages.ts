import type { Deps } from "../../deps.js";
import { importableServices } from "../directory/published.js";
import { categoryNamesOf, directoryFigures, softwareNameOf } from "../directory/published-listings.js";
import { metricPublishers } from "./coverage.repository.js";
import type { Locale } from "../../i18n/index.js";
import { differences, type FieldDifference } from "./chatonsinfos/mapping.js";
import { generatedUrls } from "./generated.js";
import { timeline } from "./metrics.js";
import * as repo from "./stats.repository.js";
import * as detail from "./detail.repository.js";
import { dayBars, latestUptime, overallRatio } from "./uptime.js";
import type { ChartPoint } from "./views/charts.js";
import type { MetricChoice, OverviewData } from "./views/overview.js";
import type { OrganizationData } from "./views/organizations.js";
import type { ServiceData } from "./views/services.js";
import type { GroupData } from "./views/taxonomy.js";
import type { UptimeRow } from "./views/uptime.js";
import type { SeriesPeriod } from "./stats.tables.js";

/** Gathers what each page shows; handlers stay short (parse, authorize, call, render). */

const asPeriod = (p: string): SeriesPeriod => (p === "weeks" || p === "days" ? p : "months");

/** The metric asked for (?m=metric|period) if it exists, else visits by month, else the first. */
export function pickMetric(
  available: { metric: string; period: string }[],
  asked: string | undefined,
): MetricChoice | undefined {
  const [metric, period] = (asked ?? "").split("|");
  return (
    available.find((m) => m.metric === metric && m.period === period) ??
    available.find((m) => m.metric === "http.visits.humans" && m.period === "months") ??
    available.find((m) => m.period === "months") ??
    available[0]
  );
}

async function groupSeries(
  deps: Deps,
  scope: "federation" | "software" | "category",
  id: string,
  asked: string | undefined,
) {
  const metrics = await repo.aggregateMetrics(deps.db, scope, id);
  const chosen = pickMetric(metrics, asked);
  const rows = chosen
    ? await repo.aggregateSeries(deps.db, scope, id, chosen.metric, asPeriod(chosen.period))
    : [];
  return {
    metrics,
    chosen,
    points: timeline(rows),
    info: {
      contributors: Math.max(0, ...rows.map((r) => r.contributors)),
      flagged: rows.reduce((s, r) => s + r.flagged, 0),
    },
  };
}

export async function buildOverview(deps: Deps, asked: string | undefined): Promise<OverviewData> {
  const figures = await directoryFigures(deps.db);
  const counts = await repo.overviewCounts(deps.db, figures);
  const files = { ok: 0, failed: 0, errors: 0, warnings: 0, total: 0 };
  for (const f of counts.files) {
    files.total += f.n;
    if (["ok", "generated", "not-modified"].includes(f.result)) files.ok += f.n;
    else files.failed += f.n;
    files.errors += f.errors;
    files.warnings += f.warnings;
  }
  const series = await groupSeries(deps, "federation", "", asked);
  const published = series.chosen ? (await metricPublishers(deps.db)).get(series.chosen.metric) : undefined;
  return {
    counts,
    files,
    run: await repo.latestRun(deps.db),
    growth: await repo.growth(deps.db, deps.now(), figures),
    metrics: series.metrics,
    chosen: series.chosen,
    series: series.points,
    seriesInfo: { ...series.info, publishers: published?.publishers ?? 0, of: published?.of ?? 0 },
    software: await repo.listSoftware(deps.db, figures),
    categories: await repo.listCategories(deps.db, figures),
  };
}

async function uptimeFor(deps: Deps, services: repo.ServiceListRow[]) {
  const rows = await detail.uptimeRows(
    deps.db,
    services.map((s) => s.id),
    deps.now(),
  );
  return services.map((service) => ({
    service,
    bars: dayBars(
      rows.filter((r) => r.service_id === service.id),
      deps.now(),
    ),
  }));
}

/** Metric timelines of a set of files, summed, one per metric (months preferred). */
async function metricsOf(deps: Deps, fileIds: string[]) {
  const series = await detail.seriesOfFiles(deps.db, fileIds);
  const byMetric = new Map<string, typeof series>();
  for (const s of series) byMetric.set(s.metric, [...(byMetric.get(s.metric) ?? []), s]);
  return [...byMetric.entries()].map(([name, list]) => {
    const months = list.filter((s) => s.period === "months");
    const chosen = months.length > 0 ? months : list.filter((s) => s.period === list[0]?.period);
    return { name, points: timeline(chosen), flagged: chosen.reduce((n, s) => n + s.flagged, 0) };
  });
}

export async function buildOrganization(deps: Deps, slug: string): Promise<OrganizationData | undefined> {
  const member = await detail.memberBySlug(deps.db, slug);
  if (!member) return undefined;
  const files = await detail.filesOfMember(deps.db, member.id);
  const org = files.find((f) => f.class === "organization");
  const facts = org ? await detail.factsOfFile(deps.db, org.id) : undefined;
  const diff: FieldDifference[] = facts ? differences(member.fields, facts.fields) : [];
  const services = await repo.listServices(deps.db, deps.now(), { member: slug });
  const metrics = await metricsOf(
    deps,
    files.filter((f) => f.class === "service" || f.class === "metrics").map((f) => f.id),
  );
  return {
    member,
    files,
    differences: diff,
    services,
    uptime: await uptimeFor(deps, services),
    metric: metrics[0],
    generatedUrl: generatedUrls(deps.config).organization(member.slug),
  };
}

export async function buildService(
  deps: Deps,
  memberSlug: string,
  serviceSlug: string,
): Promise<ServiceData | undefined> {
  const service = (await repo.listServices(deps.db, deps.now(), { member: memberSlug })).find(
    (s) => s.slug === serviceSlug,
  );
  if (!service) return undefined;
  const member = await detail.memberBySlug(deps.db, memberSlug);
  const files = (member ? await detail.filesOfMember(deps.db, member.id) : []).filter(
    (f) => f.service_id === service.id,
  );
  const main = files.find((f) => f.class === "service");
  const facts = main ? await detail.factsOfFile(deps.db, main.id) : undefined;
  const current = (await importableServices(deps.db, service.memberId)).find((s) => s.id === service.id);
  const diff = facts && current ? differences(current.values, facts.fields) : [];
  const [uptime] = await uptimeFor(deps, [service]);
  const latest = (await latestUptime(deps.db, [service])).get(service.id);
  const [nodeinfo] = await detail.nodeinfoOf(deps.db, [service.id]);
  const history = await detail.nodeinfoHistory(deps.db, service.id);
  return {
    service,
    files,
    differences: diff,
    metrics: await metricsOf(
      deps,
      files.map((f) => f.id),
    ),
    bars: uptime?.bars ?? [],
    latest,
    nodeinfo,
    nodeinfoHistory: history.map((h): ChartPoint => ({ label: h.day, value: h.users_total })),
  };
}

export async function buildGroup(
  deps: Deps,
  kind: "software" | "category",
  id: string,
  asked: string | undefined,
  locale: Locale,
): Promise<GroupData | undefined> {
  const name =
    kind === "software" ? await softwareNameOf(deps.db, id) : (await categoryNamesOf(deps.db, id))?.[locale];
  if (!name) return undefined;
  const services = await repo.listServices(
    deps.db,
    deps.now(),
    kind === "software" ? { software: id } : { category: id },
  );
  const series = await groupSeries(deps, kind, id, asked);
  return { kind, id, name, services, metrics: series.metrics, chosen: series.chosen, points: series.points };
}

export async function buildUptime(deps: Deps): Promise<UptimeRow[]> {
  const members = await repo.listOrganizations(deps.db, deps.now());
  const rows = await detail.uptimeByMember(deps.db, deps.now());
  // Uptime probes directory services only: structures outside the directory have none.
  return members
    .flatMap((m) => (m.slug === null ? [] : [{ ...m, slug: m.slug }]))
    .map((m) => {
      const bars = dayBars(
        rows.filter((r) => r.member_id === m.id),
        deps.now(),
      );
      return { slug: m.slug, name: m.name, ratio: overallRatio(bars), bars };
    })
    .filter((r) => r.bars.some((b) => b.ratio !== null));
}
