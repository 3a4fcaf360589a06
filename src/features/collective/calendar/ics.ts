import ical from "ical-generator";
import type { CalendarEvent } from "./events.js";

/** The events as an iCalendar file (RFC 5545), with stable UIDs so that clients update rather than duplicate. */
export function toIcs(
  events: CalendarEvent[],
  options: { name: string; baseUrl: string; locale: string; now: Date },
): string {
  const host = new URL(options.baseUrl).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: "chatons", product: "calendar", language: options.locale.toUpperCase() },
    ttl: 3600,
  });
  for (const e of events)
    calendar.createEvent({
      id: `${e.uid}@${host}`,
      start: e.start,
      end: e.end,
      allDay: e.allDay,
      summary: e.summary,
      description: e.description,
      url: `${options.baseUrl}/${options.locale}${e.path}`,
      stamp: options.now,
    });
  return calendar.toString();
}
