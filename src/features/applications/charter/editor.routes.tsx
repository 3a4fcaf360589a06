import { Hono } from "hono";
import type { z } from "zod";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm, type FieldErrors } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { requirePerson } from "../../../http/policy.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { CriterionSchema, ProposeCharterSchema, SummarySchema } from "../applications.schema.js";
import { CharterAdminPage } from "../views/charter.views.js";
import { CriterionEditPage, DraftPage, criterionValues } from "../views/charter-editor.views.js";
import { insertDecision } from "../votes/decisions.repository.js";
import { announceDecision, charterDecision, decisionCreated } from "../votes/proposals.js";
import * as repo from "./charter.repository.js";

/** The charter editor (guarded by charter.edit at mount): drafts, their criteria, publication or a vote. */

async function loadDraft(c: AppContext): Promise<repo.Charter> {
  const charter = await repo.charterById(c.get("deps").db, c.req.param("id") ?? "");
  if (!charter || charter.version.status !== "draft") throw new HttpError(404, "404");
  return charter;
}

const draftPath = (c: AppContext, charter: repo.Charter) => href(c, `/charter/admin/${charter.version.id}`);

async function newDraft(c: AppContext) {
  const person = requirePerson(c);
  const { db, now } = c.get("deps");
  const existing = (await repo.listVersions(db)).find((v) => v.status === "draft");
  if (existing) return c.redirect(href(c, `/charter/admin/${existing.id}`), 303);
  const current = await repo.currentCharter(db);
  if (!current) throw new HttpError(409, "409");
  return commitAndRedirect(c, {
    write: (trx) => repo.createDraft(trx, current, person.id, now()),
    audit: (id) => ({
      actor: { personId: person.id },
      action: "charter.draft",
      subject: { type: "charter", id },
      data: { from: current.version.version },
    }),
    flash: "applications.flash.charter_draft",
    to: (id) => href(c, `/charter/admin/${id}`),
  });
}

async function saveSummary(c: AppContext) {
  const person = requirePerson(c);
  const charter = await loadDraft(c);
  const form = await parseForm(c, SummarySchema);
  if (!form.ok)
    return render(c, <DraftPage c={c} charter={charter} values={form.values} errors={form.errors} />, 422);
  return commitAndRedirect(c, {
    write: (trx) =>
      repo.updateSummary(trx, charter.version.id, {
        fr: form.data.summary_fr,
        en: form.data.summary_en,
        de: form.data.summary_de,
      }),
    audit: {
      actor: { personId: person.id },
      action: "charter.edit",
      subject: { type: "charter", id: charter.version.id },
      data: { summary: true },
    },
    flash: "flash.saved",
    to: draftPath(c, charter),
  });
}

async function criterionForm(c: AppContext) {
  const charter = await loadDraft(c);
  const id = c.req.param("criterion");
  const part = charter.parts.find((p) => p.criteria.some((cr) => cr.id === id));
  const criterion = part?.criteria.find((cr) => cr.id === id);
  if (!part || !criterion) throw new HttpError(404, "404");
  const values = criterionValues(criterion, part.letter);
  return render(c, <CriterionEditPage c={c} charter={charter} criterionId={criterion.id} values={values} />);
}

const criterionFields = (d: z.output<typeof CriterionSchema>): repo.CriterionFields => ({
  code: d.code,
  level: d.level,
  titleFr: d.title_fr,
  titleEn: d.title_en,
  titleDe: d.title_de ?? "",
  explanationFr: d.explanation_fr,
  explanationEn: d.explanation_en,
  explanationDe: d.explanation_de,
  checkId: d.check_id ?? null,
});

