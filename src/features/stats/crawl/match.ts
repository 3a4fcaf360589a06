import type { Deps } from "../../../deps.js";
import { slugify } from "../../../db/ids.js";
import {
  importableMembers,
  importableServices,
  type ImportableMember,
  type ImportableService,
} from "../../directory/published.js";
import { generatedUrls, localPathOf } from "../generated.js";
import type { Visit } from "./visit.js";

/**
 * Which directory member and services the crawled files describe. Files name themselves only by
 * URL and free text, so matching tries the strongest evidence first: the URL the member gave,
 * the platform's own URL, the service's web address, the subs id, then the software name.
 */

export type DirectoryService = ImportableService;

export interface OrgContext {
  member: ImportableMember | undefined;
  services: DirectoryService[];
}

export function normaliseUrl(url: string | null | undefined): string {
  if (!url) return "";
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, "")
    .replace(/\/+$/, "");
}

function hostOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : "";
  } catch {
    return "";
  }
}

/** The directory's members, looked up by id, organization file URL, slug and website host. */
export interface MemberIndex {
  byId: Map<string, ImportableMember>;
  byUrl: Map<string, ImportableMember>;
  bySlug: Map<string, ImportableMember>;
  byHost: Map<string, ImportableMember[]>;
}

/** Read once per crawl, so matching an organization costs no query. */
export async function loadMemberIndex(deps: Deps): Promise<MemberIndex> {
  const rows = await importableMembers(deps.db);
  const index: MemberIndex = { byId: new Map(), byUrl: new Map(), bySlug: new Map(), byHost: new Map() };
  for (const m of rows) {
    index.byId.set(m.id, m);
    index.bySlug.set(m.slug, m);
    if (m.chatonsinfosUrl) index.byUrl.set(m.chatonsinfosUrl, m);
    const host = hostOf(m.website);
    if (host) index.byHost.set(host, [...(index.byHost.get(host) ?? []), m]);
  }
  return index;
}

export async function matchMember(
  deps: Deps,
  url: string,
  org: Visit | undefined,
  memberId: string | null,
  known?: MemberIndex,
): Promise<OrgContext> {
  const index = known ?? (await loadMemberIndex(deps));
  const local = localPathOf(deps.config, url);
  const website = org?.parsed?.values.get("organization.website")?.value;
  const sameHost = website ? (index.byHost.get(hostOf(website)) ?? []) : [];
  const member =
    (memberId ? index.byId.get(memberId) : undefined) ??
    index.byUrl.get(url) ??
    (local?.kind === "organization" ? index.bySlug.get(local.member) : undefined) ??
    (sameHost.length === 1 ? sameHost[0] : undefined);
  const services = member ? await importableServices(deps.db, member.id) : [];
  return { member, services };
}

/**
 * The directory service a service file describes, or undefined. Without `bySoftware`, only
 * evidence that names one service (its URLs, its subs key); with it, also the software name when a
 * single service of the member runs it.
 */
export function findService(
  ctx: OrgContext,
  visit: Visit,
  memberSlug: string | undefined,
  bySoftware = true,
): DirectoryService | undefined {
  const byUrl = ctx.services.find((s) => s.chatonsinfosUrl === visit.url);
  if (byUrl) return byUrl;
  const local = memberSlug
    ? visit.url.match(/\/\.well-known\/chatonsinfos\/([^/]+)\/([^/]+)\.properties$/)
    : null;
  if (local && local[1] === memberSlug) {
    const s = ctx.services.find((x) => x.slug === local[2]);
    if (s) return s;
  }
  const website = normaliseUrl(visit.parsed?.values.get("service.website")?.value);
  if (website) {
    const s = ctx.services.find((x) => normaliseUrl(x.url) === website);
    if (s) return s;
  }
  if (visit.subsKey) {
    const s = ctx.services.find((x) => x.slug === slugify(visit.subsKey ?? ""));
    if (s) return s;
  }
  if (!bySoftware) return undefined;
  const software = visit.softwareName ? slugify(visit.softwareName) : "";
  const same = software ? ctx.services.filter((x) => x.softwareSlug === software) : [];
  return same.length === 1 ? same[0] : undefined;
}

/** Sets member and service ids on the visits; a metrics file belongs to its parent's service. */
export function matchServices(ctx: OrgContext, visits: Visit[]): void {
  const memberId = ctx.member?.id ?? null;
  const byUrl = new Map(visits.map((v) => [v.url, v]));
  const taken = new Set<string>();
  for (const v of visits) v.memberId = memberId;
  // Strong evidence for every file first: otherwise a file matched by its software alone could
  // take the service that another file, seen later, names by its address.
  for (const bySoftware of [false, true]) {
    for (const v of visits) {
      if (v.cls !== "service" || v.serviceId) continue;
      const s = findService(
        { ...ctx, services: ctx.services.filter((x) => !taken.has(x.id)) },
        v,
        ctx.member?.slug,
        bySoftware,
      );
      if (s) {
        v.serviceId = s.id;
        taken.add(s.id);
      }
    }
  }
  for (const v of visits) {
    if (v.cls === "metrics" && v.parentUrl) v.serviceId = byUrl.get(v.parentUrl)?.serviceId ?? null;
  }
}

/** subs.<slug> of the platform's federation file name members; other federations use their URL. */
export async function memberIdsBySubs(
  deps: Deps,
  subs: { key: string; url: string }[],
): Promise<Map<string, string>> {
  const rows = await importableMembers(deps.db);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const byUrl = new Map(rows.flatMap((r) => (r.chatonsinfosUrl ? [[r.chatonsinfosUrl, r.id]] : [])));
  const out = new Map<string, string>();
  for (const s of subs) {
    const id =
      byUrl.get(s.url) ??
      bySlug.get(s.key) ??
      (generatedMember(deps, s.url) ? bySlug.get(generatedMember(deps, s.url) ?? "") : undefined);
    if (id) out.set(s.url, id);
  }
  return out;
}

function generatedMember(deps: Deps, url: string): string | undefined {
  const prefix = generatedUrls(deps.config).organization("");
  const base = prefix.slice(0, -".properties".length);
  return url.startsWith(base) && url.endsWith(".properties")
    ? url.slice(base.length, -".properties".length)
    : undefined;
}
