import type { Deps } from "../../deps.js";
import * as repo from "./stats.repository.js";
import * as detail from "./detail.repository.js";
import type { SeriesPeriod } from "./stats.tables.js";

/**
 * The metrics export for one scope: the federation, a software or a category (sums computed at
 * the end of each crawl), or one organization or one service (summed on demand from its few
 * files). A scope that is not one of these is an error with a code, never the federation's data.
 */

export const METRIC_SCOPES = ["federation", "software", "category", "organization", "service"] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export class ScopeError extends Error {
  constructor(readonly code: "unknown-scope" | "missing-id" | "unknown-id") {
    super(code);
  }
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const isScope = (v: string): v is MetricScope => (METRIC_SCOPES as readonly string[]).includes(v);

type Query = (name: string) => string | undefined;
type Row = Record<string, string | number | null>;

function slug(q: Query, name: string): string {
  const v = q(name);
  if (!v) throw new ScopeError("missing-id");
  if (!SLUG.test(v)) throw new ScopeError("unknown-id");
  return v;
}

/** The files whose series make an organization's or a service's figures. */
async function filesOf(
  deps: Deps,
  scope: "organization" | "service",
  q: Query,
): Promise<{ id: string; files: string[] }> {
  const memberSlug = slug(q, scope === "organization" ? "id" : "member");
  const member = await detail.memberBySlug(deps.db, memberSlug);
  if (!member) throw new ScopeError("unknown-id");
  const files = (await detail.filesOfMember(deps.db, member.id)).filter(
    (f) => f.class === "service" || f.class === "metrics",
  );
  if (scope === "organization") return { id: memberSlug, files: files.map((f) => f.id) };
  const serviceSlug = slug(q, "service");
  const service = (await repo.listServices(deps.db, deps.now(), { member: memberSlug })).find(
    (s) => s.slug === serviceSlug,
  );
  if (!service) throw new ScopeError("unknown-id");
  const own = files.filter((f) => f.service_id === service.id);
  const urls = new Set(own.map((f) => f.url));
  // A metrics file hangs under its service file.
  const metrics = files.filter(
    (f) => f.class === "metrics" && f.parent_url !== null && urls.has(f.parent_url),
  );
  return { id: `${memberSlug}/${serviceSlug}`, files: [...new Set([...own, ...metrics].map((f) => f.id))] };
}

export async function metricRows(deps: Deps, q: Query): Promise<Row[]> {
  const scope = q("scope") ?? "federation";
  if (!isScope(scope)) throw new ScopeError("unknown-scope");
  const period: SeriesPeriod = q("period") === "weeks" ? "weeks" : q("period") === "days" ? "days" : "months";
  const metric = (q("metric") ?? "").slice(0, 200);
  if (scope === "organization" || scope === "service") {
    const { id, files } = await filesOf(deps, scope, q);
    const series = (await detail.seriesOfFiles(deps.db, files)).filter(
      (s) => s.metric === metric && s.period === period,
    );
    return series
      .sort((a, b) => a.year - b.year)
      .flatMap((s) =>
        s.values.map((value, i) => ({
          scope,
          id,
          metric,
          year: s.year,
          period,
          index: i + 1,
          value,
          flagged: s.flagged,
        })),
      );
  }
  const id = scope === "federation" ? "" : slug(q, "id");
  const series = await repo.aggregateSeries(deps.db, scope, id, metric, period);
  return series.flatMap((s) =>
    s.values.map((value, i) => ({
      scope,
      id,
      metric,
      year: s.year,
      period,
      index: i + 1,
      value,
      contributors: s.contributors,
    })),
  );
}
