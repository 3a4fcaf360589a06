import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { HttpError } from "../../../http/errors.js";
import { audit } from "../../../audit/audit.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { CACHE_HEADER } from "../../../http/page-cache.js";
import { authorize } from "../applications.policy.js";
import { CriterionSchema, ProposeCharterSchema, SummarySchema } from "../applications.schema.js";
import { CharterAdminPage, CharterPage } from "../views/charter.views.js";
import { CriterionEditPage, DraftPage, criterionValues } from "../views/charter-editor.views.js";
import * as repo from "./charter.repository.js";
import { proposeCharter } from "../votes/proposals.js";

async function loadDraft(c: AppContext, id: string): Promise<repo.Charter> {
  const charter = await repo.charterById(c.get("deps").db, id);
  if (!charter || charter.version.status !== "draft") throw new HttpError(404, "404");
  return charter;
}

function fields(data: {
  code: string;
  level: "required" | "recommended";
  title_fr: string;
  title_en: string;
  explanation_fr: string;
  explanation_en: string;
  check_id?: string | undefined;
}): repo.CriterionFields {
  return {
    code: data.code,
    level: data.level,
    titleFr: data.title_fr,
    titleEn: data.title_en,
    explanationFr: data.explanation_fr,
    explanationEn: data.explanation_en,
    checkId: data.check_id ?? null,
  };
}

