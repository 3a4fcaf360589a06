import { z } from "zod";
import {
  checkbox,
  choice,
  choices,
  email,
  longText,
  optionalDate,
  optionalEmail,
  optionalNumber,
  optionalText,
  optionalUrl,
  text,
  url,
} from "../../http/forms.js";
import { slugify } from "../../db/ids.js";
import { MEMBERSHIP_ROLES } from "../../identity/identity.tables.js";
import {
  AUDIENCES,
  MEMBERSHIPS,
  MEMBER_STATUSES,
  MEMBER_TYPES,
  PRICES,
  REGISTRATION_LOADS,
  SERVICE_ACCESS,
  SERVICE_FAMILIES,
  SERVICE_STATUSES,
} from "./directory.tables.js";

/** Slugs appear in addresses: lower-case letters, digits and single dashes. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Words that are paths of their own under /members/ and /dashboard/. */
export const RESERVED_SLUGS = ["new", "invitations", "edit", "avatar", "map"];

const optionalSlug = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(60)
      .regex(SLUG, "directory.error.slug_format")
      .refine((v) => !RESERVED_SLUGS.includes(v), "directory.error.slug_reserved")
      .optional(),
  );

const countryCode = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v),
    z
      .string()
      .regex(/^[A-Z]{2}$/, "directory.error.country")
      .optional(),
  );

/**
 * "name URL" per line, e.g. "mastodon https://…": the shape of ChatonsInfos socialnetworks.* and
 * funding.* keys. Refused as a whole with the field named when one line is wrong.
 */
export function parseLinks(textValue: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of textValue.split("\n").map((l) => l.trim())) {
    if (!line) continue;
    const match = /^([A-Za-z0-9._-]{1,30})\s*[:=]?\s+(\S+)$/.exec(line);
    if (!match?.[1] || !match[2]) return null;
    if (!optionalUrl().safeParse(match[2]).success) return null;
    out[match[1].toLowerCase()] = match[2];
  }
  return Object.keys(out).length > 20 ? null : out;
}

export function formatLinks(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return "";
    return Object.entries(value)
      .filter((e): e is [string, string] => typeof e[1] === "string")
      .map(([k, v]) => `${k} ${v}`)
      .join("\n");
  } catch {
    return "";
  }
}

const links = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n") : ""),
    z
      .string()
      .max(3000)
      .transform((v, ctx) => {
        const parsed = parseLinks(v);
        if (parsed === null) {
          ctx.addIssue({ code: "custom", message: "directory.error.links" });
          return z.NEVER;
        }
        return parsed;
      }),
  );

const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "");

/** What a structure's own admins may change. */
export const MemberSchema = z
  .object({
    name: text(100),
    slug: optionalSlug(),
    type: choice(MEMBER_TYPES),
    description_fr: longText(2000),
    description_en: longText(2000),
    website: optionalUrl(),
    contact_email: optionalEmail(),
    contact_url: optionalUrl(),
    legal_url: optionalUrl(),
    tos_url: optionalUrl(),
    logo_url: optionalUrl(),
    city: optionalText(100),
    region: optionalText(100),
    country_code: countryCode(),
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    status: choice(MEMBER_STATUSES),
    status_description: optionalText(300),
    social_links: links(),
    funding_links: links(),
    chatonsinfos_url: optionalUrl(),
    chatonsinfos_source_of_truth: checkbox(),
  })
  .refine((v) => present(v.latitude) === present(v.longitude), {
    path: ["longitude"],
    message: "directory.error.coordinates",
    // Checked even when other fields are wrong, so that every problem is named at once.
    when: () => true,
  });

/** What only platform admins change: where the structure stands with the collective. */
export const MemberAdminSchema = z.object({
  membership: choice(MEMBERSHIPS),
  joined_at: optionalDate(),
  joined_round: optionalText(60),
});

/** A new structure: the essentials; the rest is edited afterwards. */
export const NewMemberSchema = z.object({
  name: text(100),
  slug: optionalSlug(),
  type: choice(MEMBER_TYPES),
  description_fr: longText(2000),
  website: optionalUrl(),
  contact_email: optionalEmail(),
  city: optionalText(100),
  // The form has always shown it; without it here a new member was missing from the region filter.
  region: optionalText(100),
  country_code: countryCode(),
});

const languages = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .max(100)
      .transform((v, ctx) => {
        const codes = v
          .split(/[\s,;]+/)
          .map((c) => c.trim().toLowerCase())
          .filter(Boolean);
        if (codes.some((c) => !/^[a-z]{2,3}$/.test(c))) {
          ctx.addIssue({ code: "custom", message: "directory.error.languages" });
          return z.NEVER;
        }
        return [...new Set(codes)];
      }),
  );

export const ServiceSchema = z.object({
  name: text(100),
  slug: optionalSlug(),
  category_id: text(60),
  description_fr: longText(1000),
  description_en: longText(1000),
  url: url(),
  software_name: optionalText(100),
  software_license: optionalText(60),
  software_source_url: optionalUrl(),
  access: choice(SERVICE_ACCESS),
  registration_load: choice(REGISTRATION_LOADS),
  price: choice(PRICES),
  audience: choices(AUDIENCES),
  languages: languages(),
  host_country: countryCode(),
  status: choice(SERVICE_STATUSES),
  start_date: optionalDate(),
  chatonsinfos_url: optionalUrl(),
});

export const InviteSchema = z.object({
  email: email(),
  role: choice(MEMBERSHIP_ROLES),
});

export const CategorySchema = z.object({
  name_fr: text(100),
  name_en: text(100),
  // Optional: German pages show the English name until someone writes the German.
  name_de: optionalText(100).transform((v) => v ?? ""),
  family: choice(SERVICE_FAMILIES),
  description_fr: longText(500),
  description_en: longText(500),
  position: optionalNumber(0, 10_000),
  archived: checkbox(),
});

export const NewCategorySchema = CategorySchema.extend({
  id: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().min(1, "form.error.required").max(60).regex(SLUG, "directory.error.slug_format"),
  ),
});

/** The slug asked for, or one made from the name. */
export function slugFor(requested: string | undefined, name: string): string {
  return requested ?? (slugify(name) || "chaton");
}
