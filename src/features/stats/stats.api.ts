import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { recordsToCsv, sendCsv } from "../../http/csv.js";
import { decodePath } from "../../http/errors.js";
import type { Deps } from "../../deps.js";
import * as repo from "./stats.repository.js";
import * as detail from "./detail.repository.js";
import { englishSentence } from "./check-text.js";
import { crawledServices, type CrawledService } from "./crawled.repository.js";
import { propertyCoverage } from "./coverage.repository.js";
import { METRIC_SCOPES, ScopeError, metricRows } from "./metric-scope.js";
import { generateLocal, parseLocalPath, WELL_KNOWN } from "./generated.js";
import { dayBars, overallRatio } from "./uptime.js";
import { nowIso } from "../../db/ids.js";

/**
 * Open-format exports of every list (CSV and JSON, same rows), the raw crawled files, and the
 * ChatonsInfos files the platform generates for its members. All public, all cacheable briefly.
 */

type Row = Record<string, string | number | boolean | null>;
type Export = (deps: Deps, query: (name: string) => string | undefined) => Promise<Row[]>;

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const slugOrUndefined = (v: string | undefined) => (v && SLUG.test(v) ? v : undefined);
const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

const listedServiceRow = (r: repo.ServiceListRow): Row => ({
  in_directory: true,
  member: r.memberSlug,
  slug: r.slug,
  name: r.name,
  url: r.url,
  category: r.categoryId,
  software: r.softwareSlug,
  crawled_software: r.file?.software_name ?? null,
  status: r.status,
  up_now: r.upNow,
  uptime_90d: ratio(r.uptime),
  nodeinfo_users: r.usersTotal,
  nodeinfo_active_month: r.usersActiveMonth,
  file_errors: r.file?.errors ?? null,
  file_warnings: r.file?.warnings ?? null,
});

const outsideServiceRow = (s: CrawledService): Row => ({
  in_directory: false,
  member: null,
  slug: null,
  name: s.name,
  url: s.website,
  category: null,
  software: s.softwareKey,
  crawled_software: s.softwareName,
  status: null,
  up_now: null,
  uptime_90d: null,
  nodeinfo_users: null,
  nodeinfo_active_month: null,
  file_errors: s.errors,
  file_warnings: s.warnings,
});

const EXPORTS: Record<string, Export> = {
  organizations: async (deps) =>
    (await repo.listOrganizations(deps.db, deps.now())).map((r) => ({
      slug: r.slug,
      name: r.name,
      chatonsinfos_url: r.chatonsinfos_url,
      in_directory: r.inDirectory,
      source_of_truth: r.sourceOfTruth,
      file_result: r.file?.result ?? null,
      files: r.files,
      errors: r.errors,
      warnings: r.warnings,
      failed_files: r.failed,
      services: r.services,
      crawled_services: r.crawledServices,
      uptime_90d: ratio(r.uptime),
    })),
  services: async (deps, q) => {
    const software = slugOrUndefined(q("software"));
    const category = slugOrUndefined(q("category"));
    const listed = await repo.listServices(deps.db, deps.now(), {
      ...(software ? { software } : {}),
      ...(category ? { category } : {}),
    });
    const outside = category ? [] : await crawledServices(deps.db, software ? { software } : {});
    return [...listed.map(listedServiceRow), ...outside.map(outsideServiceRow)];
  },
  software: async (deps) =>
    (await repo.listSoftware(deps.db)).map(({ inDirectory, ...r }) => ({ ...r, in_directory: inDirectory })),
  categories: async (deps) =>
    (await repo.listCategories(deps.db)).map((r) => ({
      id: r.id,
      family: r.family,
      name_fr: r.names.fr,
      name_en: r.names.en,
      name_de: r.names.de,
      services: r.services,
      members: r.members,
    })),
  files: async (deps, q) => {
    const asked = q("problem");
    const problem = asked === "errors" || asked === "failed" ? asked : "";
    const out: Row[] = [];
    for (let page = 1; page <= 1_000; page++) {
      const list = await detail.listFiles(deps.db, { problem, page });
      for (const f of list.rows)
        out.push({
          id: f.id,
          url: f.url,
          class: f.class,
          member: f.member_slug,
          result: f.result,
          reason: f.reason,
          errors: f.errors,
          warnings: f.warnings,
          voids: f.voids,
          oks: f.oks,
          fetched_at: f.fetched_at,
          last_success_at: f.last_success_at,
          raw: `${deps.config.baseUrl}/api/stats/files/${f.id}/raw`,
        });
      if (list.rows.length < detail.FILES_PAGE) break;
    }
    return out;
  },
  properties: async (deps) =>
    (await propertyCoverage(deps.db)).flatMap((k) =>
      k.properties.map((p) => ({
        class: k.fileClass,
        key: p.key,
        requirement: p.requirement,
        files: k.files,
        filled: p.filled,
        valid: p.valid,
      })),
    ),
  crawls: async (deps) =>
    (await detail.listRuns(deps.db, 1_000)).map((r) => ({
      id: r.id,
      started_at: r.started_at,
      finished_at: r.finished_at,
      status: r.status,
      trigger: r.trigger,
      organizations: r.items_total,
      files: r.files_total,
      ok: r.files_ok,
      unchanged: r.files_unchanged,
      failed: r.files_failed,
      errors: r.errors,
      warnings: r.warnings,
    })),
  uptime: async (deps) => {
    const services = await repo.listServices(deps.db, deps.now());
    const rows = await detail.uptimeRows(
      deps.db,
      services.map((s) => s.id),
      deps.now(),
    );
    return services.map((s) => {
      const bars = dayBars(
        rows.filter((r) => r.service_id === s.id),
        deps.now(),
      );
      return {
        member: s.memberSlug,
        service: s.slug,
        url: s.url,
        uptime_90d: ratio(overallRatio(bars)),
        days: bars.map((b) => (b.ratio === null ? "" : ratio(b.ratio))).join(";"),
      };
    });
  },
  metrics: (deps, q) => metricRows(deps, q),
};

