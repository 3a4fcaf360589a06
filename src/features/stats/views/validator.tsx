import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf, FormFields, TextArea, TextField } from "../../../views/components.js";
import type { Validation } from "../validate.js";
import { Counts, ResultBadge, StatsNav, resultFix } from "./common.js";
import { ProblemList } from "./files.js";

/** /stats/check: paste a ChatonsInfos file or give its address, read the crawl's report. */
export function ValidatorPage(props: {
  c: AppContext;
  values: Record<string, string>;
  validation?: Validation;
  missing?: boolean;
}) {
  const { c, validation: v } = props;
  const t = c.get("t");
  const problems = (v?.report?.results ?? []).filter(
    (r) => r.severity === "error" || r.severity === "warning",
  );
  return (
    <Layout c={c} title={t("stats.validator.title")} section="stats" wide>
      <h1>{t("stats.validator.title")}</h1>
      <StatsNav c={c} current="files" />
      <p class="lead">{t("stats.validator.intro")}</p>
      <form method="post" action={href(c, "/stats/check")}>
        <Csrf c={c} />
        <FormFields c={c} values={props.values} errors={undefined}>
          <TextField
            name="url"
            type="url"
            label={t("stats.validator.url")}
            inputmode="url"
            maxlength={2000}
          />
          <TextArea name="content" label={t("stats.validator.content")} rows={12} />
        </FormFields>
        {props.missing ? <p class="field__error">{t("stats.validator.missing")}</p> : null}
        <button type="submit" class="button">
          {t("stats.validator.submit")}
        </button>
      </form>
      {v ? (
        <section aria-labelledby="validator-report">
          <h2 id="validator-report">{t("stats.validator.report")}</h2>
          {v.url ? (
            <p>
              <code class="stats-url">{v.url}</code> <ResultBadge t={t} result={v.result} />{" "}
              {v.report ? null : resultFix(t, v.result)}
            </p>
          ) : null}
          {v.report ? (
            <>
              <p>
                {v.report.fileClass
                  ? t("stats.validator.class", { class: v.report.fileClass })
                  : t("stats.validator.noclass")}{" "}
                <Counts t={t} counts={{ errors: v.report.counts.error, warnings: v.report.counts.warning }} />
              </p>
              <ProblemList c={c} results={problems} />
            </>
          ) : null}
          <p class="stats-note">{t("stats.validator.nothingStored")}</p>
        </section>
      ) : null}
    </Layout>
  );
}
