import type { Deps } from "../../deps.js";
import type { DB } from "../../db/adapter.js";
import { newSortableId } from "../../db/ids.js";
import { audit } from "../../audit/audit.js";
import type { MessageRole, ReviewState } from "./applications.tables.js";
import type { ApplicationRecord } from "./applications.repository.js";
import { compose, sendAll, structureRecipients, type Recipient } from "./notify.js";
import { ofName } from "../../i18n/index.js";

/**
 * The review: a thread of questions and answers per application, and each reviewer's mark on
 * criteria (verified or questioned). Questions mail the candidate's people; answers mail the
 * reviewers who took part in the thread.
 */

export async function listMessages(db: DB, applicationId: string) {
  return db
    .selectFrom("application_messages")
    .innerJoin("people", "people.id", "application_messages.person_id")
    .leftJoin("members", "members.id", "application_messages.member_id")
    .leftJoin("charter_criteria", "charter_criteria.id", "application_messages.criterion_id")
    .selectAll("application_messages")
    .select([
      "people.name as author_name",
      "members.name as member_name",
      "charter_criteria.code as criterion_code",
    ])
    .where("application_messages.application_id", "=", applicationId)
    .orderBy("application_messages.id")
    .execute();
}

export async function listReviews(db: DB, applicationId: string) {
  return db
    .selectFrom("criterion_reviews")
    .innerJoin("people", "people.id", "criterion_reviews.person_id")
    .leftJoin("members", "members.id", "criterion_reviews.member_id")
    .selectAll("criterion_reviews")
    .select(["people.name as reviewer_name", "members.name as member_name"])
    .where("criterion_reviews.application_id", "=", applicationId)
    .orderBy("criterion_reviews.at")
    .execute();
}

async function reviewerRecipients(db: DB, applicationId: string): Promise<Recipient[]> {
  return db
    .selectFrom("application_messages")
    .innerJoin("people", "people.id", "application_messages.person_id")
    .select(["people.email", "people.locale"])
    .where("application_messages.application_id", "=", applicationId)
    .where("application_messages.role", "=", "reviewer")
    .where("people.disabled_at", "is", null)
    .distinct()
    .execute();
}

export interface NewMessage {
  role: MessageRole;
  personId: string;
  personName: string;
  memberId: string | null;
  criterionId: string | null;
  body: string;
}

export async function postMessage(deps: Deps, app: ApplicationRecord, msg: NewMessage): Promise<string> {
  const id = newSortableId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("application_messages")
      .values({
        id,
        application_id: app.id,
        person_id: msg.personId,
        member_id: msg.memberId,
        role: msg.role,
        criterion_id: msg.criterionId,
        body: msg.body,
        created_at: deps.now().toISOString(),
      })
      .execute();
    await audit(trx, {
      actor: { personId: msg.personId, memberId: msg.memberId },
      action: msg.role === "reviewer" ? "application.question" : "application.reply",
      subject: { type: "application", id: app.id },
      data: { message: id, ...(msg.criterionId ? { criterion: msg.criterionId } : {}) },
    });
  });
  const to =
    msg.role === "reviewer"
      ? await structureRecipients(deps.db, app.member_id)
      : await reviewerRecipients(deps.db, app.id);
  const mails = compose(
    deps,
    to,
    msg.role === "reviewer" ? "application-question" : "application-reply",
    (t, link) => {
      const vars = {
        name: app.member_name,
        name_of: ofName(t.locale, app.member_name),
        author: msg.personName,
        body: msg.body,
        link: link(`/applications/${app.id}#thread`),
      };
      return msg.role === "reviewer"
        ? {
            subject: t("applications.mail.question.subject", vars),
            text: t("applications.mail.question.body", vars),
          }
        : {
            subject: t("applications.mail.reply.subject", vars),
            text: t("applications.mail.reply.body", vars),
          };
    },
  );
  await sendAll(deps, mails);
  return id;
}

export async function markCriterion(
  deps: Deps,
  app: ApplicationRecord,
  mark: { personId: string; memberId: string | null; criterionId: string; state: ReviewState; note: string },
): Promise<void> {
  const values = {
    member_id: mark.memberId,
    state: mark.state,
    note: mark.note,
    at: deps.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("criterion_reviews")
      .values({ application_id: app.id, criterion_id: mark.criterionId, person_id: mark.personId, ...values })
      .onConflict((oc) => oc.columns(["application_id", "criterion_id", "person_id"]).doUpdateSet(values))
      .execute();
    await audit(trx, {
      actor: { personId: mark.personId, memberId: mark.memberId },
      action: "application.review",
      subject: { type: "application", id: app.id },
      data: { criterion: mark.criterionId, state: mark.state },
    });
  });
}
