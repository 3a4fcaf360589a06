import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Checkbox, Csrf, ErrorSummary, FormFields, TextArea, TextField } from "../../../views/components.js";
import { CountedChecks, categoryName } from "../directory.components.js";
import type { CategoryRow } from "../directory.repository.js";
import type { Alternative } from "./alternatives.repository.js";

/** The catalogue's admin pages: the list, and one form per entry. */

export const alternativeValues = (a: Alternative): FormValues => ({
  id: a.id,
  name: a.name,
  vendor: a.vendor,
  aliases: a.aliases.join("\n"),
  description_fr: a.description.fr,
  description_en: a.description.en,
  description_de: a.description.de,
  categories: a.categories.join("\n"),
  software: a.software.join(", "),
  archived: a.archived ? "1" : "",
});

export function AlternativesList({
  c,
  entries,
  categories,
}: {
  c: AppContext;
  entries: Alternative[];
  categories: CategoryRow[];
}) {
  const t = c.get("t");
  const names = new Map(categories.map((cat) => [cat.id, categoryName(c.get("locale"), cat)]));
  return (
    <Layout c={c} title={t("directory.alternatives.admin.title")} wide>
      <h1>{t("directory.alternatives.admin.title")}</h1>
      <p>{t("directory.alternatives.admin.intro")}</p>
      <p>
        <a class="button" href={href(c, "/admin/alternatives/new")}>
          {t("directory.alternatives.admin.add")}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("directory.alternatives.field.name")}</th>
              <th scope="col">{t("directory.alternatives.field.vendor")}</th>
              <th scope="col">{t("directory.alternatives.field.categories")}</th>
              <th scope="col">{t("directory.alternatives.field.archived")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>
                  <a href={href(c, `/admin/alternatives/${e.id}`)}>{e.name}</a>{" "}
                  <span class="muted">
                    (
                    {e.edited
                      ? t("directory.alternatives.admin.edited")
                      : t("directory.alternatives.admin.shipped")}
                    )
                  </span>
                </td>
                <td>{e.vendor}</td>
                <td>{e.categories.map((id) => names.get(id) ?? id).join(", ")}</td>
                <td>{e.archived ? "✓" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

type Field =
  | "id"
  | "name"
  | "vendor"
  | "aliases"
  | "aliases.hint"
  | "description_fr"
  | "description_en"
  | "description_de"
  | "categories"
  | "software"
  | "software.hint"
  | "archived";

export function AlternativeFormPage({
  c,
  entry,
  categories,
  values,
  errors,
}: {
  c: AppContext;
  entry: Alternative | null;
  categories: CategoryRow[];
  values: FormValues;
  errors?: FieldErrors | undefined;
}) {
  const t = c.get("t");
  const title = entry ? entry.name : t("directory.alternatives.admin.add");
  const action = href(c, entry ? `/admin/alternatives/${entry.id}` : "/admin/alternatives");
  const f = (name: Field) => t(`directory.alternatives.field.${name}`);
  return (
    <Layout c={c} title={title}>
      <div class="narrow">
        <p>
          <a href={href(c, "/admin/alternatives")}>{t("directory.alternatives.admin.title")}</a>
        </p>
        <h1>{title}</h1>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={action} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={values} errors={errors}>
            {entry ? null : (
              <TextField name="id" label={f("id")} hint={t("directory.form.slug.hint")} required />
            )}
            <TextField name="name" label={f("name")} required maxlength={100} />
            <TextField name="vendor" label={f("vendor")} maxlength={100} />
            <TextArea name="aliases" label={f("aliases")} hint={f("aliases.hint")} rows={4} />
            <TextField name="description_fr" label={f("description_fr")} required maxlength={200} />
            <TextField name="description_en" label={f("description_en")} required maxlength={200} />
            <TextField name="description_de" label={f("description_de")} required maxlength={200} />
            <TextField name="software" label={f("software")} hint={f("software.hint")} maxlength={500} />
          </FormFields>
          {errors?.categories ? (
            <p class="field__error" id="error-categories">
              {t(errors.categories.key, errors.categories.vars)}
            </p>
          ) : null}
          <CountedChecks
            legend={f("categories")}
            name="categories"
            current={(values.categories ?? "").split("\n")}
            options={categories.map((cat) => ({ value: cat.id, label: categoryName(c.get("locale"), cat) }))}
          />
          {entry ? (
            <Checkbox
              name="archived"
              label={f("archived")}
              checked={values.archived === "1" || values.archived === "on"}
            />
          ) : null}
          <button type="submit" class="button">
            {t("form.save")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
