import type { DB } from "../db/adapter.js";
import { nowIso } from "../db/ids.js";
import { identityDb } from "./identity.tables.js";

/**
 * Sessions as rows: the HTTP side (cookies, flash handling) is src/http/session.ts. The id is the
 * SHA-256 of the cookie token, so a stolen database yields no usable cookie.
 */

export interface SessionRow {
  id: string;
  personId: string;
  csrfToken: string;
  lastSeenAt: string;
  flash: string | null;
}

/** A session that has not expired at `now`. */
export async function liveSession(db: DB, id: string, now: Date): Promise<SessionRow | undefined> {
  const row = await identityDb(db)
    .selectFrom("sessions")
    .select(["id", "person_id", "csrf_token", "last_seen_at", "flash"])
    .where("id", "=", id)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        personId: row.person_id,
        csrfToken: row.csrf_token,
        lastSeenAt: row.last_seen_at,
        flash: row.flash,
      }
    : undefined;
}

export async function extendSession(db: DB, id: string, seenAt: Date, expires: Date): Promise<void> {
  await identityDb(db)
    .updateTable("sessions")
    .set({ last_seen_at: seenAt.toISOString(), expires_at: expires.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Records a new session and the person's sign-in time. */
export async function insertSession(
  db: DB,
  session: { id: string; personId: string; csrfToken: string; at: Date; expires: Date },
): Promise<void> {
  await identityDb(db)
    .insertInto("sessions")
    .values({
      id: session.id,
      person_id: session.personId,
      csrf_token: session.csrfToken,
      created_at: session.at.toISOString(),
      expires_at: session.expires.toISOString(),
      last_seen_at: session.at.toISOString(),
      flash: null,
    })
    .execute();
  await identityDb(db)
    .updateTable("people")
    .set({ last_login_at: nowIso() })
    .where("id", "=", session.personId)
    .execute();
}

export async function deleteSession(db: DB, id: string): Promise<void> {
  await identityDb(db).deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a person (after a password change or reset). */
export async function endAllSessions(db: DB, personId: string): Promise<void> {
  await identityDb(db).deleteFrom("sessions").where("person_id", "=", personId).execute();
}

/** Stores the flash messages waiting for the session's next page (null once shown). */
export async function setSessionFlash(db: DB, id: string, flash: string | null): Promise<void> {
  await identityDb(db).updateTable("sessions").set({ flash }).where("id", "=", id).execute();
}

/** Housekeeping: expired sessions, and reset links a day past their end. Returns what went. */
export async function purgeExpiredSessions(db: DB, now: Date): Promise<{ sessions: number; resets: number }> {
  const sessions = await identityDb(db)
    .deleteFrom("sessions")
    .where("expires_at", "<", now.toISOString())
    .executeTakeFirst();
  const resets = await identityDb(db)
    .deleteFrom("password_resets")
    .where("expires_at", "<", new Date(now.getTime() - 86_400_000).toISOString())
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), resets: Number(resets.numDeletedRows) };
}
