import type { Hono, MiddlewareHandler } from "hono";
import { CACHE_HEADER } from "../../http/page-cache.js";
import type { AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { requireMemberAdmin, requirePlatformAdmin } from "../../http/policy.js";
import { parseForm, checkbox } from "../../http/forms.js";
import { audit } from "../../audit/audit.js";
import { z } from "zod";
import * as repo from "./stats.repository.js";
import * as detail from "./detail.repository.js";
import * as pages from "./stats.pages.js";
import { OverviewPage } from "./views/overview.js";
import { OrganizationPage, OrganizationsPage } from "./views/organizations.js";
import { ServicePage, ServicesPage } from "./views/services.js";
import { CategoriesPage, GroupPage, SoftwareListPage } from "./views/taxonomy.js";
import { FilePage, FilesPage } from "./views/files.js";
import { CrawlPage, CrawlsPage } from "./views/crawls.js";
import { UptimePage } from "./views/uptime.js";
import { CrawlerPage } from "./views/crawler.js";
import { CRAWL_JOB } from "./stats.jobs.js";
import { paginate } from "../directory/finder/finder.js";
import { importPages } from "./import/import.routes.js";
import { crawledServices } from "./crawled.repository.js";
import { validatorPages } from "./validator.routes.js";
import { enteredPages } from "./entered.routes.js";
import { propertyCoverage } from "./coverage.repository.js";
import { PropertiesPage } from "./views/properties.js";
import { commitAndRedirect } from "../../http/commit.js";
import { setSourceOfTruth } from "../directory/published.js";

const notFound = () => new HttpError(404, "404");
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const slugParam = (value: string) => {
  if (!SLUG.test(value)) throw notFound();
  return value;
};

const SourceSchema = z.object({ source_of_truth: checkbox() });

/** Long lists (a federation of 10,000 has 100,000 services) are cut into pages of this size. */
const PER_PAGE = 100;
const pageParam = (value: string | undefined) => {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

/**
 * Public stats pages change with crawls and probes, not with visits: anonymous visitors get them
 * from the page cache for a minute (the crawl journal, which shows a crawl's progress, for 10 s).
 */
const cachePublicPages: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== "GET" || c.res.status !== 200 || c.res.headers.has(CACHE_HEADER)) return;
  c.res.headers.set(CACHE_HEADER, c.req.path.includes("/stats/crawls") ? "10" : "60");
};

