import type { DB } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import { peopleByIds } from "../../identity/identity.repository.js";
import { choresDb, type Recurrence, type TurnStatus } from "./chores.tables.js";
import { HORIZON, nextDueDates } from "./schedule.js";

/** The chores and their turns, as domain values; people's names come from identity. */

export interface Chore {
  id: string;
  slug: string;
  titleFr: string;
  titleEn: string;
  titleDe: string;
  descriptionFr: string;
  descriptionEn: string;
  descriptionDe: string;
  recurrence: Recurrence;
}

/** One turn of a chore. */
export interface Turn {
  id: string;
  choreId: string;
  dueDate: string;
  status: TurnStatus;
  assigneeId: string | null;
  note: string | null;
  doneAt: string | null;
}

/** A turn as pages, panels and exports show it: with its chore's title and who took it. */
export interface TurnView extends Turn {
  choreSlug: string;
  titleFr: string;
  titleEn: string;
  titleDe: string;
  assigneeName: string | null;
}

export async function listChores(db: DB): Promise<Chore[]> {
  const rows = await choresDb(db)
    .selectFrom("chores")
    .selectAll()
    .where("archived_at", "is", null)
    .orderBy("slug")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    titleFr: r.title_fr,
    titleEn: r.title_en,
    titleDe: r.title_de,
    descriptionFr: r.description_fr,
    descriptionEn: r.description_en,
    descriptionDe: r.description_de,
    recurrence: r.recurrence,
  }));
}

