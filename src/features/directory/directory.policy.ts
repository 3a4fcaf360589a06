import type { AppContext, CurrentPerson } from "../../http/context.js";
import { belongsTo, canAdminMember, collectiveMemberships, requirePerson } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import type { MemberRow } from "./directory.repository.js";

/**
 * Who sees and edits a member structure. Listed members are public. A candidate's or former
 * member's page is seen by its own people, by people of member structures (they review and vote)
 * and by platform admins. Archived structures are seen and restored by platform admins only.
 */
export function canSeeMember(
  person: CurrentPerson | null,
  member: Pick<MemberRow, "id" | "membership" | "archived_at">,
): boolean {
  if (person?.isPlatformAdmin) return true;
  if (member.archived_at) return false;
  if (member.membership === "member") return true;
  return belongsTo(person, member.id) || collectiveMemberships(person).length > 0;
}

/** The structure's admins and platform admins; only platform admins once it is archived. */
export function canEditMember(
  person: CurrentPerson | null,
  member: Pick<MemberRow, "id" | "archived_at">,
): boolean {
  if (member.archived_at) return !!person?.isPlatformAdmin;
  return canAdminMember(person, member.id);
}

export function requireMemberEditor(
  c: AppContext,
  member: Pick<MemberRow, "id" | "archived_at">,
): CurrentPerson {
  const person = requirePerson(c);
  if (!canEditMember(person, member)) throw new HttpError(403, "403");
  return person;
}

/** The dashboard of a structure: its people (any role) and platform admins. */
export function requireMemberPerson(
  c: AppContext,
  member: Pick<MemberRow, "id" | "archived_at">,
): CurrentPerson {
  const person = requirePerson(c);
  if (person.isPlatformAdmin) return person;
  if (member.archived_at || !belongsTo(person, member.id)) throw new HttpError(403, "403");
  return person;
}
