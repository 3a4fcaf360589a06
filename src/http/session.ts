import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext, AppEnv, FlashMessage } from "./context.js";
import { newToken } from "../db/ids.js";
import { loadPerson } from "../identity/current-person.js";
import {
  deleteSession,
  extendSession,
  insertSession,
  liveSession,
  setSessionFlash,
} from "../identity/sessions.repository.js";

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
      const row = await liveSession(db, hashToken(token), now);
      const person = row ? await loadPerson(db, row.personId) : null;
      if (row && person) {
        c.set("session", { id: row.id, csrfToken: row.csrfToken, flash: parseFlash(row.flash) });
        c.set("person", person);
        if (now.getTime() - Date.parse(row.lastSeenAt) > REFRESH_AFTER_MS) {
          const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
          await extendSession(db, row.id, now, expires);
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
      await setSessionFlash(db, session.id, null);
    }
  };
}

/**
 * The cookie lasts as long as the session, said as Max-Age: a lifetime does not depend on whose
 * clock reads it (an Expires date from the platform's clock is checked against the machine's).
 */
function setSessionCookie(c: AppContext, token: string, expires: Date): void {
  const { config, now } = c.get("deps");
  setCookie(c, sessionCookieName(config.secureCookies), token, {
    path: "/",
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: "Lax",
    maxAge: Math.max(0, Math.floor((expires.getTime() - now().getTime()) / 1000)),
  });
}

/** Starts a session for a person who just proved who they are. */
export async function startSession(c: AppContext, personId: string): Promise<void> {
  const { db, now } = c.get("deps");
  const previous = c.get("session");
  if (previous) await deleteSession(db, previous.id);
  const token = newToken();
  const csrfToken = newToken(24);
  const at = now();
  const expires = new Date(at.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, { id: hashToken(token), personId, csrfToken, at, expires });
  setSessionCookie(c, token, expires);
  // The rest of this request (a flash message before the redirect, say) belongs to the new session.
  c.set("session", { id: hashToken(token), csrfToken, flash: [] });
}

export async function endSession(c: AppContext): Promise<void> {
  const { db, config } = c.get("deps");
  const session = c.get("session");
  if (session) await deleteSession(db, session.id);
  deleteCookie(c, sessionCookieName(config.secureCookies), { path: "/", secure: config.secureCookies });
  c.set("session", null);
  c.set("person", null);
}

export { endAllSessions } from "../identity/sessions.repository.js";

/** Queues a message shown on the next page. Only signed-in people have somewhere to keep it. */
export async function flash(c: AppContext, message: FlashMessage): Promise<void> {
  const session = c.get("session");
  if (!session) return;
  session.flash = [...session.flash, message];
  await setSessionFlash(c.get("deps").db, session.id, JSON.stringify(session.flash));
}
