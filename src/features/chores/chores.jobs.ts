import type { Deps } from "../../deps.js";
import type { JobDefinition } from "../../jobs/scheduler.js";
import { translator, isLocale } from "../../i18n/index.js";
import * as repo from "./chores.repository.js";
import { requestJobs } from "./requests.jobs.js";
import { choreTitle } from "./requests.mail.js";

const REMIND_DAYS_BEFORE = 3;

/** Keeps the next turns of every chore open, and reminds volunteers a few days before their turn. */
export function choreJobs(deps: Deps): JobDefinition[] {
  return [
    {
      name: "chores.plan",
      intervalMs: 6 * 3_600_000,
      jitterMs: 10 * 60_000,
      runAtStart: true,
      async run() {
        const now = deps.now();
        const created = await repo.planTurns(deps.db, now);
        let reminded = 0;
        for (const turn of await repo.turnsToRemind(deps.db, now, REMIND_DAYS_BEFORE)) {
          const locale = isLocale(turn.locale) ? turn.locale : deps.config.defaultLocale;
          const t = translator(locale);
          const chore = choreTitle(locale, turn);
          const date = t.date(turn.dueDate);
          await deps.mailer.send({
            to: turn.email,
            subject: t("chores.reminder.subject", { chore, date }),
            text: t("chores.reminder.body", {
              name: turn.name,
              chore,
              date,
              link: `${deps.config.baseUrl}/${locale}/chores`,
            }),
            kind: "chore-reminder",
          });
          await repo.markReminded(deps.db, turn.turnId, now);
          reminded++;
        }
        return `${created} turns opened, ${reminded} reminders sent`;
      },
    },
    ...requestJobs(deps),
  ];
}
