import type { DB } from "../../db/adapter.js";
import type { Config } from "../../config.js";
import { VERSION } from "../../deps.js";
import { slugify } from "../../db/ids.js";
import {
  federationFileMembers,
  fileMemberBySlug,
  fileServicesOf,
  type FileMember,
  type FileService,
} from "../directory/published-files.js";
import { enteredOf, lastEnteredAt } from "./entered.repository.js";
import { metricsLines } from "./entered.js";
import {
  writeFederation,
  writeOrganization,
  writeService,
  type OrganizationInput,
  type ServiceInput,
  type Sub,
} from "./chatonsinfos/write.js";
import { toLevel, toLoad, toOrgType, toRegistration, toServiceStatus } from "./chatonsinfos/mapping.js";

/**
 * ChatonsInfos files the platform serves for its members, from the directory tables: the
 * federation file (the crawler's default start), and an organization and service files for each
 * member, at stable URLs under /.well-known/chatonsinfos/. A service file states the metrics its
 * structure entered (entered.repository.ts). The directory's rows come from published-files.ts.
 */

export const WELL_KNOWN = "/.well-known/chatonsinfos";

export const federationKey = (config: Config) => slugify(config.collective.name) || "federation";
export const generator = () => `chatons ${VERSION}`;

export function generatedUrls(config: Config) {
  const base = `${config.baseUrl}${WELL_KNOWN}`;
  return {
    federation: `${base}/federation.properties`,
    organization: (member: string) => `${base}/${member}.properties`,
    service: (member: string, service: string) => `${base}/${member}/${service}.properties`,
  };
}

export type LocalPath =
  | { kind: "federation" }
  | { kind: "organization"; member: string }
  | { kind: "service"; member: string; service: string };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Which generated file a path under /.well-known/chatonsinfos/ names, if any. */
export function parseLocalPath(rest: string): LocalPath | undefined {
  if (rest === "federation.properties") return { kind: "federation" };
  const parts = rest.split("/");
  if (parts.length === 1) {
    const member = parts[0]?.replace(/\.properties$/, "") ?? "";
    return rest.endsWith(".properties") && SLUG.test(member) ? { kind: "organization", member } : undefined;
  }
  if (parts.length === 2) {
    const [member = "", file = ""] = parts;
    const service = file.replace(/\.properties$/, "");
    return file.endsWith(".properties") && SLUG.test(member) && SLUG.test(service)
      ? { kind: "service", member, service }
      : undefined;
  }
  return undefined;
}

/** The local path of a URL of this platform's generated files, or undefined for any other URL. */
export function localPathOf(config: Config, url: string): LocalPath | undefined {
  const prefix = `${config.baseUrl}${WELL_KNOWN}/`;
  return url.startsWith(prefix) ? parseLocalPath(url.slice(prefix.length)) : undefined;
}

type Member = FileMember;

export async function generateFederation(db: DB, config: Config, now: Date): Promise<string> {
  const urls = generatedUrls(config);
  const members = await federationFileMembers(db);
  const subs: Sub[] = members.map((m) => ({
    id: m.slug,
    url: m.chatonsinfos_url ?? urls.organization(m.slug),
  }));
  const absolute = (path: string) => (path.startsWith("http") ? path : `${config.baseUrl}${path}`);
  return writeFederation({
    url: urls.federation,
    datetime: now.toISOString(),
    generator: generator(),
    name: config.collective.name,
    description: config.collective.tagline.fr,
    website: `${config.baseUrl}/`,
    logo: absolute(config.collective.logo),
    contactEmail: config.collective.contactEmail,
    contactUrl: `${config.baseUrl}/fr/about`,
    legalUrl: `${config.baseUrl}/fr/legal`,
    subs,
  });
}

function jsonLinks(text: string): Record<string, string> {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(
      Object.entries(raw).filter(
        (e): e is [string, string] => typeof e[1] === "string" && /^https?:\/\//.test(e[1]),
      ),
    );
  } catch {
    return {};
  }
}

