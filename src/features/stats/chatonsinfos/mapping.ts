import type {
  MemberStatus,
  MemberType,
  RegistrationLoad,
  ServiceAccess,
  ServiceStatus,
} from "../../directory/directory.tables.js";
import { MEMBER_TYPES } from "../../directory/directory.tables.js";
import type { ParsedFile } from "./parse.js";
import type { ImportMemberFields, ImportServiceFields } from "../../directory/published.js";
import { isCountryCode, isEmail, isHttpUrl, parseDate, parseDecimalDegree, splitList } from "./values.js";

/**
 * Directory columns ↔ ChatonsInfos keys (pure). The writer uses the "to" direction, the import
 * and the side-by-side comparison use the "from" direction; both live here so they stay inverse.
 */

export const toOrgType = (t: MemberType) => t.toUpperCase();
export const toLevel = (s: MemberStatus) => s.toUpperCase();

export function toServiceStatus(s: ServiceStatus): string {
  return { ok: "OK", maintenance: "MAINTENANCE", down: "DOWN", off: "OFF" }[s];
}
export function toRegistration(a: ServiceAccess): string {
  return { none: "None", open: "Free", members: "Member", clients: "Client" }[a];
}
export const toLoad = (l: RegistrationLoad) => l.toUpperCase();

function fromOrgType(v: string): MemberType | undefined {
  const t = v.trim().toLowerCase();
  return MEMBER_TYPES.find((x) => x === t);
}
function fromLevel(v: string): MemberStatus | undefined {
  const t = v.trim().toLowerCase();
  return t === "active" || t === "idle" || t === "away" ? t : undefined;
}
export function fromServiceStatus(v: string): ServiceStatus | undefined {
  const t = v.trim().toUpperCase();
  if (t === "OK" || t === "ON") return "ok";
  if (t === "MAINTENANCE" || t === "WARNING" || t === "DRAFT") return "maintenance";
  if (t === "DOWN" || t === "ERROR" || t === "ALERT") return "down";
  if (t === "OFF" || t === "OVER" || t === "VOID") return "off";
  return undefined;
}
/** The most open access listed ("Free,Member" → open): what a visitor can get. */
export function fromRegistration(v: string): ServiceAccess | undefined {
  const items = splitList(v).map((x) => x.toLowerCase());
  if (items.includes("none")) return "none";
  if (items.includes("free")) return "open";
  if (items.includes("member")) return "members";
  if (items.includes("client")) return "clients";
  return undefined;
}
function fromLoad(v: string): RegistrationLoad | undefined {
  const t = v.trim().toLowerCase();
  return t === "open" || t === "full" ? t : undefined;
}

/** The value in force for the first `organization.memberof.*.<suffix>` key, preferring `preferred`. */
function memberOf(file: ParsedFile, suffix: string, preferred: string): string | undefined {
  const direct = file.values.get(`organization.memberof.${preferred}.${suffix}`);
  if (direct) return direct.value;
  for (const [key, p] of file.values)
    if (key.startsWith("organization.memberof.") && key.endsWith(`.${suffix}`)) return p.value;
  return undefined;
}

/** The fields a file can state, as the directory's import writes them (one shape, the owner's). */
export type MemberFieldsFromFile = ImportMemberFields;

const url = (v: string | undefined) => (v && isHttpUrl(v) ? v.trim() : undefined);
const text = (v: string | undefined, max = 500) => (v && v.trim() ? v.trim().slice(0, max) : undefined);

/** What an organization file says, as directory columns; invalid values are left out. */
export function memberFieldsFromFile(file: ParsedFile, federation: string): MemberFieldsFromFile {
  const v = (k: string) => file.values.get(k)?.value;
  const out: MemberFieldsFromFile = {};
  const set = <K extends keyof MemberFieldsFromFile>(k: K, value: MemberFieldsFromFile[K] | undefined) => {
    if (value !== undefined) out[k] = value;
  };
  set("name", text(v("organization.name"), 120));
  set("description_fr", text(v("organization.description"), 2000));
  set("type", fromOrgType(v("organization.type") ?? ""));
  set(
    "status",
    fromLevel(memberOf(file, "status.level", federation) ?? v("organization.status.level") ?? ""),
  );
  set("status_description", text(v("organization.status.description")));
  set("website", url(v("organization.website")));
  set("logo_url", url(v("organization.logo")));
  const email = v("organization.contact.email");
  set("contact_email", email && isEmail(email) ? email.trim().toLowerCase() : undefined);
  set("contact_url", url(v("organization.contact.url")));
  set("legal_url", url(v("organization.legal.url")));
  set("joined_at", parseDate(memberOf(file, "startdate", federation) ?? "")?.iso);
  const cc = v("organization.country.code");
  set("country_code", cc && isCountryCode(cc) ? cc.trim().toUpperCase() : undefined);
  set("latitude", parseDecimalDegree(v("organization.geolocation.latitude") ?? ""));
  set("longitude", parseDecimalDegree(v("organization.geolocation.longitude") ?? ""));
  return out;
}

export type ServiceFieldsFromFile = ImportServiceFields;

export function serviceFieldsFromFile(file: ParsedFile): ServiceFieldsFromFile {
  const v = (k: string) => file.values.get(k)?.value;
  const out: ServiceFieldsFromFile = {};
  const set = <K extends keyof ServiceFieldsFromFile>(k: K, value: ServiceFieldsFromFile[K] | undefined) => {
    if (value !== undefined) out[k] = value;
  };
  set("name", text(v("service.name"), 120));
  set("description_fr", text(v("service.description"), 2000));
  set("url", url(v("service.website")));
  set("status", fromServiceStatus(v("service.status.level") ?? ""));
  set("access", fromRegistration(v("service.registration") ?? ""));
  set("registration_load", fromLoad(v("service.registration.load") ?? ""));
  set("start_date", parseDate(v("service.startdate") ?? "")?.iso);
  const cc = v("host.country.code");
  set("host_country", cc && isCountryCode(cc) ? cc.trim().toUpperCase() : undefined);
  return out;
}

export interface FieldDifference {
  field: string;
  directory: string;
  crawled: string;
}

/** URLs compare without scheme case, trailing slash or "www.", so cosmetic changes are not flagged. */
export function comparable(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value).trim();
  if (/^https?:\/\//i.test(s))
    return s
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?/, "")
      .replace(/\/+$/, "");
  if (typeof value === "number") return value.toFixed(3);
  return s.toLowerCase();
}

/** Fields where the crawled file and the directory disagree (only fields the file states). */
export function differences<T extends object>(
  directory: Record<string, unknown>,
  crawled: T,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const [field, value] of Object.entries(crawled)) {
    if (value === undefined) continue;
    const current = directory[field];
    if (comparable(current) !== comparable(value))
      out.push({
        field,
        directory: current === null || current === undefined ? "" : String(current),
        crawled: String(value),
      });
  }
  return out;
}
