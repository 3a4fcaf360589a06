import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "../../http/context.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { HttpError } from "../../http/errors.js";
import { authorize, can, type ApplicationSubject } from "./applications.policy.js";
import {
  answersOf,
  findApplication,
  type ApplicationRecord,
  type RefusalReasons,
} from "./applications.repository.js";
import { allCriteria, charterById, type Charter } from "./charter/charter.repository.js";
import { latestRun } from "./checks/checks.repository.js";
import { progress } from "./blocking.js";
import { blockersOf } from "./workflows.js";
import { listMessages, listReviews } from "./review.js";
import { decisionForApplication } from "./votes/decisions.repository.js";
import { countBallots } from "./votes/ballots.repository.js";
import { shownResult } from "./votes/results.js";
import { visibleBallots, votersFor } from "./votes/decisions.routes.js";
import { ApplicationPage } from "./views/application.views.js";

export const subjectOf = (app: ApplicationRecord): ApplicationSubject => ({
  memberId: app.member_id,
  kind: app.kind,
  status: app.status,
  phase: app.round_phase,
});

/** Loads an application the signed-in person may read, with the charter version it answers. */
export async function loadApplication(
  c: AppContext,
  id: string,
): Promise<{ app: ApplicationRecord; charter: Charter }> {
  const { db } = c.get("deps");
  const app = await findApplication(db, id);
  if (!app) throw new HttpError(404, "404");
  authorize(c.get("person"), "application.read", subjectOf(app));
  const charter = await charterById(db, app.charter_version_id);
  if (!charter) throw new HttpError(404, "404");
  return { app, charter };
}

function parseReasons(text: string | null): RefusalReasons | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || !("outcome" in v) || !("against" in v) || !("questioned" in v))
      return undefined;
    const against = Array.isArray(v.against)
      ? v.against.filter((x): x is string => typeof x === "string")
      : [];
    const questioned = Array.isArray(v.questioned)
      ? v.questioned.flatMap((q: unknown) =>
          typeof q === "object" && q !== null && "code" in q && typeof q.code === "string"
            ? [
                {
                  code: q.code,
                  titleFr: "title_fr" in q && typeof q.title_fr === "string" ? q.title_fr : "",
                  titleEn: "title_en" in q && typeof q.title_en === "string" ? q.title_en : "",
                  notes:
                    "notes" in q && Array.isArray(q.notes)
                      ? q.notes.filter((n: unknown): n is string => typeof n === "string")
                      : [],
                },
              ]
            : [],
        )
      : [];
    const outcomes = ["adopted", "rejected", "tie", "no_quorum", "no_majority"] as const;
    const outcome = outcomes.find((o) => o === v.outcome) ?? "rejected";
    return { outcome, against, questioned };
  } catch {
    return undefined;
  }
}

async function decisionProps(c: AppContext, app: ApplicationRecord) {
  const decision = await decisionForApplication(c.get("deps").db, app.id);
  if (!decision) return undefined;
  return {
    decision,
    options: decision.options,
    shown: await shownResult(c.get("deps").db, decision),
    voters: await votersFor(c, decision),
    participants: await countBallots(c.get("deps").db, decision.id),
    ballots: await visibleBallots(c, decision),
  };
}

export async function applicationPage(
  c: AppContext,
  loaded: { app: ApplicationRecord; charter: Charter },
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
  const decision = await decisionProps(c, app);
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
    reasons: parseReasons(app.decision_reasons),
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
