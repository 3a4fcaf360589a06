import type { AppContext } from "../../http/context.js";
import { writtenText } from "../../i18n/index.js";
import { Written } from "../../views/written.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import { Checkbox, Csrf, ErrorSummary, FormFields, SelectField } from "../../views/components.js";
import type { PortalService } from "./entraide.repository.js";
import type { DirectoryService } from "./directory.port.js";
import type { InstanceView } from "./instances.js";
import { EMPTY_SUMMARY, type InstanceSummary } from "./aggregates.js";
import { InstanceFields, LastCheck, StateBadges, UptimeStrip, percent } from "./instance.views.js";
import { softwareName } from "./software.js";

interface Member {
  slug: string;
  name: string;
}

const base = (c: AppContext, member: Member) => href(c, `/entraide/members/${member.slug}`);

function ActionButton(props: { c: AppContext; action: string; label: string; confirm?: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <Csrf c={props.c} />
      <button type="submit" class="button button--small button--secondary" data-confirm={props.confirm}>
        {props.label}
      </button>
    </form>
  );
}

function InstanceRow(props: {
  c: AppContext;
  member: Member;
  instance: InstanceView;
  summary: InstanceSummary;
  days: string[];
}) {
  const { c, member, instance: i, summary } = props;
  const t = c.get("t");
  const own = `${base(c, member)}/instances/${i.id}`;
  return (
    <tr>
      <td>
        <Written locale={t.locale} texts={i.serviceName} />
      </td>
      <td>
        <a href={i.url} rel="noreferrer">
          {i.url}
        </a>
        <br />
        {softwareName(i.software ?? "")} · {t("entraide.col.weight")} {i.weight}
        {i.maxShare !== null ? ` · ${t("entraide.col.max_share")} ${i.maxShare} %` : ""}
      </td>
      <td>
        <StateBadges c={c} instance={i} />
      </td>
      <td>
        <LastCheck c={c} instance={i} />
      </td>
      <td>
        <UptimeStrip c={c} days={props.days} summary={summary} />
        <br />
        {percent(c, summary.uptime)}
      </td>
      <td>{t.number(summary.visits)}</td>
      <td>
        <a href={own}>{t("entraide.action.edit")}</a>
        <ActionButton
          c={c}
          action={`${own}/pause`}
          label={i.paused ? t("entraide.action.resume") : t("entraide.action.pause")}
        />
        <ActionButton c={c} action={`${own}/check`} label={t("entraide.action.check")} />
      </td>
    </tr>
  );
}

export function ManagePage(props: {
  c: AppContext;
  member: Member;
  canVolunteer: boolean;
  instances: InstanceView[];
  summaries: Map<string, InstanceSummary>;
  days: string[];
  services: PortalService[];
  /** The structure's directory services in the portal's categories: what it may lend. */
  lendable: DirectoryService[];
  categoryNames: Map<string, string>;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c, member, values, errors } = props;
  const t = c.get("t");
  const title = t("entraide.manage.title", { member: member.name });
  return (
    <Layout c={c} title={title} section="entraide" wide>
      <h1>{title}</h1>
      <p>{t("entraide.manage.intro")}</p>
      <p>
        <a href={href(c, `/dashboard/${member.slug}`)}>{t("entraide.manage.dashboard")}</a>
      </p>
      {props.instances.length === 0 ? (
        <p>{t("entraide.manage.none")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("entraide.col.service")}</th>
                <th scope="col">{t("entraide.col.url")}</th>
                <th scope="col">{t("entraide.col.state")}</th>
                <th scope="col">{t("entraide.col.last_check")}</th>
                <th scope="col">{t("entraide.col.uptime")}</th>
                <th scope="col">{t("entraide.col.visits")}</th>
                <th scope="col">{t("entraide.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.instances.map((i) => (
                <InstanceRow
                  c={c}
                  member={member}
                  instance={i}
                  summary={props.summaries.get(i.id) ?? EMPTY_SUMMARY}
                  days={props.days}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!props.canVolunteer ? (
        <p class="flash flash--info">{t("entraide.manage.not_member")}</p>
      ) : props.lendable.length === 0 ? (
        <section class="narrow">
          <h2>{t("entraide.form.new")}</h2>
          <p>{t("entraide.manage.no_services")}</p>
          <p>
            <a class="button button--secondary" href={href(c, `/members/${member.slug}/services/new`)}>
              {t("entraide.manage.add_service")}
            </a>
          </p>
        </section>
      ) : (
        <section class="narrow">
          <h2>{t("entraide.form.new")}</h2>
          <ErrorSummary c={c} errors={errors} />
          <form method="post" action={`${base(c, member)}/instances`} novalidate>
            <Csrf c={c} />
            <FormFields c={c} values={values ?? { weight: "5" }} errors={errors}>
              <SelectField
                name="service_id"
                label={t("entraide.form.service")}
                required
                options={props.services.map((s) => ({
                  value: s.id,
                  label: writtenText(t.locale, s.name).text,
                }))}
              />
              <InstanceFields c={c} services={props.lendable} categoryNames={props.categoryNames} />
            </FormFields>
            <button type="submit" class="button">
              {t("entraide.form.submit")}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function EditInstancePage(props: {
  c: AppContext;
  member: Member;
  instance: InstanceView;
  summary: InstanceSummary;
  /** The structure's directory services of this portal service's category. */
  lendable: DirectoryService[];
  categoryNames: Map<string, string>;
  values: FormValues;
  errors?: FieldErrors | undefined;
}) {
  const { c, member, instance, summary, values, errors } = props;
  const t = c.get("t");
  const own = `${base(c, member)}/instances/${instance.id}`;
  const service = writtenText(t.locale, instance.serviceName).text;
  return (
    <Layout c={c} title={`${t("entraide.form.edit")} · ${service}`} section="entraide">
      <div class="narrow">
        <h1>
          {t("entraide.form.edit")} · {service}
        </h1>
        <p>
          <StateBadges c={c} instance={instance} />
        </p>
        <p>
          <strong>{t("entraide.col.last_check")}</strong> <LastCheck c={c} instance={instance} />
        </p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={own} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={values} errors={errors}>
            <InstanceFields
              c={c}
              services={props.lendable}
              categoryNames={props.categoryNames}
              serviceHint={t("entraide.form.directory_service.change_hint")}
            />
          </FormFields>
          <Checkbox name="paused" label={t("entraide.form.paused")} checked={values.paused === "1"} />
          <button type="submit" class="button">
            {t("form.save")}
          </button>
        </form>
        <h2>{t("entraide.history")}</h2>
        <HistoryTable c={c} summary={summary} />
        <ActionButton
          c={c}
          action={`${own}/withdraw`}
          label={t("entraide.action.withdraw")}
          confirm={t("entraide.action.withdraw.confirm")}
        />
        <p>
          <a href={base(c, member)}>{t("common.back")}</a>
        </p>
      </div>
    </Layout>
  );
}

function HistoryTable({ c, summary }: { c: AppContext; summary: InstanceSummary }) {
  const t = c.get("t");
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("entraide.col.day")}</th>
            <th scope="col">{t("entraide.col.checks")}</th>
            <th scope="col">{t("entraide.col.mean_ms")}</th>
            <th scope="col">{t("entraide.col.visits")}</th>
          </tr>
        </thead>
        <tbody>
          {[...summary.days].reverse().map((d) => (
            <tr>
              <td>{t.date(d.day)}</td>
              <td>
                {d.ok} / {d.checks}
              </td>
              <td>{d.meanMs === null ? "—" : t("entraide.ms", { ms: d.meanMs })}</td>
              <td>{t.number(d.visits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
