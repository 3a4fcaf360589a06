import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { requirePerson } from "../../../http/policy.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { AdvanceSchema, RoundSchema } from "../applications.schema.js";
import { listForRound } from "./round-applications.repository.js";
import { candidateStructures } from "../workflows.js";
import { ApplyPage } from "../views/apply.views.js";
import { NewRoundPage, RoundPage, RoundsPage } from "../views/rounds.views.js";
import { advanceRound } from "./advance.js";
import {
  activeRounds,
  findRound,
  insertRound,
  listRounds,
  openRound,
  type NewRound,
} from "./rounds.repository.js";

/** Applications open in the morning of the first day and the vote closes in the evening of the last. */
const at = (date: string, time: string) => `${date}T${time}.000Z`;

/** Public: how to apply, with the rounds to come and the structures this person may apply for. */
export function applyPage(): Hono<AppEnv> {
  const page = new Hono<AppEnv>();
  page.get("/", async (c) => {
    const { db } = c.get("deps");
    const person = c.get("person");
    const active = await activeRounds(db);
    const props = {
      open: await openRound(db),
      next: active.find((r) => r.phase === "upcoming"),
      running: active.find((r) => r.phase === "review" || r.phase === "vote"),
      structures: person ? await candidateStructures(db, person.id) : [],
    };
    return render(c, <ApplyPage c={c} {...props} />);
  });
  return page;
}

async function roundPage(c: AppContext, error?: string) {
  const { db } = c.get("deps");
  const round = await findRound(db, c.req.param("id") ?? "");
  if (!round) throw new HttpError(404, "404");
  const apps = await listForRound(db, round.id);
  return render(
    c,
    <RoundPage c={c} round={round} applications={apps} {...(error ? { error } : {})} />,
    error ? 409 : 200,
  );
}

/** Public: every round, and each round's applications and results. */
export function roundPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.get("/", async (c) => render(c, <RoundsPage c={c} rounds={await listRounds(c.get("deps").db)} />));
  pages.get("/:id", (c) => roundPage(c));
  return pages;
}

const NEW_ROUND_DEFAULTS = {
  majority: "simple",
  tie_outcome: "reject",
  quorum_outcome: "reject",
  quorum_percent: "0",
};

async function createRound(c: AppContext) {
  const person = requirePerson(c);
  const form = await parseForm(c, RoundSchema);
  if (!form.ok) return render(c, <NewRoundPage c={c} values={form.values} errors={form.errors} />, 422);
  const d = form.data;
  const input: NewRound = {
    opensAt: at(d.opens_on, "00:00:00"),
    reviewAt: at(d.review_on, "00:00:00"),
    voteAt: at(d.vote_on, "00:00:00"),
    closesAt: at(d.closes_on, "18:00:00"),
    label: d.label,
    quorumPercent: d.quorum_percent,
    majority: d.majority,
    tieOutcome: d.tie_outcome,
    quorumOutcome: d.quorum_outcome,
    resultsHidden: d.results_hidden,
  };
  try {
    return await commitAndRedirect(c, {
      // A round starts upcoming; the scheduler (or the advance button) moves it along its dates.
      write: (trx) => insertRound(trx, input, "upcoming", person.id, c.get("deps").now()),
      audit: (id) => ({
        actor: { personId: person.id },
        action: "round.create",
        subject: { type: "round", id },
        data: { ...input },
      }),
      flash: "applications.flash.round_created",
      to: (id) => href(c, `/rounds/${id}`),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const errors = { label: { key: "form.error.taken" as const } };
    return render(c, <NewRoundPage c={c} values={form.values} errors={errors} />, 422);
  }
}

/** Moves a round to its next phase now (the scheduler would on the phase's date). */
async function advance(c: AppContext) {
  const person = requirePerson(c);
  const form = await parseForm(c, AdvanceSchema);
  if (!form.ok) throw new HttpError(400, "400");
  const id = c.req.param("id") ?? "";
  const moved = await advanceRound(c.get("deps"), id, form.data.from, {
    actor: { personId: person.id },
    early: true,
  });
  if (!moved) return roundPage(c, c.get("t")("applications.error.round_moved"));
  await flash(c, { kind: "success", text: "applications.flash.round_advanced" });
  return c.redirect(href(c, `/rounds/${id}`), 303);
}

/** Scheduling rounds and moving them along (guarded by round.manage at mount). */
export function roundsAdmin(): Hono<AppEnv> {
  const admin = new Hono<AppEnv>();
  admin.get("/new", (c) => render(c, <NewRoundPage c={c} values={NEW_ROUND_DEFAULTS} />));
  admin.post("/new", createRound);
  admin.post("/:id/advance", advance);
  return admin;
}
