import { ownedTables } from "../../db/adapter.js";
import type { MembershipRole } from "../../identity/identity.tables.js";
/**
 * The member structures and their services. Field names follow the ChatonsInfos organization and
 * service keys so import and export are 1:1 (enum values are lower-cased: `ASSOCIATION` ↔
 * "association", `Free` ↔ "open"…):
 *
 * | column (members)              | ChatonsInfos key                                  |
 * |-------------------------------|---------------------------------------------------|
 * | name                          | organization.name                                 |
 * | description_fr / _en          | organization.description                          |
 * | type                          | organization.type                                 |
 * | website                       | organization.website                              |
 * | logo_url                      | organization.logo                                 |
 * | contact_url / contact_email   | organization.contact.url / .contact.email         |
 * | legal_url                     | organization.legal.url                            |
 * | tos_url                       | (none: service.legal.url of its services)         |
 * | city, region                  | organization.geolocation.address (free text)      |
 * | country_code                  | organization.country.code                         |
 * | latitude / longitude          | organization.geolocation.latitude / .longitude    |
 * | status, status_description    | organization.memberof.chatons.status.level / .description |
 * | joined_at                     | organization.memberof.chatons.startdate           |
 * | social_links {network: url}   | organization.socialnetworks.<network>             |
 * | funding_links {platform: url} | organization.funding.<platform>                   |
 *
 * | column (services)             | ChatonsInfos key                                  |
 * |-------------------------------|---------------------------------------------------|
 * | name, description_fr / _en    | service.name, service.description                 |
 * | url                           | service.website                                   |
 * | access                        | service.registration (None/Free/Member/Client)    |
 * | registration_load             | service.registration.load (OPEN/FULL)             |
 * | status                        | service.status.level (OK→ok, WARNING→maintenance, ERROR/ALERT→down, VOID/OVER→off) |
 * | start_date                    | service.startdate                                 |
 * | host_country                  | host.country.code                                 |
 * | software_id → software.name, license, source_url, website | software.name, .license.name, .source.url, .website |
 * | category_id, price, audience, languages | (no key: directory only)                |
 *
 * Write through updateMemberFields / updateServiceFields (directory.repository.ts): they keep
 * search_text and updated_at right.
 */
export interface DirectoryTables {
  members: MembersTable;
  categories: CategoriesTable;
  software: SoftwareTable;
  services: ServicesTable;
  member_invitations: MemberInvitationsTable;
  member_logos: MemberLogosTable;
  alternatives: AlternativesTable;
}

