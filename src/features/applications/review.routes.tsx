import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { collectiveMemberships, requirePerson } from "../../http/policy.js";
import { can } from "./applications.policy.js";
import { MessageSchema, ReviewSchema } from "./applications.schema.js";
import { allCriteria } from "./charter/charter.repository.js";
import { applicationPage, loadApplication, subjectOf } from "./application-page.js";
import { markCriterion, postMessage } from "./review.js";

export function reviewPages(router: Hono<AppEnv>): void {
  router.post("/applications/:id/messages", async (c) => {
    const person = requirePerson(c);
    const loaded = await loadApplication(c, c.req.param("id"));
    const subject = subjectOf(loaded.app);
    // Someone of the candidate structure answers; anyone else allowed to review asks.
    const role = can(person, "application.answer", subject)
      ? "candidate"
      : can(person, "application.review", subject)
        ? "reviewer"
        : null;
    if (!role) throw new HttpError(403, "403");
    const form = await parseForm(c, MessageSchema);
    const criterionId = form.ok ? form.data.criterion : undefined;
    const knownCriterion = !criterionId || allCriteria(loaded.charter).some((cr) => cr.id === criterionId);
    if (!form.ok || !knownCriterion) {
      const errors = form.ok ? { criterion: { key: "form.error.choice" as const } } : form.errors;
      return applicationPage(c, loaded, { status: 422, thread: { values: form.values, errors } });
    }
    const memberId =
      role === "candidate" ? loaded.app.memberId : (collectiveMemberships(person)[0]?.memberId ?? null);
    await postMessage(c.get("deps"), loaded.app, {
      role,
      personId: person.id,
      personName: person.name,
      memberId,
      criterionId: criterionId ?? null,
      body: form.data.body,
    });
    await flash(c, {
      kind: "success",
      text: role === "reviewer" ? "applications.flash.question_sent" : "applications.flash.reply_sent",
    });
    return c.redirect(`${href(c, `/applications/${loaded.app.id}`)}#thread`, 303);
  });

  router.post("/applications/:id/reviews", async (c) => {
    const person = requirePerson(c);
    const loaded = await loadApplication(c, c.req.param("id"));
    if (!can(person, "application.review", subjectOf(loaded.app))) throw new HttpError(403, "403");
    const form = await parseForm(c, ReviewSchema);
    if (!form.ok)
      return applicationPage(c, loaded, { status: 422, error: c.get("t")("applications.error.review") });
    const criterion = allCriteria(loaded.charter).find((cr) => cr.id === form.data.criterion);
    if (!criterion)
      return applicationPage(c, loaded, { status: 422, error: c.get("t")("applications.error.review") });
    await markCriterion(c.get("deps"), loaded.app, {
      personId: person.id,
      memberId: collectiveMemberships(person)[0]?.memberId ?? null,
      criterionId: criterion.id,
      state: form.data.state,
      note: form.data.note ?? "",
    });
    await flash(c, { kind: "success", text: "applications.flash.reviewed" });
    return c.redirect(`${href(c, `/applications/${loaded.app.id}`)}#answer-${criterion.code}`, 303);
  });
}
