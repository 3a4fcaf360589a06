import type { AppContext } from "../../http/context.js";
import { href } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { Layout } from "../../views/Layout.js";
import {
  Badge,
  Csrf,
  ErrorSummary,
  FormFields,
  SelectField,
  TextArea,
  TextField,
} from "../../views/components.js";
import type { Chore, TurnView } from "./chores.repository.js";
import type { ChoreRequest } from "./requests.repository.js";
import { ChoreName, MyRequests } from "./requests.views.js";
import { RECURRENCES } from "./chores.tables.js";
import { writtenText } from "../../i18n/index.js";

function TurnActions({ c, turn, asked }: { c: AppContext; turn: TurnView; asked: string | undefined }) {
  const t = c.get("t");
  const person = c.get("person");
  if (!person || turn.status !== "open") return null;
  const mine = turn.assigneeId === person.id;
  const base = `/chores/turns/${turn.id}`;
  return (
    <div class="turn-actions">
      {turn.assigneeId === null ? (
        <form method="post" action={href(c, `${base}/take`)} class="inline-form">
          <Csrf c={c} />
          <button type="submit" class="button button--small">
            {t("chores.take")}
          </button>
        </form>
      ) : null}
      {mine || person.isPlatformAdmin ? (
        <>
          <form method="post" action={href(c, `${base}/done`)} class="inline-form">
            <Csrf c={c} />
            <label class="visually-hidden" for={`note-${turn.id}`}>
              {t("chores.note")}
            </label>
            <input
              id={`note-${turn.id}`}
              name="note"
              type="text"
              maxlength={500}
              placeholder={t("chores.note")}
            />
            <button type="submit" class="button button--small">
              {t("chores.done")}
            </button>
          </form>
          {turn.assigneeId !== null ? (
            <form method="post" action={href(c, `${base}/release`)} class="inline-form">
              <Csrf c={c} />
              <button type="submit" class="link-button">
                {t("chores.release")}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      {person.isPlatformAdmin && turn.assigneeId === null ? (
        <span>
          {asked ? <span class="muted">{t("chores.ask.pending", { name: asked })} · </span> : null}
          <a href={href(c, `${base}/ask`)}>{t("chores.ask")}</a>
        </span>
      ) : null}
      {person.isPlatformAdmin ? (
        <form method="post" action={href(c, `${base}/skip`)} class="inline-form">
          <Csrf c={c} />
          <button type="submit" class="link-button">
            {t("chores.skip")}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function TurnTable({
  c,
  turns,
  actions,
  asked,
}: {
  c: AppContext;
  turns: TurnView[];
  actions: boolean;
  asked?: Map<string, string>;
}) {
  const t = c.get("t");
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("chores.col.chore")}</th>
            <th scope="col">{t("chores.col.due")}</th>
            <th scope="col">{t("chores.col.who")}</th>
            <th scope="col">{t("chores.col.status")}</th>
            {actions ? (
              <th scope="col">
                <span class="visually-hidden">{t("common.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {turns.map((turn) => (
            <tr>
              <td>
                <ChoreName c={c} chore={turn} />
              </td>
              <td>{t.date(turn.dueDate)}</td>
              <td>{turn.assigneeName ?? <em>{t("chores.nobody")}</em>}</td>
              <td>
                <Badge
                  tone={
                    turn.status === "done"
                      ? "ok"
                      : turn.status === "skipped"
                        ? "neutral"
                        : turn.assigneeId
                          ? "info"
                          : "warn"
                  }
                >
                  {t(`chores.status.${turn.status}`)}
                </Badge>
                {turn.note ? <span> — {turn.note}</span> : null}
              </td>
              {actions ? (
                <td>
                  <TurnActions c={c} turn={turn} asked={asked?.get(turn.id)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChoreList({ c, chores }: { c: AppContext; chores: Chore[] }) {
  const t = c.get("t");
  const person = c.get("person");
  return (
    <ul class="plain-list">
      {chores.map((chore) => {
        const description = writtenText(c.get("locale"), {
          fr: chore.descriptionFr,
          en: chore.descriptionEn,
          de: chore.descriptionDe,
        });
        return (
          <li>
            <strong>
              <ChoreName c={c} chore={chore} />
            </strong>{" "}
            ({t(`chores.recurrence.${chore.recurrence}`)}) —{" "}
            <span lang={description.lang}>{description.text}</span>
            {person?.isPlatformAdmin ? (
              <form method="post" action={href(c, `/chores/${chore.slug}/archive`)} class="inline-form">
                <Csrf c={c} />{" "}
                <button type="submit" class="link-button">
                  {t("chores.admin.archive")}
                </button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export interface ChoresPageProps {
  c: AppContext;
  chores: Chore[];
  upcoming: TurnView[];
  recent: TurnView[];
  /** Coordinators see, on each free turn, who was asked and has not answered: turn id → name. */
  asked: Map<string, string>;
  /** The requests waiting for the signed-in person's answer. */
  requests: ChoreRequest[];
  values?: FormValues;
  errors?: FieldErrors;
}

export function ChoresPage({
  c,
  chores,
  upcoming,
  recent,
  asked,
  requests,
  values,
  errors,
}: ChoresPageProps) {
  const t = c.get("t");
  const person = c.get("person");
  const needed = upcoming.filter((turn) => turn.assigneeId === null);
  const mine = upcoming.filter((turn) => turn.assigneeId === person?.id);
  return (
    <Layout c={c} title={t("chores.title")} wide>
      <h1>{t("chores.title")}</h1>
      <p class="lead">{t("chores.intro")}</p>
      <ChoreList c={c} chores={chores} />
      <MyRequests c={c} requests={requests} />
      <h2>{t("chores.mine")}</h2>
      {mine.length ? <TurnTable c={c} turns={mine} actions /> : <p>{t("chores.mine.none")}</p>}
      <h2>{t("chores.needed")}</h2>
      {needed.length ? (
        <TurnTable c={c} turns={needed} actions asked={asked} />
      ) : (
        <p>{t("chores.needed.none")}</p>
      )}
      <h2>{t("chores.upcoming")}</h2>
      <TurnTable c={c} turns={upcoming} actions asked={asked} />
      <h2>{t("chores.history")}</h2>
      <TurnTable c={c} turns={recent} actions={false} />
      {person?.isPlatformAdmin ? (
        <section class="narrow">
          <h2>{t("chores.admin.title")}</h2>
          <ErrorSummary c={c} errors={errors} />
          <form method="post" action={href(c, "/chores")} novalidate>
            <Csrf c={c} />
            <FormFields c={c} values={values} errors={errors}>
              <TextField name="slug" label={t("chores.admin.slug")} required maxlength={40} />
              <TextField name="title_fr" label={t("chores.admin.title_fr")} required maxlength={120} />
              <TextField name="title_en" label={t("chores.admin.title_en")} required maxlength={120} />
              <TextField name="title_de" label={t("chores.admin.title_de")} maxlength={120} />
              <TextArea name="description_fr" label={t("chores.admin.description_fr")} rows={3} />
              <TextArea name="description_en" label={t("chores.admin.description_en")} rows={3} />
              <TextArea name="description_de" label={t("chores.admin.description_de")} rows={3} />
              <SelectField
                name="recurrence"
                label={t("chores.admin.recurrence")}
                required
                options={RECURRENCES.map((r) => ({ value: r, label: t(`chores.recurrence.${r}`) }))}
              />
            </FormFields>
            <button type="submit" class="button">
              {t("chores.admin.create")}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
