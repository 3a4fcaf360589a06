import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import { Csrf, ErrorSummary, SelectField } from "../../views/components.js";
import type { TurnView } from "./chores.repository.js";
import type { ChoreRequest } from "./requests.repository.js";
import { choreTitle, type ChoreTitles } from "./requests.mail.js";
import { writtenText } from "../../i18n/index.js";

/** A person who may be asked, with how many turns they held lately: fewest first. */
export interface Candidate {
  id: string;
  name: string;
  turns: number;
}

/** A chore's title in the page's language, or marked with the language it is shown in. */
export function ChoreName({ c, chore }: { c: AppContext; chore: ChoreTitles }) {
  const title = writtenText(c.get("locale"), { fr: chore.titleFr, en: chore.titleEn, de: chore.titleDe });
  return <span lang={title.lang}>{title.text}</span>;
}

export function AskPage(props: {
  c: AppContext;
  turn: TurnView;
  candidates: Candidate[];
  pending: { name: string } | null;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c, turn, candidates } = props;
  const t = c.get("t");
  const suggested = candidates[0];
  const chore = choreTitle(c.get("locale"), turn);
  return (
    <Layout c={c} title={t("chores.ask.title")}>
      <div class="narrow">
        <p>
          <a href={href(c, "/chores")}>{t("chores.ask.back")}</a>
        </p>
        <h1>{t("chores.ask.title")}</h1>
        <p class="lead">{t("chores.ask.lead", { chore, date: t.date(turn.dueDate) })}</p>
        {props.pending ? <p class="muted">{t("chores.ask.pending", { name: props.pending.name })}</p> : null}
        {suggested ? <p>{t("chores.ask.suggested", { name: suggested.name })}</p> : null}
        <ErrorSummary c={c} errors={props.errors} />
        <form method="post" action={href(c, `/chores/turns/${turn.id}/ask`)} novalidate>
          <Csrf c={c} />
          <SelectField
            c={c}
            name="person"
            label={t("chores.ask.person")}
            hint={t("chores.ask.person.hint")}
            required
            values={props.values ?? (suggested ? { person: suggested.id } : {})}
            errors={props.errors}
            options={candidates.map((p) => ({
              value: p.id,
              label: t("chores.ask.turns_lately", { name: p.name, count: p.turns }),
            }))}
          />
          <button type="submit" class="button">
            {t("chores.ask.send")}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function RequestPage({
  c,
  request,
  asker,
  asked,
}: {
  c: AppContext;
  request: ChoreRequest;
  asker: string | null;
  /** The person asked, named for the coordinators who look at it. */
  asked: string;
}) {
  const t = c.get("t");
  const vars = { chore: choreTitle(c.get("locale"), request), date: t.date(request.dueDate) };
  const mine = c.get("person")?.id === request.personId;
  const action = (what: string) => href(c, `/chores/requests/${request.id}/${what}`);
  return (
    <Layout c={c} title={t("chores.request.title")}>
      <div class="narrow">
        <p>
          <a href={href(c, "/chores")}>{t("chores.ask.back")}</a>
        </p>
        <h1>{t("chores.request.title")}</h1>
        <p class="lead">
          {asker ? t("chores.request.lead", { ...vars, asker }) : t("chores.request.lead_anonymous", vars)}
        </p>
        {request.status !== "pending" ? (
          <p>{t("chores.request.answered", { status: t(`chores.request.status.${request.status}`) })}</p>
        ) : !request.turnFree ? (
          <p>{t("chores.request.taken")}</p>
        ) : mine ? (
          <div class="turn-actions">
            <form method="post" action={action("accept")} class="inline-form">
              <Csrf c={c} />
              <button type="submit" class="button">
                {t("chores.request.accept")}
              </button>
            </form>{" "}
            <form method="post" action={action("decline")} class="inline-form">
              <Csrf c={c} />
              <button type="submit" class="button button--secondary">
                {t("chores.request.decline")}
              </button>
            </form>
          </div>
        ) : (
          <p>{t("chores.ask.pending", { name: asked })}</p>
        )}
      </div>
    </Layout>
  );
}

/** The requests waiting for the signed-in person's answer, on the chores page. */
export function MyRequests({ c, requests }: { c: AppContext; requests: ChoreRequest[] }) {
  const t = c.get("t");
  if (requests.length === 0) return null;
  return (
    <section class="panel">
      <h2>{t("chores.requests.mine")}</h2>
      <ul class="plain-list">
        {requests.map((r) => (
          <li>
            <ChoreName c={c} chore={r} /> — {t.date(r.dueDate)} ·{" "}
            <a href={href(c, `/chores/requests/${r.id}`)}>{t("chores.requests.answer")}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
