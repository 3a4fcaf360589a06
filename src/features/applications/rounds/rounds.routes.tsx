import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { HttpError } from "../../../http/errors.js";
import { audit } from "../../../audit/audit.js";
import { isUniqueViolation } from "../../../db/adapter.js";
import { authorize } from "../applications.policy.js";
import { AdvanceSchema, RoundSchema } from "../applications.schema.js";
import { listForRound } from "../applications.repository.js";
import { candidateStructures } from "../workflows.js";
import { ApplyPage } from "../views/apply.views.js";
import { NewRoundPage, RoundPage, RoundsPage } from "../views/rounds.views.js";
import { advanceRound } from "./advance.js";
import { activeRounds, findRound, insertRound, listRounds, openRound } from "./rounds.repository.js";

/** Applications open in the morning of the first day and the vote closes in the evening of the last. */
const at = (date: string, time: string) => `${date}T${time}.000Z`;

async function structuresOf(c: AppContext) {
  const person = c.get("person");
  return person ? candidateStructures(c.get("deps").db, person.id) : [];
}

async function roundPage(c: AppContext, id: string, error?: string, status: 200 | 409 = 200) {
  const { db } = c.get("deps");
  const round = await findRound(db, id);
  if (!round) throw new HttpError(404, "404");
  const apps = await listForRound(db, round.id);
  return render(
    c,
    <RoundPage c={c} round={round} applications={apps} {...(error ? { error } : {})} />,
    status,
  );
}

export function roundPages(router: Hono<AppEnv>): void {
  router.get("/apply", async (c) => {
    const { db } = c.get("deps");
    const active = await activeRounds(db);
    const open = await openRound(db);
    const next = active.find((r) => r.phase === "upcoming");
    const running = active.find((r) => r.phase === "review" || r.phase === "vote");
    return render(
      c,
      <ApplyPage c={c} open={open} next={next} running={running} structures={await structuresOf(c)} />,
    );
  });

  router.get("/rounds", async (c) =>
    render(c, <RoundsPage c={c} rounds={await listRounds(c.get("deps").db)} />),
  );

  router.get("/rounds/new", (c) => {
    authorize(c.get("person"), "round.manage");
    const values = {
      majority: "simple",
      tie_outcome: "reject",
      quorum_outcome: "reject",
      quorum_percent: "0",
    };
    return render(c, <NewRoundPage c={c} values={values} />);
  });

  router.post("/rounds/new", async (c) => {
    const person = authorize(c.get("person"), "round.manage");
    const { db, now } = c.get("deps");
    const form = await parseForm(c, RoundSchema);
    if (!form.ok) return render(c, <NewRoundPage c={c} values={form.values} errors={form.errors} />, 422);
    const d = form.data;
    const dates = {
      opensAt: at(d.opens_on, "00:00:00"),
      reviewAt: at(d.review_on, "00:00:00"),
      voteAt: at(d.vote_on, "00:00:00"),
      closesAt: at(d.closes_on, "18:00:00"),
    };
    const input = {
      ...dates,
      label: d.label,
      quorumPercent: d.quorum_percent,
      majority: d.majority,
      tieOutcome: d.tie_outcome,
      quorumOutcome: d.quorum_outcome,
      resultsHidden: d.results_hidden,
    };
    let id: string;
    try {
      id = await db.transaction().execute(async (trx) => {
        // A round starts upcoming; the scheduler (or the advance button) moves it along its dates.
        const created = await insertRound(trx, input, "upcoming", person.id, now());
        await audit(trx, {
          actor: { personId: person.id },
          action: "round.create",
          subject: { type: "round", id: created },
          data: { ...input },
        });
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return render(
        c,
        <NewRoundPage c={c} values={form.values} errors={{ label: { key: "form.error.taken" } }} />,
        422,
      );
    }
    await flash(c, { kind: "success", text: "applications.flash.round_created" });
    return c.redirect(href(c, `/rounds/${id}`), 303);
  });

  router.get("/rounds/:id", (c) => roundPage(c, c.req.param("id")));

  router.post("/rounds/:id/advance", async (c) => {
    const person = authorize(c.get("person"), "round.manage");
    const form = await parseForm(c, AdvanceSchema);
    if (!form.ok) throw new HttpError(400, "400");
    const moved = await advanceRound(c.get("deps"), c.req.param("id"), form.data.from, {
      actor: { personId: person.id },
      early: true,
    });
    if (!moved) return roundPage(c, c.req.param("id"), c.get("t")("applications.error.round_moved"), 409);
    await flash(c, { kind: "success", text: "applications.flash.round_advanced" });
    return c.redirect(href(c, `/rounds/${c.req.param("id")}`), 303);
  });
}
