import type { DB } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import type { Locale } from "../../../i18n/index.js";
import { collectiveDb } from "../collective.tables.js";
import { toLang } from "../written.js";

export interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  callUrl: string | null;
  callServiceId: string | null;
  facilitatorId: string | null;
  noteTakerId: string | null;
  minutes: string;
  minutesPublishedAt: string | null;
  createdAt: string;
  /** The title's language. */
  lang: Locale;
  minutesLang: Locale;
}

export interface AgendaItem {
  id: string;
  personId: string | null;
  title: string;
  details: string;
  createdAt: string;
  lang: Locale;
}

export interface MeetingInput {
  title: string;
  startsAt: string;
  durationMinutes: number;
  callUrl: string | null;
  callServiceId: string | null;
  facilitatorId: string | null;
  noteTakerId: string | null;
  lang: Locale;
}

function meetings(db: DB) {
  return collectiveDb(db)
    .selectFrom("meetings")
    .select([
      "id",
      "title",
      "starts_at",
      "duration_minutes",
      "call_url",
      "call_service_id",
      "facilitator_person_id",
      "note_taker_person_id",
      "minutes",
      "minutes_published_at",
      "created_at",
      "lang",
      "minutes_lang",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof meetings>["executeTakeFirstOrThrow"]>>;

const toMeeting = (r: Row): Meeting => ({
  id: r.id,
  title: r.title,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  callUrl: r.call_url,
  callServiceId: r.call_service_id,
  facilitatorId: r.facilitator_person_id,
  noteTakerId: r.note_taker_person_id,
  minutes: r.minutes,
  minutesPublishedAt: r.minutes_published_at,
  createdAt: r.created_at,
  lang: toLang(r.lang),
  minutesLang: toLang(r.minutes_lang),
});

const columnsOf = (input: MeetingInput) => ({
  title: input.title,
  starts_at: input.startsAt,
  duration_minutes: input.durationMinutes,
  call_url: input.callUrl,
  call_service_id: input.callServiceId,
  facilitator_person_id: input.facilitatorId,
  note_taker_person_id: input.noteTakerId,
  lang: input.lang,
});

export async function insertMeeting(
  db: DB,
  input: MeetingInput,
  by: string | null,
  at: string,
): Promise<string> {
  const id = newId();
  await collectiveDb(db)
    .insertInto("meetings")
    .values({
      id,
      ...columnsOf(input),
      minutes: "",
      minutes_published_at: null,
      minutes_lang: input.lang,
      created_at: at,
      created_by: by,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateMeeting(db: DB, id: string, input: MeetingInput, at: string): Promise<void> {
  await collectiveDb(db)
    .updateTable("meetings")
    .set({ ...columnsOf(input), updated_at: at })
    .where("id", "=", id)
    .execute();
}

export async function findMeeting(db: DB, id: string): Promise<Meeting | undefined> {
  const row = await meetings(db).where("id", "=", id).executeTakeFirst();
  return row ? toMeeting(row) : undefined;
}

/** Meetings starting between two instants (ISO), soonest first. */
export async function meetingsBetween(db: DB, from: string, to: string): Promise<Meeting[]> {
  const rows = await meetings(db)
    .where("starts_at", ">=", from)
    .where("starts_at", "<=", to)
    .orderBy("starts_at")
    .execute();
  return rows.map(toMeeting);
}

/** The meetings to come (soonest first) and the last past ones (latest first). */
export async function listMeetings(db: DB, now: Date, pastLimit = 24) {
  const iso = now.toISOString();
  const upcoming = await meetings(db).where("starts_at", ">=", iso).orderBy("starts_at").execute();
  const past = await meetings(db)
    .where("starts_at", "<", iso)
    .orderBy("starts_at", "desc")
    .limit(pastLimit)
    .execute();
  return { upcoming: upcoming.map(toMeeting), past: past.map(toMeeting) };
}

export async function agendaOf(db: DB, meetingId: string): Promise<AgendaItem[]> {
  const rows = await collectiveDb(db)
    .selectFrom("meeting_agenda_items")
    .select(["id", "person_id", "title", "details", "created_at", "lang"])
    .where("meeting_id", "=", meetingId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    title: r.title,
    details: r.details,
    createdAt: r.created_at,
    lang: toLang(r.lang),
  }));
}

export async function addAgendaItem(
  db: DB,
  meetingId: string,
  item: { personId: string | null; title: string; details: string; lang: Locale },
  at: string,
): Promise<string> {
  const id = newId();
  await collectiveDb(db)
    .insertInto("meeting_agenda_items")
    .values({
      id,
      meeting_id: meetingId,
      person_id: item.personId,
      title: item.title,
      details: item.details,
      created_at: at,
      lang: item.lang,
    })
    .execute();
  return id;
}

export async function linkedDecisions(db: DB, meetingId: string): Promise<string[]> {
  const rows = await collectiveDb(db)
    .selectFrom("meeting_decisions")
    .select("decision_id")
    .where("meeting_id", "=", meetingId)
    .orderBy("decision_id")
    .execute();
  return rows.map((r) => r.decision_id);
}

/** Publishes (or corrects) the minutes and the decisions they refer to. */
export async function publishMinutes(
  db: DB,
  meetingId: string,
  minutes: { text: string; lang: Locale },
  decisionIds: readonly string[],
  at: string,
): Promise<void> {
  const current = await findMeeting(db, meetingId);
  await collectiveDb(db)
    .updateTable("meetings")
    .set({
      minutes: minutes.text,
      minutes_lang: minutes.lang,
      minutes_published_at: current?.minutesPublishedAt ?? at,
      updated_at: at,
    })
    .where("id", "=", meetingId)
    .execute();
  await collectiveDb(db).deleteFrom("meeting_decisions").where("meeting_id", "=", meetingId).execute();
  if (decisionIds.length)
    await collectiveDb(db)
      .insertInto("meeting_decisions")
      .values([...new Set(decisionIds)].map((decision_id) => ({ meeting_id: meetingId, decision_id })))
      .execute();
}

/** A person's part of the meetings, for their data export. */
export async function meetingsExport(db: DB, personId: string) {
  const proposed = await collectiveDb(db)
    .selectFrom("meeting_agenda_items")
    .select(["meeting_id", "title", "details", "lang", "created_at"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
  const roles = await meetings(db)
    .where((eb) =>
      eb.or([eb("facilitator_person_id", "=", personId), eb("note_taker_person_id", "=", personId)]),
    )
    .orderBy("starts_at")
    .execute();
  return {
    agendaItems: proposed,
    roles: roles.map((r) => ({
      meeting: r.id,
      startsAt: r.starts_at,
      facilitator: r.facilitator_person_id === personId,
      noteTaker: r.note_taker_person_id === personId,
    })),
  };
}
