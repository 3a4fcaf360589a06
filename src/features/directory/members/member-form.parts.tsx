import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Csrf, SelectField, TextField } from "../../../views/components.js";
import { MEMBERSHIPS, MEMBER_TYPES } from "../directory.tables.js";
import { enumLabel } from "../labels.js";
import { formatLinks } from "../directory.schema.js";
import type { MemberRow } from "../directory.repository.js";

/** Parts of the member forms: field groups shared by the new and edit pages, admin-only parts. */

export interface FormProps {
  c: AppContext;
  values: FormValues;
  errors?: FieldErrors | undefined;
}

/** A member row as the strings its form shows. */
export function memberValues(m: MemberRow): FormValues {
  return {
    name: m.name,
    slug: m.slug,
    type: m.type,
    description_fr: m.description_fr,
    description_en: m.description_en,
    website: m.website ?? "",
    contact_email: m.contact_email ?? "",
    contact_url: m.contact_url ?? "",
    legal_url: m.legal_url ?? "",
    tos_url: m.tos_url ?? "",
    logo_url: m.logo_url ?? "",
    city: m.city ?? "",
    region: m.region ?? "",
    country_code: m.country_code ?? "",
    latitude: m.latitude === null ? "" : String(m.latitude),
    longitude: m.longitude === null ? "" : String(m.longitude),
    status: m.status,
    status_description: m.status_description ?? "",
    social_links: formatLinks(m.social_links),
    funding_links: formatLinks(m.funding_links),
    chatonsinfos_url: m.chatonsinfos_url ?? "",
    chatonsinfos_source_of_truth: m.chatonsinfos_source_of_truth === 1 ? "1" : "",
    membership: m.membership,
    joined_at: m.joined_at ?? "",
    joined_round: m.joined_round ?? "",
  };
}

export function IdentityFields({ c, values, errors }: FormProps) {
  const t = c.get("t");
  return (
    <>
      <TextField
        c={c}
        name="name"
        label={t("directory.form.name")}
        required
        maxlength={100}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="slug"
        label={t("directory.form.slug")}
        hint={t("directory.form.slug.hint")}
        maxlength={60}
        values={values}
        errors={errors}
      />
      <SelectField
        c={c}
        name="type"
        label={t("directory.form.type")}
        required
        options={MEMBER_TYPES.map((v) => ({ value: v, label: enumLabel(t, "directory.type.", v) }))}
        values={values}
        errors={errors}
      />
    </>
  );
}

export function PlaceFields({ c, values, errors }: FormProps) {
  const t = c.get("t");
  return (
    <>
      <TextField
        c={c}
        name="city"
        label={t("directory.form.city")}
        hint={t("directory.form.city.hint")}
        maxlength={100}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="region"
        label={t("directory.form.region")}
        maxlength={100}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="country_code"
        label={t("directory.form.country_code")}
        hint={t("directory.form.country_code.hint")}
        maxlength={2}
        values={values}
        errors={errors}
      />
    </>
  );
}

export function AdminFields({ c, values, errors }: FormProps) {
  const t = c.get("t");
  return (
    <fieldset>
      <legend>{t("directory.form.member.collective")}</legend>
      <SelectField
        c={c}
        name="membership"
        label={t("directory.form.membership")}
        required
        options={MEMBERSHIPS.map((v) => ({ value: v, label: enumLabel(t, "directory.membership.", v) }))}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="joined_at"
        type="date"
        label={t("directory.form.joined_at")}
        values={values}
        errors={errors}
      />
      <TextField
        c={c}
        name="joined_round"
        label={t("directory.form.joined_round")}
        maxlength={60}
        values={values}
        errors={errors}
      />
    </fieldset>
  );
}

export function ArchiveForm({ c, member }: { c: AppContext; member: MemberRow }) {
  const t = c.get("t");
  const archived = member.archived_at !== null;
  return (
    <form
      method="post"
      action={href(c, `/members/${member.slug}/${archived ? "restore" : "archive"}`)}
      class="danger-zone"
    >
      <Csrf c={c} />
      <button
        type="submit"
        class={archived ? "button" : "button button--danger"}
        data-confirm={archived ? undefined : t("directory.edit.archive.confirm")}
      >
        {archived ? t("directory.edit.restore") : t("directory.edit.archive")}
      </button>
    </form>
  );
}
