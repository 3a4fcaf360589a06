import type { Deps } from "../deps.js";
import type { JobDefinition } from "./scheduler.js";
import { purgeExpired } from "../http/rate-limit.js";
import { purgeExpiredLinks } from "../identity/links.repository.js";
import { purgeExpiredSessions } from "../identity/sessions.repository.js";

/** Housekeeping every platform needs: mail retries, expired sessions and tokens, old limit windows. */
export function coreJobs(deps: Deps): JobDefinition[] {
  return [
    {
      name: "mail.retry",
      intervalMs: 5 * 60_000,
      jitterMs: 30_000,
      async run() {
        const sent = await deps.mailer.retryFailed();
        return `${sent} sent`;
      },
    },
    {
      name: "housekeeping",
      intervalMs: 60 * 60_000,
      jitterMs: 5 * 60_000,
      runAtStart: true,
      async run() {
        const now = deps.now();
        const { sessions, resets } = await purgeExpiredSessions(deps.db, now);
        const links = await purgeExpiredLinks(deps.db, now);
        await purgeExpired(deps.db, new Date(now.getTime() - 86_400_000));
        return `${sessions} sessions, ${resets + links} tokens purged`;
      },
    },
  ];
}
