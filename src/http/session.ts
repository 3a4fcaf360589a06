import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext, AppEnv, FlashMessage } from "./context.js";
import { newToken, nowIso } from "../db/ids.js";
import type { DB } from "../db/adapter.js";
import { loadPerson } from "../identity/current-person.js";

const SESSION_DAYS = 30;
const REFRESH_AFTER_MS = 60 * 60 * 1000;

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
  return secure ? "__Host-chatons_session" : "chatons_session";
}

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

function parseFlash(text: string | null): FlashMessage[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (m): m is FlashMessage =>
        typeof m === "object" &&
        m !== null &&
        "kind" in m &&
        (m.kind === "success" || m.kind === "info" || m.kind === "error") &&
        "text" in m &&
        typeof m.text === "string",
    );
  } catch {
    return [];
  }
}

export { loadPerson } from "../identity/current-person.js";

/**
 * Reads the session cookie if there is one. Anonymous visitors never get a cookie: one is set only
 * by signing in.
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config, db } = c.get("deps");
    const name = sessionCookieName(config.secureCookies);
    const token = getCookie(c, name);
    c.set("session", null);
    c.set("person", null);
    if (token) {
      const now = c.get("deps").now();
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("id", "=", hashToken(token))
        .where("expires_at", ">", now.toISOString())
        .executeTakeFirst();
      const person = row ? await loadPerson(db, row.person_id) : null;
      if (row && person) {
        c.set("session", { id: row.id, csrfToken: row.csrf_token, flash: parseFlash(row.flash) });
        c.set("person", person);
        if (now.getTime() - Date.parse(row.last_seen_at) > REFRESH_AFTER_MS) {
          const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
          await db
            .updateTable("sessions")
            .set({ last_seen_at: now.toISOString(), expires_at: expires.toISOString() })
            .where("id", "=", row.id)
            .execute();
          setSessionCookie(c, token, expires);
        }
      } else {
        deleteCookie(c, name, { path: "/", secure: config.secureCookies });
      }
    }
    await next();
    const session = c.get("session");
    if (
      session &&
      session.flash.length > 0 &&
      c.req.method === "GET" &&
      c.res.status === 200 &&
      (c.res.headers.get("content-type") ?? "").includes("text/html")
    ) {
      await db.updateTable("sessions").set({ flash: null }).where("id", "=", session.id).execute();
    }
  };
}

function setSessionCookie(c: AppContext, token: string, expires: Date): void {
  const { config } = c.get("deps");
  setCookie(c, sessionCookieName(config.secureCookies), token, {
    path: "/",
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: "Lax",
    expires,
  });
}

/** Starts a session for a person who just proved who they are. */
export async function startSession(c: AppContext, personId: string): Promise<void> {
  const { db, now } = c.get("deps");
  const previous = c.get("session");
  if (previous) await db.deleteFrom("sessions").where("id", "=", previous.id).execute();
  const token = newToken();
  const csrfToken = newToken(24);
  const at = now();
  const expires = new Date(at.getTime() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      person_id: personId,
      csrf_token: csrfToken,
      created_at: at.toISOString(),
      expires_at: expires.toISOString(),
      last_seen_at: at.toISOString(),
      flash: null,
    })
    .execute();
  await db.updateTable("people").set({ last_login_at: nowIso() }).where("id", "=", personId).execute();
  setSessionCookie(c, token, expires);
  // The rest of this request (a flash message before the redirect, say) belongs to the new session.
  c.set("session", { id: hashToken(token), csrfToken, flash: [] });
}

export async function endSession(c: AppContext): Promise<void> {
  const { db, config } = c.get("deps");
  const session = c.get("session");
  if (session) await db.deleteFrom("sessions").where("id", "=", session.id).execute();
  deleteCookie(c, sessionCookieName(config.secureCookies), { path: "/", secure: config.secureCookies });
  c.set("session", null);
  c.set("person", null);
}

/** Ends every session of a person (after a password change or reset). */
export async function endAllSessions(db: DB, personId: string): Promise<void> {
  await db.deleteFrom("sessions").where("person_id", "=", personId).execute();
}

/** Queues a message shown on the next page. Only signed-in people have somewhere to keep it. */
export async function flash(c: AppContext, message: FlashMessage): Promise<void> {
  const session = c.get("session");
  if (!session) return;
  session.flash = [...session.flash, message];
  await c
    .get("deps")
    .db.updateTable("sessions")
    .set({ flash: JSON.stringify(session.flash) })
    .where("id", "=", session.id)
    .execute();
}
