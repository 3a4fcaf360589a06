import type { AppContext, CurrentPerson } from "./context.js";
import { HttpError } from "./errors.js";

/**
 * Shared authorization rules. Features add their own policies next to their routes; these are the
 * ones every feature needs. Each throws HttpError, which the error handler turns into the right page.
 */

export function requirePerson(c: AppContext): CurrentPerson {
  const person = c.get("person");
  if (!person) throw new HttpError(401, "401");
  return person;
}

export function requirePlatformAdmin(c: AppContext): CurrentPerson {
  const person = requirePerson(c);
  if (!person.isPlatformAdmin) throw new HttpError(403, "403");
  return person;
}

/** Can this person edit this member structure? Its admins and platform admins can. */
export function canAdminMember(person: CurrentPerson | null, memberId: string): boolean {
  if (!person) return false;
  if (person.isPlatformAdmin) return true;
  return person.memberships.some((m) => m.memberId === memberId && m.role === "admin");
}

export function requireMemberAdmin(c: AppContext, memberId: string): CurrentPerson {
  const person = requirePerson(c);
  if (!canAdminMember(person, memberId)) throw new HttpError(403, "403");
  return person;
}

/** Does this person belong to this structure (any role)? */
export function belongsTo(person: CurrentPerson | null, memberId: string): boolean {
  return !!person && person.memberships.some((m) => m.memberId === memberId);
}

/** The structures through which this person may act as a member of the collective (vote, review). */
export function collectiveMemberships(person: CurrentPerson | null) {
  return person ? person.memberships.filter((m) => m.membership === "member") : [];
}
