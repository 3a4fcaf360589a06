/**
 * The ChatonsInfos writer (pure): plain descriptions of a federation, an organization or a service
 * in, properties text out. Empty values are left out rather than written blank, so a generated
 * file never carries "void" lines, and every value is escaped so the reader gives it back intact.
 */

export type Lines = [key: string, value: string | number | null | undefined][];

export interface Section {
  title: string;
  lines: Lines;
}

const PROTOCOL = "ChatonsInfos-0.5";
/** Control characters other than tab and line breaks (handled apart), written as \uXXXX. */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

/** Java properties escaping for a value: backslashes, line breaks, a leading space. */
export function escapeValue(value: string): string {
  let out = value
    .replace(/\\/g, "\\\\")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (out.startsWith(" ")) out = `\\${out}`;
  // Quotes around a whole value are stripped by tolerant readers: escape the first one.
  if (out.length >= 2 && (out[0] === "'" || out[0] === '"') && out.endsWith(out[0])) out = `\\${out}`;
  return out;
}

export function writeSections(header: string, sections: Section[]): string {
  const out: string[] = [`# ${header}`];
  for (const section of sections) {
    const lines = section.lines.filter(
      (l): l is [string, string | number] =>
        l[1] !== null && l[1] !== undefined && String(l[1]).trim() !== "",
    );
    if (lines.length === 0) continue;
    out.push("", `# [${section.title}]`);
    for (const [key, value] of lines) out.push(`${key} = ${escapeValue(String(value).trim())}`);
  }
  return `${out.join("\n")}\n`;
}

/** DATETIME as documented: ISO without milliseconds or zone (the zone is UTC). */
export function fileDatetime(iso: string): string {
  return iso.slice(0, 19);
}

export interface FileHeader {
  url: string;
  datetime: string;
  generator: string;
}

function fileSection(cls: string, h: FileHeader): Section {
  return {
    title: "File",
    lines: [
      ["file.class", cls],
      ["file.protocol", PROTOCOL],
      ["file.datetime", fileDatetime(h.datetime)],
      ["file.generator", h.generator],
      ["file.url", h.url],
    ],
  };
}

export interface Sub {
  id: string;
  url: string;
}

const subsSection = (subs: Sub[]): Section => ({
  title: "Subs",
  lines: subs.map((s): [string, string] => [`subs.${s.id}`, s.url]),
});

export interface FederationInput extends FileHeader {
  name: string;
  description: string;
  website: string;
  logo?: string | null;
  contactEmail: string;
  contactUrl?: string | null;
  legalUrl?: string | null;
  subs: Sub[];
}

export function writeFederation(f: FederationInput): string {
  return writeSections(`ChatonsInfos — ${f.name} (generated)`, [
    fileSection("Federation", f),
    {
      title: "Federation",
      lines: [
        ["federation.name", f.name],
        ["federation.description", f.description],
        ["federation.website", f.website],
        ["federation.logo", f.logo],
        ["federation.favicon", f.logo],
        ["federation.contact.url", f.contactUrl],
        ["federation.contact.email", f.contactEmail],
        ["federation.legal.url", f.legalUrl],
      ],
    },
    subsSection(f.subs),
  ]);
}

export interface OrganizationInput extends FileHeader {
  /** Lower-case name of the federation in organization.memberof.<name>.* */
  federation: string;
  name: string;
  description?: string | null;
  type: string;
  status: string;
  statusDescription?: string | null;
  website?: string | null;
  logo?: string | null;
  contactUrl?: string | null;
  contactEmail?: string | null;
  legalUrl?: string | null;
  memberStatus: string;
  joinedAt?: string | null;
  countryName?: string | null;
  countryCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  social?: Record<string, string>;
  funding?: Record<string, string>;
  subs: Sub[];
}

const keyPart = (name: string) => name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");

export function writeOrganization(o: OrganizationInput): string {
  const m = `organization.memberof.${keyPart(o.federation)}`;
  return writeSections(`ChatonsInfos — ${o.name} (generated)`, [
    fileSection("Organization", o),
    {
      title: "Organisation",
      lines: [
        ["organization.name", o.name],
        ["organization.description", o.description],
        ["organization.type", o.type],
        ["organization.status.level", o.status],
        ["organization.status.description", o.statusDescription],
        ["organization.website", o.website],
        ["organization.logo", o.logo],
        ["organization.contact.url", o.contactUrl],
        ["organization.contact.email", o.contactEmail],
        ["organization.legal.url", o.legalUrl],
        [`${m}.status.level`, o.memberStatus],
        [`${m}.startdate`, o.joinedAt],
        ["organization.country.name", o.countryName],
        ["organization.country.code", o.countryCode],
        ["organization.geolocation.latitude", o.latitude],
        ["organization.geolocation.longitude", o.longitude],
        ["organization.geolocation.address", o.address],
        ...Object.entries(o.social ?? {}).map(([k, v]): [string, string] => [
          `organization.socialnetworks.${keyPart(k)}`,
          v,
        ]),
        ...Object.entries(o.funding ?? {}).map(([k, v]): [string, string] => [
          `organization.funding.${keyPart(k)}`,
          v,
        ]),
      ],
    },
    subsSection(o.subs),
  ]);
}

export interface ServiceInput extends FileHeader {
  name: string;
  description?: string | null;
  website: string;
  legalUrl?: string | null;
  contactUrl?: string | null;
  contactEmail?: string | null;
  startDate?: string | null;
  status: string;
  registration: string;
  registrationLoad: string;
  software?: { name: string; website?: string | null; license?: string | null; sourceUrl?: string | null };
  hostName?: string | null;
  hostCountryCode?: string | null;
  hostCountryName?: string | null;
  subs?: Sub[];
  metrics?: Lines;
}

export function writeService(s: ServiceInput): string {
  const license = s.software?.license;
  return writeSections(`ChatonsInfos — ${s.name} (generated)`, [
    fileSection("Service", s),
    {
      title: "Service",
      lines: [
        ["service.name", s.name],
        ["service.description", s.description],
        ["service.website", s.website],
        ["service.legal.url", s.legalUrl],
        ["service.contact.url", s.contactUrl],
        ["service.contact.email", s.contactEmail],
        ["service.startdate", s.startDate],
        ["service.status.level", s.status],
        ["service.registration", s.registration],
        ["service.registration.load", s.registrationLoad],
      ],
    },
    {
      title: "Software",
      lines: [
        ["software.name", s.software?.name],
        ["software.website", s.software?.website],
        ["software.license.name", license],
        ["software.license.url", license ? `https://spdx.org/licenses/${license}.html` : null],
        ["software.source.url", s.software?.sourceUrl],
      ],
    },
    {
      title: "Host",
      lines: [
        ["host.name", s.hostName],
        ["host.country.name", s.hostCountryName],
        ["host.country.code", s.hostCountryCode],
      ],
    },
    subsSection(s.subs ?? []),
    { title: "Metrics", lines: s.metrics ?? [] },
  ]);
}

/** A metrics file (the 0.4 layout): file section and metrics.* lines only. */
export function writeMetrics(h: FileHeader & { name: string; metrics: Lines }): string {
  return writeSections(`ChatonsInfos — ${h.name} metrics (generated)`, [
    fileSection("Service", h),
    { title: "Metrics", lines: h.metrics },
  ]);
}
