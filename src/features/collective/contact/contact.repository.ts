import type { DB } from "../../../db/adapter.js";
import { toCount } from "../../../db/adapter.js";
import { newId } from "../../../db/ids.js";
import { collectiveDb, type ContactStatus, type ThreadKind } from "../collective.tables.js";

export interface ContactMessage {
  id: string;
  receivedAt: string;
  senderName: string;
  senderEmail: string;
  subject: string;
  body: string;
  locale: string;
  status: ContactStatus;
  firstAnswerAt: string | null;
  updatedAt: string;
}

export interface ThreadEntry {
  id: string;
  kind: ThreadKind;
  personId: string | null;
  body: string;
  at: string;
}

const columns = [
  "id",
  "received_at",
  "sender_name",
  "sender_email",
  "subject",
  "body",
  "locale",
  "status",
  "first_answer_at",
  "updated_at",
] as const;

type Row = {
  id: string;
  received_at: string;
  sender_name: string;
  sender_email: string;
  subject: string;
  body: string;
  locale: string;
  status: ContactStatus;
  first_answer_at: string | null;
  updated_at: string;
};

const toMessage = (r: Row): ContactMessage => ({
  id: r.id,
  receivedAt: r.received_at,
  senderName: r.sender_name,
  senderEmail: r.sender_email,
  subject: r.subject,
  body: r.body,
  locale: r.locale,
  status: r.status,
  firstAnswerAt: r.first_answer_at,
  updatedAt: r.updated_at,
});

export async function insertMessage(
  db: DB,
  input: { name: string; email: string; subject: string; body: string; locale: string },
  at: string,
): Promise<string> {
  const id = newId();
  await collectiveDb(db)
    .insertInto("contact_messages")
    .values({
      id,
      received_at: at,
      sender_name: input.name,
      sender_email: input.email,
      subject: input.subject,
      body: input.body,
      locale: input.locale,
      status: "open",
      first_answer_at: null,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function findMessage(db: DB, id: string): Promise<ContactMessage | undefined> {
  const row = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** The queue: messages still waiting first (oldest first), then the rest, newest first. */
export async function listMessages(db: DB, limit = 200): Promise<ContactMessage[]> {
  const rows = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select(columns)
    .orderBy("received_at", "desc")
    .limit(limit)
    .execute();
  const all = rows.map(toMessage);
  const waiting = all.filter((m) => m.status === "open" || m.status === "handed").reverse();
  return [...waiting, ...all.filter((m) => m.status === "answered" || m.status === "closed")];
}

export async function threadOf(db: DB, messageId: string): Promise<ThreadEntry[]> {
  const rows = await collectiveDb(db)
    .selectFrom("contact_thread")
    .select(["id", "kind", "person_id", "body", "at"])
    .where("message_id", "=", messageId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, personId: r.person_id, body: r.body, at: r.at }));
}

const STATUS_AFTER: Record<ThreadKind, ContactStatus> = {
  reply: "answered",
  handover: "handed",
  close: "closed",
};

/** Adds a step to a message's thread and moves the message to the status that step leads to. */
export async function addStep(
  db: DB,
  message: ContactMessage,
  step: { kind: ThreadKind; personId: string; body: string },
  at: string,
): Promise<void> {
  await collectiveDb(db)
    .insertInto("contact_thread")
    .values({
      id: newId(),
      message_id: message.id,
      kind: step.kind,
      person_id: step.personId,
      body: step.body,
      at,
    })
    .execute();
  const status = STATUS_AFTER[step.kind];
  await collectiveDb(db)
    .updateTable("contact_messages")
    .set({
      status,
      updated_at: at,
      ...(step.kind === "reply" && !message.firstAnswerAt ? { first_answer_at: at } : {}),
    })
    .where("id", "=", message.id)
    .execute();
}

export interface DeskFigures {
  open: number;
  handed: number;
  answered: number;
  closed: number;
  /** Since when the oldest message still waiting has waited (ISO), if one does. */
  oldestWaitingSince: string | null;
  /** Median hours from arrival to first answer, over the answered messages of the last 90 days. */
  medianHoursToAnswer: number | null;
}

/** What coordinators watch: how many messages wait, how many were answered, and how fast. */
export async function deskFigures(db: DB, now: Date): Promise<DeskFigures> {
  const counts = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select(["status", (eb) => eb.fn.countAll().as("n")])
    .groupBy("status")
    .execute();
  const count = (s: ContactStatus) => toCount(counts.find((r) => r.status === s)?.n);
  const oldest = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select((eb) => eb.fn.min("received_at").as("at"))
    .where("status", "in", ["open", "handed"])
    .executeTakeFirst();
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const answered = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select(["received_at", "first_answer_at"])
    .where("first_answer_at", "is not", null)
    .where("received_at", ">=", since)
    .execute();
  const hours = answered
    .map((r) => (Date.parse(r.first_answer_at ?? "") - Date.parse(r.received_at)) / 3_600_000)
    .filter((h) => Number.isFinite(h))
    .sort((a, b) => a - b);
  const median = hours.length ? (hours[Math.floor((hours.length - 1) / 2)] ?? null) : null;
  return {
    open: count("open"),
    handed: count("handed"),
    answered: count("answered"),
    closed: count("closed"),
    oldestWaitingSince: oldest?.at ?? null,
    medianHoursToAnswer: median === null ? null : Math.round(median * 10) / 10,
  };
}

/** A person's part of the desk, for their data export: messages sent from their address, steps taken. */
export async function contactExport(db: DB, personId: string, email: string) {
  const sent = await collectiveDb(db)
    .selectFrom("contact_messages")
    .select(columns)
    .where("sender_email", "=", email)
    .orderBy("received_at")
    .execute();
  const steps = await collectiveDb(db)
    .selectFrom("contact_thread")
    .select(["message_id", "kind", "body", "at"])
    .where("person_id", "=", personId)
    .orderBy("at")
    .execute();
  return { messagesSent: sent.map(toMessage), deskSteps: steps };
}
