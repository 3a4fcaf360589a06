import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import type { AuditRecord } from "../../audit/audit.js";
import { Layout } from "../../views/Layout.js";
import { Badge, Checkbox, Csrf, ErrorSummary, SelectField, TextField } from "../../views/components.js";
import type { AdminPerson } from "./admin.data.js";
import type { OutboxMail } from "../../mail/mailer.js";
import type { JobState } from "../../jobs/leases.js";
import { hasMessage, type Translator } from "../../i18n/index.js";

const jobStatus = (t: Translator, status: string): string => {
  const key = `admin.jobs.status.${status}`;
  return hasMessage(t.locale, key) ? t(key) : status;
};

type People = AdminPerson[];
type Outbox = OutboxMail[];
type JobStates = JobState[];

export function AdminNav({ c }: { c: AppContext }) {
  const t = c.get("t");
  return (
    <nav class="subnav" aria-label={t("admin.title")}>
      <a href={href(c, "/admin/people")}>{t("admin.people")}</a>
      <a href={href(c, "/admin/outbox")}>{t("admin.outbox")}</a>
      <a href={href(c, "/admin/audit")}>{t("admin.audit")}</a>
      <a href={href(c, "/admin/jobs")}>{t("admin.jobs")}</a>
      <a href={href(c, "/admin/categories")}>{t("directory.categories.title")}</a>
      <a href={href(c, "/admin/alternatives")}>{t("directory.alternatives.admin.title")}</a>
      <a href={href(c, "/admin/entraide")}>{t("entraide.admin.title")}</a>
      <a href={href(c, "/charter/admin")}>{t("applications.charter.admin.title")}</a>
      <a href={href(c, "/rounds")}>{t("applications.rounds.title")}</a>
      <a href={href(c, "/stats/crawls")}>{t("stats.crawls.title")}</a>
      <a href={href(c, "/chores")}>{t("chores.title")}</a>
    </nav>
  );
}

