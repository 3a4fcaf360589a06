import type { DB } from "../../db/adapter.js";
import type { Locale } from "../../i18n/index.js";
import type { Membership, ServiceAccess } from "../directory/directory.tables.js";
import {
  allListedServices,
  findListedMember,
  listedServices,
  listedServicesByIds,
  structuresByIds,
  type ListedService,
  type Structure as DirectoryStructure,
} from "../directory/published.js";
import { listCategories } from "../directory/directory.repository.js";
import { peopleOfMember } from "../../identity/identity.repository.js";

/**
 * Everything the entraide feature needs of the directory (and of identity), in one place and in
 * the portal's terms, through the functions the directory and identity publish. The rest of the
 * feature imports nothing of theirs.
 */

/** A member structure, as the portal's pages need it. */
export interface Structure {
  id: string;
  slug: string;
  name: string;
  membership: Membership;
}

/** A directory service a structure may lend to the portal: its address and software come from here. */
export interface DirectoryService {
  id: string;
  memberId: string;
  name: string;
  url: string;
  categoryId: string;
  /** The software's slug, when the directory knows it. */
  software: string | null;
  /** The service and its structure are still listed (neither archived). */
  listed: boolean;
  member: {
    slug: string;
    name: string;
    tosUrl: string | null;
    /** A member of the collective (candidates and former members do not lend instances). */
    isMember: boolean;
  };
}

/** A member offering a service outside the portal (the 503 page). */
export interface Alternative {
  slug: string;
  name: string;
  serviceName: string;
  url: string;
  access: ServiceAccess;
}

const toStructure = (s: DirectoryStructure): Structure => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  membership: s.membership,
});

export async function findStructure(db: DB, slug: string): Promise<Structure | undefined> {
  const found = await findListedMember(db, slug);
  return found && toStructure(found);
}

/** Structures by id (an instance keeps its structure's name even when its service is gone). */
export async function structures(db: DB, ids: string[]): Promise<Map<string, Structure>> {
  const found = await structuresByIds(db, ids);
  return new Map([...found].map(([id, s]) => [id, toStructure(s)]));
}

async function withMembers(db: DB, services: ListedService[]): Promise<DirectoryService[]> {
  const members = await structuresByIds(
    db,
    services.map((s) => s.memberId),
  );
  return services.flatMap((s) => {
    const m = members.get(s.memberId);
    if (!m) return [];
    return [
      {
        id: s.id,
        memberId: s.memberId,
        name: s.name,
        url: s.url,
        categoryId: s.categoryId,
        software: s.softwareSlug,
        listed: !m.archived,
        member: { slug: m.slug, name: m.name, tosUrl: m.tosUrl, isMember: m.membership === "member" },
      },
    ];
  });
}

/** These services while listed; an archived service is absent (its instance stops). */
export async function directoryServices(db: DB, ids: string[]): Promise<Map<string, DirectoryService>> {
  if (ids.length === 0) return new Map();
  const services = await withMembers(db, [...(await listedServicesByIds(db, ids)).values()]);
  return new Map(services.map((s) => [s.id, s]));
}

export async function directoryService(db: DB, id: string): Promise<DirectoryService | undefined> {
  return (await directoryServices(db, [id])).get(id);
}

/** A structure's listed services in these categories: what it may lend. */
export async function lendableServices(
  db: DB,
  memberId: string,
  categoryIds: string[],
): Promise<DirectoryService[]> {
  const own = (await listedServices(db, memberId)).filter((s) => categoryIds.includes(s.categoryId));
  return withMembers(db, own);
}

/** Members offering the service in the directory, for when no portal instance is healthy. */
export async function alternatives(db: DB, categoryId: string): Promise<Alternative[]> {
  const services = (await allListedServices(db, { categoryId })).filter(
    (s) => (s.status === "ok" || s.status === "maintenance") && (s.access === "none" || s.access === "open"),
  );
  const members = await structuresByIds(
    db,
    services.map((s) => s.memberId),
  );
  return services
    .flatMap((s) => {
      const m = members.get(s.memberId);
      if (!m || m.archived || m.membership !== "member") return [];
      return [{ slug: m.slug, name: m.name, serviceName: s.name, url: s.url, access: s.access }];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 50);
}

/** The directory's categories, for the admins' choice of a portal service's category. */
export async function categories(db: DB): Promise<{ id: string; name: Record<Locale, string> }[]> {
  // As written: the German is '' when nobody named the category in German (shown via writtenText).
  return (await listCategories(db)).map((r) => ({
    id: r.id,
    name: { fr: r.name_fr, en: r.name_en, de: r.name_de },
  }));
}

/** Who hears about the structure's instances: its admins (their own language), else its contact address. */
export async function alertRecipients(
  db: DB,
  memberId: string,
): Promise<{ email: string; locale: string | null }[]> {
  const admins = (await peopleOfMember(db, memberId))
    .filter((p) => p.role === "admin")
    .map((p) => ({ email: p.email, locale: p.locale }))
    .sort((a, b) => (a.email < b.email ? -1 : 1));
  if (admins.length > 0) return admins;
  const member = (await structuresByIds(db, [memberId])).get(memberId);
  return member?.contactEmail ? [{ email: member.contactEmail, locale: null }] : [];
}
