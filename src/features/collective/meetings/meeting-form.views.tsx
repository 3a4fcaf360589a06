import type { AppContext } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import type { FieldErrors, FormValues } from "../../../http/forms.js";
import { Layout } from "../../../views/Layout.js";
import { Csrf, ErrorSummary, FormFields, SelectField, TextField } from "../../../views/components.js";
import type { CallService } from "../ports.js";
import { LangField } from "../written.js";
import type { Meeting } from "./meetings.repository.js";

export interface MeetingChoices {
  services: CallService[];
  people: { id: string; name: string }[];
  /** Who holds the meeting chore's turn on the meeting's day, if someone does. */
  suggested: string | null;
}

export function MeetingFormPage(props: {
  c: AppContext;
  choices: MeetingChoices;
  meeting?: Meeting;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c, choices, meeting } = props;
  const t = c.get("t");
  const title = meeting ? t("meetings.edit") : t("meetings.new");
  const suggested = choices.people.find((p) => p.id === choices.suggested)?.name;
  const people = choices.people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Layout c={c} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <ErrorSummary c={c} errors={props.errors} />
        <form method="post" action={href(c, meeting ? `/meetings/${meeting.id}` : "/meetings")} novalidate>
          <Csrf c={c} />
          <FormFields c={c} values={props.values} errors={props.errors}>
            <TextField name="title" label={t("meetings.field.title")} required maxlength={120} />
            <LangField c={c} />
            <TextField name="date" type="date" label={t("meetings.field.date")} required />
            <TextField
              name="time"
              label={t("meetings.field.time")}
              hint={t("meetings.field.time.hint")}
              required
              maxlength={5}
            />
            <TextField name="duration" type="number" label={t("meetings.field.duration")} />
            <SelectField
              name="call_service"
              label={t("meetings.field.call_service")}
              hint={t("meetings.field.call_service.hint")}
              placeholder="—"
              options={choices.services.map((s) => ({
                value: s.id,
                label: `${s.name} (${s.memberName}) — ${s.url}`,
              }))}
            />
            <TextField
              name="call_url"
              type="url"
              label={t("meetings.field.call_url")}
              hint={t("meetings.field.call_url.hint")}
              maxlength={500}
            />
            <SelectField
              name="facilitator"
              label={t("meetings.field.facilitator")}
              hint={
                suggested
                  ? t("meetings.field.suggested", { name: suggested })
                  : t("meetings.field.facilitator.hint")
              }
              placeholder="—"
              options={people}
            />
            <SelectField
              name="note_taker"
              label={t("meetings.field.note_taker")}
              placeholder="—"
              options={people}
            />
          </FormFields>
          <button type="submit" class="button">
            {t("form.save")}
          </button>
        </form>
      </div>
    </Layout>
  );
}