export function PeoplePage({
  c,
  people,
  members,
  values,
  errors,
}: {
  c: AppContext;
  people: People;
  members: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("admin.people")} wide>
      <h1>{t("admin.people")}</h1>
      <AdminNav c={c} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.people.col.name")}</th>
              <th scope="col">{t("admin.people.col.email")}</th>
              <th scope="col">{t("admin.people.col.structures")}</th>
              <th scope="col">{t("admin.people.col.last_login")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td>
                  {p.name} {p.isPlatformAdmin ? <Badge tone="info">{t("layout.admin")}</Badge> : null}
                </td>
                <td>{p.email}</td>
                <td>{p.memberships.map((m) => `${m.name} (${m.role})`).join(", ")}</td>
                <td>{p.lastLoginAt ? t.dateTime(p.lastLoginAt) : t("admin.people.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="narrow">
        <h2>{t("admin.people.create")}</h2>
        <p>{t("admin.people.create.hint")}</p>
        <ErrorSummary c={c} errors={errors} />
        <form method="post" action={href(c, "/admin/people")} novalidate>
          <Csrf c={c} />
          <TextField c={c} name="name" label={t("signup.name")} required values={values} errors={errors} />
          <TextField
            c={c}
            name="email"
            type="email"
            label={t("signup.email")}
            required
            values={values}
            errors={errors}
          />
          <SelectField
            c={c}
            name="member_id"
            label={t("admin.people.member")}
            placeholder="—"
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            values={values}
            errors={errors}
          />
          <SelectField
            c={c}
            name="role"
            label={t("admin.people.role")}
            options={[
              { value: "member", label: t("account.role.member") },
              { value: "admin", label: t("account.role.admin") },
            ]}
            values={values}
            errors={errors}
          />
          <Checkbox
            name="is_platform_admin"
            label={t("admin.people.is_admin")}
            checked={values?.is_platform_admin === "1"}
          />
          <button type="submit" class="button">
            {t("admin.people.create")}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function OutboxPage({ c, mails }: { c: AppContext; mails: Outbox }) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("admin.outbox")} wide>
      <h1>{t("admin.outbox")}</h1>
      <AdminNav c={c} />
      <p>{t("admin.outbox.intro")}</p>
      {mails.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      {mails.map((m) => (
        <details class="mail">
          <summary>
            {t.dateTime(m.createdAt)} — {m.to} — <strong>{m.subject}</strong>{" "}
            <Badge tone={m.status === "failed" ? "bad" : m.status === "sent" ? "ok" : "neutral"}>
              {t(`admin.outbox.status.${m.status}`)}
            </Badge>
          </summary>
          <pre class="mail__body">{m.text}</pre>
          {m.lastError ? <p class="field__error">{m.lastError}</p> : null}
        </details>
      ))}
    </Layout>
  );
}

export function AuditPage({
  c,
  entries,
  filter,
  next,
}: {
  c: AppContext;
  entries: AuditRecord[];
  filter: string;
  next?: string;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("admin.audit")} wide>
      <h1>{t("admin.audit")}</h1>
      <AdminNav c={c} />
      <p>{t("admin.audit.intro")}</p>
      <form method="get" action={href(c, "/admin/audit")} class="inline-filters">
        <TextField c={c} name="action" label={t("admin.audit.filter")} values={{ action: filter }} />
        <button type="submit" class="button">
          {t("form.search")}
        </button>
      </form>
      <AuditTable c={c} entries={entries} />
      {next ? (
        <p>
          <a
            href={`${href(c, "/admin/audit")}?action=${encodeURIComponent(filter)}&before=${encodeURIComponent(next)}`}
          >
            {t("pagination.next")}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The audit trail as a table; features reuse it for an application's or a member's history. */
export function AuditTable({ c, entries }: { c: AppContext; entries: AuditRecord[] }) {
  const t = c.get("t");
  return (
    <div class="table-wrap">
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.col.date")}</th>
            <th scope="col">{t("admin.audit.col.actor")}</th>
            <th scope="col">{t("admin.audit.col.action")}</th>
            <th scope="col">{t("admin.audit.col.subject")}</th>
            <th scope="col">{t("admin.audit.col.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{t.dateTime(e.at)}</td>
              <td>{e.actorName ?? t("admin.audit.system")}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.subjectType} {e.subjectId ? <code>{e.subjectId.slice(0, 8)}</code> : null}
              </td>
              <td>
                <code class="audit__data">{JSON.stringify(e.data)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function JobsPage({
  c,
  jobs,
  states,
}: {
  c: AppContext;
  jobs: { name: string; intervalMs: number }[];
  states: JobStates;
}) {
  const t = c.get("t");
  return (
    <Layout c={c} title={t("admin.jobs")} wide>
      <h1>{t("admin.jobs")}</h1>
      <AdminNav c={c} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.jobs.col.name")}</th>
              <th scope="col">{t("admin.jobs.col.last")}</th>
              <th scope="col">{t("admin.jobs.col.status")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const state = states.find((s) => s.name === job.name);
              return (
                <tr>
                  <td>
                    <code>{job.name}</code>
                  </td>
                  <td>{state?.lastFinishedAt ? t.dateTime(state.lastFinishedAt) : "—"}</td>
                  <td>
                    {state?.lastStatus ? (
                      <Badge tone={state.lastStatus === "ok" ? "ok" : "bad"}>
                        {jobStatus(t, state.lastStatus)}
                      </Badge>
                    ) : null}{" "}
                    {/* Jobs sum themselves up in English, for the logs: marked as such. */}
                    {state?.lastSummary ? <span lang="en">{state.lastSummary}</span> : null}
                  </td>
                  <td>
                    <form method="post" action={href(c, `/admin/jobs/${job.name}/run`)}>
                      <Csrf c={c} />
                      <button type="submit" class="button button--small">
                        {t("admin.jobs.run")}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
