import { createHash } from "node:crypto";
import type { DB } from "../../../db/adapter.js";
import { newToken } from "../../../db/ids.js";
import { collectiveDb } from "../collective.tables.js";

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Makes a new secret feed address for a person, replacing theirs: the old address stops working. */
export async function createFeed(db: DB, personId: string, at: string): Promise<string> {
  const token = newToken();
  await collectiveDb(db).deleteFrom("calendar_feeds").where("person_id", "=", personId).execute();
  await collectiveDb(db)
    .insertInto("calendar_feeds")
    .values({ token_hash: hash(token), person_id: personId, created_at: at })
    .execute();
  return token;
}

export async function revokeFeed(db: DB, personId: string): Promise<boolean> {
  const result = await collectiveDb(db)
    .deleteFrom("calendar_feeds")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whose feed a token opens, if any. */
export async function feedOwner(db: DB, token: string): Promise<string | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await collectiveDb(db)
    .selectFrom("calendar_feeds")
    .select("person_id")
    .where("token_hash", "=", hash(token))
    .executeTakeFirst();
  return row?.person_id;
}

export async function feedOf(db: DB, personId: string): Promise<{ createdAt: string } | undefined> {
  const row = await collectiveDb(db)
    .selectFrom("calendar_feeds")
    .select("created_at")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row ? { createdAt: row.created_at } : undefined;
}
