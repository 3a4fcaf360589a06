import type { Selectable } from "kysely";
import type { DB } from "../../db/adapter.js";
import { directoryDb, type MembersTable } from "./directory.tables.js";

/**
 * What the directory publishes for the ChatonsInfos files the platform writes for its members
 * (stats/generated.ts): every column a file states, as the directory stores it. The mapping from
 * columns to keys is the stats feature's (chatonsinfos/mapping.ts); the reads are the directory's.
 */

/** A structure as its generated organization file states it. */
export type FileMember = Selectable<MembersTable>;

/** Members of the collective, by slug: the subs of the generated federation file. */
export async function federationFileMembers(db: DB) {
  return directoryDb(db)
    .selectFrom("members")
    .select(["slug", "chatonsinfos_url", "updated_at"])
    .where("membership", "=", "member")
    .where("archived_at", "is", null)
    .orderBy("slug")
    .execute();
}

/** A listed (not archived) structure with every column its organization file states. */
export async function fileMemberBySlug(db: DB, slug: string): Promise<FileMember | undefined> {
  return directoryDb(db)
    .selectFrom("members")
    .selectAll()
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/** A structure's listed services, by slug, with the software fields their files state. */
export async function fileServicesOf(db: DB, memberId: string) {
  return directoryDb(db)
    .selectFrom("services")
    .leftJoin("software", "software.id", "services.software_id")
    .selectAll("services")
    .select([
      "software.name as sw_name",
      "software.website as sw_website",
      "software.license as sw_license",
      "software.source_url as sw_source",
    ])
    .where("services.member_id", "=", memberId)
    .where("services.archived_at", "is", null)
    .orderBy("services.slug")
    .execute();
}

export type FileService = Awaited<ReturnType<typeof fileServicesOf>>[number];
