import { createHash } from "node:crypto";
import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import { newId, newToken } from "../../../db/ids.js";
import type { MembershipRole } from "../../../identity/identity.tables.js";
import { readAudit, type AuditRecord } from "../../../audit/audit.js";
import { directoryDb } from "../directory.tables.js";

/** People of a structure, invitations to join it, and its change history. */

export const INVITATION_DAYS = 7;
export const INVITATIONS_PER_DAY = 20;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates an invitation and returns its token (only its hash is stored). */
export async function createInvitation(
  db: DB,
  invite: { memberId: string; email: string; role: MembershipRole; invitedBy: string },
  now: Date,
): Promise<string> {
  const token = newToken();
  await directoryDb(db)
    .insertInto("member_invitations")
    .values({
      id: newId(),
      member_id: invite.memberId,
      email: invite.email,
      role: invite.role,
      token_hash: hashToken(token),
      invited_by: invite.invitedBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      accepted_at: null,
      accepted_by: null,
    })
    .execute();
  return token;
}

/** A usable invitation (not accepted, not expired, structure not archived), with its structure. */
export async function findInvitation(db: DB, token: string, now: Date) {
  return directoryDb(db)
    .selectFrom("member_invitations")
    .innerJoin("members", "members.id", "member_invitations.member_id")
    .select([
      "member_invitations.id",
      "member_invitations.role",
      "member_invitations.email",
      "members.id as member_id",
      "members.slug as member_slug",
      "members.name as member_name",
    ])
    .where("member_invitations.token_hash", "=", hashToken(token))
    .where("member_invitations.accepted_at", "is", null)
    .where("member_invitations.expires_at", ">", now.toISOString())
    .where("members.archived_at", "is", null)
    .executeTakeFirst();
}

/** Marks an invitation used; false if someone used it first (single use, even under a race). */
export async function consumeInvitation(db: DB, id: string, personId: string, now: Date): Promise<boolean> {
  const result = await directoryDb(db)
    .updateTable("member_invitations")
    .set({ accepted_at: now.toISOString(), accepted_by: personId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many invitations a structure sent since `since` (a cap keeps the platform from relaying spam). */
export async function countRecentInvitations(db: DB, memberId: string, since: Date): Promise<number> {
  const row = await directoryDb(db)
    .selectFrom("member_invitations")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("member_id", "=", memberId)
    .where("created_at", ">", since.toISOString())
    .executeTakeFirst();
  return toCount(row?.n);
}

export async function listPendingInvitations(db: DB, memberId: string, now: Date) {
  return directoryDb(db)
    .selectFrom("member_invitations")
    .select(["id", "email", "role", "expires_at"])
    .where("member_id", "=", memberId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at", "desc")
    .execute();
}

/** Audit entries about a structure and its services, newest first. */
export async function memberHistory(db: DB, memberId: string, limit = 200): Promise<AuditRecord[]> {
  const serviceIds = (
    await directoryDb(db).selectFrom("services").select("id").where("member_id", "=", memberId).execute()
  ).map((s) => s.id);
  return readAudit(db, {
    subjects: [
      { type: "member", ids: [memberId] },
      { type: "service", ids: serviceIds },
    ],
    limit,
  });
}
