import type { AppContext, CurrentPerson } from "../../http/context.js";
import { HttpError } from "../../http/errors.js";
import { collectiveMemberships, requirePerson } from "../../http/policy.js";

/** The collective's internal life (agendas, feeds): people of member structures and coordinators. */
export function isCollectivePerson(person: CurrentPerson | null): boolean {
  return !!person && (person.isPlatformAdmin || collectiveMemberships(person).length > 0);
}

export function requireCollectivePerson(c: AppContext): CurrentPerson {
  const person = requirePerson(c);
  if (!isCollectivePerson(person)) throw new HttpError(403, "403");
  return person;
}
