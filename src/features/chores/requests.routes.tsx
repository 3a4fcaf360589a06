import type { Hono } from "hono";
import { z } from "zod";
import type { AppContext, AppEnv } from "../../http/context.js";
import { href } from "../../http/context.js";
import { parseForm, text, type FieldErrors, type FormValues } from "../../http/forms.js";
import { render } from "../../http/render.js";
import { flash } from "../../http/session.js";
import { requirePerson, requirePlatformAdmin } from "../../http/policy.js";
import { HttpError } from "../../http/errors.js";
import { commitAndRedirect } from "../../http/commit.js";
import { peopleByIds, peopleOfMembers, platformAdmins } from "../../identity/identity.repository.js";
import { collectiveMemberIds } from "../directory/published.js";
import type { Deps } from "../../deps.js";
import * as turns from "./chores.repository.js";
import * as repo from "./requests.repository.js";
import { choreTitle, mailTo } from "./requests.mail.js";
import { AskPage, RequestPage, type Candidate } from "./requests.views.js";

const DAY = 86_400_000;
/** "Lately", for suggesting who to ask: the last six months of turns. */
const LATELY_DAYS = 183;

const AskSchema = z.object({ person: text(60) });

/** The turn being asked about, with its chore's names; only a turn still free may be asked for. */
async function freeTurn(c: AppContext): Promise<turns.TurnView> {
  const { db } = c.get("deps");
  const turn = await turns.findTurn(db, c.req.param("id") ?? "");
  if (!turn) throw new HttpError(404, "404");
  const view = (await turns.listTurns(db, { from: turn.dueDate, to: turn.dueDate })).find(
    (v) => v.id === turn.id,
  );
  if (!view) throw new HttpError(404, "404");
  return view;
}

/** Who may be asked: the people of member structures and the coordinators, fewest turns lately first. */
async function candidates(deps: Deps): Promise<Candidate[]> {
  const since = new Date(deps.now().getTime() - LATELY_DAYS * DAY).toISOString().slice(0, 10);
  const [members, admins, held] = await Promise.all([
    peopleOfMembers(deps.db, await collectiveMemberIds(deps.db)),
    platformAdmins(deps.db),
    repo.turnsHeldSince(deps.db, since),
  ]);
  const people = new Map([...members, ...admins].filter((p) => !p.disabled).map((p) => [p.id, p]));
  return [...people.values()]
    .map((p) => ({ id: p.id, name: p.name, turns: held.get(p.id) ?? 0 }))
    .sort((a, b) => a.turns - b.turns || a.name.localeCompare(b.name));
}

async function askPage(
  c: AppContext,
  turn: turns.TurnView,
  failed?: { values: FormValues; errors: FieldErrors },
) {
  const { db } = c.get("deps");
  const pending = (await repo.pendingOfTurns(db, [turn.id])).get(turn.id);
  const name = pending ? (await peopleByIds(db, [pending.personId])).get(pending.personId)?.name : undefined;
  return render(
    c,
    <AskPage
      c={c}
      turn={turn}
      candidates={await candidates(c.get("deps"))}
      pending={name ? { name } : null}
      values={failed?.values}
      errors={failed?.errors}
    />,
    failed ? 422 : 200,
  );
}

async function ask(c: AppContext) {
  const admin = requirePlatformAdmin(c);
  const deps = c.get("deps");
  const turn = await freeTurn(c);
  if (turn.status !== "open" || turn.assigneeId !== null) {
    await flash(c, { kind: "error", text: "chores.ask.not_free" });
    return c.redirect(href(c, "/chores"), 303);
  }
  const form = await parseForm(c, AskSchema);
  const person = form.ok ? (await candidates(deps)).find((p) => p.id === form.data.person) : undefined;
  if (!form.ok || !person) {
    const errors: FieldErrors = form.ok ? { person: { key: "form.error.choice" } } : form.errors;
    return askPage(c, turn, { values: form.values, errors });
  }
  return commitAndRedirect(c, {
    write: (trx) =>
      repo.askTurn(trx, { turnId: turn.id, personId: person.id, askedBy: admin.id }, deps.now()),
    audit: (id) => ({
      actor: { personId: admin.id },
      action: "chore.ask",
      subject: { type: "chore_request", id },
      data: { turn: turn.id, person: person.id },
    }),
    after: async (id) => {
      const to = (await peopleByIds(deps.db, [person.id])).get(person.id);
      if (to)
        await mailTo(deps, to, "chore-request", (t, link, locale) => {
          const vars = {
            name: to.name,
            asker: admin.name,
            chore: choreTitle(locale, turn),
            date: t.date(turn.dueDate),
          };
          return {
            subject: t("chores.mail.ask.subject", vars),
            text: t("chores.mail.ask.body", { ...vars, link: link(`/chores/requests/${id}`) }),
          };
        });
    },
    flash: "chores.ask.sent",
    to: href(c, "/chores"),
  });
}

