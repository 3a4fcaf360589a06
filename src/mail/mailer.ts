import type { Transporter } from "nodemailer";
import { ownedTables, type DB } from "../db/adapter.js";
import type { CoreTables } from "../db/core.tables.js";
import { newId, nowIso } from "../db/ids.js";
import type { Logger } from "../log.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Why the mail exists (password-reset, invitation, instance-down…): lets admins filter the outbox. */
  kind: string;
}

export interface Mailer {
  /** Records the mail, then sends it when SMTP is configured. Never throws on a delivery failure. */
  send(message: MailMessage): Promise<void>;
  /** Retries failed deliveries (called by a scheduled job). Returns how many were sent. */
  retryFailed(): Promise<number>;
  readonly delivers: boolean;
}

const MAX_ATTEMPTS = 5;

/** The outbox is the mail module's own table. */
const mailDb = ownedTables<Pick<CoreTables, "mail_outbox">>();

/**
 * Without SMTP (the embedded default) every mail lands in the outbox table, readable by platform
 * admins at /admin/outbox; with SMTP the same table is the delivery log and retry queue.
 */
export function createMailer(opts: {
  db: DB;
  smtpUrl: string | undefined;
  from: string;
  log: Logger;
}): Mailer {
  const smtpUrl = opts.smtpUrl;
  // nodemailer is loaded on the first delivery: without SMTP (the embedded default) it never is.
  let transporter: Promise<Transporter> | undefined;
  const transport = smtpUrl
    ? () => (transporter ??= import("nodemailer").then((m) => m.default.createTransport(smtpUrl)))
    : undefined;

  async function deliver(id: string, message: MailMessage, attempts: number): Promise<boolean> {
    if (!transport) return false;
    try {
      await (
        await transport()
      ).sendMail({
        from: opts.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      await mailDb(opts.db)
        .updateTable("mail_outbox")
        .set({ status: "sent", sent_at: nowIso(), attempts: attempts + 1, last_error: null })
        .where("id", "=", id)
        .execute();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      opts.log.warn({ mailId: id, kind: message.kind, err: reason }, "mail delivery failed");
      await mailDb(opts.db)
        .updateTable("mail_outbox")
        .set({ status: "failed", attempts: attempts + 1, last_error: reason.slice(0, 500) })
        .where("id", "=", id)
        .execute();
      return false;
    }
  }

  return {
    delivers: transport !== undefined,
    async send(message) {
      const id = newId();
      await mailDb(opts.db)
        .insertInto("mail_outbox")
        .values({
          id,
          created_at: nowIso(),
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          status: transport ? "queued" : "outbox",
          attempts: 0,
          last_error: null,
          sent_at: null,
          kind: message.kind,
        })
        .execute();
      await deliver(id, message, 0);
    },
    async retryFailed() {
      if (!transport) return 0;
      const rows = await mailDb(opts.db)
        .selectFrom("mail_outbox")
        .selectAll()
        .where("status", "in", ["failed", "queued"])
        .where("attempts", "<", MAX_ATTEMPTS)
        .orderBy("created_at")
        .limit(50)
        .execute();
      let sent = 0;
      for (const row of rows) {
        const ok = await deliver(
          row.id,
          { to: row.to_address, subject: row.subject, text: row.text_body, kind: row.kind },
          row.attempts,
        );
        if (ok) sent++;
      }
      return sent;
    },
  };
}

export interface OutboxMail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  status: "outbox" | "queued" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

/** The newest mails, for the admins' outbox page; to one address only when asked (a person's export). */
export async function listOutbox(
  db: DB,
  options: { limit?: number; to?: string } = {},
): Promise<OutboxMail[]> {
  let query = mailDb(db)
    .selectFrom("mail_outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .limit(options.limit ?? 200);
  if (options.to) query = query.where("to_address", "=", options.to);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at,
  }));
}
