import type { AppContext, FlashMessage } from "./context.js";
import { flash } from "./session.js";
import { audit, type AuditEntry } from "../audit/audit.js";
import { inTransaction, type DB } from "../db/adapter.js";
import type { MessageKey } from "../i18n/index.js";

/** What a write handler does once its input is valid and the person may do it. */
export interface Commit<R> {
  /** The writes, in one transaction with the audit entry. */
  write: (trx: DB) => Promise<R>;
  /** The audit entry of the change (null for writes that are not worth one, such as a draft save). */
  audit: AuditEntry | ((result: R) => AuditEntry) | null;
  /** Shown on the next page; a function runs after the commit (its message may depend on it). */
  flash?: MessageKey | FlashMessage | ((result: R) => Promise<MessageKey | FlashMessage>);
  /** Where the person goes next. */
  to: string | ((result: R) => string);
  /** Runs after the commit (cache invalidation, a mail to queue outside the transaction). */
  after?: (result: R) => void | Promise<void>;
}

/**
 * The usual ending of every form handler (Post/Redirect/Get): the change and its audit entry
 * commit together, a flash message waits for the next page, and a 303 sends the browser there.
 */
export async function commitAndRedirect<R>(c: AppContext, step: Commit<R>): Promise<Response> {
  const { db } = c.get("deps");
  const result = await inTransaction(db, async (trx) => {
    const value = await step.write(trx);
    if (step.audit) await audit(trx, typeof step.audit === "function" ? step.audit(value) : step.audit);
    return value;
  });
  await step.after?.(result);
  const message = typeof step.flash === "function" ? await step.flash(result) : step.flash;
  if (message) await flash(c, typeof message === "string" ? { kind: "success", text: message } : message);
  return c.redirect(typeof step.to === "function" ? step.to(result) : step.to, 303);
}
