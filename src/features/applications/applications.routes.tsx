import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { HttpError } from "../../http/errors.js";
import { commitAndRedirect } from "../../http/commit.js";
import { belongsTo, requirePerson } from "../../http/policy.js";
import { readAudit } from "../../audit/audit.js";
import type { MessageKey } from "../../i18n/index.js";
import { authorize, can } from "./applications.policy.js";
import { StartSchema, partSchema } from "./applications.schema.js";
import type { Application } from "./applications.repository.js";
import { answersOf, saveAnswers, type AnswerInput } from "./answers.repository.js";
import { ANSWERS, type Answer } from "./applications.tables.js";
import type { Charter, CharterPartWithCriteria } from "./charter/charter.repository.js";
import { executeRun, ranRecently } from "./checks/check-runner.js";
import { queueRun } from "./checks/checks.repository.js";
import { applicationPage, loadApplication, subjectOf } from "./application-page.js";
import { startApplication, submitApplication, type SubmitOutcome } from "./workflows.js";
import { StepPage, partValues, carriedCriteria } from "./views/step.views.js";
import { HistoryPage } from "./views/history.views.js";
import { decisionForApplication } from "./votes/decisions.repository.js";

/** A structure's files (guarded by requirePerson at mount; each file's policy decides who reads and edits it). */

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

type Part = { app: Application; charter: Charter; part: CharterPartWithCriteria };

/** The part being edited; a file that can no longer change says so to its own people (409). */
async function loadPart(c: AppContext): Promise<Response | Part> {
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  const part = loaded.charter.parts.find((p) => p.letter === c.req.param("letter"));
  if (!part) throw new HttpError(404, "404");
  if (!can(c.get("person"), "application.edit", subjectOf(loaded.app))) {
    if (!belongsTo(c.get("person"), loaded.app.memberId)) throw new HttpError(403, "403");
    return applicationPage(c, loaded, { error: c.get("t")("applications.error.locked"), status: 409 });
  }
  return { ...loaded, part };
}

async function start(c: AppContext) {
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
}

async function showPart(c: AppContext) {
  const loaded = await loadPart(c);
  if (loaded instanceof Response) return loaded;
  const answers = await answersOf(c.get("deps").db, loaded.app.id);
  const values = partValues(loaded.part, answers);
  return render(c, <StepPage c={c} {...loaded} values={values} carried={carriedCriteria(answers)} />);
}

/** Saves one part as a draft; "next" goes on to the following part, or to the submission. */
async function savePart(c: AppContext) {
  const person = requirePerson(c);
  const loaded = await loadPart(c);
  if (loaded instanceof Response) return loaded;
  const { app, charter, part } = loaded;
  const form = await parseForm(c, partSchema(part.criteria.map((cr) => cr.id)));
  if (!form.ok)
    return render(c, <StepPage c={c} {...loaded} values={form.values} errors={form.errors} />, 422);
  const answers = answersFrom(part, form.data);
  const following = charter.parts[charter.parts.findIndex((p) => p.letter === part.letter) + 1];
  const next =
    form.data.next !== "next"
      ? `/applications/${app.id}/parts/${part.letter}`
      : following
        ? `/applications/${app.id}/parts/${following.letter}`
        : `/applications/${app.id}#submit`;
  return commitAndRedirect(c, {
    write: (trx) => saveAnswers(trx, app.id, answers, person.id, c.get("deps").now()),
    audit: {
      actor: { personId: person.id, memberId: app.memberId },
      action: "application.answers",
      subject: { type: "application", id: app.id },
      data: {
        part: part.letter,
        answered: answers.filter((a) => a.answer !== null).length,
        status: app.status,
      },
    },
    flash: "applications.flash.saved",
    to: href(c, next),
  });
}

async function submit(c: AppContext) {
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  const person = authorize(c.get("person"), "application.submit", subjectOf(loaded.app));
  const outcome = await submitApplication(c.get("deps"), loaded.app, person.id);
  if (!outcome.ok)
    return applicationPage(c, loaded, {
      error: c.get("t")(SUBMIT_REFUSAL[outcome.reason]),
      status: outcome.reason === "blocked" ? 422 : 409,
    });
  await flash(c, {
    kind: "success",
    text: loaded.app.kind === "application" ? "applications.flash.submitted" : "applications.flash.completed",
  });
  return c.redirect(href(c, `/applications/${loaded.app.id}`), 303);
}

/** Runs the pre-checks again now, spaced so that the button cannot hammer a structure's servers. */
async function recheck(c: AppContext) {
  const loaded = await loadApplication(c, c.req.param("id") ?? "");
  const person = authorize(c.get("person"), "application.recheck", subjectOf(loaded.app));
  const deps = c.get("deps");
  if (await ranRecently(deps.db, loaded.app.id, deps.now()))
    return applicationPage(c, loaded, { error: c.get("t")("applications.error.recheck_soon"), status: 429 });
  return commitAndRedirect(c, {
    write: (trx) => queueRun(trx, loaded.app.id, "manual", person.id, deps.now()),
    // The run writes its own entry, with its results.
    audit: null,
    after: async (runId) => {
      await executeRun(deps, runId);
    },
    flash: "applications.flash.checked",
    to: `${href(c, `/applications/${loaded.app.id}`)}#checks`,
  });
}

/** The file's history, and its vote's, as the audit log recorded them. */
async function history(c: AppContext) {
  const { app } = await loadApplication(c, c.req.param("id") ?? "");
  const { db } = c.get("deps");
  const decision = await decisionForApplication(db, app.id);
  const entries = [
    ...(await readAudit(db, { subjectType: "application", subjectId: app.id, limit: 500 })),
    ...(decision ? await readAudit(db, { subjectType: "decision", subjectId: decision.id, limit: 500 }) : []),
  ].sort((a, b) => (a.id < b.id ? 1 : -1));
  return render(c, <HistoryPage c={c} app={app} entries={entries} />);
}

export function candidateFiles(): Hono<AppEnv> {
  const files = new Hono<AppEnv>();
  files.post("/", start);
  files.get("/:id", async (c) => applicationPage(c, await loadApplication(c, c.req.param("id"))));
  files.get("/:id/parts/:letter", showPart);
  files.post("/:id/parts/:letter", savePart);
  files.post("/:id/submit", submit);
  files.post("/:id/checks", recheck);
  files.get("/:id/history", history);
  return files;
}
