import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf, ErrorSummary, TextArea, TextField } from "../../../views/components.js";
import type { PublishedDecision } from "../../applications/published.js";
import { Markdown, type SafeHtml } from "../markdown.js";
import { outcomeLabel } from "../labels.js";
import { isCollectivePerson } from "../policy.js";
import { LangField } from "../written.js";
import type { AgendaItem, Meeting } from "./meetings.repository.js";

function MeetingList({ c, meetings }: { c: AppContext; meetings: Meeting[] }) {
  const t = c.get("t");
  return (
    <ul class="plain-list">
      {meetings.map((m) => (
        <li>
          <a href={href(c, `/meetings/${m.id}`)} lang={m.lang}>
            {m.title}
          </a>{" "}
          — {t.dateTime(m.startsAt)}
          {m.minutesPublishedAt ? ` · ${t("meetings.has_minutes")}` : ""}
        </li>
      ))}
    </ul>
  );
}

export function MeetingsPage({ c, upcoming, past }: { c: AppContext; upcoming: Meeting[]; past: Meeting[] }) {
  const t = c.get("t");
  const person = c.get("person");
  return (
    <Layout c={c} title={t("meetings.title")}>
      <h1>{t("meetings.title")}</h1>
      <p class="lead">{t("meetings.intro")}</p>
      <p>
        <a href={href(c, "/calendar")}>{t("meetings.calendar")}</a>
        {person?.isPlatformAdmin ? (
          <>
            {" · "}
            <a class="button button--small" href={href(c, "/meetings/new")}>
              {t("meetings.new")}
            </a>
          </>
        ) : null}
      </p>
      <h2>{t("meetings.upcoming")}</h2>
      {upcoming.length ? <MeetingList c={c} meetings={upcoming} /> : <p>{t("meetings.none")}</p>}
      <h2>{t("meetings.past")}</h2>
      {past.length ? <MeetingList c={c} meetings={past} /> : <p>{t("meetings.none")}</p>}
    </Layout>
  );
}

interface MeetingPageProps {
  c: AppContext;
  meeting: Meeting;
  agenda: AgendaItem[];
  decisions: PublishedDecision[];
  names: Map<string, string>;
  /** People of the collective see the call link and who proposed what. */
  insider: boolean;
  canMinutes: boolean;
  minutes: SafeHtml | null;
  failed?: { form: "agenda" | "minutes"; values: FormValues; errors: FieldErrors } | undefined;
}

function AgendaForm({ c, meeting, failed }: Pick<MeetingPageProps, "c" | "meeting" | "failed">) {
  const t = c.get("t");
  const mine = failed?.form === "agenda" ? failed : undefined;
  return (
    <form method="post" action={href(c, `/meetings/${meeting.id}/agenda`)} class="narrow" novalidate>
      <h3>{t("meetings.agenda.propose")}</h3>
      <Csrf c={c} />
      <TextField
        c={c}
        name="title"
        label={t("meetings.agenda.item")}
        required
        maxlength={200}
        values={mine?.values}
        errors={mine?.errors}
      />
      <TextArea
        c={c}
        name="details"
        label={t("meetings.agenda.details")}
        rows={3}
        maxlength={2000}
        values={mine?.values}
        errors={mine?.errors}
      />
      <LangField c={c} values={mine?.values ?? { lang: c.get("locale") }} errors={mine?.errors} />
      <button type="submit" class="button">
        {t("meetings.agenda.add")}
      </button>
    </form>
  );
}

