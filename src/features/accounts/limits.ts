import { createHmac } from "node:crypto";
import type { AppContext } from "../../http/context.js";
import { clientKey, MemoryLimiter } from "../../http/client.js";
import { HttpError } from "../../http/errors.js";
import * as limits from "../../http/rate-limit.js";

/**
 * The limits of the anonymous account forms (sign-in, sign-up, reset, sign-in link):
 * - per visitor address, in memory: 30 posts in any 15 minutes (successful sign-ins not counted);
 * - per account, shared by every instance: after 5 attempts in a row, each attempt must wait for
 *   a delay that doubles (1 s, 2 s, 4 s… up to 15 minutes). The turn is taken before the password
 *   is checked. The owner is never locked out: a mailed sign-in link does not go through it;
 * - per address mailed to: at most 5 mails an hour, so the forms cannot flood someone's inbox.
 */
const WINDOW_MS = 15 * 60_000;
const perAddress = new MemoryLimiter(30, WINDOW_MS);

export const SIGN_IN_DELAYS: limits.DelayPolicy = {
  free: 5,
  baseMs: 1_000,
  maxMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

const MAILS_PER_HOUR = 5;

/**
 * Refuses (429) a visitor address that posted too many account forms lately. Returns a refund,
 * for a sign-in that succeeds: people signing in from one shared address are not attackers.
 */
export function limitAddress(c: AppContext): () => void {
  const key = clientKey(c);
  if (!perAddress.hit(key, c.get("deps").now().getTime())) throw new HttpError(429, "429");
  return () => perAddress.refund(key);
}

const keyed = (c: AppContext, purpose: string, email: string) =>
  createHmac("sha256", c.get("deps").secret)
    .update(`${purpose}:${email.trim().toLowerCase()}`)
    .digest("base64url")
    .slice(0, 32);

/** The key of an account's sign-in attempts: a keyed hash, never the address itself. */
export const accountKey = (c: AppContext, email: string) => keyed(c, "sign-in", email);

/** Counts a mail to `email`; false once the hour's allowance is spent (the form answers the same). */
export async function mayMail(c: AppContext, email: string): Promise<boolean> {
  const { db, now } = c.get("deps");
  return (await limits.hit(db, `mail:${keyed(c, "mail", email)}`, 60 * 60_000, now())) <= MAILS_PER_HOUR;
}

/** "12 s" or "4 min": how long to wait, for the person. */
export function waitText(c: AppContext, ms: number): string {
  const t = c.get("t");
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90
    ? t("login.wait.seconds", { n: seconds })
    : t("login.wait.minutes", { n: Math.ceil(seconds / 60) });
}