export async function listTurns(
  db: DB,
  filter: { from?: string; to?: string; assignee?: string } = {},
): Promise<TurnView[]> {
  let query = choresDb(db)
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select([
      "chore_turns.id",
      "chore_turns.chore_id",
      "chores.slug",
      "chores.title_fr",
      "chores.title_en",
      "chores.title_de",
      "chore_turns.due_date",
      "chore_turns.status",
      "chore_turns.assignee_person_id",
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
  const people = await peopleByIds(
    db,
    rows.flatMap((r) => (r.assignee_person_id ? [r.assignee_person_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    choreId: r.chore_id,
    choreSlug: r.slug,
    titleFr: r.title_fr,
    titleEn: r.title_en,
    titleDe: r.title_de,
    dueDate: r.due_date,
    status: r.status,
    assigneeId: r.assignee_person_id,
    assigneeName: r.assignee_person_id ? (people.get(r.assignee_person_id)?.name ?? null) : null,
    note: r.note,
    doneAt: r.done_at,
  }));
}

export async function findTurn(db: DB, id: string): Promise<Turn | undefined> {
  const row = await choresDb(db)
    .selectFrom("chore_turns")
    .select(["id", "chore_id", "due_date", "status", "assignee_person_id", "note", "done_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        choreId: row.chore_id,
        dueDate: row.due_date,
        status: row.status,
        assigneeId: row.assignee_person_id,
        note: row.note,
        doneAt: row.done_at,
      }
    : undefined;
}

/** Adds a turn unless the chore already has one that day; true when it was added. */
async function addTurn(
  db: DB,
  turn: { choreId: string; dueDate: string; assigneeId: string | null; status: TurnStatus },
  at: { doneAt: string | null; createdAt: string },
): Promise<boolean> {
  const result = await choresDb(db)
    .insertInto("chore_turns")
    .values({
      id: newId(),
      chore_id: turn.choreId,
      due_date: turn.dueDate,
      assignee_person_id: turn.assigneeId,
      status: turn.status,
      done_at: at.doneAt,
      note: null,
      reminded_at: null,
      created_at: at.createdAt,
    })
    .onConflict((oc) => oc.columns(["chore_id", "due_date"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Makes sure each chore has its next turns; safe to run again (unique chore + due date). */
export async function planTurns(db: DB, now: Date): Promise<number> {
  let created = 0;
  for (const chore of await listChores(db)) {
    for (const due of nextDueDates(chore.recurrence, now, HORIZON[chore.recurrence])) {
      const added = await addTurn(
        db,
        { choreId: chore.id, dueDate: due, assigneeId: null, status: "open" },
        { doneAt: null, createdAt: now.toISOString() },
      );
      if (added) created++;
    }
  }
  return created;
}

/** A turn of the past, already done or skipped (the demo's history). */
export async function recordPastTurn(
  db: DB,
  turn: { choreId: string; dueDate: string; assigneeId: string | null; status: "done" | "skipped" },
  createdAt: string,
): Promise<void> {
  await addTurn(db, turn, { doneAt: `${turn.dueDate}T18:00:00.000Z`, createdAt });
}

/** Takes an open, unassigned turn; false if someone else took it first. */
export async function takeTurn(db: DB, turnId: string, personId: string): Promise<boolean> {
  const result = await choresDb(db)
    .updateTable("chore_turns")
    .set({ assignee_person_id: personId })
    .where("id", "=", turnId)
    .where("status", "=", "open")
    .where("assignee_person_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseTurn(db: DB, turnId: string): Promise<void> {
  await choresDb(db)
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
  await choresDb(db)
    .updateTable("chore_turns")
    .set({ status, note, done_at: now.toISOString() })
    .where("id", "=", turnId)
    .execute();
}

export async function createChore(db: DB, input: Omit<Chore, "id">, now: Date): Promise<string> {
  const id = newId();
  await choresDb(db)
    .insertInto("chores")
    .values({
      id,
      slug: input.slug,
      title_fr: input.titleFr,
      title_en: input.titleEn,
      title_de: input.titleDe,
      description_fr: input.descriptionFr,
      description_en: input.descriptionEn,
      description_de: input.descriptionDe,
      recurrence: input.recurrence,
      created_at: now.toISOString(),
      archived_at: null,
    })
    .execute();
  return id;
}

export async function archiveChore(db: DB, slug: string, now: Date): Promise<void> {
  await choresDb(db)
    .updateTable("chores")
    .set({ archived_at: now.toISOString() })
    .where("slug", "=", slug)
    .execute();
}

/** A reminder to send: the turn, its chore, and the person on it. */
export interface Reminder {
  turnId: string;
  dueDate: string;
  titleFr: string;
  titleEn: string;
  titleDe: string;
  email: string;
  name: string;
  locale: string | null;
}

/** Turns due within `days` that have someone and were not yet reminded. */
export async function turnsToRemind(db: DB, now: Date, days: number): Promise<Reminder[]> {
  const today = now.toISOString().slice(0, 10);
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await choresDb(db)
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select([
      "chore_turns.id",
      "chore_turns.due_date",
      "chore_turns.assignee_person_id",
      "chores.title_fr",
      "chores.title_en",
      "chores.title_de",
    ])
    .where("chore_turns.status", "=", "open")
    .where("chore_turns.reminded_at", "is", null)
    .where("chore_turns.assignee_person_id", "is not", null)
    .where("chore_turns.due_date", ">=", today)
    .where("chore_turns.due_date", "<=", limit)
    .execute();
  const people = await peopleByIds(
    db,
    rows.flatMap((r) => (r.assignee_person_id ? [r.assignee_person_id] : [])),
  );
  return rows.flatMap((r) => {
    const person = r.assignee_person_id ? people.get(r.assignee_person_id) : undefined;
    return person
      ? [
          {
            turnId: r.id,
            dueDate: r.due_date,
            titleFr: r.title_fr,
            titleEn: r.title_en,
            titleDe: r.title_de,
            email: person.email,
            name: person.name,
            locale: person.locale,
          },
        ]
      : [];
  });
}

export async function markReminded(db: DB, turnId: string, now: Date): Promise<void> {
  await choresDb(db)
    .updateTable("chore_turns")
    .set({ reminded_at: now.toISOString() })
    .where("id", "=", turnId)
    .execute();
}