/** The public statistics pages (under /fr and /en), and the two forms of the stats feature. */
export function statsPages(router: Hono<AppEnv>): void {
  router.use("/stats", cachePublicPages);
  router.use("/stats/*", cachePublicPages);
  router.get("/stats", async (c) =>
    render(c, <OverviewPage c={c} data={await pages.buildOverview(c.get("deps"), c.req.query("m"))} />),
  );

  router.get("/stats/organizations", async (c) => {
    const { db, now } = c.get("deps");
    const rows = paginate(await repo.listOrganizations(db, now()), pageParam(c.req.query("page")), PER_PAGE);
    return render(c, <OrganizationsPage c={c} rows={rows} />);
  });

  router.get("/stats/organizations/:slug", async (c) => {
    const data = await pages.buildOrganization(c.get("deps"), slugParam(c.req.param("slug")));
    if (!data) throw notFound();
    return render(c, <OrganizationPage c={c} data={data} />);
  });

  router.post("/stats/organizations/:slug/source", async (c) => {
    const { db } = c.get("deps");
    const member = await detail.memberBySlug(db, slugParam(c.req.param("slug")));
    if (!member) throw notFound();
    const person = requireMemberAdmin(c, member.id);
    const form = await parseForm(c, SourceSchema);
    const value = form.ok && form.data.source_of_truth;
    return commitAndRedirect(c, {
      write: (trx) => setSourceOfTruth(trx, member.id, value),
      audit: {
        actor: { personId: person.id, memberId: member.id },
        action: "stats.source_of_truth",
        subject: { type: "member", id: member.id },
        data: { value },
      },
      flash: value ? "stats.source.saved.files" : "stats.source.saved.directory",
      to: href(c, `/dashboard/${member.slug}`),
    });
  });

  router.get("/stats/services", async (c) => {
    const { db, now } = c.get("deps");
    const software = c.req.query("software");
    const category = c.req.query("category");
    const filter = {
      ...(software && SLUG.test(software) ? { software } : {}),
      ...(category && SLUG.test(category) ? { category } : {}),
    };
    const query = new URLSearchParams(filter).toString();
    const rows = paginate(
      await repo.listServices(db, now(), filter),
      pageParam(c.req.query("page")),
      PER_PAGE,
    );
    // Services only the crawl knows have no category: a category filter leaves them out.
    const outside = filter.category ? [] : await crawledServices(db, filter);
    return render(c, <ServicesPage c={c} rows={rows} filter={query} outside={outside} />);
  });

  router.get("/stats/services/:member/:service", async (c) => {
    const data = await pages.buildService(
      c.get("deps"),
      slugParam(c.req.param("member")),
      slugParam(c.req.param("service")),
    );
    if (!data) throw notFound();
    return render(c, <ServicePage c={c} data={data} />);
  });

  router.get("/stats/software", async (c) =>
    render(c, <SoftwareListPage c={c} rows={await repo.listSoftware(c.get("deps").db)} />),
  );
  router.get("/stats/categories", async (c) =>
    render(c, <CategoriesPage c={c} rows={await repo.listCategories(c.get("deps").db)} />),
  );

  for (const [path, kind] of [
    ["/stats/software/:id", "software"],
    ["/stats/categories/:id", "category"],
  ] as const) {
    router.get(path, async (c) => {
      const data = await pages.buildGroup(
        c.get("deps"),
        kind,
        slugParam(c.req.param("id")),
        c.req.query("m"),
        c.get("locale"),
      );
      if (!data) throw notFound();
      return render(c, <GroupPage c={c} data={data} />);
    });
  }

  router.get("/stats/files", async (c) => {
    const problemQuery = c.req.query("problem");
    const problem = problemQuery === "errors" || problemQuery === "failed" ? problemQuery : "";
    const page = Math.max(1, Math.min(10_000, Number(c.req.query("page")) || 1));
    const list = await detail.listFiles(c.get("deps").db, { problem, page });
    const pagesCount = Math.max(1, Math.ceil(list.total / detail.FILES_PAGE));
    return render(c, <FilesPage c={c} list={list} problem={problem} page={page} pages={pagesCount} />);
  });

  router.get("/stats/files/:id", async (c) => {
    const all = c.req.query("all") === "1";
    const data = await detail.fileDetail(c.get("deps").db, c.req.param("id").slice(0, 64), all);
    if (!data) throw notFound();
    return render(c, <FilePage c={c} data={data} all={all} />);
  });

  router.get("/stats/crawls", async (c) =>
    render(c, <CrawlsPage c={c} runs={await detail.listRuns(c.get("deps").db)} />),
  );

  router.post("/stats/crawls", async (c) => {
    const admin = requirePlatformAdmin(c);
    const { jobs, db, log } = c.get("deps");
    await audit(db, {
      actor: { personId: admin.id },
      action: "job.run",
      subject: { type: "job", id: CRAWL_JOB },
    });
    // A crawl takes minutes: start it and come back; the journal shows its progress.
    const start = await jobs.startNow(CRAWL_JOB);
    if (start.started) {
      void start.done.catch((error: unknown) => log.warn({ err: error }, "manual crawl failed"));
      await flash(c, { kind: "success", text: "stats.crawls.started" });
    } else {
      const t = c.get("t");
      const when = (iso: string | null) => (iso ? t.dateTime(iso) : "—");
      const text =
        start.reason === "running"
          ? t("stats.crawls.refused", { since: when(start.since), until: when(start.until) })
          : t("stats.crawls.refused.queued");
      await flash(c, { kind: "error", text });
    }
    return c.redirect(href(c, "/stats/crawls"), 303);
  });

  router.get("/stats/crawls/:id", async (c) => {
    const data = await detail.runDetail(c.get("deps").db, c.req.param("id").slice(0, 64));
    if (!data) throw notFound();
    return render(c, <CrawlPage c={c} data={data} />);
  });

  router.get("/stats/uptime", async (c) => {
    const deps = c.get("deps");
    const minutes = Math.round(deps.config.stats.uptimeIntervalMs / 60_000);
    return render(c, <UptimePage c={c} rows={await pages.buildUptime(deps)} intervalMinutes={minutes} />);
  });

  router.get("/stats/crawler", (c) => render(c, <CrawlerPage c={c} />));
  importPages(router);
  router.get("/stats/properties", async (c) =>
    render(c, <PropertiesPage c={c} coverage={await propertyCoverage(c.get("deps").db)} />),
  );
  validatorPages(router);
  enteredPages(router);
}
