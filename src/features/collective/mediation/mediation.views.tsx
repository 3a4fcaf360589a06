import { raw } from "hono/html";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Checkbox, Csrf, ErrorSummary, FormFields, TextArea, TextField } from "../../../views/components.js";
import type { ContentPage } from "../../site/content.js";
import type { Report, ReportMessage } from "./mediation.repository.js";

/** The report form's field people never see. */
export const REPORT_HONEYPOT = "website";

export function CodeOfConductPage({ c, page }: { c: AppContext; page: ContentPage }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={page.title}>
      <article class="prose" lang={page.lang}>
        <h1>{page.title}</h1>
        {/* Repository Markdown, sanitised by renderMarkdown: never member or visitor input. */}
        {raw(page.html)}
      </article>
      <section class="panel">
        <h2>{t("mediation.report.title")}</h2>
        <p>{t("mediation.report.lead")}</p>
        <p>
          <a class="button" href={href(c, "/mediation/report")}>
            {t("mediation.report.cta")}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function ReportFormPage(props: { c: AppContext; values?: FormValues; errors?: FieldErrors }) {
  const { c } = props;
  const t = c.get("t");
  const person = c.get("person");
  return (
    <Layout c={c} title={t("mediation.report.title")}>
      <div class="narrow">
        <h1>{t("mediation.report.title")}</h1>
        <p class="lead">{t("mediation.report.intro")}</p>
        <p>{t("mediation.report.confidential")}</p>
        <ErrorSummary c={c} errors={props.errors} />
        <form method="post" action={href(c, "/mediation/report")} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={props.values} errors={props.errors}>
            <TextArea
              name="what"
              label={t("mediation.field.what")}
              hint={t("mediation.field.what.hint")}
              required
              rows={10}
            />
            <TextArea name="who" label={t("mediation.field.who")} rows={3} />
            <TextArea name="where_when" label={t("mediation.field.where_when")} rows={3} />
            <TextField name="name" label={t("mediation.field.name")} maxlength={120} />
            <TextField
              name="email"
              type="email"
              label={t("mediation.field.email")}
              hint={t("mediation.field.email.hint")}
              maxlength={254}
            />
          </FormFields>
          {person ? (
            <Checkbox
              name="anonymous"
              label={t("mediation.field.anonymous")}
              hint={t("mediation.field.anonymous.hint", { name: person.name })}
              checked={props.values?.anonymous === "1"}
            />
          ) : null}
          <div class="visually-hidden" aria-hidden="true">
            <label for={`field-${REPORT_HONEYPOT}`}>{t("contact.honeypot")}</label>
            <input
              id={`field-${REPORT_HONEYPOT}`}
              name={REPORT_HONEYPOT}
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </div>
          <button type="submit" class="button">
            {t("mediation.report.send")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function Thread({
  c,
  report,
  messages,
  names,
}: {
  c: AppContext;
  report: Report;
  messages: ReportMessage[];
  names?: Map<string, string>;
}) {
  const t = c.get("t");
  return (
    <ol class="thread" id="thread">
      <li>
        <p>
          <strong>{t("mediation.thread.report")}</strong> — {t.dateTime(report.createdAt)}
        </p>
        <p class="mail" lang={report.locale}>
          {report.what}
        </p>
        {report.who ? (
          <p class="mail">
            {t("mediation.field.who")} : <span lang={report.locale}>{report.who}</span>
          </p>
        ) : null}
        {report.whereWhen ? (
          <p class="mail">
            {t("mediation.field.where_when")} : <span lang={report.locale}>{report.whereWhen}</span>
          </p>
        ) : null}
      </li>
      {messages.map((m) => (
        <li>
          <p>
            <strong>
              {m.author === "team"
                ? names && m.personId
                  ? t("mediation.thread.team_named", { name: names.get(m.personId) ?? "—" })
                  : t("mediation.thread.team")
                : t("mediation.thread.reporter")}
            </strong>{" "}
            — {t.dateTime(m.createdAt)}
          </p>
          <p class="mail">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function FollowPage(props: {
  c: AppContext;
  token: string;
  report: Report;
  messages: ReportMessage[];
  fresh: boolean;
  errors?: FieldErrors | undefined;
}) {
  const { c, report } = props;
  const t = c.get("t");
  const link = `${c.get("deps").config.baseUrl}${href(c, "/mediation/follow")}?key=${props.token}`;
  return (
    <Layout c={c} title={t("mediation.follow.title")}>
      <h1>{t("mediation.follow.title")}</h1>
      {props.fresh ? (
        <div class="flash flash--success" role="status">
          <p>{t("mediation.follow.received")}</p>
          <p>{t(report.reporterEmail ? "mediation.follow.keep_mailed" : "mediation.follow.keep")}</p>
          <p>
            <code>{link}</code>
          </p>
        </div>
      ) : null}
      <p>{t(`mediation.status.${report.status}`)}</p>
      <Thread c={c} report={report} messages={props.messages} />
      <ErrorSummary c={c} errors={props.errors} />
      <form method="post" action={href(c, "/mediation/follow")} novalidate>
        <Csrf c={c} />
        <input type="hidden" name="key" value={props.token} />
        <TextArea
          c={c}
          name="body"
          label={t("mediation.follow.write")}
          required
          rows={6}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t("mediation.follow.send")}
        </button>
      </form>
    </Layout>
  );
}
