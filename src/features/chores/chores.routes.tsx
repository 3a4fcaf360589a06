import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { choice, longText, optionalText, parseForm, readForm, text } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { audit } from "../../audit/audit.js";
import { isUniqueViolation } from "../../db/adapter.js";
import * as repo from "./chores.repository.js";
import { RECURRENCES } from "./chores.tables.js";
import { canActOnTurn, requireChoreAccess } from "./chores.policy.js";
import { ChoresPage } from "./chores.views.js";
import type { FieldErrors, FormValues } from "../../http/forms.js";

const ChoreSchema = z.object({
  slug: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "form.error.invalid"),
  ),
  title_fr: text(120),
  title_en: text(120),
  description_fr: longText(1000),
  description_en: longText(1000),
  recurrence: choice(RECURRENCES),
});

async function page(
  c: AppContext,
  extra: { values?: FormValues; errors?: FieldErrors } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db, now } = c.get("deps");
  const today = now().toISOString().slice(0, 10);
  const past = new Date(now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const [chores, upcoming, history] = await Promise.all([
    repo.listChores(db),
    repo.listTurns(db, { from: today }),
    repo.listTurns(db, { from: past, to: today }),
  ]);
  const recent = history.filter((turn) => turn.status !== "open" || turn.dueDate < today).reverse();
  return render(
    c,
    <ChoresPage
      c={c}
      chores={chores}
      upcoming={upcoming.filter((x) => x.status === "open")}
      recent={recent}
      {...extra}
    />,
    status,
  );
}

async function loadTurn(c: AppContext) {
  const turn = await repo.findTurn(c.get("deps").db, c.req.param("id") ?? "");
  if (!turn) throw new HttpError(404, "404");
  return turn;
}

export function chorePages(router: Hono<AppEnv>): void {
  router.get("/chores", (c) => {
    requireChoreAccess(c);
    return page(c);
  });

  router.post("/chores", async (c) => {
    const admin = requirePlatformAdmin(c);
    const { db, now } = c.get("deps");
    const form = await parseForm(c, ChoreSchema);
    if (!form.ok) return page(c, { values: form.values, errors: form.errors }, 422);
    const d = form.data;
    try {
      await db.transaction().execute(async (trx) => {
        const id = await repo.createChore(
          trx,
          {
            slug: d.slug,
            titleFr: d.title_fr,
            titleEn: d.title_en,
            descriptionFr: d.description_fr,
            descriptionEn: d.description_en,
            recurrence: d.recurrence,
          },
          now(),
        );
        await audit(trx, {
          actor: { personId: admin.id },
          action: "chore.create",
          subject: { type: "chore", id },
          data: { slug: d.slug },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return page(c, { values: form.values, errors: { slug: { key: "form.error.taken" } } }, 422);
    }
    await repo.planTurns(db, now());
    await flash(c, { kind: "success", text: "chores.admin.created" });
    return c.redirect(href(c, "/chores"), 303);
  });

  router.post("/chores/:slug/archive", async (c) => {
    const admin = requirePlatformAdmin(c);
    const { db, now } = c.get("deps");
    await db.transaction().execute(async (trx) => {
      await repo.archiveChore(trx, c.req.param("slug"), now());
      await audit(trx, {
        actor: { personId: admin.id },
        action: "chore.archive",
        subject: { type: "chore", id: c.req.param("slug") },
      });
    });
    await flash(c, { kind: "success", text: "chores.admin.archived" });
    return c.redirect(href(c, "/chores"), 303);
  });

  router.post("/chores/turns/:id/take", async (c) => {
    const person = requireChoreAccess(c);
    const turn = await loadTurn(c);
    const { db } = c.get("deps");
    const taken = await db.transaction().execute(async (trx) => {
      const ok = await repo.takeTurn(trx, turn.id, person.id);
      if (ok)
        await audit(trx, {
          actor: { personId: person.id },
          action: "chore.take",
          subject: { type: "chore_turn", id: turn.id },
        });
      return ok;
    });
    await flash(
      c,
      taken ? { kind: "success", text: "chores.taken" } : { kind: "error", text: "chores.taken_by_other" },
    );
    return c.redirect(href(c, "/chores"), 303);
  });

  router.post("/chores/turns/:id/release", async (c) => {
    const person = requireChoreAccess(c);
    const turn = await loadTurn(c);
    if (!canActOnTurn(person, turn)) throw new HttpError(403, "403");
    const { db } = c.get("deps");
    await db.transaction().execute(async (trx) => {
      await repo.releaseTurn(trx, turn.id);
      await audit(trx, {
        actor: { personId: person.id },
        action: "chore.release",
        subject: { type: "chore_turn", id: turn.id },
      });
    });
    await flash(c, { kind: "info", text: "chores.released" });
    return c.redirect(href(c, "/chores"), 303);
  });

  for (const outcome of ["done", "skip"] as const) {
    router.post(`/chores/turns/:id/${outcome}`, async (c) => {
      const person = requireChoreAccess(c);
      const turn = await loadTurn(c);
      if (outcome === "skip" ? !person.isPlatformAdmin : !canActOnTurn(person, turn))
        throw new HttpError(403, "403");
      if (turn.status !== "open") throw new HttpError(409, "400");
      const raw = await readForm(c);
      const note = optionalText(500).safeParse(raw.note);
      const { db, now } = c.get("deps");
      await db.transaction().execute(async (trx) => {
        await repo.closeTurn(
          trx,
          turn.id,
          outcome === "skip" ? "skipped" : "done",
          note.success ? (note.data ?? null) : null,
          now(),
        );
        await audit(trx, {
          actor: { personId: person.id },
          action: `chore.${outcome}`,
          subject: { type: "chore_turn", id: turn.id },
        });
      });
      await flash(c, { kind: "success", text: "chores.closed" });
      return c.redirect(href(c, "/chores"), 303);
    });
  }
}
