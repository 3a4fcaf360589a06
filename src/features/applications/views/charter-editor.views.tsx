import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import {
  Badge,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextArea,
  TextField,
} from "../../../views/components.js";
import { CRITERION_LEVELS } from "../applications.tables.js";
import { CHECK_IDS } from "../checks/precheck.js";
import { type Charter, type Criterion } from "../charter/charter.repository.js";
import { charterTexts, localized } from "../charter/charter-text.js";
import { Written } from "../../../views/written.js";
import { CHECK_NAME_KEY, LEVEL_KEY } from "./common.js";

interface FormProps {
  c: AppContext;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}

export function DraftPage({ c, charter, values, errors }: FormProps & { charter: Charter }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const id = charter.version.id;
  const summary = values ?? {
    summary_fr: charter.version.summaryFr,
    summary_en: charter.version.summaryEn,
    summary_de: charter.version.summaryDe,
  };
  return (
    <Layout
      c={c}
      title={t("applications.charter.admin.draft_title", { version: charter.version.version })}
      section="charter"
      wide
    >
      <h1>{t("applications.charter.admin.draft_title", { version: charter.version.version })}</h1>
      <p>{t("applications.charter.admin.draft_intro")}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={href(c, `/charter/admin/${id}/summary`)} class="narrow">
        <Csrf c={c} />
        <FormFields c={c} values={summary} errors={errors}>
          <TextArea name="summary_fr" label={t("applications.charter.admin.summary_fr")} required rows={3} />
          <TextArea name="summary_en" label={t("applications.charter.admin.summary_en")} required rows={3} />
          <TextArea
            name="summary_de"
            label={t("applications.charter.admin.summary_de")}
            hint={t("applications.charter.admin.de_hint")}
            rows={3}
          />
        </FormFields>
        <button type="submit" class="button button--secondary">
          {t("form.save")}
        </button>
      </form>
      {charter.parts.map((part) => (
        <section>
          <h2>
            {part.letter} — <Written locale={locale} texts={charterTexts(part, "name")} />
          </h2>
          <ul>
            {part.criteria.map((cr) => (
              <li>
                <a href={href(c, `/charter/admin/${id}/criteria/${cr.id}`)}>
                  {cr.code} <Written locale={locale} texts={charterTexts(cr, "title")} />
                </a>{" "}
                <Badge tone={cr.level === "required" ? "warn" : "neutral"}>{t(LEVEL_KEY[cr.level])}</Badge>
              </li>
            ))}
          </ul>
          <p>
            <a href={`${href(c, `/charter/admin/${id}/criteria/new`)}?part=${part.letter}`}>
              {t("applications.charter.admin.add")}
            </a>
          </p>
        </section>
      ))}
      <section class="narrow">
        <h2>{t("applications.charter.admin.publish")}</h2>
        <p>{t("applications.charter.admin.publish_hint")}</p>
        <form method="post" action={href(c, `/charter/admin/${id}/publish`)}>
          <Csrf c={c} />
          <button type="submit" class="button">
            {t("applications.charter.admin.publish")}
          </button>
        </form>
        <h2>{t("applications.charter.admin.propose")}</h2>
        <p>{t("applications.charter.admin.propose_hint")}</p>
        <form method="post" action={href(c, `/charter/admin/${id}/propose`)}>
          <Csrf c={c} />
          <FormFields c={c} values={values} errors={errors}>
            <TextField
              name="closes_on"
              type="date"
              label={t("applications.decision.form.closes_on")}
              required
            />
          </FormFields>
          <button type="submit" class="button button--secondary">
            {t("applications.charter.admin.propose")}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function criterionValues(cr: Criterion, partLetter: string): FormValues {
  return {
    part: partLetter,
    code: cr.code,
    level: cr.level,
    title_fr: cr.titleFr,
    title_en: cr.titleEn,
    title_de: cr.titleDe,
    explanation_fr: cr.explanationFr,
    explanation_en: cr.explanationEn,
    explanation_de: cr.explanationDe,
    check_id: cr.checkId ?? "",
  };
}

export function CriterionEditPage({
  c,
  charter,
  criterionId,
  values,
  errors,
}: FormProps & { charter: Charter; criterionId: string | null }) {
  const t = c.get("t");
  const locale = c.get("locale");
  const base = `/charter/admin/${charter.version.id}/criteria`;
  const action = href(c, criterionId ? `${base}/${criterionId}` : base);
  const title = criterionId
    ? t("applications.charter.admin.edit_criterion")
    : t("applications.charter.admin.add");
  return (
    <Layout c={c} title={title} section="charter">
      <h1>{title}</h1>
      <p>
        <a href={href(c, `/charter/admin/${charter.version.id}`)}>{t("common.back")}</a>
      </p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={action} class="narrow" novalidate>
        <Csrf c={c} />
        <FormFields c={c} values={values} errors={errors}>
          <SelectField
            name="part"
            label={t("applications.charter.admin.part")}
            required
            options={charter.parts.map((p) => ({
              value: p.letter,
              label: `${p.letter} — ${localized(p, "name", locale)}`,
            }))}
          />
          <TextField
            name="code"
            label={t("applications.charter.admin.code")}
            hint={t("applications.charter.admin.code_hint")}
            required
            maxlength={10}
          />
          <SelectField
            name="level"
            label={t("applications.charter.admin.level")}
            required
            options={CRITERION_LEVELS.map((l) => ({ value: l, label: t(LEVEL_KEY[l]) }))}
          />
          <TextField
            name="title_fr"
            label={t("applications.charter.admin.title_fr")}
            required
            maxlength={200}
          />
          <TextField
            name="title_en"
            label={t("applications.charter.admin.title_en")}
            required
            maxlength={200}
          />
          <TextField
            name="title_de"
            label={t("applications.charter.admin.title_de")}
            hint={t("applications.charter.admin.de_hint")}
            maxlength={200}
          />
          <TextArea name="explanation_fr" label={t("applications.charter.admin.explanation_fr")} rows={4} />
          <TextArea name="explanation_en" label={t("applications.charter.admin.explanation_en")} rows={4} />
          <TextArea name="explanation_de" label={t("applications.charter.admin.explanation_de")} rows={4} />
          <SelectField
            name="check_id"
            label={t("applications.charter.admin.check")}
            placeholder={t("applications.charter.admin.no_check")}
            options={CHECK_IDS.map((id) => ({ value: id, label: t(CHECK_NAME_KEY[id] ?? "common.unknown") }))}
          />
        </FormFields>
        <button type="submit" class="button">
          {t("form.save")}
        </button>
      </form>
      {criterionId ? (
        <form method="post" action={href(c, `${base}/${criterionId}/delete`)} class="narrow">
          <Csrf c={c} />
          <button type="submit" class="button button--danger">
            {t("applications.charter.admin.delete")}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