function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames(["fr"], { type: "region" }).of(code.toUpperCase()) ?? null;
  } catch {
    return null;
  }
}

export const memberBySlug = fileMemberBySlug;
export const servicesOf = fileServicesOf;
export type ServiceRow = FileService;

/** The organization file's content for a member, pointing at `url` and its services' files. */
export function organizationInput(config: Config, m: Member, services: ServiceRow[]): OrganizationInput {
  const urls = generatedUrls(config);
  return {
    url: urls.organization(m.slug),
    datetime: m.updated_at,
    generator: generator(),
    federation: federationKey(config),
    name: m.name,
    description: m.description_fr || m.description_en,
    type: toOrgType(m.type),
    status: toLevel(m.status),
    statusDescription: m.status_description,
    website: m.website,
    logo: m.logo_url && /^https?:\/\//.test(m.logo_url) ? m.logo_url : null,
    contactUrl: m.contact_url,
    contactEmail: m.contact_email,
    legalUrl: m.legal_url ?? m.tos_url,
    memberStatus: m.membership === "former" ? "AWAY" : toLevel(m.status),
    joinedAt: m.joined_at,
    countryCode: m.country_code,
    countryName: countryName(m.country_code),
    latitude: m.latitude,
    longitude: m.longitude,
    address: [m.city, m.region].filter(Boolean).join(", ") || null,
    social: jsonLinks(m.social_links),
    funding: jsonLinks(m.funding_links),
    subs: services.map((s) => ({ id: s.slug, url: s.chatonsinfos_url ?? urls.service(m.slug, s.slug) })),
  };
}

export async function generateOrganization(db: DB, config: Config, slug: string): Promise<string | null> {
  const m = await memberBySlug(db, slug);
  if (!m) return null;
  return writeOrganization(organizationInput(config, m, await servicesOf(db, m.id)));
}

export function serviceInput(config: Config, m: Member, s: ServiceRow): ServiceInput {
  return {
    url: generatedUrls(config).service(m.slug, s.slug),
    datetime: s.updated_at,
    generator: generator(),
    name: s.name,
    description: s.description_fr || s.description_en,
    website: s.url,
    legalUrl: m.tos_url ?? m.legal_url,
    contactUrl: m.contact_url,
    contactEmail: m.contact_email,
    startDate: s.start_date,
    status: toServiceStatus(s.status),
    registration: toRegistration(s.access),
    registrationLoad: toLoad(s.registration_load),
    ...(s.sw_name
      ? {
          software: { name: s.sw_name, website: s.sw_website, license: s.sw_license, sourceUrl: s.sw_source },
        }
      : {}),
    hostName: m.name,
    hostCountryCode: s.host_country,
    hostCountryName: countryName(s.host_country),
  };
}

export async function generateService(
  db: DB,
  config: Config,
  memberSlug: string,
  serviceSlug: string,
): Promise<string | null> {
  const m = await memberBySlug(db, memberSlug);
  if (!m) return null;
  const s = (await servicesOf(db, m.id)).find((x) => x.slug === serviceSlug);
  if (!s) return null;
  const entered = await lastEnteredAt(db, s.id);
  const input = serviceInput(config, m, s);
  return writeService({
    ...input,
    // Entering a value changes the file: its date says so.
    datetime: entered && entered > input.datetime ? entered : input.datetime,
    metrics: metricsLines(await enteredOf(db, s.id)),
  });
}

/** The text of a generated file, or null when the member or service does not exist. */
export async function generateLocal(
  db: DB,
  config: Config,
  path: LocalPath,
  now: Date,
): Promise<string | null> {
  if (path.kind === "federation") return generateFederation(db, config, now);
  if (path.kind === "organization") return generateOrganization(db, config, path.member);
  return generateService(db, config, path.member, path.service);
}
