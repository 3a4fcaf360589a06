import type { DB } from "../db/adapter.js";
import { structuresByIds } from "../features/directory/published.js";
import type { Membership } from "../features/directory/directory.tables.js";
import { membershipsOfPerson, personById } from "./identity.repository.js";
import type { MembershipRole } from "./identity.tables.js";
import type { Locale } from "../i18n/locales.js";

/** A structure the signed-in person acts for, as every page needs it (navigation, policies). */
export interface PersonMembership {
  memberId: string;
  memberSlug: string;
  memberName: string;
  role: MembershipRole;
  /** Is the structure a member of the collective, or still a candidate? */
  membership: Membership;
}

export interface CurrentPerson {
  id: string;
  email: string;
  name: string;
  /** The language of the person's mails, when they chose one. */
  locale: Locale | null;
  isPlatformAdmin: boolean;
  memberships: PersonMembership[];
}

/** Loads a person who may sign in, with the listed structures they act for, by name. */
export async function loadPerson(db: DB, personId: string): Promise<CurrentPerson | null> {
  const person = await personById(db, personId);
  if (!person || person.disabled) return null;
  const links = await membershipsOfPerson(db, personId);
  const structures = await structuresByIds(
    db,
    links.map((l) => l.memberId),
  );
  const memberships = links
    .flatMap((l) => {
      const s = structures.get(l.memberId);
      return s && !s.archived
        ? [{ memberId: s.id, memberSlug: s.slug, memberName: s.name, role: l.role, membership: s.membership }]
        : [];
    })
    .sort((a, b) => a.memberName.localeCompare(b.memberName));
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale,
    isPlatformAdmin: person.isPlatformAdmin,
    memberships,
  };
}
