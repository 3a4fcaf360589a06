import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { HttpError } from "../../http/errors.js";
import { authorize, can, type ApplicationSubject } from "./applications.policy.js";
import { findApplication, type Application } from "./applications.repository.js";
import { answersOf } from "./answers.repository.js";
import { allCriteria, charterById, type Charter } from "./charter/charter.repository.js";
import { latestRun } from "./checks/checks.repository.js";
import { progress } from "./blocking.js";
import { blockersOf } from "./workflows.js";
import { listMessages, listReviews } from "./review.repository.js";
import { decisionForApplication } from "./votes/decisions.repository.js";
import { decisionView } from "./votes/decision-view.js";
import { ApplicationPage } from "./views/application.views.js";

export const subjectOf = (app: Application): ApplicationSubject => ({
  memberId: app.memberId,
  kind: app.kind,
  status: app.status,
  phase: app.round?.phase ?? null,
});

/** Loads an application the signed-in person may read, with the charter version it answers. */
export async function loadApplication(
  c: AppContext,
  id: string,
): Promise<{ app: Application; charter: Charter }> {
  const { db } = c.get("deps");
  const app = await findApplication(db, id);
  if (!app) throw new HttpError(404, "404");
  authorize(c.get("person"), "application.read", subjectOf(app));
  const charter = await charterById(db, app.charterVersionId);
  if (!charter) throw new HttpError(404, "404");
  return { app, charter };
}

export async function applicationPage(
  c: AppContext,
  loaded: { app: Application; charter: Charter },
  extra: {
    error?: string;
    status?: ContentfulStatusCode;
    thread?: { values: FormValues; errors: FieldErrors };
  } = {},
): Promise<Response> {
  const { db } = c.get("deps");
  const { app, charter } = loaded;
  const person = c.get("person");
  const subject = subjectOf(app);
  const answers = await answersOf(db, app.id);
  const voted = await decisionForApplication(db, app.id);
  const decision = voted ? await decisionView(c, voted) : undefined;
  const props = {
    c,
    app,
    charter,
    answers,
    blockers: app.status === "draft" ? await blockersOf(c.get("deps"), app) : [],
    progress: progress(allCriteria(charter), answers),
    checks: await latestRun(db, app.id),
    messages: await listMessages(db, app.id),
    reviews: await listReviews(db, app.id),
    decision,
    can: {
      edit: can(person, "application.edit", subject),
      submit: can(person, "application.submit", subject),
      review: can(person, "application.review", subject),
      answer: can(person, "application.answer", subject),
      recheck: can(person, "application.recheck", subject),
    },
    error: extra.error,
    thread: extra.thread,
  };
  return render(c, <ApplicationPage {...props} />, extra.status ?? 200);
}
