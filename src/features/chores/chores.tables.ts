import { ownedTables } from "../../db/adapter.js";

/** Recurring chores of the collective, and each turn of them someone takes on. */
export interface ChoresTables {
  chores: ChoresTable;
  chore_turns: ChoreTurnsTable;
  chore_requests: ChoreRequestsTable;
}

export const RECURRENCES = ["weekly", "monthly", "quarterly", "yearly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface ChoresTable {
  id: string;
  slug: string;
  title_fr: string;
  title_en: string;
  /** '' when nobody wrote it: German pages fall back to the English. */
  title_de: string;
  description_fr: string;
  description_en: string;
  description_de: string;
  recurrence: Recurrence;
  created_at: string;
  archived_at: string | null;
}

export const TURN_STATUSES = ["open", "done", "skipped"] as const;
export type TurnStatus = (typeof TURN_STATUSES)[number];

export interface ChoreTurnsTable {
  id: string;
  chore_id: string;
  /** YYYY-MM-DD */
  due_date: string;
  assignee_person_id: string | null;
  status: TurnStatus;
  done_at: string | null;
  note: string | null;
  reminded_at: string | null;
  created_at: string;
  /** When the collective's people were told this turn had nobody (once per turn). */
  nobody_announced_at: string | null;
}

export const REQUEST_STATUSES = ["pending", "accepted", "declined", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A coordinator asking a named person to take a turn; the person accepts or declines. */
export interface ChoreRequestsTable {
  id: string;
  turn_id: string;
  person_id: string;
  asked_by: string | null;
  status: RequestStatus;
  created_at: string;
  answered_at: string | null;
  /** When the person was reminded they had not answered yet. */
  reminded_at: string | null;
}

/** The chores' view of the database: only chores.repository.ts uses it (see OwnDb). */
export const choresDb = ownedTables<ChoresTables>();
