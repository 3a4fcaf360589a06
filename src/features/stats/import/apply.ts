import type { DB } from "../../../db/adapter.js";
import { audit, type AuditActor } from "../../../audit/audit.js";
import {
  findImportableMember,
  importMemberFields,
  importNewMember,
  importNewService,
  importServiceFields,
  importableServices,
  type ImportableService,
} from "../../directory/published.js";
import { memberFieldsFromFile, serviceFieldsFromFile } from "../chatonsinfos/mapping.js";
import { normaliseUrl } from "../crawl/match.js";
import type { Visit } from "../crawl/visit.js";
import { decide, stated, type Value } from "./decide.js";
import { loadRecords, saveRecord, type ImportRecord } from "./records.js";
import type { ImportEntry } from "./report.js";
import { categoryOf } from "./software.js";
import type { WalkedOrganization, WalkedService } from "./walk.js";

/**
 * One organization of the federation into the directory: its structure, then its services. In a
 * dry run every decision is made against the database as it is, and nothing is written.
 */

export interface ImportContext {
  dryRun: boolean;
  actor: AuditActor | null;
  federation: string;
  software: Map<string, { category: string }>;
  at: string;
}

const READ = new Set(["ok", "generated", "not-modified"]);
const failedRead = (v: Visit) => !READ.has(v.outcome.result) || !v.parsed || v.parsed.looksLikeHtml;

export async function importOrganization(db: DB, org: WalkedOrganization, ctx: ImportContext) {
  const { visit } = org;
  const name = visit.name ?? org.subsKey;
  const base = { kind: "member" as const, url: visit.url, name };
  if (failedRead(visit))
    return [{ ...base, action: "failed", reason: "fetch-failed", detail: visit.outcome.result } as const];
  if (visit.cls !== "organization" || !visit.parsed)
    return [{ ...base, action: "skipped", reason: "not-organization" } as const];
  const typed = memberFieldsFromFile(visit.parsed, ctx.federation);
  const file = stated(typed);
  const slug = org.subsKey || name;
  const target = await findImportableMember(db, { chatonsinfosUrl: visit.url, slug });
  const records = await loadRecords(db, [visit.url, ...org.services.map((s) => s.visit.url)]);
  const record = records.get(visit.url);
  let entry: ImportEntry;
  let memberId: string | null = target?.id ?? null;
  let memberSlug = target?.slug ?? slug;
  if (!target) {
    entry = { ...base, action: "created", fields: Object.keys(file) };
    if (!ctx.dryRun) {
      const made = await importNewMember(db, { slug, chatonsinfosUrl: visit.url, fields: typed }, ctx.at);
      memberId = made.id;
      memberSlug = made.slug;
    }
  } else {
    const sameRecord = record?.entityId === target.id ? record.fields : undefined;
    const { write, kept } = decide(file, target.values, sameRecord, target.filesAreSourceOfTruth);
    const fields = Object.keys(write);
    const columns = {
      ...only(typed, fields),
      ...(target.chatonsinfosUrl ? {} : { chatonsinfos_url: visit.url }),
    };
    if (!target.chatonsinfosUrl) fields.push("chatonsinfos_url");
    entry = {
      ...base,
      action: fields.length ? "updated" : "unchanged",
      ...(fields.length ? { fields } : {}),
      ...(kept.length ? { kept, reason: "edited" as const } : {}),
    };
    if (fields.length && !ctx.dryRun) await importMemberFields(db, target.id, columns, ctx.at);
  }
  entry.member = memberSlug;
  if (!ctx.dryRun && memberId)
    await recordAndAudit(db, ctx, {
      kind: "member",
      id: memberId,
      url: visit.url,
      fields: file,
      record,
      entry,
    });
  const existing = memberId ? await importableServices(db, memberId) : [];
  const services: ImportEntry[] = [];
  for (const s of org.services) {
    const result = await importService(db, s, { memberId, memberSlug, existing, records }, ctx);
    if (result) services.push(result);
  }
  return [entry, ...services];
}

interface Owner {
  memberId: string | null;
  memberSlug: string;
  existing: ImportableService[];
  /** What the import last read from the organization's files, by URL. */
  records: Map<string, ImportRecord>;
}

