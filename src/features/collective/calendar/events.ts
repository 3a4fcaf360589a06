import type { DB } from "../../../db/adapter.js";
import { writtenText, type Locale, type Translator } from "../../../i18n/index.js";
import { choreTurns, collectiveSchedule, type PublishedTurn } from "../ports.js";
import { meetingsBetween } from "../meetings/meetings.repository.js";

/** One entry of a calendar, whatever it comes from; turned into iCalendar or HTML. */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  summary: string;
  description: string;
  /** Path inside the site, without the locale. */
  path: string;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();

export function turnEvents(
  t: Translator,
  locale: Locale,
  turns: PublishedTurn[],
  withState: boolean,
): CalendarEvent[] {
  return turns
    .filter((turn) => turn.status !== "skipped")
    .map((turn) => {
      const title = writtenText(locale, { fr: turn.titleFr, en: turn.titleEn, de: turn.titleDe }).text;
      return {
        uid: `chore-turn-${turn.id}`,
        start: new Date(`${turn.dueDate}T00:00:00.000Z`),
        end: null,
        allDay: true,
        summary: withState && !turn.assigneeId ? t("calendar.turn.needed", { chore: title }) : title,
        description: t("calendar.turn.description", { chore: title }),
        path: "/chores",
      };
    });
}

/** The collective's public calendar around `now`: meetings, round phases, votes closing, chore turns. */
export async function collectiveEvents(
  db: DB,
  t: Translator,
  locale: Locale,
  now: Date,
): Promise<CalendarEvent[]> {
  const from = new Date(now.getTime() - 90 * DAY);
  const to = new Date(now.getTime() + 365 * DAY);
  const [meetings, schedule, turns] = await Promise.all([
    meetingsBetween(db, iso(from), iso(to)),
    collectiveSchedule(db, { from: iso(from), to: iso(to) }),
    choreTurns(db, { from: iso(from).slice(0, 10), to: iso(to).slice(0, 10) }),
  ]);
  const events: CalendarEvent[] = meetings.map((m) => ({
    uid: `meeting-${m.id}`,
    start: new Date(m.startsAt),
    end: new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000),
    allDay: false,
    summary: m.title,
    description: t("calendar.meeting.description"),
    path: `/meetings/${m.id}`,
  }));
  for (const r of schedule.rounds) {
    const phases = [
      ["open", r.opensAt, r.reviewAt],
      ["review", r.reviewAt, r.voteAt],
      ["vote", r.voteAt, r.closesAt],
    ] as const;
    for (const [phase, start, end] of phases)
      events.push({
        uid: `round-${r.id}-${phase}`,
        start: new Date(start),
        end: new Date(end),
        allDay: false,
        summary: t(`calendar.round.${phase}`, { round: r.label }),
        description: t("calendar.round.description", { round: r.label }),
        path: `/rounds/${r.id}`,
      });
  }
  for (const d of schedule.decisions)
    events.push({
      uid: `decision-${d.id}-closes`,
      start: new Date(d.closesAt),
      end: new Date(Date.parse(d.closesAt) + 30 * 60_000),
      allDay: false,
      summary: t("calendar.vote.closes", { title: d.title }),
      description: t("calendar.vote.description"),
      path: `/decisions/${d.id}`,
    });
  events.push(...turnEvents(t, locale, turns, true));
  return events.sort((a, b) => a.start.getTime() - b.start.getTime());
}
