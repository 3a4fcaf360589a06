import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { HttpError } from "../../../http/errors.js";
import { commitAndRedirect } from "../../../http/commit.js";
import { collectiveMemberships, requirePerson } from "../../../http/policy.js";
import type { MessageKey } from "../../../i18n/index.js";
import { ProposalSchema, VoteSchema } from "../applications.schema.js";
import { DecisionPage } from "../views/decision.views.js";
import { DecisionsPage, NewDecisionPage } from "../views/decisions-list.views.js";
import { safeNext } from "../../accounts/accounts.schema.js";
import { findDecision, insertDecision, listDecisions } from "./decisions.repository.js";
import { decisionView } from "./decision-view.js";
import { castVote, type VoteRefusal } from "./vote.js";
import { announceDecision, decisionCreated, proposalDecision } from "./proposals.js";

/** The collective's decisions: read by anyone, proposed by the collective, voted by member structures. */

type Refusal = { key: MessageKey; status: ContentfulStatusCode };

const REFUSAL: Record<VoteRefusal, Refusal> = {
  not_found: { key: "applications.vote.error.not_found", status: 404 },
  closed: { key: "applications.vote.error.closed", status: 409 },
  bad_choice: { key: "applications.vote.error.bad_choice", status: 422 },
  not_your_structure: { key: "applications.vote.error.not_your_structure", status: 403 },
  candidate: { key: "applications.vote.error.candidate", status: 403 },
  not_elector: { key: "applications.vote.error.not_elector", status: 403 },
  already_voted: { key: "applications.vote.error.already_voted", status: 409 },
  stale: { key: "applications.vote.error.stale", status: 409 },
};

async function decisionPage(c: AppContext, error?: Refusal) {
  const decision = await findDecision(c.get("deps").db, c.req.param("id") ?? "");
  if (!decision) throw new HttpError(404, "404");
  const view = await decisionView(c, decision);
  const message = error ? c.get("t")(error.key) : undefined;
  return render(c, <DecisionPage c={c} {...view} error={message} />, error?.status ?? 200);
}

/** Public: the list and each decision's page. */
export function decisionPages(): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.get("/", async (c) => {
    const decisions = await listDecisions(c.get("deps").db, ["proposal", "charter", "application"]);
    return render(c, <DecisionsPage c={c} decisions={decisions} />);
  });
  pages.get("/:id", (c) => decisionPage(c));
  return pages;
}

async function createProposal(c: AppContext) {
  const person = requirePerson(c);
  const form = await parseForm(c, ProposalSchema);
  if (!form.ok) return render(c, <NewDecisionPage c={c} values={form.values} errors={form.errors} />, 422);
  const d = form.data;
  const input = {
    title: d.title,
    body: d.body,
    options: d.options,
    closesOn: d.closes_on,
    quorumPercent: d.quorum_percent,
    majority: d.majority,
    resultsHidden: d.results_hidden,
  };
  const decision = proposalDecision(person.id, input, c.get("deps").now());
  if (!decision) {
    const errors = { closes_on: { key: "applications.error.past_date" as const } };
    return render(c, <NewDecisionPage c={c} values={form.values} errors={errors} />, 422);
  }
  return commitAndRedirect(c, {
    write: (trx) => insertDecision(trx, decision),
    audit: (id) => decisionCreated(decision, id),
    after: (id) => announceDecision(c.get("deps"), id, decision),
    flash: "applications.flash.decision_created",
    to: (id) => href(c, `/decisions/${id}`),
  });
}

/** Putting a question to the collective's vote (guarded by decision.propose at mount). */
export function proposals(): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.get("/new", (c) => render(c, <NewDecisionPage c={c} />));
  area.post("/", createProposal);
  return area;
}

async function vote(c: AppContext) {
  const person = requirePerson(c);
  // Whatever the form says, someone with no member structure never votes: say so first.
  if (collectiveMemberships(person).length === 0) return decisionPage(c, REFUSAL.candidate);
  const form = await parseForm(c, VoteSchema);
  if (!form.ok) return decisionPage(c, REFUSAL.bad_choice);
  const d = form.data;
  const id = c.req.param("id") ?? "";
  const outcome = await castVote(c.get("deps").db, {
    decisionId: id,
    memberId: d.member,
    personId: person.id,
    choice: d.choice,
    reason: d.reason ?? "",
    replacing: d.ballot ? { ballotId: d.ballot, version: d.version ?? "" } : undefined,
    now: c.get("deps").now(),
  });
  if (!outcome.ok) return decisionPage(c, REFUSAL[outcome.reason]);
  await flash(c, {
    kind: "success",
    text: outcome.changed ? "applications.flash.vote_changed" : "applications.flash.voted",
  });
  return c.redirect(safeNext(d.next, href(c, `/decisions/${id}`)), 303);
}

/** Casting or changing a structure's ballot (guarded by requirePerson at mount; castVote checks the rest). */
export function ballotBox(): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.post("/:id/vote", vote);
  return area;
}
