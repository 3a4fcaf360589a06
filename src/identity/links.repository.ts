import { createHash } from "node:crypto";
import type { DB } from "../db/adapter.js";
import { newToken } from "../db/ids.js";
import { identityDb } from "./identity.tables.js";

/**
 * The links sent by mail besides password resets: one-time sign-in links, and sign-ups waiting
 * for their address to be confirmed. Only SHA-256 hashes of the tokens are stored; each link is
 * taken with a conditional write, so two clicks at once use it once.
 */

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSignInLink(
  db: DB,
  personId: string,
  next: string | null,
  validMs: number,
  now: Date,
): Promise<string> {
  const token = newToken();
  await identityDb(db)
    .insertInto("sign_in_links")
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      next,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The person a still-valid sign-in link belongs to, without using it (the page before the button). */
export async function checkSignInLink(db: DB, token: string, now: Date) {
  return identityDb(db)
    .selectFrom("sign_in_links")
    .innerJoin("people", "people.id", "sign_in_links.person_id")
    .select(["people.id", "people.email", "sign_in_links.next"])
    .where("sign_in_links.token_hash", "=", hashToken(token))
    .where("sign_in_links.used_at", "is", null)
    .where("sign_in_links.expires_at", ">", now.toISOString())
    .where("people.disabled_at", "is", null)
    .executeTakeFirst();
}

/** Uses a sign-in link: the person it signs in, or undefined if it was used or expired meanwhile. */
export async function useSignInLink(db: DB, token: string, now: Date) {
  const found = await checkSignInLink(db, token, now);
  if (!found) return undefined;
  const taken = await identityDb(db)
    .updateTable("sign_in_links")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return undefined;
  await endSignInLinks(db, found.id, now);
  return found;
}

/** Ends every sign-in link of a person still open (one was used, or the password changed). */
export async function endSignInLinks(db: DB, personId: string, now: Date): Promise<void> {
  await identityDb(db)
    .updateTable("sign_in_links")
    .set({ used_at: now.toISOString() })
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
}

export interface SignupRequest {
  email: string;
  name: string;
  passwordHash: string;
  next: string | null;
}

export async function createSignupRequest(
  db: DB,
  request: SignupRequest,
  validMs: number,
  now: Date,
): Promise<string> {
  const token = newToken();
  await identityDb(db)
    .insertInto("signup_requests")
    .values({
      token_hash: hashToken(token),
      email: request.email.trim().toLowerCase(),
      name: request.name.trim(),
      password_hash: request.passwordHash,
      next: request.next,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validMs).toISOString(),
    })
    .execute();
  return token;
}

export async function checkSignupRequest(db: DB, token: string, now: Date) {
  return identityDb(db)
    .selectFrom("signup_requests")
    .select(["email", "name", "password_hash", "next"])
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

/** Takes a sign-up request out (once), with every other pending request for the same address. */
export async function takeSignupRequest(db: DB, token: string, now: Date) {
  const found = await checkSignupRequest(db, token, now);
  if (!found) return undefined;
  const taken = await identityDb(db)
    .deleteFrom("signup_requests")
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1) return undefined;
  await identityDb(db).deleteFrom("signup_requests").where("email", "=", found.email).execute();
  return found;
}

/** Removes links and requests that expired (run by the housekeeping job). */
export async function purgeExpiredLinks(db: DB, before: Date): Promise<number> {
  const links = await identityDb(db)
    .deleteFrom("sign_in_links")
    .where("expires_at", "<", before.toISOString())
    .executeTakeFirst();
  const requests = await identityDb(db)
    .deleteFrom("signup_requests")
    .where("expires_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(links.numDeletedRows) + Number(requests.numDeletedRows);
}
