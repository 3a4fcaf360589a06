import type { Deps } from "../../deps.js";
import type { JobDefinition } from "../../jobs/scheduler.js";
import { peopleByIds, peopleOfMembers } from "../../identity/identity.repository.js";
import { collectiveMemberIds } from "../directory/published.js";
import * as repo from "./requests.repository.js";
import { choreTitle, mailTo } from "./requests.mail.js";

/** An unanswered request is recalled to its person once, this many days after it was made. */
export const ASK_REMINDER_DAYS = 3;
/** Turns with nobody are announced when they start within this many days. */
export const NOBODY_NOTICE_DAYS = 7;

/** Reminds each person asked who has not answered, once. */
async function remindAsked(deps: Deps, now: Date): Promise<number> {
  const due = await repo.requestsToRemind(deps.db, now, ASK_REMINDER_DAYS);
  const people = await peopleByIds(
    deps.db,
    due.map((r) => r.personId),
  );
  let sent = 0;
  for (const request of due) {
    const person = people.get(request.personId);
    // Claimed first: a second run, or a second instance, finds nothing left to send.
    if (!person || person.disabled || !(await repo.claimReminder(deps.db, request.id, now))) continue;
    await mailTo(deps, person, "chore-request-reminder", (t, link, locale) => {
      const vars = { name: person.name, chore: choreTitle(locale, request), date: t.date(request.dueDate) };
      return {
        subject: t("chores.mail.ask_reminder.subject", vars),
        text: t("chores.mail.ask_reminder.body", { ...vars, link: link(`/chores/requests/${request.id}`) }),
      };
    });
    sent++;
  }
  return sent;
}

/**
 * Tells the people of the member structures which turns of the coming week have nobody: each turn
 * is claimed (announced once, ever) before one mail per person lists the turns claimed this run.
 */
async function announceNobody(deps: Deps, now: Date): Promise<number> {
  const claimed: Awaited<ReturnType<typeof repo.turnsWithNobody>> = [];
  for (const turn of await repo.turnsWithNobody(deps.db, now, NOBODY_NOTICE_DAYS))
    if (await repo.claimAnnouncement(deps.db, turn.id, now)) claimed.push(turn);
  if (claimed.length === 0) return 0;
  const people = await peopleOfMembers(deps.db, await collectiveMemberIds(deps.db));
  const seen = new Set<string>();
  for (const person of people) {
    if (person.disabled || seen.has(person.email)) continue;
    seen.add(person.email);
    await mailTo(deps, person, "chore-nobody", (t, link, locale) => ({
      subject: t("chores.mail.nobody.subject", { count: claimed.length }),
      text: t("chores.mail.nobody.body", {
        name: person.name,
        list: claimed
          .map(
            (turn) =>
              `- ${choreTitle(locale, { titleFr: turn.title_fr, titleEn: turn.title_en, titleDe: turn.title_de })}, ${t.date(turn.due_date)}`,
          )
          .join("\n"),
        link: link("/chores"),
      }),
    }));
  }
  return claimed.length;
}

/** Delegating chores: reminders to the people asked, and the week's turns with nobody announced. */
export function requestJobs(deps: Deps): JobDefinition[] {
  return [
    {
      name: "chores.delegation",
      intervalMs: 6 * 3_600_000,
      jitterMs: 10 * 60_000,
      runAtStart: false,
      async run() {
        const now = deps.now();
        const reminded = await remindAsked(deps, now);
        const announced = await announceNobody(deps, now);
        return `${reminded} request reminders sent, ${announced} turns with nobody announced`;
      },
    },
  ];
}
