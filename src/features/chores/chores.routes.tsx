import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, readForm, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { requirePerson, requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { commitAndRedirect } from "../../http/commit.js";
import { guard } from "../../http/guard.js";
import { audit } from "../../audit/audit.js";
import { inTransaction, isUniqueViolation, type DB } from "../../db/adapter.js";
import { peopleByIds } from "../../identity/identity.repository.js";
import * as repo from "./chores.repository.js";
import { canActOnTurn, requireChoreAccess } from "./chores.policy.js";
import { ChoreSchema, turnNote } from "./chores.schema.js";
import { ChoresPage } from "./chores.views.js";
import * as requests from "./requests.repository.js";
import { requestRoutes } from "./requests.routes.js";

const DAY = 86_400_000;

async function page(
  c: AppContext,
  extra: { values?: FormValues; errors?: FieldErrors } = {},
  status: 200 | 422 = 200,
) {
  const { db, now } = c.get("deps");
  const today = now().toISOString().slice(0, 10);
  const past = new Date(now().getTime() - 90 * DAY).toISOString().slice(0, 10);
  const [chores, upcoming, history] = await Promise.all([
    repo.listChores(db),
    repo.listTurns(db, { from: today }),
    repo.listTurns(db, { from: past, to: today }),
  ]);
  const recent = history.filter((turn) => turn.status !== "open" || turn.dueDate < today).reverse();
  const person = c.get("person");
  const [asked, mine] = await Promise.all([
    requests.pendingOfTurns(
      db,
      upcoming.filter((x) => x.assigneeId === null).map((x) => x.id),
    ),
    person ? requests.pendingFor(db, person.id) : Promise.resolve([]),
  ]);
  return render(
    c,
    <ChoresPage
      c={c}
      chores={chores}
      upcoming={upcoming.filter((x) => x.status === "open")}
      recent={recent}
      asked={person?.isPlatformAdmin ? await askedNames(db, asked) : new Map()}
      requests={mine}
      {...extra}
    />,
    status,
  );
}

/** Turn id → the name of the person asked to take it. */
async function askedNames(db: DB, asked: Map<string, requests.ChoreRequest>): Promise<Map<string, string>> {
  const people = await peopleByIds(
    db,
    [...asked.values()].map((r) => r.personId),
  );
  return new Map([...asked].map(([turn, r]) => [turn, people.get(r.personId)?.name ?? "—"]));
}

async function loadTurn(c: AppContext): Promise<repo.Turn> {
  const turn = await repo.findTurn(c.get("deps").db, c.req.param("id") ?? "");
  if (!turn) throw new HttpError(404, "404");
  return turn;
}

async function createChore(c: AppContext) {
  const admin = requirePlatformAdmin(c);
  const { db, now } = c.get("deps");
  const form = await parseForm(c, ChoreSchema);
  if (!form.ok) return page(c, { values: form.values, errors: form.errors }, 422);
  const d = form.data;
  const chore = {
    slug: d.slug,
    titleFr: d.title_fr,
    titleEn: d.title_en,
    titleDe: d.title_de ?? "",
    descriptionFr: d.description_fr,
    descriptionEn: d.description_en,
    descriptionDe: d.description_de,
    recurrence: d.recurrence,
  };
  try {
    return await commitAndRedirect(c, {
      write: (trx) => repo.createChore(trx, chore, now()),
      audit: (id) => ({
        actor: { personId: admin.id },
        action: "chore.create",
        subject: { type: "chore", id },
        data: { slug: d.slug },
      }),
      after: async () => {
        await repo.planTurns(db, now());
      },
      flash: "chores.admin.created",
      to: href(c, "/chores"),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return page(c, { values: form.values, errors: { slug: { key: "form.error.taken" } } }, 422);
  }
}

function archiveChore(c: AppContext) {
  const admin = requirePlatformAdmin(c);
  const slug = c.req.param("slug") ?? "";
  return commitAndRedirect(c, {
    write: (trx) => repo.archiveChore(trx, slug, c.get("deps").now()),
    audit: { actor: { personId: admin.id }, action: "chore.archive", subject: { type: "chore", id: slug } },
    flash: "chores.admin.archived",
    to: href(c, "/chores"),
  });
}

/** Taking a turn may lose the race to someone else: the audit entry and the message follow who won. */
async function takeTurn(c: AppContext) {
  const person = requirePerson(c);
  const turn = await loadTurn(c);
  const taken = await inTransaction(c.get("deps").db, async (trx) => {
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
}

async function releaseTurn(c: AppContext) {
  const person = requirePerson(c);
  const turn = await loadTurn(c);
  if (!canActOnTurn(person, turn)) throw new HttpError(403, "403");
  return commitAndRedirect(c, {
    write: (trx) => repo.releaseTurn(trx, turn.id),
    audit: {
      actor: { personId: person.id },
      action: "chore.release",
      subject: { type: "chore_turn", id: turn.id },
    },
    flash: { kind: "info", text: "chores.released" },
    to: href(c, "/chores"),
  });
}

/** Done by the person on the turn (or an admin); skipped by an admin only. */
const closeTurn = (outcome: "done" | "skip") => async (c: AppContext) => {
  const person = requirePerson(c);
  const turn = await loadTurn(c);
  if (outcome === "skip" ? !person.isPlatformAdmin : !canActOnTurn(person, turn))
    throw new HttpError(403, "403");
  if (turn.status !== "open") throw new HttpError(409, "400");
  const note = turnNote((await readForm(c)).note);
  return commitAndRedirect(c, {
    write: (trx) =>
      repo.closeTurn(trx, turn.id, outcome === "skip" ? "skipped" : "done", note, c.get("deps").now()),
    audit: {
      actor: { personId: person.id },
      action: `chore.${outcome}`,
      subject: { type: "chore_turn", id: turn.id },
    },
    flash: "chores.closed",
    to: href(c, "/chores"),
  });
};

/** The chores area: the collective's members and platform admins; adding and archiving chores is for admins. */
export function chorePages(router: Hono<AppEnv>): void {
  const chores = new Hono<AppEnv>();
  chores.use(guard(requireChoreAccess));
  chores.get("/", (c) => page(c));
  chores.post("/", createChore);
  chores.post("/:slug/archive", archiveChore);
  chores.post("/turns/:id/take", takeTurn);
  chores.post("/turns/:id/release", releaseTurn);
  chores.post("/turns/:id/done", closeTurn("done"));
  chores.post("/turns/:id/skip", closeTurn("skip"));
  requestRoutes(chores);
  router.route("/chores", chores);
}
