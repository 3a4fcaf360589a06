import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Pagination } from "../../../views/components.js";
import type { CheckResult } from "../chatonsinfos/check.js";
import type { fileDetail, listFiles } from "../detail.repository.js";
import {
  Counts,
  Exports,
  ResultBadge,
  SeverityBadge,
  StatsNav,
  displayKey,
  fixText,
  isOkResult,
  problemText,
  factTexts,
  resultFix,
} from "./common.js";

type FileList = Awaited<ReturnType<typeof listFiles>>;
type FileDetail = NonNullable<Awaited<ReturnType<typeof fileDetail>>>;

export function FilesPage({
  c,
  list,
  problem,
  page,
  pages,
}: {
  c: AppContext;
  list: FileList;
  problem: string;
  page: number;
  pages: number;
}) {
  const t = c.get("t");
  const link = (p: number) =>
    href(
      c,
      `/stats/files?${new URLSearchParams({ ...(problem ? { problem } : {}), page: String(p) }).toString()}`,
    );
  return (
    <Layout c={c} title={t("stats.files.title")} section="stats" wide>
      <h1>{t("stats.files.title")}</h1>
      <StatsNav c={c} current="files" />
      <p class="lead">{t("stats.files.intro")}</p>
      <form method="get" action={href(c, "/stats/files")} class="inline-filters">
        <label for="problem">{t("stats.files.filter")}</label>
        <select id="problem" name="problem">
          <option value="">{t("stats.files.filter.all")}</option>
          <option value="errors" selected={problem === "errors"}>
            {t("stats.files.filter.errors")}
          </option>
          <option value="failed" selected={problem === "failed"}>
            {t("stats.files.filter.failed")}
          </option>
        </select>
        <button type="submit" class="button button--small">
          {t("stats.filter.apply")}
        </button>
      </form>
      <p>{t("stats.files.count", { n: list.total })}</p>
      <Exports c={c} name="files" query={problem ? `problem=${problem}` : ""} />
      <div class="table-wrap">
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.file")}</th>
              <th scope="col">{t("stats.col.organization")}</th>
              <th scope="col">{t("stats.col.class")}</th>
              <th scope="col">{t("stats.col.result")}</th>
              <th scope="col">{t("stats.col.problems")}</th>
              <th scope="col">{t("stats.col.fetched")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((f) => (
              <tr>
                <td class="stats-url">
                  <a href={href(c, `/stats/files/${f.id}`)}>{f.url}</a>
                </td>
                <td>
                  {f.member_slug ? (
                    <a href={href(c, `/stats/organizations/${f.member_slug}`)}>{f.member_name}</a>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{f.class ?? "—"}</td>
                <td>
                  <ResultBadge t={t} result={f.result} />
                </td>
                <td>
                  <Counts t={t} counts={f} />
                </td>
                <td>{f.fetched_at ? t.dateTime(f.fetched_at) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination c={c} page={page} pages={pages} link={link} />
    </Layout>
  );
}

/** The problems of a file, each with what it means and how to fix it. */
export function ProblemList({
  c,
  results,
  fileId,
}: {
  c: AppContext;
  results: CheckResult[];
  fileId?: string;
}) {
  const t = c.get("t");
  if (results.length === 0) return <p>{t("stats.check.clean")}</p>;
  return (
    <div class="table-wrap">
      <table class="stats-table stats-problems">
        <thead>
          <tr>
            <th scope="col">{t("stats.col.severity")}</th>
            <th scope="col" class="num">
              {t("stats.col.line")}
            </th>
            <th scope="col">{t("stats.col.key")}</th>
            <th scope="col">{t("stats.col.problem")}</th>
            <th scope="col">{t("stats.col.fix")}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr class={`stats-problem stats-problem--${r.severity}`}>
              <td>
                <SeverityBadge t={t} severity={r.severity} />
              </td>
              <td class="num">
                {r.line === null ? (
                  "—"
                ) : fileId ? (
                  <a href={`${href(c, `/stats/files/${fileId}`)}#L${r.line}`}>{r.line}</a>
                ) : (
                  r.line
                )}
              </td>
              <td>
                <code>{displayKey(c, r.key) || "—"}</code>
              </td>
              <td>
                {problemText(t, r)}
                {factTexts(t, r).map((fact) => (
                  <>
                    <br />
                    <small class="stats-note">{fact}</small>
                  </>
                ))}
              </td>
              <td>{fixText(c, r) ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FilePage({ c, data, all }: { c: AppContext; data: FileDetail; all: boolean }) {
  const t = c.get("t");
  const { file } = data;
  const shown = all
    ? data.results
    : data.results.filter((r) => r.severity === "error" || r.severity === "warning");
  const order = { error: 0, warning: 1, void: 2, ok: 3 };
  shown.sort((a, b) => order[a.severity] - order[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  const problemLines = new Set(
    data.results.filter((r) => r.severity === "error" || r.severity === "warning").map((r) => r.line),
  );
  const lines = data.content ? data.content.body.split(/\r\n|\r|\n/) : [];
  const title = t("stats.file.title", { name: file.name ?? file.url });
  return (
    <Layout c={c} title={title} section="stats" wide>
      <h1>{title}</h1>
      <StatsNav c={c} current="files" />
      <dl class="values__list">
        <dt>{t("stats.file.url")}</dt>
        <dd class="stats-url">{file.url}</dd>
        <dt>{t("stats.col.class")}</dt>
        <dd>{file.class ?? "—"}</dd>
        {file.member_slug ? (
          <>
            <dt>{t("stats.col.organization")}</dt>
            <dd>
              <a href={href(c, `/stats/organizations/${file.member_slug}`)}>{file.member_name}</a>
            </dd>
          </>
        ) : null}
        <dt>{t("stats.file.lastFetch")}</dt>
        <dd>
          <ResultBadge t={t} result={file.result} /> {file.fetched_at ? t.dateTime(file.fetched_at) : ""}{" "}
          {file.reason ? `— ${file.reason}` : ""}
        </dd>
        {!isOkResult(file.result) ? (
          <>
            <dt>{t("stats.col.fix")}</dt>
            <dd>{resultFix(t, file.result) ?? ""}</dd>
          </>
        ) : null}
        <dt>{t("stats.col.problems")}</dt>
        <dd>
          <Counts t={t} counts={file} /> {t("stats.file.okCount", { ok: file.oks, voids: file.voids })}
        </dd>
      </dl>
      <p>
        <a href={`/api/stats/files/${file.id}/raw`}>{t("stats.file.raw")}</a> ·{" "}
        <a href={`/api/stats/files/${file.id}.json`}>{t("stats.file.json")}</a>
      </p>
      <section aria-labelledby="checks">
        <h2 id="checks">{t("stats.file.checks")}</h2>
        <p>
          {all ? (
            <a href={href(c, `/stats/files/${file.id}`)}>{t("stats.file.problemsOnly")}</a>
          ) : (
            <a href={href(c, `/stats/files/${file.id}?all=1`)}>{t("stats.file.all")}</a>
          )}
        </p>
        <ProblemList c={c} results={shown} fileId={file.id} />
      </section>
      {lines.length > 0 ? (
        <section aria-labelledby="content">
          <h2 id="content">{t("stats.file.content")}</h2>
          <ol class="stats-source">
            {lines.slice(0, 5_000).map((line, i) => (
              <li
                id={`L${i + 1}`}
                class={problemLines.has(i + 1) ? "stats-source__line--problem" : undefined}
              >
                <code>{line}</code>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 id="children">{t("stats.file.children")}</h2>
          <ul>
            {data.children.map((ch) => (
              <li>
                <a href={href(c, `/stats/files/${ch.id}`)}>{ch.url}</a>{" "}
                <ResultBadge t={t} result={ch.result} /> <Counts t={t} counts={ch} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t("stats.file.history")}</h2>
        <table class="stats-table stats-table--compact">
          <thead>
            <tr>
              <th scope="col">{t("stats.col.fetched")}</th>
              <th scope="col">{t("stats.col.result")}</th>
              <th scope="col">{t("stats.col.problems")}</th>
              <th scope="col">{t("stats.col.hash")}</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((h) => (
              <tr>
                <td>{t.dateTime(h.fetched_at)}</td>
                <td>
                  <ResultBadge t={t} result={h.result} /> {h.reason ?? ""}
                </td>
                <td>
                  <Counts t={t} counts={h} />
                </td>
                <td>
                  <code>{h.content_hash ? h.content_hash.slice(0, 12) : "—"}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
