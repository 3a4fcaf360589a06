import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { HttpError } from "../../http/errors.js";
import { commitAndRedirect } from "../../http/commit.js";
import { collectiveMemberships, requirePerson } from "../../http/policy.js";
import { can } from "./applications.policy.js";
import type { MessageRole } from "./applications.tables.js";
import { MessageSchema, ReviewSchema } from "./applications.schema.js";
import { allCriteria } from "./charter/charter.repository.js";
import { applicationPage, loadApplication, subjectOf } from "./application-page.js";
import { insertMessage, saveReview } from "./review.repository.js";
import { notifyThread } from "./review.js";

/** The review of a file (guarded by requirePerson at mount): its thread, and reviewers' marks on criteria. */

async function postMessage(c: AppContext) {
  const person = requirePerson(c);
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  const { app } = loaded;
  const subject = subjectOf(app);
  // Someone of the candidate structure answers; anyone else allowed to review asks.
  const role: MessageRole | null = can(person, "application.answer", subject)
    ? "candidate"
    : can(person, "application.review", subject)
      ? "reviewer"
      : null;
  if (!role) throw new HttpError(403, "403");
  const form = await parseForm(c, MessageSchema);
  const criterionId = form.ok ? (form.data.criterion ?? null) : null;
  const knownCriterion = !criterionId || allCriteria(loaded.charter).some((cr) => cr.id === criterionId);
  if (!form.ok || !knownCriterion) {
    const errors = form.ok ? { criterion: { key: "form.error.choice" as const } } : form.errors;
    return applicationPage(c, loaded, { status: 422, thread: { values: form.values, errors } });
  }
  const memberId = role === "candidate" ? app.memberId : (collectiveMemberships(person)[0]?.memberId ?? null);
  const msg = {
    applicationId: app.id,
    role,
    personId: person.id,
    memberId,
    criterionId,
    body: form.data.body,
  };
  return commitAndRedirect(c, {
    write: (trx) => insertMessage(trx, { ...msg, at: c.get("deps").now() }),
    audit: (id) => ({
      actor: { personId: person.id, memberId },
      action: role === "reviewer" ? "application.question" : "application.reply",
      subject: { type: "application", id: app.id },
      data: { message: id, ...(criterionId ? { criterion: criterionId } : {}) },
    }),
    after: () => notifyThread(c.get("deps"), app, msg, person.name),
    flash: role === "reviewer" ? "applications.flash.question_sent" : "applications.flash.reply_sent",
    to: `${href(c, `/applications/${app.id}`)}#thread`,
  });
}

async function markCriterion(c: AppContext) {
  const person = requirePerson(c);
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  if (!can(person, "application.review", subjectOf(loaded.app))) throw new HttpError(403, "403");
  const form = await parseForm(c, ReviewSchema);
  const criterion = form.ok
    ? allCriteria(loaded.charter).find((cr) => cr.id === form.data.criterion)
    : undefined;
  if (!form.ok || !criterion)
    return applicationPage(c, loaded, { status: 422, error: c.get("t")("applications.error.review") });
  const mark = {
    applicationId: loaded.app.id,
    criterionId: criterion.id,
    personId: person.id,
    memberId: collectiveMemberships(person)[0]?.memberId ?? null,
    state: form.data.state,
    note: form.data.note ?? "",
  };
  return commitAndRedirect(c, {
    write: (trx) => saveReview(trx, { ...mark, at: c.get("deps").now() }),
    audit: {
      actor: { personId: person.id, memberId: mark.memberId },
      action: "application.review",
      subject: { type: "application", id: loaded.app.id },
      data: { criterion: criterion.id, state: mark.state },
    },
    flash: "applications.flash.reviewed",
    to: `${href(c, `/applications/${loaded.app.id}`)}#answer-${criterion.code}`,
  });
}

export function reviewThread(): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.post("/:id/messages", postMessage);
  area.post("/:id/reviews", markCriterion);
  return area;
}