function matchService(url: string, address: string | undefined, owner: Owner) {
  const record = owner.records.get(url);
  const target =
    owner.existing.find((s) => s.id === record?.entityId) ??
    owner.existing.find((s) => s.chatonsinfosUrl === url) ??
    (address ? owner.existing.find((s) => normaliseUrl(s.url) === normaliseUrl(address)) : undefined);
  return { record, target };
}

async function importService(
  db: DB,
  s: WalkedService,
  owner: Owner,
  ctx: ImportContext,
): Promise<ImportEntry | null> {
  const { visit } = s;
  const base = {
    kind: "service" as const,
    url: visit.url,
    name: visit.name ?? s.subsKey,
    member: owner.memberSlug,
  };
  if (failedRead(visit))
    return { ...base, action: "failed", reason: "fetch-failed", detail: visit.outcome.result };
  // A metrics file listed by an organization carries no service to import.
  if (visit.cls === "metrics") return null;
  if (visit.cls !== "service" || !visit.parsed) return { ...base, action: "skipped", reason: "not-service" };
  const typed = serviceFieldsFromFile(visit.parsed);
  const file: Record<string, Value> = stated(typed);
  if (visit.softwareName) file.software = visit.softwareName;
  const address = typeof file.url === "string" ? file.url : undefined;
  const { record, target } = matchService(visit.url, address, owner);
  let entry: ImportEntry;
  let serviceId = target?.id ?? null;
  if (!target) {
    if (!address) return { ...base, action: "skipped", reason: "no-address" };
    const categoryId = categoryOf(ctx.software, visit.softwareName);
    if (!categoryId)
      return { ...base, action: "unplaced", reason: "no-category", detail: visit.softwareName ?? "" };
    if (!owner.memberId && !ctx.dryRun) return { ...base, action: "skipped", reason: "no-member" };
    entry = { ...base, action: "created", fields: Object.keys(file) };
    if (!ctx.dryRun && owner.memberId) {
      const made = await importNewService(
        db,
        {
          memberId: owner.memberId,
          slug: s.subsKey || base.name,
          categoryId,
          chatonsinfosUrl: visit.url,
          softwareName: visit.softwareName,
          fields: { ...typed, url: address },
        },
        ctx.at,
      );
      serviceId = made.id;
    }
  } else {
    const current = { ...target.values, software: target.softwareName };
    const sameRecord = record?.entityId === target.id ? record.fields : undefined;
    const { write, kept } = decide(file, current, sameRecord, false);
    const fields = Object.keys(write);
    const software = write.software;
    if (!target.chatonsinfosUrl) fields.push("chatonsinfos_url");
    entry = {
      ...base,
      action: fields.length ? "updated" : "unchanged",
      ...(fields.length ? { fields } : {}),
      ...(kept.length ? { kept, reason: "edited" as const } : {}),
    };
    if (fields.length && !ctx.dryRun)
      await importServiceFields(
        db,
        target.id,
        { ...only(typed, fields), ...(target.chatonsinfosUrl ? {} : { chatonsinfos_url: visit.url }) },
        typeof software === "string" ? software : undefined,
        ctx.at,
      );
  }
  if (!ctx.dryRun && serviceId)
    await recordAndAudit(db, ctx, {
      kind: "service",
      id: serviceId,
      url: visit.url,
      fields: file,
      record,
      entry,
    });
  return entry;
}

function copy<T, K extends keyof T>(from: T, to: Partial<T>, key: K): void {
  to[key] = from[key];
}

/** The typed fields of a file, only those the import decided to write. */
function only<T extends object>(typed: T, keys: readonly string[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (isKeyOf(typed, key)) copy(typed, out, key);
  return out;
}

const isKeyOf = <T extends object>(o: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(o, key);

/** Remembers what the file said (to tell later edits apart) and audits a change. */
async function recordAndAudit(
  db: DB,
  ctx: ImportContext,
  done: {
    kind: "member" | "service";
    id: string;
    url: string;
    fields: Record<string, Value>;
    record: ImportRecord | undefined;
    entry: ImportEntry;
  },
): Promise<void> {
  await saveRecord(
    db,
    { url: done.url, kind: done.kind, entityId: done.id, fields: done.fields },
    done.record,
    ctx.at,
  );
  const { action, fields } = done.entry;
  if (action === "created" || action === "updated")
    await audit(db, {
      actor: ctx.actor,
      action: `stats.import.${done.kind}`,
      subject: { type: done.kind, id: done.id },
      data: { url: done.url, created: action === "created", fields: fields ?? [] },
    });
}