/** Adds a criterion, or changes one (and the part it belongs to). */
async function saveCriterion(c: AppContext) {
  const person = requirePerson(c);
  const charter = await loadDraft(c);
  const criterionId = c.req.param("criterion") ?? null;
  if (criterionId && !repo.allCriteria(charter).some((cr) => cr.id === criterionId))
    throw new HttpError(404, "404");
  const form = await parseForm(c, CriterionSchema);
  const part = form.ok ? charter.parts.find((p) => p.letter === form.data.part) : undefined;
  const page = (errors: FieldErrors) => (
    <CriterionEditPage
      c={c}
      charter={charter}
      criterionId={criterionId}
      values={form.values}
      errors={errors}
    />
  );
  if (!form.ok) return render(c, page(form.errors), 422);
  if (!part) return render(c, page({ part: { key: "form.error.choice" } }), 422);
  const fields = criterionFields(form.data);
  try {
    return await commitAndRedirect(c, {
      write: async (trx) => {
        if (!criterionId) return repo.addCriterion(trx, charter.version.id, part.id, fields);
        await repo.updateCriterion(trx, criterionId, { ...fields, partId: part.id });
        return criterionId;
      },
      audit: (id) => ({
        actor: { personId: person.id },
        action: criterionId ? "charter.criterion.update" : "charter.criterion.add",
        subject: { type: "charter", id: charter.version.id },
        data: { criterion: id, code: fields.code },
      }),
      flash: "flash.saved",
      to: draftPath(c, charter),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return render(c, page({ code: { key: "applications.error.code_taken" } }), 422);
  }
}

async function deleteCriterion(c: AppContext) {
  const person = requirePerson(c);
  const charter = await loadDraft(c);
  const criterion = repo.allCriteria(charter).find((cr) => cr.id === c.req.param("criterion"));
  if (!criterion) throw new HttpError(404, "404");
  return commitAndRedirect(c, {
    write: (trx) => repo.deleteCriterion(trx, criterion.id),
    audit: {
      actor: { personId: person.id },
      action: "charter.criterion.delete",
      subject: { type: "charter", id: charter.version.id },
      data: { code: criterion.code },
    },
    flash: "applications.flash.criterion_deleted",
    to: draftPath(c, charter),
  });
}

async function publish(c: AppContext) {
  const person = requirePerson(c);
  const charter = await loadDraft(c);
  return commitAndRedirect(c, {
    write: async (trx) => {
      if (!(await repo.publishVersion(trx, charter.version.id, c.get("deps").now())))
        throw new HttpError(409, "409");
    },
    audit: {
      actor: { personId: person.id },
      action: "charter.publish",
      subject: { type: "charter", id: charter.version.id },
      data: { version: charter.version.version },
    },
    flash: "applications.flash.charter_published",
    to: href(c, "/charter"),
  });
}

/** Puts the draft to the collective's vote instead of publishing it. */
async function propose(c: AppContext) {
  const person = requirePerson(c);
  const charter = await loadDraft(c);
  const form = await parseForm(c, ProposeCharterSchema);
  const draftPage = (errors: FieldErrors) => (
    <DraftPage c={c} charter={charter} values={form.values} errors={errors} />
  );
  if (!form.ok) return render(c, draftPage(form.errors), 422);
  const decision = charterDecision(charter, person.id, form.data.closes_on, c.get("deps").now());
  if (!decision) return render(c, draftPage({ closes_on: { key: "applications.error.past_date" } }), 422);
  return commitAndRedirect(c, {
    write: (trx) => insertDecision(trx, decision),
    audit: (id) => decisionCreated(decision, id),
    after: (id) => announceDecision(c.get("deps"), id, decision),
    flash: "applications.flash.charter_vote",
    to: (id) => href(c, `/decisions/${id}`),
  });
}

export function charterEditor(): Hono<AppEnv> {
  const editor = new Hono<AppEnv>();
  editor.get("/", async (c) =>
    render(c, <CharterAdminPage c={c} versions={await repo.listVersions(c.get("deps").db)} />),
  );
  editor.post("/drafts", newDraft);
  editor.get("/:id", async (c) => render(c, <DraftPage c={c} charter={await loadDraft(c)} />));
  editor.post("/:id/summary", saveSummary);
  editor.get("/:id/criteria/new", async (c) => {
    const values = { part: c.req.query("part") ?? "", level: "recommended" };
    return render(
      c,
      <CriterionEditPage c={c} charter={await loadDraft(c)} criterionId={null} values={values} />,
    );
  });
  editor.get("/:id/criteria/:criterion", criterionForm);
  editor.post("/:id/criteria/:criterion?", saveCriterion);
  editor.post("/:id/criteria/:criterion/delete", deleteCriterion);
  editor.post("/:id/publish", publish);
  editor.post("/:id/propose", propose);
  return editor;
}