export const MEMBER_TYPES = [
  "association",
  "informal",
  "cooperative",
  "microcompany",
  "company",
  "individual",
  "other",
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** organization.memberof.<federation>.status.level */
export const MEMBER_STATUSES = ["active", "idle", "away"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Where the structure stands with the collective. Candidates have a record before they are members. */
export const MEMBERSHIPS = ["candidate", "member", "former"] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export interface MembersTable {
  id: string;
  slug: string;
  name: string;
  type: MemberType;
  description_fr: string;
  description_en: string;
  website: string | null;
  contact_email: string | null;
  contact_url: string | null;
  legal_url: string | null;
  tos_url: string | null;
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country_code: string | null;
  latitude: number | null;
  longitude: number | null;
  /** YYYY-MM-DD */
  joined_at: string | null;
  /** The application round ("portée") it joined with, when known. */
  joined_round: string | null;
  membership: Membership;
  status: MemberStatus;
  status_description: string | null;
  logo_url: string | null;
  /** JSON of the kitten avatar options the member chose; null = derived from the slug. */
  avatar: string | null;
  /** JSON object: network name → URL (mastodon, peertube…). */
  social_links: string;
  /** JSON object: platform name → URL (liberapay, helloasso, custom…). */
  funding_links: string;
  /** URL of the member's own ChatonsInfos organization file, if it publishes one. */
  chatonsinfos_url: string | null;
  /** 1 when the crawled ChatonsInfos files overwrite the directory data. */
  chatonsinfos_source_of_truth: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  search_text: string;
}

export const SERVICE_FAMILIES = ["communication", "web", "work", "storage"] as const;
export type ServiceFamily = (typeof SERVICE_FAMILIES)[number];

export interface CategoriesTable {
  /** A stable slug, e.g. "pad", "video-conferencing". */
  id: string;
  family: ServiceFamily;
  name_fr: string;
  name_en: string;
  /** '' when nobody named it in German: German pages show the English (migration 0104 named the shipped ones). */
  name_de: string;
  description_fr: string;
  description_en: string;
  position: number;
  archived_at: string | null;
  /** '' for the rows written before it existed; the directory's fingerprint reads its newest value. */
  updated_at: string;
}

export interface SoftwareTable {
  id: string;
  slug: string;
  name: string;
  license: string | null;
  source_url: string | null;
  website: string | null;
  created_at: string;
}

/** service.registration: None / Free / Member / Client */
export const SERVICE_ACCESS = ["none", "open", "members", "clients"] as const;
export type ServiceAccess = (typeof SERVICE_ACCESS)[number];
/** service.registration.load */
export const REGISTRATION_LOADS = ["open", "full"] as const;
export type RegistrationLoad = (typeof REGISTRATION_LOADS)[number];
export const PRICES = ["free", "pwyw", "paid"] as const;
export type Price = (typeof PRICES)[number];
export const AUDIENCES = [
  "everyone",
  "individuals",
  "associations",
  "businesses",
  "schools",
  "public-bodies",
] as const;
export type Audience = (typeof AUDIENCES)[number];
/** service.status.level, reduced to what a visitor needs. */
export const SERVICE_STATUSES = ["ok", "maintenance", "down", "off"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface ServicesTable {
  id: string;
  member_id: string;
  /** Unique within the member. */
  slug: string;
  name: string;
  description_fr: string;
  description_en: string;
  category_id: string;
  software_id: string | null;
  url: string;
  access: ServiceAccess;
  registration_load: RegistrationLoad;
  price: Price;
  /** JSON array of Audience. */
  audience: string;
  /** JSON array of language codes ("fr", "en"…). */
  languages: string;
  /** ISO 3166-1 alpha-2 of where the service is hosted (host.country.code). */
  host_country: string | null;
  status: ServiceStatus;
  /** YYYY-MM-DD */
  start_date: string | null;
  chatonsinfos_url: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  search_text: string;
}

/** An invitation to join a structure, sent by e-mail; only the token's hash is stored. */
export interface MemberInvitationsTable {
  id: string;
  member_id: string;
  email: string;
  role: MembershipRole;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
}

/**
 * A member's logo, fetched from its logo_url and served by the platform (decision 014). A failed
 * fetch records its reason and keeps the previous good logo.
 */
export interface MemberLogosTable {
  member_id: string;
  /** The logo_url last tried; differs from members.logo_url when the address changed since. */
  tried_url: string;
  /** Where the stored bytes came from; null while no fetch has succeeded. */
  source_url: string | null;
  /** image/png, image/jpeg, image/webp or image/gif, as recognised from the bytes. */
  content_type: string | null;
  /** The image, base64. */
  data: string | null;
  /** sha256 of the bytes, hex; its start versions the public address. */
  content_hash: string | null;
  /** Pixels, read from the image's header: pages size the <img> without distorting it. */
  width: number | null;
  height: number | null;
  /** The source's ETag, sent back as If-None-Match. */
  etag: string | null;
  /** Last fetch that gave (or confirmed, 304) the stored bytes. */
  fetched_at: string | null;
  /** Last attempt, successful or not. */
  checked_at: string;
  /** When the stored bytes last changed. */
  updated_at: string;
  /** Why the last attempt failed (a LogoRefusal code); null when it succeeded. */
  error: string | null;
}

/**
 * A proprietary service people leave and the categories that replace it (decision 018): copied
 * from the shipped catalogue (alternatives/catalogue.ts), then edited by platform admins.
 */
export interface AlternativesTable {
  /** A slug, e.g. "google-docs": the finder's `alternative=` value. */
  id: string;
  name: string;
  vendor: string;
  /** JSON array of other names and common misspellings. */
  aliases: string;
  description_fr: string;
  description_en: string;
  description_de: string;
  /** JSON array of category ids. */
  categories: string;
  /** JSON array of software slugs. */
  software: string;
  /** The catalogue version that last wrote this row; null for an entry admins added. */
  shipped_version: number | null;
  /** Set when an admin edits the entry: later catalogue versions leave it alone. */
  edited_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The directory's view of the database: only its repositories use it (see OwnDb). */
export const directoryDb = ownedTables<DirectoryTables>();
