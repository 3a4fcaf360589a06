import type { AppContext, CurrentPerson } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { belongsTo, requireMemberAdmin } from "../../http/policy.js";
import * as repo from "./entraide.repository.js";
import { findStructure, type Structure } from "./directory.port.js";

/** Who may do what with portal instances. */

export type VolunteerMember = Structure;

/** The structure named in the path, if this person administers it (or is a platform admin). */
export async function requireStructureAdmin(
  c: AppContext,
  slug: string,
): Promise<{ person: CurrentPerson; member: VolunteerMember }> {
  const member = await findStructure(c.get("deps").db, slug);
  if (!member) throw new HttpError(404, "404");
  return { person: requireMemberAdmin(c, member.id), member };
}

/** An instance of this structure; another structure's instance is "not found", not "forbidden". */
export async function requireOwnInstance(c: AppContext, member: VolunteerMember, id: string) {
  const instance = await repo.findInstance(c.get("deps").db, id);
  if (!instance || instance.memberId !== member.id) throw new HttpError(404, "404");
  return instance;
}

/** Only members of the collective lend instances; candidates and former members do not. */
export function canVolunteer(member: { membership: string }): boolean {
  return member.membership === "member";
}

export function requireVolunteer(member: VolunteerMember): void {
  if (!canVolunteer(member)) throw new HttpError(403, "403");
}

/** Dashboard and history of a structure's instances: its people and platform admins. */
export function canSeeInstances(person: CurrentPerson | null, memberId: string): boolean {
  return !!person && (person.isPlatformAdmin || belongsTo(person, memberId));
}
