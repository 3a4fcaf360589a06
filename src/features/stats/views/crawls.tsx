import type { Selectable } from "kysely";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { Translator } from "../../../i18n/index.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf } from "../../../views/components.js";
import type { StatsCrawlRunsTable } from "../stats.tables.js";
import type { runDetail } from "../detail.repository.js";
import { Exports, ResultBadge, StatsNav } from "./common.js";

type Run = Selectable<StatsCrawlRunsTable>;
type RunDetail = NonNullable<Awaited<ReturnType<typeof runDetail>>>;

function duration(t: Translator, run: Run): string {
  const end = run.finished_at ?? run.updated_at;
  const seconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(run.started_at)) / 1000));
  return seconds < 120
    ? t("stats.duration.s", { n: seconds })
    : t("stats.duration.m", { n: Math.round(seconds / 60) });
}

function StatusBadge({ c, run }: { c: AppContext; run: Run }) {
  const t = c.get("t");
  const tone = run.status === "done" ? "ok" : run.status === "failed" ? "bad" : "info";
  return <Badge tone={tone}>{t(`stats.run.status.${run.status}`)}</Badge>;
}

/** What a run did, from its counts; a run that did not finish shows its stored (English) note. */
export function RunSummary({ c, run }: { c: AppContext; run: Run }) {
  const t = c.get("t");
  if (run.status !== "done") return run.summary ? <span lang="en">{run.summary}</span> : null;
  return (
    <>
      {t("stats.run.summary", {
        done: run.items_done,
        total: run.items_total,
        files: run.files_total,
        ok: run.files_ok,
        unchanged: run.files_unchanged,
        failed: run.files_failed,
        errors: run.errors,
        warnings: run.warnings,
      })}
    </>
  );
}

function Progress({ c, run }: { c: AppContext; run: Run }) {
  const t = c.get("t");
  return (
    <>
      <progress max={Math.max(1, run.items_total)} value={run.items_done}>
        {`${run.items_done}/${run.items_total}`}
      </progress>{" "}
      {t("stats.run.progress", { done: run.items_done, total: run.items_total })}
    </>
  );
}

export function CrawlsPage({ c, runs }: { c: AppContext; runs: Run[] }) {
  const t = c.get("t");
  const person = c.get("person");
  const running = runs.some((r) => r.status === "running");
  return (
    <Layout c={c} title={t("stats.crawls.title")} section="stats" wide>
      <h1>{t("stats.crawls.title")}</h1>
      <StatsNav c={c} current="crawls" />
      <p class="lead">{t("stats.crawls.intro")}</p>
      {running ? <p class="flash flash--info">{t("stats.crawls.running")}</p> : null}
      {person?.isPlatformAdmin ? (
        <form method="post" action={href(c, "/stats/crawls")} class="inline-form">
          <Csrf c={c} />
          <button type="submit" class="button">
            {t("stats.crawls.run")}
          </button>
        </form>
      ) : null}
      <Exports c={c} name="crawls" />
      <div class="table-wrap">
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.started")}</th>
              <th scope="col">{t("stats.col.status")}</th>
              <th scope="col">{t("stats.col.progress")}</th>
              <th scope="col" class="num">
                {t("stats.col.files")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.failed")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.errors")}
              </th>
              <th scope="col">{t("stats.col.duration")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <th scope="row">
                  <a href={href(c, `/stats/crawls/${r.id}`)}>{t.dateTime(r.started_at)}</a>
                </th>
                <td>
                  <StatusBadge c={c} run={r} />
                </td>
                <td>
                  <Progress c={c} run={r} />
                </td>
                <td class="num">{t.number(r.files_total)}</td>
                <td class="num">{t.number(r.files_failed)}</td>
                <td class="num">{t.number(r.errors)}</td>
                <td>{duration(t, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function CrawlPage({ c, data }: { c: AppContext; data: RunDetail }) {
  const t = c.get("t");
  const { run } = data;
  const title = t("stats.crawl.title", { date: t.dateTime(run.started_at) });
  return (
    <Layout c={c} title={title} section="stats" wide>
      <h1>{title}</h1>
      <StatsNav c={c} current="crawls" />
      <dl class="values__list">
        <dt>{t("stats.col.status")}</dt>
        <dd>
          <StatusBadge c={c} run={run} /> <RunSummary c={c} run={run} />
        </dd>
        <dt>{t("stats.col.progress")}</dt>
        <dd>
          <Progress c={c} run={run} />
        </dd>
        <dt>{t("stats.crawl.root")}</dt>
        <dd class="stats-url">{run.root_url}</dd>
        <dt>{t("stats.crawl.trigger")}</dt>
        <dd>{t(`stats.run.trigger.${run.trigger}`)}</dd>
        <dt>{t("stats.col.files")}</dt>
        <dd>
          {t("stats.crawl.files", {
            total: run.files_total,
            ok: run.files_ok,
            unchanged: run.files_unchanged,
            failed: run.files_failed,
          })}
        </dd>
        <dt>{t("stats.col.duration")}</dt>
        <dd>{duration(t, run)}</dd>
      </dl>
      <section aria-labelledby="failures">
        <h2 id="failures">{t("stats.crawl.failures")}</h2>
        {data.failures.length === 0 ? <p>{t("stats.crawl.noFailure")}</p> : null}
        <ul>
          {data.failures.map((f) => (
            <li>
              <a href={href(c, `/stats/files/${f.id}`)}>{f.url}</a>{" "}
              {f.member_name ? `(${f.member_name})` : ""} <ResultBadge t={t} result={f.result} />{" "}
              {f.reason ?? ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="items">
        <h2 id="items">{t("stats.crawl.items")}</h2>
        <table class="stats-table stats-table--compact">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.organization")}</th>
              <th scope="col">{t("stats.col.status")}</th>
              <th scope="col" class="num">
                {t("stats.col.files")}
              </th>
              <th scope="col" class="num">
                {t("stats.col.failed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr>
                <td class="stats-url">
                  {i.member_slug ? (
                    <a href={href(c, `/stats/organizations/${i.member_slug}`)}>{i.member_name}</a>
                  ) : (
                    i.url
                  )}
                </td>
                <td>
                  {t(`stats.item.${i.status}`)}
                  {i.error ? ` — ${i.error}` : ""}
                </td>
                <td class="num">{i.files}</td>
                <td class="num">{i.failures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
