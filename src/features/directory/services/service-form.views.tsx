import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from "../../../views/components.js";
import {
  AUDIENCES,
  PRICES,
  REGISTRATION_LOADS,
  SERVICE_ACCESS,
  SERVICE_FAMILIES,
  SERVICE_STATUSES,
} from "../directory.tables.js";
import { enumLabel } from "../labels.js";
import { categoryName, CountedChecks } from "../directory.components.js";
import type { CategoryRow, MemberRow, ServiceDetail } from "../directory.repository.js";

export function serviceValues(s: ServiceDetail): FormValues {
  const list = (text: string): string[] => {
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    } catch {
      return [];
    }
  };
  return {
    name: s.name,
    slug: s.slug,
    category_id: s.category_id,
    description_fr: s.description_fr,
    description_en: s.description_en,
    url: s.url,
    software_name: s.software_name ?? "",
    software_license: s.software_license ?? "",
    software_source_url: s.software_source_url ?? "",
    access: s.access,
    registration_load: s.registration_load,
    price: s.price,
    audience: list(s.audience).join("\n"),
    languages: list(s.languages).join(", "),
    host_country: s.host_country ?? "",
    status: s.status,
    start_date: s.start_date ?? "",
    chatonsinfos_url: s.chatonsinfos_url ?? "",
  };
}

export const NEW_SERVICE_VALUES: FormValues = {
  access: "open",
  registration_load: "open",
  price: "free",
  status: "ok",
  audience: "everyone",
  languages: "fr",
};

interface ServiceFormProps {
  c: AppContext;
  member: MemberRow;
  categories: CategoryRow[];
  service?: ServiceDetail | undefined;
  values: FormValues;
  errors?: FieldErrors | undefined;
}

function CategorySelect({ c, categories, values, errors }: ServiceFormProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  const error = errors?.category_id;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for="field-category_id">
        {t("directory.form.category_id")} <span class="field__marker">({t("form.required")})</span>
      </label>
      {error ? (
        <p class="field__error" id="error-category_id">
          {t(error.key, error.vars)}
        </p>
      ) : null}
      <select
        id="field-category_id"
        name="category_id"
        required
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? "error-category_id" : undefined}
      >
        {SERVICE_FAMILIES.map((family) => (
          <optgroup label={enumLabel(t, "directory.family.", family)}>
            {categories
              .filter((cat) => cat.family === family)
              .map((cat) => (
                <option value={cat.id} selected={cat.id === values.category_id}>
                  {categoryName(locale, cat)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

const choiceOptions = (c: AppContext, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: enumLabel(c.get("t"), prefix, v) }));

export function ServiceFormPage(props: ServiceFormProps) {
  const { c, member, service, values, errors } = props;
  const t = c.get("t");
  const title = service
    ? t("directory.service.edit.title", { service: service.name })
    : t("directory.service.new.title", { name: member.name });
  const action = href(
    c,
    service
      ? `/members/${member.slug}/services/${service.slug}/edit`
      : `/members/${member.slug}/services/new`,
  );
  const field = { c, values, errors };
  return (
    <Layout c={c} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={action} novalidate>
          <Csrf c={c} />
          <fieldset>
            <legend>{t("directory.form.service.what")}</legend>
            <TextField {...field} name="name" label={t("directory.form.name")} required maxlength={100} />
            <TextField
              {...field}
              name="slug"
              label={t("directory.form.slug")}
              hint={t("directory.form.slug.hint")}
              maxlength={60}
            />
            <CategorySelect {...props} />
            <TextField {...field} name="url" type="url" label={t("directory.form.url")} required />
            <TextArea
              {...field}
              name="description_fr"
              label={t("directory.form.description_fr")}
              hint={t("directory.form.description.hint")}
              maxlength={1000}
              rows={3}
            />
            <TextArea
              {...field}
              name="description_en"
              label={t("directory.form.description_en")}
              maxlength={1000}
              rows={3}
            />
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.service.software")}</legend>
            <TextField
              {...field}
              name="software_name"
              label={t("directory.form.software_name")}
              maxlength={100}
            />
            <TextField
              {...field}
              name="software_license"
              label={t("directory.form.software_license")}
              maxlength={60}
            />
            <TextField
              {...field}
              name="software_source_url"
              type="url"
              label={t("directory.form.software_source_url")}
            />
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.service.conditions")}</legend>
            <SelectField
              {...field}
              name="access"
              label={t("directory.form.access")}
              required
              options={choiceOptions(c, "directory.access.", SERVICE_ACCESS)}
            />
            <SelectField
              {...field}
              name="registration_load"
              label={t("directory.form.registration_load")}
              required
              options={choiceOptions(c, "directory.load.", REGISTRATION_LOADS)}
            />
            <SelectField
              {...field}
              name="price"
              label={t("directory.form.price")}
              required
              options={choiceOptions(c, "directory.price.", PRICES)}
            />
            <CountedChecks
              legend={t("directory.form.audience")}
              name="audience"
              current={(values.audience ?? "").split("\n")}
              options={choiceOptions(c, "directory.audience.", AUDIENCES)}
            />
            {errors?.audience ? (
              <p class="field__error">{t(errors.audience.key, errors.audience.vars)}</p>
            ) : null}
            <TextField
              {...field}
              name="languages"
              label={t("directory.form.languages")}
              hint={t("directory.form.languages.hint")}
              maxlength={100}
            />
            <TextField
              {...field}
              name="host_country"
              label={t("directory.form.host_country")}
              maxlength={2}
            />
            <SelectField
              {...field}
              name="status"
              label={t("directory.form.service_status")}
              required
              options={choiceOptions(c, "directory.service_status.", SERVICE_STATUSES)}
            />
            <TextField {...field} name="start_date" type="date" label={t("directory.form.start_date")} />
            <TextField
              {...field}
              name="chatonsinfos_url"
              type="url"
              label={t("directory.form.service_chatonsinfos_url")}
            />
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="button">
              {t("form.save")}
            </button>
            <a href={href(c, `/dashboard/${member.slug}`)}>{t("form.cancel")}</a>
          </div>
        </form>
        {service ? <ServiceArchiveForm c={c} member={member} service={service} /> : null}
      </div>
    </Layout>
  );
}

function ServiceArchiveForm({
  c,
  member,
  service,
}: {
  c: AppContext;
  member: MemberRow;
  service: ServiceDetail;
}) {
  const t = c.get("t");
  const archived = service.archived_at !== null;
  return (
    <form
      method="post"
      action={href(c, `/members/${member.slug}/services/${service.slug}/${archived ? "restore" : "archive"}`)}
      class="danger-zone"
    >
      <Csrf c={c} />
      <button
        type="submit"
        class={archived ? "button" : "button button--danger"}
        data-confirm={archived ? undefined : t("directory.service.archive.confirm")}
      >
        {archived ? t("directory.service.restore") : t("directory.service.archive")}
      </button>
    </form>
  );
}