function MinutesForm({
  c,
  meeting,
  decisions,
  failed,
}: Pick<MeetingPageProps, "c" | "meeting" | "decisions" | "failed">) {
  const t = c.get("t");
  const mine = failed?.form === "minutes" ? failed : undefined;
  const values = mine?.values ?? {
    minutes: meeting.minutes,
    decisions: decisions.map((d) => d.id).join("\n"),
    lang: meeting.minutesPublishedAt ? meeting.minutesLang : c.get("locale"),
  };
  return (
    <form method="post" action={href(c, `/meetings/${meeting.id}/minutes`)} novalidate>
      <h3>{meeting.minutesPublishedAt ? t("meetings.minutes.correct") : t("meetings.minutes.write")}</h3>
      <Csrf c={c} />
      <TextArea
        c={c}
        name="minutes"
        label={t("meetings.minutes.text")}
        hint={t("meetings.minutes.hint")}
        required
        rows={14}
        values={values}
        errors={mine?.errors}
      />
      <TextArea
        c={c}
        name="decisions"
        label={t("meetings.minutes.decisions")}
        hint={t("meetings.minutes.decisions.hint")}
        rows={3}
        values={values}
        errors={mine?.errors}
      />
      <LangField c={c} values={values} errors={mine?.errors} />
      <button type="submit" class="button">
        {t("meetings.minutes.publish")}
      </button>
    </form>
  );
}

export function MeetingPage(props: MeetingPageProps) {
  const { c, meeting: m, agenda, names, insider } = props;
  const t = c.get("t");
  const now = c.get("deps").now().toISOString();
  const name = (id: string | null) => (id ? (names.get(id) ?? "—") : t("meetings.nobody"));
  const errors = props.failed?.errors;
  return (
    <Layout c={c} title={m.title}>
      <p>
        <a href={href(c, "/meetings")}>{t("meetings.back")}</a>
      </p>
      <h1 lang={m.lang}>{m.title}</h1>
      <ErrorSummary c={c} errors={errors} />
      <dl>
        <dt>{t("meetings.when")}</dt>
        <dd>{t("meetings.when.value", { start: t.dateTime(m.startsAt), minutes: m.durationMinutes })}</dd>
        {insider ? (
          <>
            <dt>{t("meetings.call")}</dt>
            <dd>
              {m.callUrl ? (
                <a href={m.callUrl} rel="noopener noreferrer">
                  {m.callUrl}
                </a>
              ) : (
                t("meetings.call.none")
              )}
            </dd>
            <dt>{t("meetings.facilitator")}</dt>
            <dd>{name(m.facilitatorId)}</dd>
            <dt>{t("meetings.note_taker")}</dt>
            <dd>{name(m.noteTakerId)}</dd>
          </>
        ) : (
          <>
            <dt>{t("meetings.call")}</dt>
            <dd>{t("meetings.call.members")}</dd>
          </>
        )}
      </dl>
      {c.get("person")?.isPlatformAdmin ? (
        <p>
          <a href={href(c, `/meetings/${m.id}/edit`)}>{t("meetings.edit")}</a>
        </p>
      ) : null}
      <h2 id="agenda">{t("meetings.agenda")}</h2>
      {agenda.length ? (
        <ol>
          {agenda.map((a) => (
            <li>
              <strong lang={a.lang}>{a.title}</strong>
              {insider ? ` (${name(a.personId)})` : ""}
              {a.details ? <p lang={a.lang}>{a.details}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("meetings.agenda.none")}</p>
      )}
      {m.startsAt > now && isCollectivePerson(c.get("person")) ? (
        <AgendaForm c={c} meeting={m} failed={props.failed} />
      ) : null}
      {m.startsAt > now ? <p class="muted">{t("meetings.agenda.until")}</p> : null}
      <h2 id="minutes">{t("meetings.minutes")}</h2>
      {props.minutes ? (
        <>
          <p class="muted">
            {t("meetings.minutes.published_on", { date: t.dateTime(m.minutesPublishedAt ?? m.startsAt) })}
          </p>
          <Markdown html={props.minutes} lang={m.minutesLang} />
        </>
      ) : (
        <p>{t("meetings.minutes.none")}</p>
      )}
      <h2>{t("meetings.decisions")}</h2>
      {props.decisions.length ? (
        <ul>
          {props.decisions.map((d) => (
            <li>
              <a href={href(c, `/decisions/${d.id}`)}>{d.title}</a>
              {d.outcome ? ` — ${outcomeLabel(t, c.get("locale"), d.outcome)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("meetings.decisions.none")}</p>
      )}
      {props.canMinutes && m.startsAt <= now ? (
        <MinutesForm c={c} meeting={m} decisions={props.decisions} failed={props.failed} />
      ) : null}
    </Layout>
  );
}
