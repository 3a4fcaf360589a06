import type { Deps } from "../../deps.js";
import type { DB } from "../../db/adapter.js";
import { inTransaction } from "../../db/adapter.js";
import { audit } from "../../audit/audit.js";
import { peopleByIds } from "../../identity/identity.repository.js";
import type { MessageRole, ReviewState } from "./applications.tables.js";
import type { Application } from "./applications.repository.js";
import { insertMessage, reviewerIds, saveReview } from "./review.repository.js";
import { compose, sendAll, structureRecipients, type Recipient } from "./notify.js";

/**
 * The review: a thread of questions and answers per application, and each reviewer's mark on
 * criteria (verified or questioned). Questions mail the candidate's people; answers mail the
 * reviewers who took part in the thread.
 */

async function reviewerRecipients(db: DB, applicationId: string): Promise<Recipient[]> {
  const people = await peopleByIds(db, await reviewerIds(db, applicationId));
  return [...people.values()].filter((p) => !p.disabled);
}

export interface PostedMessage {
  role: MessageRole;
  personId: string;
  personName: string;
  memberId: string | null;
  criterionId: string | null;
  body: string;
}

export async function postMessage(deps: Deps, app: Application, msg: PostedMessage): Promise<string> {
  const id = await inTransaction(deps.db, async (trx) => {
    const created = await insertMessage(trx, { ...msg, applicationId: app.id, at: deps.now() });
    await audit(trx, {
      actor: { personId: msg.personId, memberId: msg.memberId },
      action: msg.role === "reviewer" ? "application.question" : "application.reply",
      subject: { type: "application", id: app.id },
      data: { message: created, ...(msg.criterionId ? { criterion: msg.criterionId } : {}) },
    });
    return created;
  });
  const to =
    msg.role === "reviewer"
      ? await structureRecipients(deps.db, app.memberId)
      : await reviewerRecipients(deps.db, app.id);
  const name = app.structure.name;
  const mails = compose(
    deps,
    to,
    msg.role === "reviewer" ? "application-question" : "application-reply",
    (t, link) => {
      const vars = {
        name,
        author: msg.personName,
        body: msg.body,
        link: link(`/applications/${app.id}#thread`),
      };
      return msg.role === "reviewer"
        ? {
            subject: t("applications.mail.question.subject", { name }),
            text: t("applications.mail.question.body", vars),
          }
        : {
            subject: t("applications.mail.reply.subject", { name }),
            text: t("applications.mail.reply.body", vars),
          };
    },
  );
  await sendAll(deps, mails);
  return id;
}

export async function markCriterion(
  deps: Deps,
  app: Application,
  mark: { personId: string; memberId: string | null; criterionId: string; state: ReviewState; note: string },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await saveReview(trx, { ...mark, applicationId: app.id, at: deps.now() });
    await audit(trx, {
      actor: { personId: mark.personId, memberId: mark.memberId },
      action: "application.review",
      subject: { type: "application", id: app.id },
      data: { criterion: mark.criterionId, state: mark.state },
    });
  });
}
