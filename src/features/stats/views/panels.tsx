import type { Child } from "hono/jsx";
import { listedServices } from "../../directory/published.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { canAdminMember } from "../../../http/policy.js";
import { Checkbox, Csrf } from "../../../views/components.js";
import type { PanelMember } from "../../feature.js";
import { differences } from "../chatonsinfos/mapping.js";
import * as detail from "../detail.repository.js";
import { generatedUrls } from "../generated.js";
import { dayBars, overallRatio } from "../uptime.js";
import { UptimeBars } from "./charts.js";
import { Counts, ResultBadge, isOkResult, percent, resultFix } from "./common.js";
import { Differences } from "./differences.js";
import { ProblemList } from "./files.js";
import { ofName } from "../../../i18n/index.js";

const MAX_PROBLEMS = 12;

/** On the structure's dashboard: its ChatonsInfos files, their problems and how to fix each. */
export async function statsDashboardPanel(c: AppContext, panel: PanelMember): Promise<Child | null> {
  const { db, config } = c.get("deps");
  const t = c.get("t");
  const member = await detail.memberBySlug(db, panel.slug);
  if (!member) return null;
  const files = await detail.filesOfMember(db, member.id);
  const org = files.find((f) => f.class === "organization");
  const facts = org ? await detail.factsOfFile(db, org.id) : undefined;
  const diff = facts ? differences(member.fields, facts.fields) : [];
  const troubled = files.filter((f) => f.errors > 0 || f.warnings > 0 || !isOkResult(f.result));
  return (
    <section class="card stats-panel" aria-labelledby="stats-panel-title">
      <h2 id="stats-panel-title">{t("stats.panel.title")}</h2>
      <p>
        {member.chatonsinfosUrl ? t("stats.organization.own") : t("stats.organization.generated")}{" "}
        <code class="stats-url">
          {member.chatonsinfosUrl ?? generatedUrls(config).organization(member.slug)}
        </code>
      </p>
      {canAdminMember(c.get("person"), member.id) ? (
        <form method="post" action={href(c, `/stats/organizations/${member.slug}/source`)}>
          <Csrf c={c} />
          <Checkbox
            name="source_of_truth"
            label={t("stats.source.label")}
            hint={t("stats.source.hint")}
            checked={member.filesAreSourceOfTruth}
          />
          <button type="submit" class="button button--small button--secondary">
            {t("stats.source.save")}
          </button>
        </form>
      ) : null}
      {files.length === 0 ? <p>{t("stats.panel.notYet")}</p> : null}
      {files.length > 0 && troubled.length === 0 ? (
        <p>{t("stats.panel.clean", { n: files.length })}</p>
      ) : null}
      {troubled.map((f) => {
        const problems = detail
          .parseReport(f.report)
          .filter((r) => r.severity === "error" || r.severity === "warning");
        return (
          <div class="stats-panel__file">
            <h3 class="stats-url">
              <a href={href(c, `/stats/files/${f.id}`)}>{f.url}</a>
            </h3>
            <p>
              <ResultBadge t={t} result={f.result} /> <Counts t={t} counts={f} />{" "}
              {isOkResult(f.result) ? null : resultFix(t, f.result)}
            </p>
            <ProblemList c={c} results={problems.slice(0, MAX_PROBLEMS)} fileId={f.id} />
            {problems.length > MAX_PROBLEMS ? (
              <p>
                <a href={href(c, `/stats/files/${f.id}`)}>
                  {t("stats.panel.more", { n: problems.length - MAX_PROBLEMS })}
                </a>
              </p>
            ) : null}
          </div>
        );
      })}
      {member.filesAreSourceOfTruth || !facts ? null : <Differences c={c} differences={diff} />}
      <p>
        <a href={href(c, `/stats/organizations/${member.slug}`)}>{t("stats.panel.link")}</a>
      </p>
    </section>
  );
}

/** On the public member page: how available its services have been, and its statistics page. */
export async function statsMemberPagePanel(c: AppContext, panel: PanelMember): Promise<Child | null> {
  const { db, now } = c.get("deps");
  const t = c.get("t");
  const services = await listedServices(db, panel.id);
  const ids = services.map((s) => s.id);
  const rows = await detail.uptimeRows(db, ids, now());
  const bars = dayBars(rows, now());
  const ratio = overallRatio(bars);
  const nodeinfo = (await detail.nodeinfoOf(db, ids)).filter((n) => n.ok);
  const users = nodeinfo.reduce((sum, n) => sum + (n.users_total ?? 0), 0);
  if (ratio === null && nodeinfo.length === 0) return null;
  return (
    <section class="stats-panel" aria-labelledby="stats-member-title">
      <h2 id="stats-member-title">{t("stats.memberPanel.title")}</h2>
      {ratio !== null ? (
        <>
          <p>{t("stats.memberPanel.uptime", { ratio: percent(t, ratio), n: services.length })}</p>
          <UptimeBars
            t={t}
            bars={bars}
            label={t("stats.uptime.label", {
              name: panel.name,
              name_of: ofName(t.locale, panel.name),
              ratio: percent(t, ratio),
            })}
          />
        </>
      ) : null}
      {nodeinfo.length > 0 ? <p>{t("stats.memberPanel.users", { users, n: nodeinfo.length })}</p> : null}
      <p>
        <a href={href(c, `/stats/organizations/${panel.slug}`)}>{t("stats.panel.link")}</a>
      </p>
    </section>
  );
}