export function charterPages(router: Hono<AppEnv>): void {
  router.get("/charter", async (c) => {
    const { db } = c.get("deps");
    c.header(CACHE_HEADER, "300");
    return render(
      c,
      <CharterPage c={c} charter={await repo.currentCharter(db)} versions={await repo.listVersions(db)} />,
    );
  });

  router.get("/charter/versions/:number{[0-9]+}", async (c) => {
    const { db } = c.get("deps");
    const charter = await repo.charterByNumber(db, Number(c.req.param("number")));
    if (!charter || charter.version.status === "draft") throw new HttpError(404, "404");
    return render(c, <CharterPage c={c} charter={charter} versions={await repo.listVersions(db)} />);
  });

  router.get("/charter/admin", async (c) => {
    authorize(c.get("person"), "charter.edit");
    return render(c, <CharterAdminPage c={c} versions={await repo.listVersions(c.get("deps").db)} />);
  });

  router.post("/charter/admin/drafts", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const { db, now } = c.get("deps");
    const existing = (await repo.listVersions(db)).find((v) => v.status === "draft");
    if (existing) return c.redirect(href(c, `/charter/admin/${existing.id}`), 303);
    const current = await repo.currentCharter(db);
    if (!current) throw new HttpError(409, "409");
    const id = await db.transaction().execute(async (trx) => {
      const draft = await repo.createDraft(trx, current, person.id, now());
      await audit(trx, {
        actor: { personId: person.id },
        action: "charter.draft",
        subject: { type: "charter", id: draft },
        data: { from: current.version.version },
      });
      return draft;
    });
    await flash(c, { kind: "success", text: "applications.flash.charter_draft" });
    return c.redirect(href(c, `/charter/admin/${id}`), 303);
  });

  router.get("/charter/admin/:id", async (c) => {
    authorize(c.get("person"), "charter.edit");
    return render(c, <DraftPage c={c} charter={await loadDraft(c, c.req.param("id"))} />);
  });

  router.post("/charter/admin/:id/summary", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const form = await parseForm(c, SummarySchema);
    if (!form.ok)
      return render(c, <DraftPage c={c} charter={charter} values={form.values} errors={form.errors} />, 422);
    await c
      .get("deps")
      .db.transaction()
      .execute(async (trx) => {
        await repo.updateSummary(trx, charter.version.id, form.data.summary_fr, form.data.summary_en);
        await audit(trx, {
          actor: { personId: person.id },
          action: "charter.edit",
          subject: { type: "charter", id: charter.version.id },
          data: { summary: true },
        });
      });
    await flash(c, { kind: "success", text: "flash.saved" });
    return c.redirect(href(c, `/charter/admin/${charter.version.id}`), 303);
  });

  router.get("/charter/admin/:id/criteria/new", async (c) => {
    authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const values = { part: c.req.query("part") ?? "", level: "recommended" };
    return render(c, <CriterionEditPage c={c} charter={charter} criterionId={null} values={values} />);
  });

  router.get("/charter/admin/:id/criteria/:criterion", async (c) => {
    authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const part = charter.parts.find((p) => p.criteria.some((cr) => cr.id === c.req.param("criterion")));
    const criterion = part?.criteria.find((cr) => cr.id === c.req.param("criterion"));
    if (!part || !criterion) throw new HttpError(404, "404");
    return render(
      c,
      <CriterionEditPage
        c={c}
        charter={charter}
        criterionId={criterion.id}
        values={criterionValues(criterion, part.letter)}
      />,
    );
  });

  router.post("/charter/admin/:id/criteria/:criterion?", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const criterionId = c.req.param("criterion") ?? null;
    if (criterionId && !repo.allCriteria(charter).some((cr) => cr.id === criterionId))
      throw new HttpError(404, "404");
    const form = await parseForm(c, CriterionSchema);
    const part = form.ok ? charter.parts.find((p) => p.letter === form.data.part) : undefined;
    const errors = form.ok
      ? part
        ? undefined
        : { part: { key: "form.error.choice" as const } }
      : form.errors;
    const page = (e: typeof errors) => (
      <CriterionEditPage c={c} charter={charter} criterionId={criterionId} values={form.values} errors={e} />
    );
    if (!form.ok || !part || errors) return render(c, page(errors), 422);
    try {
      await c
        .get("deps")
        .db.transaction()
        .execute(async (trx) => {
          const values = fields(form.data);
          const id = criterionId ?? (await repo.addCriterion(trx, charter.version.id, part.id, values));
          if (criterionId) await repo.updateCriterion(trx, criterionId, { ...values, partId: part.id });
          await audit(trx, {
            actor: { personId: person.id },
            action: criterionId ? "charter.criterion.update" : "charter.criterion.add",
            subject: { type: "charter", id: charter.version.id },
            data: { criterion: id, code: values.code },
          });
        });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return render(c, page({ code: { key: "applications.error.code_taken" } }), 422);
    }
    await flash(c, { kind: "success", text: "flash.saved" });
    return c.redirect(href(c, `/charter/admin/${charter.version.id}`), 303);
  });

  router.post("/charter/admin/:id/criteria/:criterion/delete", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const criterion = repo.allCriteria(charter).find((cr) => cr.id === c.req.param("criterion"));
    if (!criterion) throw new HttpError(404, "404");
    await c
      .get("deps")
      .db.transaction()
      .execute(async (trx) => {
        await repo.deleteCriterion(trx, criterion.id);
        await audit(trx, {
          actor: { personId: person.id },
          action: "charter.criterion.delete",
          subject: { type: "charter", id: charter.version.id },
          data: { code: criterion.code },
        });
      });
    await flash(c, { kind: "success", text: "applications.flash.criterion_deleted" });
    return c.redirect(href(c, `/charter/admin/${charter.version.id}`), 303);
  });

  router.post("/charter/admin/:id/publish", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const { db, now } = c.get("deps");
    const charter = await loadDraft(c, c.req.param("id"));
    await db.transaction().execute(async (trx) => {
      if (!(await repo.publishVersion(trx, charter.version.id, now()))) throw new HttpError(409, "409");
      await audit(trx, {
        actor: { personId: person.id },
        action: "charter.publish",
        subject: { type: "charter", id: charter.version.id },
        data: { version: charter.version.version },
      });
    });
    await flash(c, { kind: "success", text: "applications.flash.charter_published" });
    return c.redirect(href(c, "/charter"), 303);
  });

  router.post("/charter/admin/:id/propose", async (c) => {
    const person = authorize(c.get("person"), "charter.edit");
    const charter = await loadDraft(c, c.req.param("id"));
    const form = await parseForm(c, ProposeCharterSchema);
    if (!form.ok)
      return render(c, <DraftPage c={c} charter={charter} values={form.values} errors={form.errors} />, 422);
    const id = await proposeCharter(c.get("deps"), charter, person.id, form.data.closes_on);
    if (!id)
      return render(
        c,
        <DraftPage
          c={c}
          charter={charter}
          values={form.values}
          errors={{ closes_on: { key: "applications.error.past_date" } }}
        />,
        422,
      );
    await flash(c, { kind: "success", text: "applications.flash.charter_vote" });
    return c.redirect(href(c, `/decisions/${id}`), 303);
  });
}
