import type { AppContext, CurrentPerson } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { collectiveMemberships, requirePerson } from "../../http/policy.js";
import type { Turn } from "./chores.repository.js";

/** Chores are the collective's internal life: people of member structures and platform admins. */
export function canSeeChores(person: CurrentPerson | null): boolean {
  return !!person && (person.isPlatformAdmin || collectiveMemberships(person).length > 0);
}

export function requireChoreAccess(c: AppContext): CurrentPerson {
  const person = requirePerson(c);
  if (!canSeeChores(person)) throw new HttpError(403, "403");
  return person;
}

/** Releasing or closing a turn: the person on it, or a platform admin. */
export function canActOnTurn(person: CurrentPerson, turn: Pick<Turn, "assigneeId">): boolean {
  return person.isPlatformAdmin || turn.assigneeId === person.id;
}
