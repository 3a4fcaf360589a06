import type { Child } from "hono/jsx";
import type { AppContext, CurrentPerson } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf, ErrorSummary, SelectField, TextField } from "../../../views/components.js";
import { MemberAvatar } from "../../kittens/avatar.js";
import { MemberPicture } from "../logos/logos.views.js";
import type { LogoRef } from "../logos/logos.repository.js";
import { MEMBERSHIP_ROLES } from "../../../identity/identity.tables.js";
import { enumLabel } from "../labels.js";
import { Written } from "../../../views/written.js";
import type { MemberRow, ServiceDetail } from "../directory.repository.js";
import type { AuditRecord } from "../../../audit/audit.js";

export function DashboardHome({ c, person }: { c: AppContext; person: CurrentPerson }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("directory.dashboard.title")}>
      <h1>{t("directory.dashboard.title")}</h1>
      <h2>{t("directory.dashboard.mine")}</h2>
      {person.memberships.length === 0 ? (
        <p>{t("directory.dashboard.none")}</p>
      ) : (
        <ul class="member-grid">
          {person.memberships.map((m) => (
            <li>
              <article class="member-card">
                <MemberAvatar member={{ slug: m.memberSlug, avatar: null }} size={48} />
                <div>
                  <h3 class="member-card__name">
                    <a href={href(c, `/dashboard/${m.memberSlug}`)}>{m.memberName}</a>
                  </h3>
                  <p class="muted">
                    {enumLabel(t, "directory.membership.", m.membership)} ·{" "}
                    {t("directory.dashboard.role", { role: enumLabel(t, "directory.role.", m.role) })}
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href={href(c, "/members/new")}>
          {t("directory.dashboard.create")}
        </a>
      </p>
    </Layout>
  );
}

export interface MemberDashboardProps {
  c: AppContext;
  member: MemberRow;
  logo: LogoRef | null;
  services: ServiceDetail[];
  people: { id: string; name: string; email: string; role: string }[];
  invitations: { id: string; email: string; role: string; expires_at: string }[];
  canEdit: boolean;
  panels: Child[];
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}

function ServicesSection({ c, member, services, canEdit }: MemberDashboardProps) {
  const t = c.get("t");
  const locale = c.get("locale");
  return (
    <section aria-labelledby="dash-services">
      <h2 id="dash-services">{t("directory.dashboard.services")}</h2>
      <ul>
        {services.map((s) => (
          <li>
            {s.name}{" "}
            <span class="muted">
              (
              <Written
                locale={locale}
                texts={{ fr: s.category_name_fr, en: s.category_name_en, de: s.category_name_de }}
              />
              )
            </span>{" "}
            {s.archived_at ? (
              <Badge tone="neutral">{t("directory.dashboard.services.archived")}</Badge>
            ) : null}{" "}
            {canEdit ? (
              <a href={href(c, `/members/${member.slug}/services/${s.slug}/edit`)}>
                {t("directory.dashboard.edit")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <p>
          <a class="button" href={href(c, `/members/${member.slug}/services/new`)}>
            {t("directory.dashboard.services.add")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function PeopleSection({ c, member, people, invitations, canEdit, values, errors }: MemberDashboardProps) {
  const t = c.get("t");
  return (
    <section aria-labelledby="dash-people">
      <h2 id="dash-people">{t("directory.dashboard.people")}</h2>
      <ul>
        {people.map((p) => (
          <li>
            {p.name} <span class="muted">({enumLabel(t, "directory.role.", p.role)})</span>
          </li>
        ))}
      </ul>
      {canEdit && invitations.length > 0 ? (
        <>
          <h3>{t("directory.dashboard.invite.pending")}</h3>
          <ul>
            {invitations.map((i) => (
              <li>
                {t("directory.dashboard.invite.until", {
                  email: i.email,
                  role: enumLabel(t, "directory.role.", i.role),
                  date: t.date(i.expires_at),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <>
          <h3 id="invite">{t("directory.dashboard.invite")}</h3>
          <p>{t("directory.dashboard.invite.intro")}</p>
          <ErrorSummary c={c} errors={errors} />
          <form method="post" action={href(c, `/dashboard/${member.slug}/invitations`)} novalidate>
            <Csrf c={c} />
            <TextField
              c={c}
              name="email"
              type="email"
              label={t("directory.dashboard.invite.email")}
              required
              values={values}
              errors={errors}
            />
            <SelectField
              c={c}
              name="role"
              label={t("directory.dashboard.invite.role")}
              required
              options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: enumLabel(t, "directory.role.", r) }))}
              values={values ?? { role: "member" }}
              errors={errors}
            />
            <button type="submit" class="button">
              {t("directory.dashboard.invite.submit")}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

export function MemberDashboard(props: MemberDashboardProps) {
  const { c, member, logo, canEdit, panels } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={`${t("directory.dashboard.title")} · ${member.name}`} wide>
      <header class="member-head">
        <MemberPicture c={c} member={{ ...member, logo }} size={72} />
        <div>
          <h1>{member.name}</h1>
          <p>
            <Badge tone={member.membership === "member" ? "ok" : "info"}>
              {enumLabel(t, "directory.membership.", member.membership)}
            </Badge>{" "}
            <a href={href(c, `/members/${member.slug}`)}>{t("directory.dashboard.public")}</a>
            {canEdit ? (
              <>
                {" · "}
                <a href={href(c, `/members/${member.slug}/edit`)}>{t("directory.member.edit")}</a>
                {" · "}
                <a href={`${href(c, "/kittens")}?member=${encodeURIComponent(member.slug)}`}>
                  {t("directory.edit.avatar")}
                </a>
              </>
            ) : null}
            {" · "}
            <a href={href(c, `/dashboard/${member.slug}/history`)}>{t("directory.dashboard.history")}</a>
          </p>
        </div>
      </header>
      <div class="dashboard-grid">
        <ServicesSection {...props} />
        <PeopleSection {...props} />
      </div>
      {panels}
    </Layout>
  );
}

export function HistoryPage({
  c,
  member,
  entries,
  serviceNames,
}: {
  c: AppContext;
  member: MemberRow;
  entries: AuditRecord[];
  serviceNames: Map<string, string>;
}) {
  const t = c.get("t");
  const fieldsOf = (data: Record<string, unknown>): string => {
    const fields = data.fields;
    return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string").join(", ") : "";
  };
  return (
    <Layout c={c} title={t("directory.history.title", { name: member.name })} wide>
      <h1>{t("directory.history.title", { name: member.name })}</h1>
      <p>
        <a href={href(c, `/dashboard/${member.slug}`)}>{t("common.back")}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t("directory.history.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("directory.history.when")}</th>
                <th scope="col">{t("directory.history.who")}</th>
                <th scope="col">{t("directory.history.what")}</th>
                <th scope="col">{t("directory.history.fields")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{t.dateTime(e.at)}</td>
                  <td>{e.actorName ?? t("directory.history.system")}</td>
                  <td>
                    <code>{e.action}</code>
                    {e.subjectType === "service" && e.subjectId
                      ? ` · ${serviceNames.get(e.subjectId) ?? ""}`
                      : ""}
                  </td>
                  <td>{fieldsOf(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
