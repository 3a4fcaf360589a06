import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/context.js";
import { href } from "../../../http/context.js";
import { parseForm } from "../../../http/forms.js";
import { render } from "../../../http/render.js";
import { flash } from "../../../http/session.js";
import { HttpError } from "../../../http/errors.js";
import { collectiveMemberships, requirePerson } from "../../../http/policy.js";
import type { MessageKey } from "../../../i18n/index.js";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { authorize, can } from "../applications.policy.js";
import { ProposalSchema, VoteSchema } from "../applications.schema.js";
import { DecisionPage, type VoterStructure } from "../views/decision.views.js";
import { DecisionsPage, NewDecisionPage } from "../views/decisions-list.views.js";
import { safeNext } from "../../accounts/accounts.schema.js";
import { findDecision, isElector, listDecisions, type Decision } from "./decisions.repository.js";
import { ballotOf, ballotsOf, countBallots } from "./ballots.repository.js";
import { shownResult } from "./results.js";
import { castVote, type VoteRefusal } from "./vote.js";
import { createProposal } from "./proposals.js";

const REFUSAL: Record<VoteRefusal, { key: MessageKey; status: ContentfulStatusCode }> = {
  not_found: { key: "applications.vote.error.not_found", status: 404 },
  closed: { key: "applications.vote.error.closed", status: 409 },
  bad_choice: { key: "applications.vote.error.bad_choice", status: 422 },
  not_your_structure: { key: "applications.vote.error.not_your_structure", status: 403 },
  candidate: { key: "applications.vote.error.candidate", status: 403 },
  not_elector: { key: "applications.vote.error.not_elector", status: 403 },
  already_voted: { key: "applications.vote.error.already_voted", status: 409 },
  stale: { key: "applications.vote.error.stale", status: 409 },
};
export const refusalOf = (reason: VoteRefusal) => REFUSAL[reason];

/** The structures through which the signed-in person may vote on this decision, with their ballots. */
export async function votersFor(c: AppContext, decision: Decision): Promise<VoterStructure[]> {
  const { db } = c.get("deps");
  const out: VoterStructure[] = [];
  for (const m of collectiveMemberships(c.get("person"))) {
    if (!(await isElector(db, decision.id, m.memberId))) continue;
    out.push({
      memberId: m.memberId,
      memberName: m.memberName,
      ballot: await ballotOf(db, decision.id, m.memberId),
    });
  }
  return out;
}

/** Ballots are listed once the vote is closed, to the collective, so anyone in it can recount. */
export async function visibleBallots(c: AppContext, decision: Decision) {
  if (decision.status !== "closed" || !can(c.get("person"), "decision.ballots")) return undefined;
  return ballotsOf(c.get("deps").db, decision.id);
}

async function decisionPage(
  c: AppContext,
  id: string,
  error?: { key: MessageKey; status: ContentfulStatusCode },
) {
  const { db } = c.get("deps");
  const decision = await findDecision(db, id);
  if (!decision) throw new HttpError(404, "404");
  const props = {
    c,
    decision,
    options: decision.options,
    shown: await shownResult(c.get("deps").db, decision),
    voters: await votersFor(c, decision),
    participants: await countBallots(db, decision.id),
    ballots: await visibleBallots(c, decision),
    error: error ? c.get("t")(error.key) : undefined,
  };
  return render(c, <DecisionPage {...props} />, error?.status ?? 200);
}

export function decisionPages(router: Hono<AppEnv>): void {
  router.get("/decisions", async (c) =>
    render(
      c,
      <DecisionsPage
        c={c}
        decisions={await listDecisions(c.get("deps").db, ["proposal", "charter", "application"])}
      />,
    ),
  );

  router.get("/decisions/new", (c) => {
    authorize(c.get("person"), "decision.propose");
    return render(c, <NewDecisionPage c={c} />);
  });

  router.post("/decisions", async (c) => {
    const person = authorize(c.get("person"), "decision.propose");
    const form = await parseForm(c, ProposalSchema);
    if (!form.ok) return render(c, <NewDecisionPage c={c} values={form.values} errors={form.errors} />, 422);
    const d = form.data;
    const id = await createProposal(c.get("deps"), person.id, {
      title: d.title,
      body: d.body,
      options: d.options,
      closesOn: d.closes_on,
      quorumPercent: d.quorum_percent,
      majority: d.majority,
      resultsHidden: d.results_hidden,
    });
    if (!id)
      return render(
        c,
        <NewDecisionPage
          c={c}
          values={form.values}
          errors={{ closes_on: { key: "applications.error.past_date" } }}
        />,
        422,
      );
    await flash(c, { kind: "success", text: "applications.flash.decision_created" });
    return c.redirect(href(c, `/decisions/${id}`), 303);
  });

  router.get("/decisions/:id", (c) => decisionPage(c, c.req.param("id")));

  router.post("/decisions/:id/vote", async (c) => {
    const person = requirePerson(c);
    // Whatever the form says, someone with no member structure never votes: say so first.
    if (collectiveMemberships(person).length === 0)
      return decisionPage(c, c.req.param("id"), REFUSAL.candidate);
    const form = await parseForm(c, VoteSchema);
    if (!form.ok)
      return decisionPage(c, c.req.param("id"), { key: "applications.vote.error.bad_choice", status: 422 });
    const d = form.data;
    const outcome = await castVote(c.get("deps").db, {
      decisionId: c.req.param("id"),
      memberId: d.member,
      personId: person.id,
      choice: d.choice,
      reason: d.reason ?? "",
      replacing: d.ballot ? { ballotId: d.ballot, version: d.version ?? "" } : undefined,
      now: c.get("deps").now(),
    });
    if (!outcome.ok) return decisionPage(c, c.req.param("id"), REFUSAL[outcome.reason]);
    await flash(c, {
      kind: "success",
      text: outcome.changed ? "applications.flash.vote_changed" : "applications.flash.voted",
    });
    return c.redirect(safeNext(d.next, href(c, `/decisions/${c.req.param("id")}`)), 303);
  });
}
