import { createHash } from "node:crypto";
import type { DB } from "../db/adapter.js";
import { isUniqueViolation } from "../db/adapter.js";
import { newId, newToken, nowIso } from "../db/ids.js";
import { hashPassword } from "./passwords.js";
import { endSignInLinks } from "./links.repository.js";
import { identityDb } from "./identity.tables.js";
import type { Locale } from "../i18n/locales.js";
import { inTransaction } from "../db/adapter.js";

export class EmailTakenError extends Error {
  constructor() {
    super("email already used");
    this.name = "EmailTakenError";
  }
}

export async function findPersonByEmail(db: DB, email: string) {
  return identityDb(db)
    .selectFrom("people")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findPersonById(db: DB, id: string) {
  return identityDb(db).selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface NewPerson {
  email: string;
  name: string;
  password?: string;
  /** An argon2id hash made earlier (a confirmed sign-up), instead of `password`. */
  passwordHash?: string;
  isPlatformAdmin?: boolean;
  /** The language of the mails the person gets; the platform's default when unset. */
  locale?: Locale | null;
}

export async function createPerson(db: DB, input: NewPerson): Promise<string> {
  const id = newId();
  const at = nowIso();
  try {
    await identityDb(db)
      .insertInto("people")
      .values({
        id,
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        password_hash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
        is_platform_admin: input.isPlatformAdmin ? 1 : 0,
        locale: input.locale ?? null,
        created_at: at,
        updated_at: at,
        last_login_at: null,
        disabled_at: null,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
  return id;
}

/** Sets a new password; every reset, invitation and sign-in link the person still had ends. */
export async function setPassword(db: DB, personId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await identityDb(trx)
      .updateTable("people")
      .set({ password_hash: hash, updated_at: now })
      .where("id", "=", personId)
      .execute();
    await endPasswordTokens(trx, personId, new Date(now));
    await endSignInLinks(trx, personId, new Date(now));
  });
}

export async function updateProfile(
  db: DB,
  personId: string,
  name: string,
  locale: Locale | null,
): Promise<void> {
  await identityDb(db)
    .updateTable("people")
    .set({ name, locale, updated_at: nowIso() })
    .where("id", "=", personId)
    .execute();
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a one-time link token (password reset or invitation); only its hash is stored. */
export async function createPasswordToken(
  db: DB,
  personId: string,
  validMs: number,
  now: Date,
): Promise<string> {
  const token = newToken();
  await identityDb(db)
    .insertInto("password_resets")
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + validMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The person a still-valid token belongs to, or undefined. */
export async function checkPasswordToken(db: DB, token: string, now: Date) {
  return identityDb(db)
    .selectFrom("password_resets")
    .innerJoin("people", "people.id", "password_resets.person_id")
    .select(["people.id", "people.name", "people.email"])
    .where("password_resets.token_hash", "=", hashToken(token))
    .where("password_resets.used_at", "is", null)
    .where("password_resets.expires_at", ">", now.toISOString())
    .where("people.disabled_at", "is", null)
    .executeTakeFirst();
}

/**
 * Marks a token used, and with it every other reset link of the same person (an older mail must
 * not stay usable); false if it was used meanwhile (two tabs submitting at once).
 */
export async function consumePasswordToken(db: DB, token: string, now: Date): Promise<boolean> {
  const row = await identityDb(db)
    .selectFrom("password_resets")
    .select("person_id")
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  const result = await identityDb(db)
    .updateTable("password_resets")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1 || !row) return false;
  await endPasswordTokens(db, row.person_id, now);
  return true;
}

/** Ends every reset (or invitation) link of a person still open. */
export async function endPasswordTokens(db: DB, personId: string, now: Date): Promise<void> {
  await identityDb(db)
    .updateTable("password_resets")
    .set({ used_at: now.toISOString() })
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
}

/** People for the admins' list, by name, with the structures they act for. */
export async function listPeople(db: DB, limit = 500) {
  return identityDb(db)
    .selectFrom("people")
    .select(["id", "name", "email", "is_platform_admin", "last_login_at", "disabled_at", "created_at"])
    .orderBy("name")
    .limit(limit)
    .execute();
}
