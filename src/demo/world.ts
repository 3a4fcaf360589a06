import type { DB } from "../db/adapter.js";
import { demoWorldData } from "../features/directory/demo.js";

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
  const { members, services } = await demoWorldData(db);
  const byMember = new Map<string, DemoService[]>();
  for (const s of services) {
    const { memberId, ...service } = s;
    // Pushed, not copied: copying the list on every service made this quadratic in a member's services.
    const list = byMember.get(memberId) ?? [];
    list.push(service);
    byMember.set(memberId, list);
  }
  return {
    sitesBaseUrl,
    random,
    members: members.map((m) => ({
      id: m.id,
      slug: m.slug,
      name: m.name,
      website: m.website ?? `${sitesBaseUrl}/${m.slug}/`,
      services: byMember.get(m.id) ?? [],
    })),
  };
}
