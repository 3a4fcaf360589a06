import type { DB } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import type { Recurrence } from "./chores.tables.js";
import { HORIZON, nextDueDates } from "./schedule.js";

export async function listChores(db: DB) {
  return db.selectFrom("chores").selectAll().where("archived_at", "is", null).orderBy("slug").execute();
}

export interface TurnView {
  id: string;
  choreId: string;
  choreSlug: string;
  titleFr: string;
  titleEn: string;
  dueDate: string;
  status: "open" | "done" | "skipped";
  assigneeId: string | null;
  assigneeName: string | null;
  note: string | null;
  doneAt: string | null;
}

export async function listTurns(
  db: DB,
  filter: { from?: string; to?: string; assignee?: string } = {},
): Promise<TurnView[]> {
  let query = db
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .leftJoin("people", "people.id", "chore_turns.assignee_person_id")
    .select([
      "chore_turns.id",
      "chore_turns.chore_id",
      "chores.slug",
      "chores.title_fr",
      "chores.title_en",
      "chore_turns.due_date",
      "chore_turns.status",
      "chore_turns.assignee_person_id",
      "people.name as assignee_name",
      "chore_turns.note",
      "chore_turns.done_at",
    ])
    .where("chores.archived_at", "is", null)
    .orderBy("chore_turns.due_date")
    .orderBy("chores.slug");
  if (filter.from) query = query.where("chore_turns.due_date", ">=", filter.from);
  if (filter.to) query = query.where("chore_turns.due_date", "<=", filter.to);
  if (filter.assignee) query = query.where("chore_turns.assignee_person_id", "=", filter.assignee);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    choreId: r.chore_id,
    choreSlug: r.slug,
    titleFr: r.title_fr,
    titleEn: r.title_en,
    dueDate: r.due_date,
    status: r.status,
    assigneeId: r.assignee_person_id,
    assigneeName: r.assignee_name,
    note: r.note,
    doneAt: r.done_at,
  }));
}

export async function findTurn(db: DB, id: string) {
  return db.selectFrom("chore_turns").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Makes sure each chore has its next turns; safe to run again (unique chore + due date). */
export async function planTurns(db: DB, now: Date): Promise<number> {
  let created = 0;
  for (const chore of await listChores(db)) {
    for (const due of nextDueDates(chore.recurrence, now, HORIZON[chore.recurrence])) {
      const result = await db
        .insertInto("chore_turns")
        .values({
          id: newId(),
          chore_id: chore.id,
          due_date: due,
          assignee_person_id: null,
          status: "open",
          done_at: null,
          note: null,
          reminded_at: null,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(["chore_id", "due_date"]).doNothing())
        .executeTakeFirst();
      created += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return created;
}

/** Takes an open, unassigned turn; false if someone else took it first. */
export async function takeTurn(db: DB, turnId: string, personId: string): Promise<boolean> {
  const result = await db
    .updateTable("chore_turns")
    .set({ assignee_person_id: personId })
    .where("id", "=", turnId)
    .where("status", "=", "open")
    .where("assignee_person_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseTurn(db: DB, turnId: string): Promise<void> {
  await db
    .updateTable("chore_turns")
    .set({ assignee_person_id: null, reminded_at: null })
    .where("id", "=", turnId)
    .where("status", "=", "open")
    .execute();
}

export async function closeTurn(
  db: DB,
  turnId: string,
  status: "done" | "skipped",
  note: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable("chore_turns")
    .set({ status, note, done_at: now.toISOString() })
    .where("id", "=", turnId)
    .execute();
}

export async function createChore(
  db: DB,
  input: {
    slug: string;
    titleFr: string;
    titleEn: string;
    descriptionFr: string;
    descriptionEn: string;
    recurrence: Recurrence;
  },
  now: Date,
): Promise<string> {
  const id = newId();
  await db
    .insertInto("chores")
    .values({
      id,
      slug: input.slug,
      title_fr: input.titleFr,
      title_en: input.titleEn,
      description_fr: input.descriptionFr,
      description_en: input.descriptionEn,
      recurrence: input.recurrence,
      created_at: now.toISOString(),
      archived_at: null,
    })
    .execute();
  return id;
}

export async function archiveChore(db: DB, slug: string, now: Date): Promise<void> {
  await db.updateTable("chores").set({ archived_at: now.toISOString() }).where("slug", "=", slug).execute();
}

/** Turns due within `days` that have someone and were not yet reminded. */
export async function turnsToRemind(db: DB, now: Date, days: number) {
  const today = now.toISOString().slice(0, 10);
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return db
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .innerJoin("people", "people.id", "chore_turns.assignee_person_id")
    .select([
      "chore_turns.id",
      "chore_turns.due_date",
      "chores.title_fr",
      "chores.title_en",
      "people.email",
      "people.name",
      "people.locale",
    ])
    .where("chore_turns.status", "=", "open")
    .where("chore_turns.reminded_at", "is", null)
    .where("chore_turns.due_date", ">=", today)
    .where("chore_turns.due_date", "<=", limit)
    .execute();
}

export async function markReminded(db: DB, turnId: string, now: Date): Promise<void> {
  await db
    .updateTable("chore_turns")
    .set({ reminded_at: now.toISOString() })
    .where("id", "=", turnId)
    .execute();
}
