import { ownedTables } from "../db/adapter.js";
import type { Locale } from "../i18n/locales.js";

/**
 * Identity: the people who sign in, their sessions and password resets, and the member structures
 * they act for (memberships). Every feature needs to know who is asking and for which structure;
 * none of them owns these tables (see src/identity/identity.repository.ts for what is published).
 */
export interface IdentityTables {
  people: PeopleTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  memberships: MembershipsTable;
  sign_in_links: SignInLinksTable;
  signup_requests: SignupRequestsTable;
}

export interface PeopleTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  name: string;
  /** argon2id PHC string; null until an invited person sets a password. */
  password_hash: string | null;
  is_platform_admin: number;
  locale: Locale | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  /** JSON array of pending flash messages, consumed by the next page rendered. */
  flash: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One-time sign-in links sent by mail (no password needed); only the token's hash is stored. */
export interface SignInLinksTable {
  token_hash: string;
  person_id: string;
  /** Where to go after signing in (a same-site path), if the sign-in started from a page. */
  next: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/**
 * A sign-up waiting for its address to be confirmed: the account is created only when the link
 * mailed to the address is followed, so sign-up answers the same whether the address is known.
 */
export interface SignupRequestsTable {
  token_hash: string;
  /** Stored lower-cased. */
  email: string;
  name: string;
  password_hash: string;
  next: string | null;
  created_at: string;
  expires_at: string;
}

export const MEMBERSHIP_ROLES = ["member", "admin"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's role in a member structure. */
export interface MembershipsTable {
  person_id: string;
  member_id: string;
  role: MembershipRole;
  created_at: string;
}

/** Identity's view of the database: only src/identity uses it. */
export const identityDb = ownedTables<IdentityTables>();
