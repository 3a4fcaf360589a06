import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf, ErrorSummary, FormFields, TextArea } from "../../../views/components.js";
import { ANSWERS } from "../applications.tables.js";
import type { Application } from "../applications.repository.js";
import type { StoredAnswer } from "../answers.repository.js";
import { type Charter, type CharterPartWithCriteria } from "../charter/charter.repository.js";
import { charterTexts, localized } from "../charter/charter-text.js";
import { Written } from "../../../views/written.js";
import { ANSWER_KEY, LEVEL_KEY } from "./common.js";
import { ofName } from "../../../i18n/index.js";

/** Form values of a part from the stored answers (what the candidate saved last time). */
/** The criteria whose stored answer is still the one carried over from last time. */
export const carriedCriteria = (answers: Map<string, StoredAnswer>): Set<string> =>
  new Set([...answers].filter(([, a]) => a.carriedFrom).map(([id]) => id));

export function partValues(part: CharterPartWithCriteria, answers: Map<string, StoredAnswer>): FormValues {
  const values: FormValues = {};
  for (const cr of part.criteria) {
    const a = answers.get(cr.id);
    values[`answer_${cr.id}`] = a?.answer ?? "";
    values[`explanation_${cr.id}`] = a?.explanation ?? "";
    values[`evidence_${cr.id}`] = (a?.evidence ?? []).join("\n");
  }
  return values;
}

export function StepNav({
  c,
  app,
  charter,
  current,
}: {
  c: AppContext;
  app: Application;
  charter: Charter;
  current: string | null;
}) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <nav class="subnav" aria-label={t("applications.step.nav")}>
      <a href={href(c, `/applications/${app.id}`)} aria-current={current === null ? "page" : undefined}>
        {t("applications.step.overview")}
      </a>
      {charter.parts.map((p) => (
        <a
          href={href(c, `/applications/${app.id}/parts/${p.letter}`)}
          aria-current={current === p.letter ? "page" : undefined}
        >
          {p.letter} · <Written locale={locale} texts={charterTexts(p, "name")} />
        </a>
      ))}
    </nav>
  );
}

export function StepPage({
  c,
  app,
  charter,
  part,
  values,
  errors,
  carried,
}: {
  c: AppContext;
  app: Application;
  charter: Charter;
  part: CharterPartWithCriteria;
  values: FormValues;
  errors?: FieldErrors | undefined;
  /** Criteria whose answer is still last time's. */
  carried?: ReadonlySet<string> | undefined;
}) {
  const t = c.get("t");
  const locale = c.get("locale");
  const title = `${part.letter} — ${localized(part, "name", locale)}`;
  return (
    <Layout c={c} title={`${title} · ${app.structure.name}`} section="join">
      <h1>{title}</h1>
      <p>
        {t("applications.step.for", {
          name: app.structure.name,
          name_of: ofName(t.locale, app.structure.name),
          version: app.charterVersion,
        })}
      </p>
      <StepNav c={c} app={app} charter={charter} current={part.letter} />
      <p class="lead">
        <Written locale={locale} texts={charterTexts(part, "intro")} />
      </p>
      <p>{t("applications.step.intro")}</p>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={href(c, `/applications/${app.id}/parts/${part.letter}`)} novalidate>
        <Csrf c={c} />
        <FormFields c={c} values={values} errors={errors}>
          {part.criteria.map((cr) => (
            <fieldset class="card" id={`field-answer_${cr.id}`}>
              <legend>
                {cr.code} <Written locale={locale} texts={charterTexts(cr, "title")} />{" "}
                <Badge tone={cr.level === "required" ? "warn" : "neutral"}>{t(LEVEL_KEY[cr.level])}</Badge>
                {carried?.has(cr.id) ? (
                  <>
                    {" "}
                    <Badge tone="info">{t("applications.step.carried")}</Badge>
                  </>
                ) : null}
              </legend>
              <p class="field__hint">
                <Written locale={locale} texts={charterTexts(cr, "explanation")} />
              </p>
              <div class="field" role="radiogroup" aria-label={t("applications.step.answer")}>
                {ANSWERS.map((a) => (
                  <div class="checkbox">
                    <input
                      type="radio"
                      id={`answer_${cr.id}_${a}`}
                      name={`answer_${cr.id}`}
                      value={a}
                      checked={values[`answer_${cr.id}`] === a}
                    />
                    <label for={`answer_${cr.id}_${a}`}>{t(ANSWER_KEY[a])}</label>
                  </div>
                ))}
              </div>
              <TextArea
                name={`explanation_${cr.id}`}
                label={t("applications.step.explanation")}
                hint={t("applications.step.explanation_hint")}
                required={cr.level === "required"}
                rows={3}
                maxlength={4000}
              />
              <TextArea
                name={`evidence_${cr.id}`}
                label={t("applications.step.evidence")}
                hint={t("applications.step.evidence_hint")}
                rows={2}
              />
            </fieldset>
          ))}
        </FormFields>
        <p>
          <button type="submit" class="button" name="next" value="next">
            {t("applications.step.save_next")}
          </button>{" "}
          <button type="submit" class="button button--secondary" name="next" value="stay">
            {t("applications.step.save")}
          </button>
        </p>
      </form>
    </Layout>
  );
}
