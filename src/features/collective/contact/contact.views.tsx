import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Badge, Csrf, ErrorSummary, FormFields, TextArea, TextField } from "../../../views/components.js";
import type { ContactStatus } from "../collective.tables.js";
import { waited } from "../time.js";
import type { ContactMessage, DeskFigures, ThreadEntry } from "./contact.repository.js";

/** The field people never see: a robot filling every field gives itself away. */
export const HONEYPOT = "website";

const TONE: Record<ContactStatus, "warn" | "info" | "ok" | "neutral"> = {
  open: "warn",
  handed: "info",
  answered: "ok",
  closed: "neutral",
};

export function ContactPage(props: {
  c: AppContext;
  sent?: boolean;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { c } = props;
  const t = c.get("t");
  return (
    <Layout c={c} title={t("contact.title")}>
      <div class="narrow">
        <h1>{t("contact.title")}</h1>
        {props.sent ? (
          <p class="flash flash--success" role="status">
            {t("contact.sent")}
          </p>
        ) : null}
        <p class="lead">{t("contact.intro")}</p>
        <p>
          {t("contact.elsewhere")} <a href={href(c, "/guide")}>{t("contact.elsewhere.guide")}</a> ·{" "}
          <a href={href(c, "/starter-guide")}>{t("contact.elsewhere.join")}</a> ·{" "}
          <a href={href(c, "/code-of-conduct")}>{t("contact.elsewhere.mediation")}</a>
        </p>
        <ErrorSummary c={c} errors={props.errors} />
        <form method="post" action={href(c, "/contact")} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={props.values} errors={props.errors}>
            <TextField name="name" label={t("contact.name")} autocomplete="name" maxlength={120} />
            <TextField
              name="email"
              type="email"
              label={t("contact.email")}
              hint={t("contact.email.hint")}
              required
              autocomplete="email"
              maxlength={254}
            />
            <TextField name="subject" label={t("contact.subject")} required maxlength={200} />
            <TextArea name="message" label={t("contact.message")} required rows={8} maxlength={5000} />
          </FormFields>
          {/* Hidden from sight and from assistive technology; only robots fill it in. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for={`field-${HONEYPOT}`}>{t("contact.honeypot")}</label>
            <input
              id={`field-${HONEYPOT}`}
              name={HONEYPOT}
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </div>
          <p class="field__hint">{t("contact.privacy")}</p>
          <button type="submit" class="button">
            {t("contact.send")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function Figures({ c, figures }: { c: AppContext; figures: DeskFigures }) {
  const t = c.get("t");
  const now = c.get("deps").now();
  return (
    <dl class="figures__list">
      <div>
        <dt>{t("contact.figures.open")}</dt>
        <dd>{t.number(figures.open)}</dd>
      </div>
      <div>
        <dt>{t("contact.figures.handed")}</dt>
        <dd>{t.number(figures.handed)}</dd>
      </div>
      <div>
        <dt>{t("contact.figures.answered")}</dt>
        <dd>{t.number(figures.answered)}</dd>
      </div>
      <div>
        <dt>{t("contact.figures.oldest")}</dt>
        <dd>{figures.oldestWaitingSince ? waited(t, figures.oldestWaitingSince, now) : "—"}</dd>
      </div>
      <div>
        <dt>{t("contact.figures.median")}</dt>
        <dd>
          {figures.medianHoursToAnswer === null
            ? "—"
            : t.plural("collective.hours", Math.round(figures.medianHoursToAnswer))}
        </dd>
      </div>
    </dl>
  );
}

export function DeskPage(props: {
  c: AppContext;
  messages: ContactMessage[];
  figures: DeskFigures;
  holder: string | null;
}) {
  const { c, messages } = props;
  const t = c.get("t");
  const now = c.get("deps").now();
  return (
    <Layout c={c} title={t("contact.desk.title")} wide>
      <h1>{t("contact.desk.title")}</h1>
      <p class="lead">
        {props.holder ? t("contact.desk.holder", { name: props.holder }) : t("contact.desk.nobody")}{" "}
        <a href={href(c, "/chores")}>{t("contact.desk.chores")}</a>
      </p>
      <section class="figures">
        <h2>{t("contact.figures.title")}</h2>
        <Figures c={c} figures={props.figures} />
      </section>
      <h2>{t("contact.desk.queue")}</h2>
      {messages.length === 0 ? (
        <p>{t("contact.desk.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("contact.col.received")}</th>
                <th scope="col">{t("contact.col.from")}</th>
                <th scope="col">{t("contact.col.subject")}</th>
                <th scope="col">{t("contact.col.status")}</th>
                <th scope="col">{t("contact.col.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>{t.dateTime(m.receivedAt)}</td>
                  <td>{m.senderName || t("contact.anonymous")}</td>
                  <td>
                    <a href={href(c, `/contact/desk/${m.id}`)} lang={m.locale}>
                      {m.subject}
                    </a>
                  </td>
                  <td>
                    <Badge tone={TONE[m.status]}>{t(`contact.status.${m.status}`)}</Badge>
                  </td>
                  <td>
                    {m.status === "open" || m.status === "handed"
                      ? waited(t, m.receivedAt, now)
                      : m.firstAnswerAt
                        ? t("contact.answered_after", {
                            time: waited(t, m.receivedAt, new Date(m.firstAnswerAt)),
                          })
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function MessagePage(props: {
  c: AppContext;
  message: ContactMessage;
  thread: ThreadEntry[];
  names: Map<string, string>;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c, message: m } = props;
  const t = c.get("t");
  const action = (what: string) => href(c, `/contact/desk/${m.id}/${what}`);
  return (
    <Layout c={c} title={m.subject}>
      <p>
        <a href={href(c, "/contact/desk")}>{t("contact.desk.back")}</a>
      </p>
      {/* The visitor's words, in the language they wrote from. */}
      <h1 lang={m.locale}>{m.subject}</h1>
      <p>
        <Badge tone={TONE[m.status]}>{t(`contact.status.${m.status}`)}</Badge>{" "}
        {t("contact.from", { name: m.senderName || t("contact.anonymous"), email: m.senderEmail })} ·{" "}
        {t.dateTime(m.receivedAt)}
      </p>
      <blockquote class="mail" lang={m.locale}>
        {m.body}
      </blockquote>
      <h2>{t("contact.thread")}</h2>
      {props.thread.length === 0 ? <p>{t("contact.thread.none")}</p> : null}
      <ol class="thread">
        {props.thread.map((s) => (
          <li>
            <p>
              <strong>{t(`contact.step.${s.kind}`)}</strong> —{" "}
              {s.personId ? (props.names.get(s.personId) ?? "—") : "—"}, {t.dateTime(s.at)}
            </p>
            {s.body ? <p class="mail">{s.body}</p> : null}
          </li>
        ))}
      </ol>
      <ErrorSummary c={c} errors={props.errors} />
      <form method="post" action={action("reply")} novalidate>
        <Csrf c={c} />
        <TextArea
          c={c}
          name="body"
          label={t("contact.reply")}
          hint={t("contact.reply.hint", { email: m.senderEmail })}
          required
          rows={8}
          maxlength={5000}
          values={props.values}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t("contact.reply.send")}
        </button>
      </form>
      <div class="columns">
        <form method="post" action={action("handover")} class="card">
          <Csrf c={c} />
          <TextArea
            c={c}
            name="note"
            label={t("contact.handover")}
            hint={t("contact.handover.hint")}
            rows={3}
          />
          <button type="submit" class="button button--secondary">
            {t("contact.handover.send")}
          </button>
        </form>
        <form method="post" action={action("close")} class="card">
          <Csrf c={c} />
          <p>{t("contact.close.hint")}</p>
          <button type="submit" class="button button--secondary">
            {t("contact.close")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
