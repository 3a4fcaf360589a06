import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf, ErrorSummary, SelectField, TextArea, TextField } from "../../../views/components.js";
import { REPORT_STATUSES, type ReportStatus } from "../collective.tables.js";
import type { Report, ReportMessage } from "./mediation.repository.js";
import { Thread } from "./mediation.views.js";

const TONE: Record<ReportStatus, "warn" | "info" | "neutral"> = {
  new: "warn",
  in_progress: "info",
  closed: "neutral",
};

export function ReportsPage({ c, reports }: { c: AppContext; reports: Report[] }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("mediation.team.title")} wide>
      <h1>{t("mediation.team.title")}</h1>
      <p class="lead">{t("mediation.team.audited")}</p>
      {reports.length === 0 ? (
        <p>{t("mediation.team.none")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mediation.col.filed")}</th>
                <th scope="col">{t("mediation.col.status")}</th>
                <th scope="col">{t("mediation.col.updated")}</th>
                <th scope="col"></th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr>
                  <td>{t.dateTime(r.createdAt)}</td>
                  <td>
                    <Badge tone={TONE[r.status]}>{t(`mediation.status.${r.status}`)}</Badge>
                  </td>
                  <td>{t.dateTime(r.updatedAt)}</td>
                  <td>
                    <a href={href(c, `/mediation/reports/${r.id}`)}>{t("mediation.team.open")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function ReportPage(props: {
  c: AppContext;
  report: Report;
  messages: ReportMessage[];
  names: Map<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { c, report } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("mediation.team.report")}>
      <p>
        <a href={href(c, "/mediation")}>{t("mediation.team.back")}</a>
      </p>
      <h1>{t("mediation.team.report")}</h1>
      <p class="muted">{t("mediation.team.audited")}</p>
      <dl>
        <dt>{t("mediation.col.status")}</dt>
        <dd>
          <Badge tone={TONE[report.status]}>{t(`mediation.status.${report.status}`)}</Badge>
        </dd>
        <dt>{t("mediation.team.reporter")}</dt>
        <dd>
          {report.reporterName || t("mediation.team.reporter.unnamed")}
          {report.reporterEmail
            ? ` <${report.reporterEmail}>`
            : ` (${t("mediation.team.reporter.no_email")})`}
        </dd>
      </dl>
      <Thread c={c} report={report} messages={props.messages} names={props.names} />
      <ErrorSummary c={c} errors={props.errors} />
      <form method="post" action={href(c, `/mediation/reports/${report.id}/reply`)} novalidate>
        <Csrf c={c} />
        <TextArea
          c={c}
          name="body"
          label={t("mediation.team.reply")}
          hint={t("mediation.team.reply.hint")}
          required
          rows={6}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t("mediation.team.reply.send")}
        </button>
      </form>
      <form method="post" action={href(c, `/mediation/reports/${report.id}/status`)} class="narrow">
        <Csrf c={c} />
        <SelectField
          c={c}
          name="status"
          label={t("mediation.col.status")}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`mediation.status.${s}`) }))}
          values={{ status: report.status }}
        />
        <button type="submit" class="button button--secondary">
          {t("form.save")}
        </button>
      </form>
    </Layout>
  );
}

export function TeamPage(props: {
  c: AppContext;
  members: { personId: string; name: string; email: string; addedAt: string }[];
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("mediation.admin.title")}>
      <h1>{t("mediation.admin.title")}</h1>
      <p class="lead">{t("mediation.admin.intro")}</p>
      {props.members.length === 0 ? <p>{t("mediation.admin.empty")}</p> : null}
      <ul class="plain-list">
        {props.members.map((m) => (
          <li>
            {m.name} ({m.email}) — {t("mediation.admin.since", { date: t.date(m.addedAt) })}{" "}
            <form method="post" action={href(c, `/mediation/team/${m.personId}/remove`)} class="inline-form">
              <Csrf c={c} />
              <button type="submit" class="link-button">
                {t("mediation.admin.remove")}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <ErrorSummary c={c} errors={props.errors} />
      <form method="post" action={href(c, "/mediation/team")} class="narrow" novalidate>
        <Csrf c={c} />
        <TextField
          c={c}
          name="email"
          type="email"
          label={t("mediation.admin.email")}
          required
          values={props.values}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t("mediation.admin.add")}
        </button>
      </form>
    </Layout>
  );
}
