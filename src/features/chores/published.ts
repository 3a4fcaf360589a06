import type { DB } from "../../db/adapter.js";
import type { TurnStatus } from "./chores.tables.js";
import { choresDb } from "./chores.tables.js";

/**
 * What the chores feature publishes to the others: its turns, read-only, with who holds them (a
 * person id; names come from identity). Queried through the plain handle: chores has no owner
 * view (`choresDb`) yet; when it does, only this file changes.
 */

export interface PublishedTurn {
  id: string;
  choreSlug: string;
  titleFr: string;
  titleEn: string;
  /** '' when the chore has no German title. */
  titleDe: string;
  /** YYYY-MM-DD: the day the turn starts (a weekly turn covers the week from its Monday). */
  dueDate: string;
  status: TurnStatus;
  assigneeId: string | null;
}

/** Turns of chores still in use, by due date; between two days, of one chore, or of one person. */
export async function choreTurns(
  db: DB,
  filter: { from?: string; to?: string; choreSlug?: string; assigneeId?: string },
): Promise<PublishedTurn[]> {
  let query = choresDb(db)
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select([
      "chore_turns.id",
      "chores.slug",
      "chores.title_fr",
      "chores.title_en",
      "chores.title_de",
      "chore_turns.due_date",
      "chore_turns.status",
      "chore_turns.assignee_person_id",
    ])
    .where("chores.archived_at", "is", null)
    .orderBy("chore_turns.due_date")
    .orderBy("chores.slug");
  if (filter.from) query = query.where("chore_turns.due_date", ">=", filter.from);
  if (filter.to) query = query.where("chore_turns.due_date", "<=", filter.to);
  if (filter.choreSlug) query = query.where("chores.slug", "=", filter.choreSlug);
  if (filter.assigneeId) query = query.where("chore_turns.assignee_person_id", "=", filter.assigneeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    choreSlug: r.slug,
    titleFr: r.title_fr,
    titleEn: r.title_en,
    titleDe: r.title_de,
    dueDate: r.due_date,
    status: r.status,
    assigneeId: r.assignee_person_id,
  }));
}
