import type { Translator } from "../../../i18n/index.js";
import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextArea,
  TextField,
} from "../../../views/components.js";
import type { Lines } from "../chatonsinfos/write.js";
import { ENTERED_METRICS, type UploadReading } from "../entered.js";
import { MONTHS } from "../entered.schema.js";
import { metricLabel } from "./charts.js";
import { ProblemList } from "./files.js";

export type EnteredForm = "month" | "year" | "upload";

export interface EnteredPageProps {
  c: AppContext;
  member: { slug: string; name: string };
  service: { slug: string; name: string };
  fileUrl: string;
  /** The generated file's metrics lines as they stand. */
  lines: Lines;
  count: number;
  /** Where the structure publishes this service's file itself (then nothing is entered here). */
  ownFile?: string | null;
  /** The form posted, shown again with its values and errors. */
  posted?: { form: EnteredForm; values: FormValues; errors?: FieldErrors; message?: string };
  reading?: UploadReading;
}

/** /stats/metrics/<member>/<service>: a structure's admins enter or upload a service's metrics. */
export function EnteredPage(props: EnteredPageProps) {
  const { c, member, service } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("stats.entered.title", { service: service.name })} section="stats">
      <h1>{t("stats.entered.title", { service: service.name })}</h1>
      <p class="lead">{t("stats.entered.intro", { member: member.name })}</p>
      {props.ownFile ? (
        <p class="stats-note" role="status">
          {t("stats.entered.ownFile", { member: member.name })} <a href={props.ownFile}>{props.ownFile}</a>
        </p>
      ) : (
        <EnteredForms {...props} />
      )}
    </Layout>
  );
}

function EnteredForms(props: EnteredPageProps) {
  const { c, member, service, posted } = props;
  const t = c.get("t");
  const action = href(c, `/stats/metrics/${member.slug}/${service.slug}`);
  const state = (form: EnteredForm) => (posted?.form === form ? posted : undefined);
  const metricOptions = ENTERED_METRICS.map((m) => ({ value: m, label: `${metricLabel(t, m)} (${m})` }));
  const monthName = new Intl.DateTimeFormat(t.locale, { month: "long", timeZone: "UTC" });
  const monthOptions = MONTHS.map((m) => ({
    value: String(m),
    label: monthName.format(new Date(Date.UTC(2000, m - 1, 1))),
  }));
  return (
    <>
      <p>
        {t("stats.entered.file")} <a href={props.fileUrl}>{props.fileUrl}</a>
      </p>
      <ErrorSummary c={c} errors={posted?.errors} />
      <section aria-labelledby="entered-month">
        <h2 id="entered-month">{t("stats.entered.month.title")}</h2>
        <form method="post" action={action}>
          <Csrf c={c} />
          <input type="hidden" name="form" value="month" />
          <FormFields c={c} values={state("month")?.values} errors={state("month")?.errors}>
            <MetricAndYear t={t} metricOptions={metricOptions} />
            <SelectField name="month" label={t("stats.entered.monthField")} options={monthOptions} required />
            <TextField name="value" label={t("stats.entered.value")} inputmode="decimal" required />
          </FormFields>
          <button type="submit" class="button">
            {t("stats.entered.month.submit")}
          </button>
        </form>
      </section>
      <section aria-labelledby="entered-year">
        <h2 id="entered-year">{t("stats.entered.yearForm.title")}</h2>
        <p>{t("stats.entered.yearForm.hint")}</p>
        <form method="post" action={action}>
          <Csrf c={c} />
          <input type="hidden" name="form" value="year" />
          <FormFields c={c} values={state("year")?.values} errors={state("year")?.errors}>
            <MetricAndYear t={t} metricOptions={metricOptions} />
            {monthOptions.map((m) => (
              <TextField name={`m${m.value}`} label={m.label} inputmode="decimal" />
            ))}
          </FormFields>
          <button type="submit" class="button">
            {t("stats.entered.yearForm.submit")}
          </button>
        </form>
      </section>
      <UploadSection {...props} action={`${action}/upload`} />
      <section aria-labelledby="entered-list">
        <h2 id="entered-list">{t("stats.entered.list.title")}</h2>
        <p>{t("stats.entered.list.count", { count: props.count })}</p>
        {props.lines.length > 0 ? (
          <ol class="stats-source" aria-label={t("stats.entered.col.line")}>
            {props.lines.map(([key, value]) => (
              <li>
                <code>{`${key} = ${value ?? ""}`}</code>
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}

/** Which metric and which year: the first two fields of both entry forms. */
function MetricAndYear({
  t,
  metricOptions,
}: {
  t: Translator;
  metricOptions: { value: string; label: string }[];
}) {
  return (
    <>
      <SelectField name="metric" label={t("stats.entered.metric")} options={metricOptions} required />
      <TextField name="year" type="number" label={t("stats.entered.year")} inputmode="numeric" required />
    </>
  );
}

function UploadSection(props: EnteredPageProps & { action: string }) {
  const { c, posted, reading } = props;
  const t = c.get("t");
  const mine = posted?.form === "upload" ? posted : undefined;
  return (
    <section aria-labelledby="entered-upload">
      <h2 id="entered-upload">{t("stats.entered.upload.title")}</h2>
      <p>{t("stats.entered.upload.intro")}</p>
      <form method="post" action={props.action} enctype="multipart/form-data">
        <Csrf c={c} />
        <div class="field">
          <label for="field-file">{t("stats.entered.upload.file")}</label>
          <input id="field-file" name="file" type="file" accept=".properties,text/plain" />
        </div>
        <FormFields c={c} values={mine?.values} errors={mine?.errors}>
          <TextArea name="content" label={t("stats.entered.upload.content")} rows={8} />
        </FormFields>
        <button type="submit" class="button">
          {t("stats.entered.upload.submit")}
        </button>
      </form>
      {mine?.message ? (
        <p class="field__error" role="alert">
          {mine.message}
        </p>
      ) : null}
      {reading && reading.ignored > 0 ? (
        <p>{t("stats.entered.upload.ignored", { count: reading.ignored })}</p>
      ) : null}
      {reading && reading.problems.length > 0 ? <ProblemList c={c} results={reading.problems} /> : null}
    </section>
  );
}
