import { href } from "../../../http/context.js";
import { Layout } from "../../../views/Layout.js";
import { Checkbox, Csrf, ErrorSummary, SelectField, TextArea, TextField } from "../../../views/components.js";
import { MEMBER_STATUSES } from "../directory.tables.js";
import { enumLabel } from "../labels.js";
import type { MemberRow } from "../directory.repository.js";

import {
  AdminFields,
  ArchiveForm,
  IdentityFields,
  PlaceFields,
  type FormProps,
} from "./member-form.parts.js";

export { memberValues } from "./member-form.parts.js";

export function NewMemberPage({ c, values, errors }: FormProps) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("directory.new.title")}>
      <div class="narrow">
        <h1>{t("directory.new.title")}</h1>
        <p>{t("directory.new.intro")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/members/new")} novalidate>
          <Csrf c={c} />
          <IdentityFields c={c} values={values} errors={errors} />
          <TextArea
            c={c}
            name="description_fr"
            label={t("directory.form.description_fr")}
            hint={t("directory.form.description.hint")}
            maxlength={2000}
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="website"
            type="url"
            label={t("directory.form.website")}
            values={values}
            errors={errors}
          />
          <TextField
            c={c}
            name="contact_email"
            type="email"
            label={t("directory.form.contact_email")}
            values={values}
            errors={errors}
          />
          <PlaceFields c={c} values={values} errors={errors} />
          <button type="submit" class="button">
            {t("directory.new.submit")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

const URL_FIELDS = ["website", "contact_url", "legal_url", "tos_url", "logo_url"] as const;

export function EditMemberPage({
  c,
  member,
  values,
  errors,
  isPlatformAdmin,
}: FormProps & { member: MemberRow; isPlatformAdmin: boolean }) {
  const t = c.get("t");
  const action = href(c, `/members/${member.slug}/edit`);
  return (
    <Layout c={c} title={t("directory.edit.title", { name: member.name })}>
      <div class="narrow">
        <h1>{t("directory.edit.title", { name: member.name })}</h1>
        {member.chatonsinfos_source_of_truth === 1 ? (
          <p class="flash flash--info">{t("directory.edit.source_of_truth")}</p>
        ) : null}
        <p>
          <a href={`${href(c, "/kittens")}?member=${encodeURIComponent(member.slug)}`}>
            {t("directory.edit.avatar")}
          </a>
        </p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={action} novalidate>
          <Csrf c={c} />
          <fieldset>
            <legend>{t("directory.form.member.identity")}</legend>
            <IdentityFields c={c} values={values} errors={errors} />
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.member.texts")}</legend>
            {(["description_fr", "description_en"] as const).map((name) => (
              <TextArea
                c={c}
                name={name}
                label={t(`directory.form.${name}`)}
                hint={t("directory.form.description.hint")}
                maxlength={2000}
                values={values}
                errors={errors}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.member.links")}</legend>
            {URL_FIELDS.map((name) => (
              <TextField
                c={c}
                name={name}
                type="url"
                label={t(`directory.form.${name}`)}
                hint={name === "logo_url" ? t("directory.form.logo_url.hint") : undefined}
                values={values}
                errors={errors}
              />
            ))}
            <TextField
              c={c}
              name="contact_email"
              type="email"
              label={t("directory.form.contact_email")}
              values={values}
              errors={errors}
            />
            {(["social_links", "funding_links"] as const).map((name) => (
              <TextArea
                c={c}
                name={name}
                label={t(`directory.form.${name}`)}
                hint={t("directory.form.links.hint")}
                rows={3}
                values={values}
                errors={errors}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.member.place")}</legend>
            <PlaceFields c={c} values={values} errors={errors} />
            <TextField
              c={c}
              name="latitude"
              inputmode="decimal"
              label={t("directory.form.latitude")}
              hint={t("directory.form.coordinates.hint")}
              values={values}
              errors={errors}
            />
            <TextField
              c={c}
              name="longitude"
              inputmode="decimal"
              label={t("directory.form.longitude")}
              values={values}
              errors={errors}
            />
          </fieldset>
          <fieldset>
            <legend>{t("directory.form.member.activity")}</legend>
            <SelectField
              c={c}
              name="status"
              label={t("directory.form.status")}
              required
              options={MEMBER_STATUSES.map((v) => ({
                value: v,
                label: enumLabel(t, "directory.status.", v),
              }))}
              values={values}
              errors={errors}
            />
            <TextField
              c={c}
              name="status_description"
              label={t("directory.form.status_description")}
              maxlength={300}
              values={values}
              errors={errors}
            />
            <TextField
              c={c}
              name="chatonsinfos_url"
              type="url"
              label={t("directory.form.chatonsinfos_url")}
              values={values}
              errors={errors}
            />
            <Checkbox
              name="chatonsinfos_source_of_truth"
              label={t("directory.form.chatonsinfos_source_of_truth")}
              checked={
                values.chatonsinfos_source_of_truth === "1" || values.chatonsinfos_source_of_truth === "on"
              }
            />
          </fieldset>
          {isPlatformAdmin ? <AdminFields c={c} values={values} errors={errors} /> : null}
          <div class="form-actions">
            <button type="submit" class="button">
              {t("form.save")}
            </button>
            <a href={href(c, `/members/${member.slug}`)}>{t("form.cancel")}</a>
          </div>
        </form>
        {isPlatformAdmin ? <ArchiveForm c={c} member={member} /> : null}
      </div>
    </Layout>
  );
}
