import type { Translator } from "../../i18n/index.js";

const HOUR = 3_600_000;

/** "3 hours", "2 days": how long something has waited, for the desk and the queues. */
export function waited(t: Translator, sinceIso: string, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / HOUR));
  return hours < 48
    ? t.plural("collective.hours", hours)
    : t.plural("collective.days", Math.floor(hours / 24));
}
