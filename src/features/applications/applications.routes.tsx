import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { belongsTo, requirePerson } from "../../http/policy.js";
import { readAudit } from "../../audit/audit.js";
import type { MessageKey } from "../../i18n/index.js";
import { authorize, can } from "./applications.policy.js";
import { StartSchema, partSchema } from "./applications.schema.js";
import type { Application } from "./applications.repository.js";
import { answersOf, type AnswerInput } from "./answers.repository.js";

type Loaded = { app: Application; charter: Charter };
import { ANSWERS, type Answer } from "./applications.tables.js";
import type { Charter, CharterPartWithCriteria } from "./charter/charter.repository.js";
import { executeRun, ranRecently } from "./checks/check-runner.js";
import { queueRun } from "./checks/checks.repository.js";
import { applicationPage, loadApplication, subjectOf } from "./application-page.js";
import { saveStep, startApplication, submitApplication, type SubmitOutcome } from "./workflows.js";
import { StepPage, partValues } from "./views/step.views.js";
import { HistoryPage } from "./views/history.views.js";
import { decisionForApplication } from "./votes/decisions.repository.js";

const SUBMIT_REFUSAL: Record<Exclude<SubmitOutcome, { ok: true }>["reason"], MessageKey> = {
  not_draft: "applications.error.not_draft",
  no_round: "applications.error.no_round",
  blocked: "applications.error.blocked",
};

const isAnswer = (v: unknown): v is Answer => ANSWERS.some((a) => a === v);
const stringList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** The answers of one part, read from a validated form (fields named after the criteria). */
function answersFrom(part: CharterPartWithCriteria, data: Record<string, unknown>): AnswerInput[] {
  return part.criteria.map((cr) => {
    const answer = data[`answer_${cr.id}`];
    const explanation = data[`explanation_${cr.id}`];
    return {
      criterionId: cr.id,
      answer: isAnswer(answer) ? answer : null,
      explanation: typeof explanation === "string" ? explanation : "",
      evidence: stringList(data[`evidence_${cr.id}`]),
    };
  });
}

/** The part being edited; a file that can no longer change says so to its own people (409). */
async function loadPart(c: AppContext): Promise<Response | (Loaded & { part: CharterPartWithCriteria })> {
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  const part = loaded.charter.parts.find((p) => p.letter === c.req.param("letter"));
  if (!part) throw new HttpError(404, "404");
  const subject = subjectOf(loaded.app);
  if (!can(c.get("person"), "application.edit", subject)) {
    if (!belongsTo(c.get("person"), loaded.app.memberId)) throw new HttpError(403, "403");
    return applicationPage(c, loaded, { error: c.get("t")("applications.error.locked"), status: 409 });
  }
  return { ...loaded, part };
}

export function applicationPages(router: Hono<AppEnv>): void {
  router.post("/applications", async (c) => {
    const person = requirePerson(c);
    const form = await parseForm(c, StartSchema);
    if (!form.ok) throw new HttpError(400, "400");
    // The hidden field names the structure: it must be a candidate this person administers.
    const m = person.memberships.find((x) => x.memberId === form.data.member);
    if (!m || m.role !== "admin" || m.membership !== "candidate") throw new HttpError(403, "403");
    const { id, created } = await startApplication(c.get("deps"), {
      memberId: m.memberId,
      personId: person.id,
      kind: "application",
    });
    await flash(c, {
      kind: "success",
      text: created ? "applications.flash.started" : "applications.flash.resumed",
    });
    return c.redirect(href(c, `/applications/${id}`), 303);
  });

  router.get("/applications/:id", async (c) =>
    applicationPage(c, await loadApplication(c, c.req.param("id"))),
  );

  router.get("/applications/:id/parts/:letter", async (c) => {
    const loaded = await loadPart(c);
    if (loaded instanceof Response) return loaded;
    const { app, charter, part } = loaded;
    const values = partValues(part, await answersOf(c.get("deps").db, app.id));
    return render(c, <StepPage c={c} app={app} charter={charter} part={part} values={values} />);
  });

  router.post("/applications/:id/parts/:letter", async (c) => {
    const person = requirePerson(c);
    const loaded = await loadPart(c);
    if (loaded instanceof Response) return loaded;
    const { app, charter, part } = loaded;
    const form = await parseForm(c, partSchema(part.criteria.map((cr) => cr.id)));
    if (!form.ok)
      return render(
        c,
        <StepPage c={c} app={app} charter={charter} part={part} values={form.values} errors={form.errors} />,
        422,
      );
    await saveStep(c.get("deps"), app, person.id, part.letter, answersFrom(part, form.data));
    await flash(c, { kind: "success", text: "applications.flash.saved" });
    const index = charter.parts.findIndex((p) => p.letter === part.letter);
    const following = charter.parts[index + 1];
    if (form.data.next !== "next")
      return c.redirect(href(c, `/applications/${app.id}/parts/${part.letter}`), 303);
    return c.redirect(
      href(
        c,
        following ? `/applications/${app.id}/parts/${following.letter}` : `/applications/${app.id}#submit`,
      ),
      303,
    );
  });

  router.post("/applications/:id/submit", async (c) => {
    const loaded = await loadApplication(c, c.req.param("id"));
    const person = authorize(c.get("person"), "application.submit", subjectOf(loaded.app));
    const outcome = await submitApplication(c.get("deps"), loaded.app, person.id);
    if (!outcome.ok)
      return applicationPage(c, loaded, {
        error: c.get("t")(SUBMIT_REFUSAL[outcome.reason]),
        status: outcome.reason === "blocked" ? 422 : 409,
      });
    await flash(c, {
      kind: "success",
      text:
        loaded.app.kind === "application" ? "applications.flash.submitted" : "applications.flash.completed",
    });
    return c.redirect(href(c, `/applications/${loaded.app.id}`), 303);
  });

  router.post("/applications/:id/checks", async (c) => {
    const loaded = await loadApplication(c, c.req.param("id"));
    const person = authorize(c.get("person"), "application.recheck", subjectOf(loaded.app));
    const deps = c.get("deps");
    if (await ranRecently(deps.db, loaded.app.id, deps.now()))
      return applicationPage(c, loaded, {
        error: c.get("t")("applications.error.recheck_soon"),
        status: 429,
      });
    const runId = await queueRun(deps.db, loaded.app.id, "manual", person.id, deps.now());
    await executeRun(deps, runId);
    await flash(c, { kind: "success", text: "applications.flash.checked" });
    return c.redirect(`${href(c, `/applications/${loaded.app.id}`)}#checks`, 303);
  });

  router.get("/applications/:id/history", async (c) => {
    const { app } = await loadApplication(c, c.req.param("id"));
    const { db } = c.get("deps");
    const decision = await decisionForApplication(db, app.id);
    const entries = [
      ...(await readAudit(db, { subjectType: "application", subjectId: app.id, limit: 500 })),
      ...(decision
        ? await readAudit(db, { subjectType: "decision", subjectId: decision.id, limit: 500 })
        : []),
    ].sort((a, b) => (a.id < b.id ? 1 : -1));
    return render(c, <HistoryPage c={c} app={app} entries={entries} />);
  });
}