/** The request, to the person asked (who answers) and the coordinators; hidden from everyone else. */
async function loadRequest(c: AppContext): Promise<repo.ChoreRequest> {
  const person = requirePerson(c);
  const request = await repo.findRequest(c.get("deps").db, c.req.param("id") ?? "");
  if (!request || (request.personId !== person.id && !person.isPlatformAdmin))
    throw new HttpError(404, "404");
  return request;
}

/** Answering is the asked person's alone; an answered request, or a turn taken since, is a conflict. */
async function answerable(c: AppContext) {
  const person = requirePerson(c);
  const request = await loadRequest(c);
  if (request.personId !== person.id) throw new HttpError(403, "403");
  if (request.status !== "pending") throw new HttpError(409, "400");
  return { person, request };
}

/** Thrown inside the transaction when the turn was taken in between: nothing is written. */
class TurnTaken extends Error {}

async function accept(c: AppContext) {
  const { person, request } = await answerable(c);
  try {
    return await commitAndRedirect(c, {
      write: async (trx) => {
        const outcome = await repo.acceptRequest(trx, request, c.get("deps").now());
        if (outcome === "taken") throw new TurnTaken();
        if (outcome === "answered") throw new HttpError(409, "400");
      },
      audit: {
        actor: { personId: person.id },
        action: "chore.request.accept",
        subject: { type: "chore_request", id: request.id },
        data: { turn: request.turnId },
      },
      flash: "chores.request.accepted",
      to: href(c, "/chores"),
    });
  } catch (error) {
    if (!(error instanceof TurnTaken)) throw error;
    await flash(c, { kind: "error", text: "chores.request.taken" });
    return c.redirect(href(c, "/chores"), 303);
  }
}

async function decline(c: AppContext) {
  const { person, request } = await answerable(c);
  const deps = c.get("deps");
  return commitAndRedirect(c, {
    write: async (trx) => {
      if (!(await repo.declineRequest(trx, request.id, deps.now()))) throw new HttpError(409, "400");
    },
    audit: {
      actor: { personId: person.id },
      action: "chore.request.decline",
      subject: { type: "chore_request", id: request.id },
      data: { turn: request.turnId },
    },
    after: async () => {
      const asker = request.askedBy
        ? (await peopleByIds(deps.db, [request.askedBy])).get(request.askedBy)
        : undefined;
      if (!asker || asker.disabled) return;
      await mailTo(deps, asker, "chore-request-declined", (t, link, locale) => {
        const vars = { name: person.name, chore: choreTitle(locale, request), date: t.date(request.dueDate) };
        return {
          subject: t("chores.mail.declined.subject", vars),
          text: t("chores.mail.declined.body", {
            ...vars,
            link: link(`/chores/turns/${request.turnId}/ask`),
          }),
        };
      });
    },
    flash: { kind: "info", text: "chores.request.declined" },
    to: href(c, "/chores"),
  });
}

/** Asking a named person to take a turn, and their answer. Mounted inside the guarded chores area. */
export function requestRoutes(chores: Hono<AppEnv>): void {
  chores.get("/turns/:id/ask", async (c) => {
    requirePlatformAdmin(c);
    return askPage(c, await freeTurn(c));
  });
  chores.post("/turns/:id/ask", ask);
  chores.get("/requests/:id", async (c) => {
    const request = await loadRequest(c);
    const { db } = c.get("deps");
    const people = await peopleByIds(db, [request.personId, ...(request.askedBy ? [request.askedBy] : [])]);
    const asker = request.askedBy ? (people.get(request.askedBy)?.name ?? null) : null;
    const asked = people.get(request.personId)?.name ?? "—";
    return render(c, <RequestPage c={c} request={request} asker={asker} asked={asked} />);
  });
  chores.post("/requests/:id/accept", accept);
  chores.post("/requests/:id/decline", decline);
}
