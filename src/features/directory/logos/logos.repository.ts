import type { Selectable } from "kysely";
import type { DB } from "../../../db/adapter.js";
import { directoryDb, type MemberLogosTable } from "../directory.tables.js";
import type { LogoRefusal, LogoType } from "./logos.js";

/** All SQL about fetched member logos (member_logos). */

export type LogoRow = Selectable<MemberLogosTable>;

const DAY_MS = 86_400_000;
/** A logo that was fetched is asked for again after this long (with If-None-Match). */
export const LOGO_REFRESH_MS = 7 * DAY_MS;
/** A failed fetch is tried again sooner: the member may have fixed its server. */
export const LOGO_RETRY_MS = DAY_MS;

export async function findLogo(db: DB, memberId: string): Promise<LogoRow | undefined> {
  return directoryDb(db)
    .selectFrom("member_logos")
    .selectAll()
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

/** What pages need to show a stored logo: its version and size. */
export interface LogoRef {
  hash: string;
  width: number;
  height: number;
}

export function logoRef(row: {
  content_hash: string | null;
  width: number | null;
  height: number | null;
}): LogoRef | null {
  if (!row.content_hash || !row.width || !row.height) return null;
  return { hash: row.content_hash, width: Number(row.width), height: Number(row.height) };
}

/** The stored logo of one member, for pages that read the member from the database. */
export async function findLogoRef(db: DB, memberId: string): Promise<LogoRef | null> {
  const row = await directoryDb(db)
    .selectFrom("member_logos")
    .select(["content_hash", "width", "height"])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return row ? logoRef(row) : null;
}

/** What the logo route needs: the image and whether its member may be shown. */
export async function findLogoBySlug(db: DB, slug: string) {
  return directoryDb(db)
    .selectFrom("members")
    .innerJoin("member_logos", "member_logos.member_id", "members.id")
    .select([
      "members.id",
      "members.membership",
      "members.archived_at",
      "member_logos.content_type",
      "member_logos.data",
      "member_logos.content_hash",
    ])
    .where("members.slug", "=", slug)
    .executeTakeFirst();
}

export interface StoredImage {
  url: string;
  type: LogoType;
  data: string;
  hash: string;
  width: number;
  height: number;
  etag: string | null;
}

/** Keeps a freshly fetched image; `changed` says whether the bytes differ from the stored ones. */
export async function storeLogo(db: DB, memberId: string, image: StoredImage, at: string): Promise<boolean> {
  const previous = await findLogo(db, memberId);
  const changed = previous?.content_hash !== image.hash;
  const values = {
    tried_url: image.url,
    source_url: image.url,
    content_type: image.type,
    data: image.data,
    content_hash: image.hash,
    width: image.width,
    height: image.height,
    etag: image.etag,
    fetched_at: at,
    checked_at: at,
    updated_at: changed ? at : (previous?.updated_at ?? at),
    error: null,
  };
  await directoryDb(db)
    .insertInto("member_logos")
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column("member_id").doUpdateSet(values))
    .execute();
  return changed;
}

/** The source answered 304: the stored bytes are still the logo. */
export async function confirmLogo(db: DB, memberId: string, at: string): Promise<void> {
  await directoryDb(db)
    .updateTable("member_logos")
    .set({ fetched_at: at, checked_at: at, error: null })
    .where("member_id", "=", memberId)
    .execute();
}

/** Records why a fetch failed; the previous image, if any, stays. */
export async function recordLogoFailure(
  db: DB,
  memberId: string,
  url: string,
  reason: LogoRefusal,
  at: string,
): Promise<void> {
  await directoryDb(db)
    .insertInto("member_logos")
    .values({ member_id: memberId, tried_url: url, checked_at: at, updated_at: at, error: reason })
    .onConflict((oc) => oc.column("member_id").doUpdateSet({ tried_url: url, checked_at: at, error: reason }))
    .execute();
}

export async function deleteLogo(db: DB, memberId: string): Promise<boolean> {
  const result = await directoryDb(db)
    .deleteFrom("member_logos")
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Logos whose member no longer publishes an address (cleared by hand or by a crawl import). */
export async function deleteOrphanLogos(db: DB): Promise<number> {
  const orphans = await directoryDb(db)
    .selectFrom("member_logos")
    .innerJoin("members", "members.id", "member_logos.member_id")
    .select("members.id")
    .where("members.logo_url", "is", null)
    .execute();
  for (const o of orphans) await deleteLogo(db, o.id);
  return orphans.length;
}

/**
 * Members whose logo should be fetched now: a new or changed address, a logo not asked for in a
 * week, or a failure not retried for a day. Archived structures are left alone.
 */
export async function logosDue(db: DB, now: Date): Promise<{ id: string }[]> {
  const refreshBefore = new Date(now.getTime() - LOGO_REFRESH_MS).toISOString();
  const retryBefore = new Date(now.getTime() - LOGO_RETRY_MS).toISOString();
  return directoryDb(db)
    .selectFrom("members")
    .leftJoin("member_logos", "member_logos.member_id", "members.id")
    .select("members.id")
    .where("members.logo_url", "is not", null)
    .where("members.archived_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("member_logos.member_id", "is", null),
        eb("member_logos.tried_url", "<>", eb.ref("members.logo_url")),
        eb("member_logos.checked_at", "<", refreshBefore),
        eb.and([eb("member_logos.error", "is not", null), eb("member_logos.checked_at", "<", retryBefore)]),
      ]),
    )
    .orderBy("members.id")
    .execute();
}
