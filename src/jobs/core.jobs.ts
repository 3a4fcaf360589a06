import type { Deps } from "../deps.js";
import type { JobDefinition } from "./scheduler.js";
import { purgeExpired } from "../http/rate-limit.js";
import { purgeExpiredLinks } from "../identity/links.repository.js";

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
        const sessions = await deps.db
          .deleteFrom("sessions")
          .where("expires_at", "<", now.toISOString())
          .executeTakeFirst();
        const tokens = await deps.db
          .deleteFrom("password_resets")
          .where("expires_at", "<", new Date(now.getTime() - 86_400_000).toISOString())
          .executeTakeFirst();
        const links = await purgeExpiredLinks(deps.db, now);
        await purgeExpired(deps.db, new Date(now.getTime() - 86_400_000));
        return `${Number(sessions.numDeletedRows)} sessions, ${Number(tokens.numDeletedRows) + links} tokens purged`;
      },
    },
  ];
}
