import { createHash } from "node:crypto";
import type { DB } from "../../../db/adapter.js";
import { newId, newToken } from "../../../db/ids.js";
import { collectiveDb, type ReportAuthor, type ReportStatus } from "../collective.tables.js";

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export interface Report {
  id: string;
  reporterPersonId: string | null;
  reporterName: string;
  reporterEmail: string | null;
  locale: string;
  what: string;
  who: string;
  whereWhen: string;
  status: ReportStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ReportMessage {
  id: string;
  author: ReportAuthor;
  personId: string | null;
  body: string;
  createdAt: string;
}

function reports(db: DB) {
  return collectiveDb(db)
    .selectFrom("mediation_reports")
    .select([
      "id",
      "reporter_person_id",
      "reporter_name",
      "reporter_email",
      "locale",
      "what",
      "who",
      "where_when",
      "status",
      "created_at",
      "updated_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof reports>["executeTakeFirstOrThrow"]>>;

const toReport = (r: Row): Report => ({
  id: r.id,
  reporterPersonId: r.reporter_person_id,
  reporterName: r.reporter_name,
  reporterEmail: r.reporter_email,
  locale: r.locale,
  what: r.what,
  who: r.who,
  whereWhen: r.where_when,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function isMediator(db: DB, personId: string): Promise<boolean> {
  const row = await collectiveDb(db)
    .selectFrom("mediation_team")
    .select("person_id")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return !!row;
}

export async function team(db: DB): Promise<{ personId: string; addedAt: string }[]> {
  const rows = await collectiveDb(db)
    .selectFrom("mediation_team")
    .select(["person_id", "added_at"])
    .orderBy("added_at")
    .execute();
  return rows.map((r) => ({ personId: r.person_id, addedAt: r.added_at }));
}

export async function addToTeam(db: DB, personId: string, by: string | null, at: string): Promise<void> {
  await collectiveDb(db)
    .insertInto("mediation_team")
    .values({ person_id: personId, added_at: at, added_by: by })
    .onConflict((oc) => oc.column("person_id").doNothing())
    .execute();
}

export async function removeFromTeam(db: DB, personId: string): Promise<boolean> {
  const result = await collectiveDb(db)
    .deleteFrom("mediation_team")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface NewReport {
  reporterPersonId: string | null;
  reporterName: string;
  reporterEmail: string | null;
  locale: string;
  what: string;
  who: string;
  whereWhen: string;
}

/** Files a report; returns its id and the reporter's private token (only its hash is kept). */
export async function insertReport(
  db: DB,
  input: NewReport,
  at: string,
): Promise<{ id: string; token: string }> {
  const id = newId();
  const token = newToken();
  await collectiveDb(db)
    .insertInto("mediation_reports")
    .values({
      id,
      token_hash: hash(token),
      reporter_person_id: input.reporterPersonId,
      reporter_name: input.reporterName,
      reporter_email: input.reporterEmail,
      locale: input.locale,
      what: input.what,
      who: input.who,
      where_when: input.whereWhen,
      status: "new",
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, token };
}

export async function reportByToken(db: DB, token: string): Promise<Report | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await reports(db).where("token_hash", "=", hash(token)).executeTakeFirst();
  return row ? toReport(row) : undefined;
}

export async function findReport(db: DB, id: string): Promise<Report | undefined> {
  const row = await reports(db).where("id", "=", id).executeTakeFirst();
  return row ? toReport(row) : undefined;
}

/** The team's list: open reports first, then the closed ones, newest first in each. */
export async function listReports(db: DB): Promise<Report[]> {
  const rows = await reports(db).orderBy("updated_at", "desc").limit(500).execute();
  const all = rows.map(toReport);
  return [...all.filter((r) => r.status !== "closed"), ...all.filter((r) => r.status === "closed")];
}

export async function messagesOf(db: DB, reportId: string): Promise<ReportMessage[]> {
  const rows = await collectiveDb(db)
    .selectFrom("mediation_messages")
    .select(["id", "author", "person_id", "body", "created_at"])
    .where("report_id", "=", reportId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    author: r.author,
    personId: r.person_id,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** A message in a report's thread; the team's first answer moves a new report to "in progress". */
export async function addMessage(
  db: DB,
  report: Report,
  message: { author: ReportAuthor; personId: string | null; body: string },
  at: string,
): Promise<void> {
  await collectiveDb(db)
    .insertInto("mediation_messages")
    .values({
      id: newId(),
      report_id: report.id,
      author: message.author,
      person_id: message.personId,
      body: message.body,
      created_at: at,
    })
    .execute();
  const status: ReportStatus =
    message.author === "team" && report.status === "new" ? "in_progress" : report.status;
  await collectiveDb(db)
    .updateTable("mediation_reports")
    .set({ status, updated_at: at })
    .where("id", "=", report.id)
    .execute();
}

export async function setStatus(db: DB, id: string, status: ReportStatus, at: string): Promise<void> {
  await collectiveDb(db)
    .updateTable("mediation_reports")
    .set({ status, updated_at: at })
    .where("id", "=", id)
    .execute();
}

/** The reports a person filed while signed in, with their threads, and their place on the team. */
export async function mediationExport(db: DB, personId: string) {
  const filed = (
    await reports(db).where("reporter_person_id", "=", personId).orderBy("created_at").execute()
  ).map(toReport);
  const threads = [];
  for (const report of filed) threads.push({ ...report, messages: await messagesOf(db, report.id) });
  const member = await collectiveDb(db)
    .selectFrom("mediation_team")
    .select("added_at")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return { reportsFiled: threads, team: member ? { addedAt: member.added_at } : null };
}
