import type { Deps } from "../../deps.js";
import type { DB } from "../../db/adapter.js";
import { peopleByIds } from "../../identity/identity.repository.js";
import type { Application } from "./applications.repository.js";
import { reviewerIds, type NewMessage } from "./review.repository.js";
import { compose, sendAll, structureRecipients, type Recipient } from "./notify.js";
import { ofName } from "../../i18n/index.js";

/**
 * The review's mails: a question mails the candidate's people; an answer mails the reviewers who
 * took part in the thread. Sent once the message is committed.
 */

async function reviewerRecipients(db: DB, applicationId: string): Promise<Recipient[]> {
  const people = await peopleByIds(db, await reviewerIds(db, applicationId));
  return [...people.values()].filter((p) => !p.disabled);
}

export async function notifyThread(
  deps: Deps,
  app: Application,
  msg: Pick<NewMessage, "role" | "body">,
  author: string,
): Promise<void> {
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
        name_of: ofName(t.locale, name),
        author,
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
}
