import type { AppContext } from "../../http/context.js";
import { Written } from "../../views/written.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import {
  Badge,
  Checkbox,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from "../../views/components.js";
import type { PortalService } from "./entraide.repository.js";
import type { InstanceView } from "./instances.js";
import { LastCheck, StateBadges } from "./instance.views.js";
import { ICONS, SOFTWARE_SLUGS, softwareName } from "./software.js";

const ADMIN = "/admin/entraide";

function Button(props: { c: AppContext; action: string; label: string; tone?: "danger" }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <Csrf c={props.c} />
      <button type="submit" class={`button button--small${props.tone ? ` button--${props.tone}` : ""}`}>
        {props.label}
      </button>
    </form>
  );
}

function InstancesTable({
  c,
  instances,
  review,
}: {
  c: AppContext;
  instances: InstanceView[];
  review?: boolean;
}) {
  const t = c.get("t");
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("entraide.col.member")}</th>
            <th scope="col">{t("entraide.col.service")}</th>
            <th scope="col">{t("entraide.col.url")}</th>
            <th scope="col">{t("entraide.col.state")}</th>
            <th scope="col">{t("entraide.col.last_check")}</th>
            <th scope="col">{t("entraide.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((i) => (
            <tr>
              <td>
                <a href={href(c, `/entraide/members/${i.memberSlug}`)}>{i.memberName}</a>
              </td>
              <td>
                <Written locale={t.locale} texts={i.serviceName} />
              </td>
              <td>
                <a href={i.url} rel="noreferrer">
                  {i.url}
                </a>{" "}
                ({softwareName(i.software ?? "")}, {t("entraide.col.weight")} {i.weight})
              </td>
              <td>
                <StateBadges c={c} instance={i} />
              </td>
              <td>
                <LastCheck c={c} instance={i} />
              </td>
              <td>
                {review || i.approval !== "approved" ? (
                  <Button
                    c={c}
                    action={href(c, `${ADMIN}/instances/${i.id}/approve`)}
                    label={t("entraide.action.approve")}
                  />
                ) : null}
                {i.approval !== "rejected" ? (
                  <Button
                    c={c}
                    action={href(c, `${ADMIN}/instances/${i.id}/reject`)}
                    label={t("entraide.action.reject")}
                    tone="danger"
                  />
                ) : null}
                <Button
                  c={c}
                  action={href(c, `${ADMIN}/instances/${i.id}/check`)}
                  label={t("entraide.action.check")}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdminPage(props: { c: AppContext; instances: InstanceView[]; services: PortalService[] }) {
  const { c, instances } = props;
  const t = c.get("t");
  const pending = instances.filter((i) => i.approval === "pending");
  return (
    <Layout c={c} title={t("entraide.admin.title")} section="entraide" wide>
      <h1>{t("entraide.admin.title")}</h1>
      <p>
        <a href={href(c, "/admin")}>{t("layout.admin")}</a> · <a href={href(c, "/entraide")}>/entraide</a>
      </p>
      <h2>{t("entraide.admin.pending")}</h2>
      {pending.length === 0 ? (
        <p>{t("entraide.admin.pending.none")}</p>
      ) : (
        <InstancesTable c={c} instances={pending} review />
      )}
      <h2>{t("entraide.admin.services")}</h2>
      <div class="table-wrap">
        <table>
          <tbody>
            {props.services.map((s) => (
              <tr>
                <td>
                  <img src={`/assets/entraide/${s.icon}.svg`} alt="" width="24" height="24" />
                </td>
                <td>
                  <a href={href(c, `${ADMIN}/services/${s.id}`)}>
                    <Written locale={t.locale} texts={s.name} />
                  </a>{" "}
                  <code>/entraide/{s.id}</code>
                </td>
                <td>{s.software.map(softwareName).join(", ")}</td>
                <td>
                  <Badge tone={s.enabled ? "ok" : "neutral"}>
                    {s.enabled ? t("entraide.admin.enabled") : t("entraide.admin.disabled")}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a class="button button--secondary" href={href(c, `${ADMIN}/services/new`)}>
          {t("entraide.admin.service.new")}
        </a>
      </p>
      <h2>{t("entraide.admin.instances")}</h2>
      <InstancesTable c={c} instances={instances.filter((i) => i.approval !== "pending")} />
    </Layout>
  );
}

export function serviceValues(s: PortalService): FormValues {
  return {
    name_fr: s.name.fr,
    name_en: s.name.en,
    name_de: s.name.de,
    description_fr: s.description.fr,
    description_en: s.description.en,
    description_de: s.description.de,
    icon: s.icon,
    category_id: s.categoryId,
    software: s.software.join("\n"),
    position: String(s.position),
    enabled: s.enabled ? "1" : "",
  };
}

export function ServicePage(props: {
  c: AppContext;
  /** Undefined when adding a service. */
  serviceId?: string;
  categories: { id: string; name: string }[];
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { c, values, errors } = props;
  const t = c.get("t");
  const title = props.serviceId
    ? t("entraide.admin.service.edit", { service: props.serviceId })
    : t("entraide.admin.service.new");
  const chosen = new Set((values.software ?? "").split("\n"));
  const action = href(c, props.serviceId ? `${ADMIN}/services/${props.serviceId}` : `${ADMIN}/services`);
  const field = (name: string, label: string, hint?: string) => (
    <TextField name={name} label={label} hint={hint} required />
  );
  return (
    <Layout c={c} title={title} section="entraide">
      <div class="narrow">
        <h1>{title}</h1>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={action} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={values} errors={errors}>
            {props.serviceId ? null : field("id", t("entraide.form.id"), t("entraide.form.id.hint"))}
            {field("name_fr", t("entraide.form.name_fr"))}
            {field("name_en", t("entraide.form.name_en"))}
            <TextField name="name_de" label={t("entraide.form.name_de")} hint={t("entraide.form.de.hint")} />
            {field("description_fr", t("entraide.form.description_fr"))}
            {field("description_en", t("entraide.form.description_en"))}
            <TextField name="description_de" label={t("entraide.form.description_de")} />
            <SelectField
              name="icon"
              label={t("entraide.form.icon")}
              required
              options={ICONS.map((i) => ({ value: i, label: i }))}
            />
            <SelectField
              name="category_id"
              label={t("entraide.form.category")}
              hint={t("entraide.form.category.hint")}
              required
              options={props.categories.map((k) => ({ value: k.id, label: k.name }))}
            />
            <fieldset id="field-software">
              <legend>{t("entraide.form.software_list")}</legend>
              {errors?.software ? (
                <p class="field__error">{t(errors.software.key, errors.software.vars)}</p>
              ) : null}
              {SOFTWARE_SLUGS.map((s) => (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={`software-${s}`}
                    name="software"
                    value={s}
                    checked={chosen.has(s)}
                  />
                  <label for={`software-${s}`}>{softwareName(s)}</label>
                </div>
              ))}
            </fieldset>
            <TextField name="position" type="number" label={t("entraide.form.position")} />
          </FormFields>
          <Checkbox name="enabled" label={t("entraide.form.enabled")} checked={values.enabled === "1"} />
          <button type="submit" class="button">
            {t("form.save")}
          </button>
        </form>
        <p>
          <a href={href(c, ADMIN)}>{t("common.back")}</a>
        </p>
      </div>
    </Layout>
  );
}
