import type { z } from "zod";
import type { MemberSchema, ServiceSchema } from "../directory.schema.js";
import type { MemberFields, ServiceFields } from "../directory.repository.js";

/** From validated forms to the columns they write, and what a write changed (for the history). */

export function memberFieldsFromForm(data: z.output<typeof MemberSchema>, slug: string): MemberFields {
  return {
    name: data.name,
    slug,
    type: data.type,
    description_fr: data.description_fr,
    description_en: data.description_en,
    website: data.website ?? null,
    contact_email: data.contact_email ?? null,
    contact_url: data.contact_url ?? null,
    legal_url: data.legal_url ?? null,
    tos_url: data.tos_url ?? null,
    logo_url: data.logo_url ?? null,
    city: data.city ?? null,
    region: data.region ?? null,
    country_code: data.country_code ?? null,
    latitude: data.latitude ?? null,
    longitude: data.longitude ?? null,
    status: data.status,
    status_description: data.status_description ?? null,
    social_links: JSON.stringify(data.social_links),
    funding_links: JSON.stringify(data.funding_links),
    chatonsinfos_url: data.chatonsinfos_url ?? null,
    chatonsinfos_source_of_truth: data.chatonsinfos_source_of_truth ? 1 : 0,
  };
}

export function serviceFieldsFromForm(
  data: z.output<typeof ServiceSchema>,
  slug: string,
  softwareId: string | null,
): Required<Omit<ServiceFields, "archived_at">> {
  return {
    name: data.name,
    slug,
    category_id: data.category_id,
    description_fr: data.description_fr,
    description_en: data.description_en,
    url: data.url,
    software_id: softwareId,
    access: data.access,
    registration_load: data.registration_load,
    price: data.price,
    audience: JSON.stringify(data.audience),
    languages: JSON.stringify(data.languages),
    host_country: data.host_country ?? null,
    status: data.status,
    start_date: data.start_date ?? null,
    chatonsinfos_url: data.chatonsinfos_url ?? null,
  };
}

/** Names of the columns whose value a write changes (compared as text, so 45 and 45.0 agree). */
export function changedFields(current: object, next: object): string[] {
  const before = new Map(Object.entries(current));
  return Object.entries(next)
    .filter(([key, value]) => {
      const old: unknown = before.get(key);
      const norm = (v: unknown) => (v === null || v === undefined ? "" : String(v));
      return norm(old) !== norm(value);
    })
    .map(([key]) => key);
}