function send(c: Context<AppEnv>, name: string, format: string, rows: Row[]) {
  c.header("cache-control", "public, max-age=300");
  if (format === "json") return c.json({ generated_at: nowIso(), count: rows.length, items: rows });
  return sendCsv(c, `stats-${name}.csv`, recordsToCsv(rows));
}

/** The names of the exports, each served as /api/stats/<name>.csv and .json. */
export const EXPORT_NAMES = Object.keys(EXPORTS);

export function statsRoot(app: Hono<AppEnv>): void {
  app.get("/api/stats/files/:id/raw", async (c) => {
    const file = await detail.rawFile(c.get("deps").db, c.req.param("id").slice(0, 64));
    if (!file) return c.text("not found", 404);
    c.header("etag", `"${file.hash.slice(0, 32)}"`);
    return c.body(file.body, 200, {
      "content-type": "text/plain; charset=utf-8",
      "x-source-url": encodeURI(file.url),
    });
  });

  app.get("/api/stats/files/:file{[^/]+\\.json}", async (c) => {
    const data = await detail.fileDetail(
      c.get("deps").db,
      c.req
        .param("file")
        .replace(/\.json$/, "")
        .slice(0, 64),
      true,
    );
    if (!data) return c.json({ error: "not found" }, 404);
    const { file } = data;
    return c.json({
      url: file.url,
      class: file.class,
      result: file.result,
      reason: file.reason,
      fetched_at: file.fetched_at,
      counts: { error: file.errors, warning: file.warnings, void: file.voids, ok: file.oks },
      // Stored as a code and its facts; the API adds the English sentence for scripts and people.
      results: data.results.map((r) => ({ ...r, message: englishSentence(r) })),
      history: data.history.map((h) => ({
        fetched_at: h.fetched_at,
        result: h.result,
        http_status: h.http_status,
        content_hash: h.content_hash,
        errors: h.errors,
        warnings: h.warnings,
      })),
    });
  });

  app.get("/api/stats/:file{[a-z]+\\.(csv|json)}", async (c) => {
    const [name = "", format = ""] = c.req.param("file").split(".");
    const build = EXPORTS[name];
    if (!build || !Object.hasOwn(EXPORTS, name)) return c.json({ error: "not found" }, 404);
    try {
      return send(c, name, format, await build(c.get("deps"), (k) => c.req.query(k)));
    } catch (error) {
      // A scope or id we cannot serve is the caller's error, said with a code (never other data).
      if (error instanceof ScopeError) return c.json({ error: error.code, scopes: METRIC_SCOPES }, 400);
      throw error;
    }
  });

  app.get(`${WELL_KNOWN}/*`, async (c) => {
    const rest = decodePath(new URL(c.req.url).pathname.slice(WELL_KNOWN.length + 1));
    const path = parseLocalPath(rest);
    if (!path) return c.text("not found", 404);
    const { db, config, now } = c.get("deps");
    const text = await generateLocal(db, config, path, now());
    if (text === null) return c.text("not found", 404);
    c.header("cache-control", "public, max-age=600");
    c.header("access-control-allow-origin", "*");
    return c.body(text, 200, { "content-type": "text/plain; charset=utf-8" });
  });
}
