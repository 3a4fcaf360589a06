import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Badge,
  Checkbox,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextArea,
  TextField,
} from "../../../views/components.js";
import { MAJORITIES } from "../applications.tables.js";
import { can } from "../applications.policy.js";
import type { Decision } from "../votes/decisions.repository.js";

function DecisionRow({ c, d }: { c: AppContext; d: Decision }) {
  const t = c.get("t");
  const result = d.result;
  return (
    <li>
      <a href={href(c, `/decisions/${d.id}`)}>{d.title}</a>{" "}
      <Badge tone="neutral">{t(`applications.decision.kind.${d.kind}`)}</Badge>{" "}
      {d.status === "open"
        ? t("applications.decision.closes", { date: t.dateTime(d.closesAt) })
        : `${t("applications.decision.closed_on", { date: t.date(d.closedAt ?? d.closesAt) })} — ${result ? t(`applications.outcome.${result.outcome}`) : ""}`}
    </li>
  );
}

export function DecisionsPage({ c, decisions }: { c: AppContext; decisions: Decision[] }) {
  const t = c.get("t");
  const open = decisions.filter((d) => d.status === "open");
  const closed = decisions.filter((d) => d.status === "closed");
  return (
    <Layout c={c} title={t("applications.decisions.title")}>
      <h1>{t("applications.decisions.title")}</h1>
      <p class="lead">{t("applications.decisions.intro")}</p>
      {can(c.get("person"), "decision.propose") ? (
        <p>
          <a class="button" href={href(c, "/decisions/new")}>
            {t("applications.decisions.new")}
          </a>
        </p>
      ) : null}
      <h2>{t("applications.decisions.open")}</h2>
      {open.length ? (
        <ul>
          {open.map((d) => (
            <DecisionRow c={c} d={d} />
          ))}
        </ul>
      ) : (
        <p>{t("applications.decisions.none")}</p>
      )}
      <h2>{t("applications.decisions.closed")}</h2>
      {closed.length ? (
        <ul>
          {closed.map((d) => (
            <DecisionRow c={c} d={d} />
          ))}
        </ul>
      ) : (
        <p>{t("applications.decisions.none")}</p>
      )}
    </Layout>
  );
}

export function NewDecisionPage({
  c,
  values,
  errors,
}: {
  c: AppContext;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("applications.decisions.new")}>
      <h1>{t("applications.decisions.new")}</h1>
      <p>{t("applications.decisions.new_intro")}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={href(c, "/decisions")} class="narrow" novalidate>
        <Csrf c={c} />
        <FormFields c={c} values={values} errors={errors}>
          <TextField name="title" label={t("applications.decision.form.title")} required maxlength={200} />
          <TextArea name="body" label={t("applications.decision.form.body")} rows={8} />
          <TextArea
            name="options"
            label={t("applications.decision.form.options")}
            hint={t("applications.decision.form.options_hint")}
            rows={4}
          />
          <TextField
            name="closes_on"
            type="date"
            label={t("applications.decision.form.closes_on")}
            required
          />
          <TextField
            name="quorum_percent"
            type="number"
            label={t("applications.round.quorum")}
            hint={t("applications.round.quorum_hint")}
          />
          <SelectField
            name="majority"
            label={t("applications.round.majority")}
            required
            options={MAJORITIES.map((m) => ({ value: m, label: t(`applications.rules.majority.${m}`) }))}
          />
          <Checkbox
            name="results_hidden"
            label={t("applications.round.results_hidden")}
            checked={values ? values.results_hidden === "1" : true}
          />
        </FormFields>
        <button type="submit" class="button">
          {t("applications.decisions.submit")}
        </button>
      </form>
    </Layout>
  );
}
