import type { DB } from "../../db/adapter.js";
import { listStructures, structuresByIds } from "../directory/published.js";
import { allMemberships } from "../../identity/identity.repository.js";
import { listPeople } from "../../identity/people.repository.js";

/** What the platform admins' people page shows, gathered from identity and the directory. */
export interface AdminPerson {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  lastLoginAt: string | null;
  memberships: { name: string; slug: string; role: string }[];
}

export async function adminPeople(db: DB): Promise<AdminPerson[]> {
  const people = await listPeople(db);
  const links = await allMemberships(db);
  const structures = await structuresByIds(
    db,
    links.map((l) => l.memberId),
  );
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    isPlatformAdmin: p.is_platform_admin === 1,
    lastLoginAt: p.last_login_at,
    memberships: links.flatMap((l) => {
      const s = l.personId === p.id ? structures.get(l.memberId) : undefined;
      return s ? [{ name: s.name, slug: s.slug, role: l.role }] : [];
    }),
  }));
}

/** The structures a new person may be attached to. */
export async function memberChoices(db: DB): Promise<{ id: string; name: string }[]> {
  return (await listStructures(db)).map((s) => ({ id: s.id, name: s.name }));
}
