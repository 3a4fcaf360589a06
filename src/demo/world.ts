import type { DB } from "../db/adapter.js";

/**
 * The demo collective as the features see it once seeded: who the members are, their services,
 * and where their simulated servers answer (the demo sites server on loopback).
 */
export interface DemoWorld {
  /** e.g. http://127.0.0.1:8081 */
  sitesBaseUrl: string;
  members: DemoMember[];
  /** Deterministic randomness for features' own demo data. */
  random: () => number;
}

export interface DemoMember {
  id: string;
  slug: string;
  name: string;
  website: string;
  services: DemoService[];
}

export interface DemoService {
  id: string;
  slug: string;
  name: string;
  categoryId: string;
  softwareSlug: string | null;
  softwareName: string | null;
  url: string;
}

/** Rebuilds the world from the database (the demo sites server needs it on every start). */
export async function loadWorld(db: DB, sitesBaseUrl: string, random: () => number): Promise<DemoWorld> {
  const members = await db
    .selectFrom("members")
    .select(["id", "slug", "name", "website"])
    .where("archived_at", "is", null)
    .orderBy("slug")
    .execute();
  const services = await db
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.member_id",
      "services.category_id",
      "services.url",
      "software.slug as software_slug",
      "software.name as software_name",
    ])
    .where("services.archived_at", "is", null)
    .orderBy("services.slug")
    .execute();
  return {
    sitesBaseUrl,
    random,
    members: members.map((m) => ({
      id: m.id,
      slug: m.slug,
      name: m.name,
      website: m.website ?? `${sitesBaseUrl}/${m.slug}/`,
      services: services
        .filter((s) => s.member_id === m.id)
        .map((s) => ({
          id: s.id,
          slug: s.slug,
          name: s.name,
          categoryId: s.category_id,
          softwareSlug: s.software_slug,
          softwareName: s.software_name,
          url: s.url,
        })),
    })),
  };
}
