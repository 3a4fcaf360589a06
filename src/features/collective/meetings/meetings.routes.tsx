import type { Hono } from "hono";
import type { AppContext, AppEnv, CurrentPerson } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors, type FormValues } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { requirePerson, requirePlatformAdmin } from "../../../http/policy.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { nowIso } from "../../../db/ids.js";
import { toSafeHtml } from "../markdown.js";
import { isCollectivePerson, requireCollectivePerson } from "../policy.js";
import { defaultLang, langOr } from "../written.js";
import {
  collectivePeople,
  collectiveSchedule,
  meetingChoreHolder,
  peopleByIds,
  videoServices,
  type Person,
} from "../ports.js";
import * as repo from "./meetings.repository.js";
import {
  AgendaSchema,
  MeetingSchema,
  MinutesSchema,
  decisionRefs,
  type MeetingForm,
} from "./meetings.schema.js";
import { MeetingFormPage, type MeetingChoices } from "./meeting-form.views.js";
import { MeetingPage, MeetingsPage } from "./meetings.views.js";

const canWriteMinutes = (person: CurrentPerson, m: repo.Meeting) =>
  person.isPlatformAdmin || m.facilitatorId === person.id || m.noteTakerId === person.id;

async function choices(c: AppContext, day: Date | null): Promise<MeetingChoices> {
  const { db } = c.get("deps");
  const [services, people, suggested] = await Promise.all([
    videoServices(db),
    collectivePeople(db),
    day ? meetingChoreHolder(db, day) : Promise.resolve(undefined),
  ]);
  return { services, people: people.map((p) => ({ id: p.id, name: p.name })), suggested: suggested ?? null };
}

const formValues = (m: repo.Meeting, suggested: string | null): FormValues => ({
  title: m.title,
  date: m.startsAt.slice(0, 10),
  time: m.startsAt.slice(11, 16),
  duration: String(m.durationMinutes),
  call_service: m.callServiceId ?? "",
  call_url: m.callServiceId ? "" : (m.callUrl ?? ""),
  facilitator: m.facilitatorId ?? suggested ?? "",
  note_taker: m.noteTakerId ?? "",
  lang: m.lang,
});

/** Turns the form into a meeting, checking the picks against what was offered; facilitator from the chores if left empty. */
async function toInput(c: AppContext, d: MeetingForm, offered: MeetingChoices, before?: repo.Meeting) {
  const errors: FieldErrors = {};
  const service = d.call_service ? offered.services.find((s) => s.id === d.call_service) : undefined;
  if (d.call_service && !service) errors.call_service = { key: "form.error.choice" };
  const known = new Set(offered.people.map((p) => p.id));
  if (d.facilitator && !known.has(d.facilitator)) errors.facilitator = { key: "form.error.choice" };
  if (d.note_taker && !known.has(d.note_taker)) errors.note_taker = { key: "form.error.choice" };
  const startsAt = `${d.date}T${d.time}:00.000Z`;
  if (Number.isNaN(Date.parse(startsAt))) errors.date = { key: "form.error.date" };
  if (Object.keys(errors).length) return { ok: false as const, errors };
  const suggested = d.facilitator ?? (await meetingChoreHolder(c.get("deps").db, new Date(startsAt)));
  const input: repo.MeetingInput = {
    title: d.title,
    startsAt,
    durationMinutes: d.duration ?? 90,
    callUrl: d.call_url ?? service?.url ?? null,
    callServiceId: d.call_url ? null : (service?.id ?? null),
    facilitatorId: suggested ?? null,
    noteTakerId: d.note_taker ?? null,
    lang: langOr(c, d.lang, before?.lang),
  };
  return { ok: true as const, input };
}

async function loadMeeting(c: AppContext) {
  const meeting = await repo.findMeeting(c.get("deps").db, c.req.param("id") ?? "");
  if (!meeting) throw new HttpError(404, "404");
  return meeting;
}

async function showMeeting(
  c: AppContext,
  meeting: repo.Meeting,
  failed?: { form: "agenda" | "minutes"; values: FormValues; errors: FieldErrors },
) {
  const { db } = c.get("deps");
  const [agenda, decisionIds] = await Promise.all([
    repo.agendaOf(db, meeting.id),
    repo.linkedDecisions(db, meeting.id),
  ]);
  const { decisions } = await collectiveSchedule(db, { decisionIds });
  const insider = isCollectivePerson(c.get("person"));
  const people = insider
    ? await peopleByIds(
        db,
        [meeting.facilitatorId, meeting.noteTakerId, ...agenda.map((a) => a.personId)].filter(
          (id): id is string => !!id,
        ),
      )
    : new Map<string, Person>();
  const person = c.get("person");
  return render(
    c,
    <MeetingPage
      c={c}
      meeting={meeting}
      agenda={agenda}
      decisions={decisions}
      names={new Map([...people].map(([id, p]) => [id, p.name]))}
      insider={insider}
      canMinutes={!!person && canWriteMinutes(person, meeting)}
      minutes={meeting.minutesPublishedAt ? await toSafeHtml(meeting.minutes) : null}
      failed={failed}
    />,
    failed ? 422 : 200,
  );
}

