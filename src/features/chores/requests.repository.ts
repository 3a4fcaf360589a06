import type { DB } from "../../db/adapter.js";
import { toCount } from "../../db/adapter.js";
import { newId } from "../../db/ids.js";
import { choresDb, type RequestStatus } from "./chores.tables.js";
import { takeTurn } from "./chores.repository.js";

/** A coordinator's request that a named person take a turn, with the turn it is about. */
export interface ChoreRequest {
  id: string;
  turnId: string;
  personId: string;
  askedBy: string | null;
  status: RequestStatus;
  createdAt: string;
  answeredAt: string | null;
  remindedAt: string | null;
  dueDate: string;
  choreSlug: string;
  titleFr: string;
  titleEn: string;
  titleDe: string;
  /** The turn's own state: the request can only be accepted while it is open and free. */
  turnFree: boolean;
}

function requests(db: DB) {
  return choresDb(db)
    .selectFrom("chore_requests")
    .innerJoin("chore_turns", "chore_turns.id", "chore_requests.turn_id")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select([
      "chore_requests.id",
      "chore_requests.turn_id",
      "chore_requests.person_id",
      "chore_requests.asked_by",
      "chore_requests.status",
      "chore_requests.created_at",
      "chore_requests.answered_at",
      "chore_requests.reminded_at",
      "chore_turns.due_date",
      "chore_turns.status as turn_status",
      "chore_turns.assignee_person_id",
      "chores.slug",
      "chores.title_fr",
      "chores.title_en",
      "chores.title_de",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof requests>["executeTakeFirstOrThrow"]>>;

const toRequest = (r: Row): ChoreRequest => ({
  id: r.id,
  turnId: r.turn_id,
  personId: r.person_id,
  askedBy: r.asked_by,
  status: r.status,
  createdAt: r.created_at,
  answeredAt: r.answered_at,
  remindedAt: r.reminded_at,
  dueDate: r.due_date,
  choreSlug: r.slug,
  titleFr: r.title_fr,
  titleEn: r.title_en,
  titleDe: r.title_de,
  turnFree: r.turn_status === "open" && r.assignee_person_id === null,
});

export async function findRequest(db: DB, id: string): Promise<ChoreRequest | undefined> {
  const row = await requests(db).where("chore_requests.id", "=", id).executeTakeFirst();
  return row ? toRequest(row) : undefined;
}

/** Asks `personId` to take a turn; an earlier request for the same turn still unanswered is withdrawn. */
export async function askTurn(
  db: DB,
  input: { turnId: string; personId: string; askedBy: string | null },
  now: Date,
): Promise<string> {
  const at = now.toISOString();
  await choresDb(db)
    .updateTable("chore_requests")
    .set({ status: "cancelled", answered_at: at })
    .where("turn_id", "=", input.turnId)
    .where("status", "=", "pending")
    .execute();
  const id = newId();
  await choresDb(db)
    .insertInto("chore_requests")
    .values({
      id,
      turn_id: input.turnId,
      person_id: input.personId,
      asked_by: input.askedBy,
      status: "pending",
      created_at: at,
      answered_at: null,
      reminded_at: null,
    })
    .execute();
  return id;
}

/** Moves a pending request to its answer; false when it was already answered (or withdrawn). */
async function answer(db: DB, id: string, status: "accepted" | "declined", now: Date): Promise<boolean> {
  const result = await choresDb(db)
    .updateTable("chore_requests")
    .set({ status, answered_at: now.toISOString() })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Accepting puts the turn in the person's name, in the caller's transaction: "taken" when someone
 * took the turn in between (the request then stays unanswered), "answered" when it was not pending.
 */
export async function acceptRequest(
  db: DB,
  request: ChoreRequest,
  now: Date,
): Promise<"accepted" | "taken" | "answered"> {
  if (!(await answer(db, request.id, "accepted", now))) return "answered";
  if (!(await takeTurn(db, request.turnId, request.personId))) return "taken";
  return "accepted";
}

export async function declineRequest(db: DB, id: string, now: Date): Promise<boolean> {
  return answer(db, id, "declined", now);
}

/** The requests waiting for this person's answer, soonest turn first. */
export async function pendingFor(db: DB, personId: string): Promise<ChoreRequest[]> {
  const rows = await requests(db)
    .where("chore_requests.person_id", "=", personId)
    .where("chore_requests.status", "=", "pending")
    .orderBy("chore_turns.due_date")
    .execute();
  return rows.map(toRequest);
}

/** The unanswered request of each of these turns, if any. */
export async function pendingOfTurns(db: DB, turnIds: readonly string[]): Promise<Map<string, ChoreRequest>> {
  if (turnIds.length === 0) return new Map();
  const rows = await requests(db)
    .where("chore_requests.turn_id", "in", [...new Set(turnIds)].slice(0, 500))
    .where("chore_requests.status", "=", "pending")
    .execute();
  return new Map(rows.map((r) => [r.turn_id, toRequest(r)]));
}

/** Unanswered requests made more than `days` ago, not yet reminded, whose turn is still free and to come. */
export async function requestsToRemind(db: DB, now: Date, days: number): Promise<ChoreRequest[]> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await requests(db)
    .where("chore_requests.status", "=", "pending")
    .where("chore_requests.reminded_at", "is", null)
    .where("chore_requests.created_at", "<=", before)
    .where("chore_turns.status", "=", "open")
    .where("chore_turns.assignee_person_id", "is", null)
    .where("chore_turns.due_date", ">=", now.toISOString().slice(0, 10))
    .execute();
  return rows.map(toRequest);
}

/** Marks a reminder sent; false when another run sent it first. */
export async function claimReminder(db: DB, id: string, now: Date): Promise<boolean> {
  const result = await choresDb(db)
    .updateTable("chore_requests")
    .set({ reminded_at: now.toISOString() })
    .where("id", "=", id)
    .where("reminded_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many turns each person has held since `since` (YYYY-MM-DD): done, or taken and to come. */
export async function turnsHeldSince(db: DB, since: string): Promise<Map<string, number>> {
  const rows = await choresDb(db)
    .selectFrom("chore_turns")
    .select((eb) => ["assignee_person_id", eb.fn.countAll().as("n")])
    .where("assignee_person_id", "is not", null)
    .where("status", "!=", "skipped")
    .where("due_date", ">=", since)
    .groupBy("assignee_person_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.assignee_person_id ? [[r.assignee_person_id, toCount(r.n)]] : [])));
}

/** Free turns starting within `days` whose emptiness was not yet announced. */
export async function turnsWithNobody(db: DB, now: Date, days: number) {
  const today = now.toISOString().slice(0, 10);
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return choresDb(db)
    .selectFrom("chore_turns")
    .innerJoin("chores", "chores.id", "chore_turns.chore_id")
    .select([
      "chore_turns.id",
      "chore_turns.due_date",
      "chores.title_fr",
      "chores.title_en",
      "chores.title_de",
    ])
    .where("chores.archived_at", "is", null)
    .where("chore_turns.status", "=", "open")
    .where("chore_turns.assignee_person_id", "is", null)
    .where("chore_turns.nobody_announced_at", "is", null)
    .where("chore_turns.due_date", ">=", today)
    .where("chore_turns.due_date", "<=", limit)
    .orderBy("chore_turns.due_date")
    .orderBy("chores.slug")
    .execute();
}

/** Marks a turn announced; false when it already was (another run, another instance). */
export async function claimAnnouncement(db: DB, turnId: string, now: Date): Promise<boolean> {
  const result = await choresDb(db)
    .updateTable("chore_turns")
    .set({ nobody_announced_at: now.toISOString() })
    .where("id", "=", turnId)
    .where("nobody_announced_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The requests made to a person, and those they made, for their data export. */
export async function requestsExport(db: DB, personId: string) {
  const rows = await requests(db)
    .where((eb) =>
      eb.or([eb("chore_requests.person_id", "=", personId), eb("chore_requests.asked_by", "=", personId)]),
    )
    .orderBy("chore_requests.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    chore: r.slug,
    dueDate: r.due_date,
    askedOfMe: r.person_id === personId,
    askedByMe: r.asked_by === personId,
    status: r.status,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
  }));
}