export function meetingPages(router: Hono<AppEnv>): void {
  router.get("/meetings", async (c) => {
    const { db, now } = c.get("deps");
    if (!c.get("person")) c.header(CACHE_HEADER, "60");
    return render(c, <MeetingsPage c={c} {...await repo.listMeetings(db, now())} />);
  });

  router.get("/meetings/new", async (c) => {
    requirePlatformAdmin(c);
    return render(
      c,
      <MeetingFormPage
        c={c}
        choices={await choices(c, null)}
        values={{ time: "18:00", duration: "90", ...defaultLang(c) }}
      />,
    );
  });

  router.post("/meetings", async (c) => {
    const admin = requirePlatformAdmin(c);
    const offered = await choices(c, null);
    const form = await parseForm(c, MeetingSchema);
    const checked = form.ok
      ? await toInput(c, form.data, offered)
      : { ok: false as const, errors: form.errors };
    if (!checked.ok)
      return render(
        c,
        <MeetingFormPage c={c} choices={offered} values={form.values} errors={checked.errors} />,
        422,
      );
    return commitAndRedirect(c, {
      write: (trx) => repo.insertMeeting(trx, checked.input, admin.id, nowIso()),
      audit: (id) => ({
        actor: { personId: admin.id },
        action: "meeting.create",
        subject: { type: "meeting", id },
      }),
      flash: "meetings.created",
      to: (id) => href(c, `/meetings/${id}`),
    });
  });

  router.get("/meetings/:id", async (c) => showMeeting(c, await loadMeeting(c)));

  router.get("/meetings/:id/edit", async (c) => {
    requirePlatformAdmin(c);
    const meeting = await loadMeeting(c);
    const offered = await choices(c, new Date(meeting.startsAt));
    return render(
      c,
      <MeetingFormPage
        c={c}
        choices={offered}
        meeting={meeting}
        values={formValues(meeting, offered.suggested)}
      />,
    );
  });

  router.post("/meetings/:id", async (c) => {
    const admin = requirePlatformAdmin(c);
    const meeting = await loadMeeting(c);
    const offered = await choices(c, new Date(meeting.startsAt));
    const form = await parseForm(c, MeetingSchema);
    const checked = form.ok
      ? await toInput(c, form.data, offered, meeting)
      : { ok: false as const, errors: form.errors };
    if (!checked.ok)
      return render(
        c,
        <MeetingFormPage
          c={c}
          choices={offered}
          meeting={meeting}
          values={form.values}
          errors={checked.errors}
        />,
        422,
      );
    return commitAndRedirect(c, {
      write: (trx) => repo.updateMeeting(trx, meeting.id, checked.input, nowIso()),
      audit: {
        actor: { personId: admin.id },
        action: "meeting.update",
        subject: { type: "meeting", id: meeting.id },
      },
      flash: "meetings.saved",
      to: href(c, `/meetings/${meeting.id}`),
    });
  });

  router.post("/meetings/:id/agenda", async (c) => {
    const person = requireCollectivePerson(c);
    const meeting = await loadMeeting(c);
    if (meeting.startsAt <= c.get("deps").now().toISOString()) throw new HttpError(409, "400");
    const form = await parseForm(c, AgendaSchema);
    if (!form.ok)
      return showMeeting(c, meeting, { form: "agenda", values: form.values, errors: form.errors });
    const { title, details } = form.data;
    const item = { personId: person.id, title, details, lang: langOr(c, form.data.lang) };
    return commitAndRedirect(c, {
      write: (trx) => repo.addAgendaItem(trx, meeting.id, item, nowIso()),
      audit: {
        actor: { personId: person.id },
        action: "meeting.agenda",
        subject: { type: "meeting", id: meeting.id },
      },
      flash: "meetings.agenda.added",
      to: href(c, `/meetings/${meeting.id}#agenda`),
    });
  });

  router.post("/meetings/:id/minutes", async (c) => {
    const person = requirePerson(c);
    const meeting = await loadMeeting(c);
    if (!canWriteMinutes(person, meeting)) throw new HttpError(403, "403");
    if (meeting.startsAt > c.get("deps").now().toISOString()) throw new HttpError(409, "400");
    const form = await parseForm(c, MinutesSchema);
    if (!form.ok)
      return showMeeting(c, meeting, { form: "minutes", values: form.values, errors: form.errors });
    const refs = decisionRefs(form.data.decisions);
    const { decisions } = await collectiveSchedule(c.get("deps").db, { decisionIds: refs.ids });
    if (refs.invalid.length || decisions.length !== refs.ids.length) {
      const errors: FieldErrors = { decisions: { key: "meetings.error.decisions" } };
      return showMeeting(c, meeting, { form: "minutes", values: form.values, errors });
    }
    return commitAndRedirect(c, {
      write: (trx) =>
        repo.publishMinutes(
          trx,
          meeting.id,
          {
            text: form.data.minutes,
            lang: langOr(c, form.data.lang, meeting.minutesPublishedAt ? meeting.minutesLang : undefined),
          },
          refs.ids,
          nowIso(),
        ),
      audit: {
        actor: { personId: person.id },
        action: "meeting.minutes",
        subject: { type: "meeting", id: meeting.id },
        data: { decisions: refs.ids },
      },
      flash: "meetings.minutes.published",
      to: href(c, `/meetings/${meeting.id}#minutes`),
    });
  });
}
