import type { Deps } from "../../../deps.js";
import { inTransaction } from "../../../db/adapter.js";
import type { AuditEntry } from "../../../audit/audit.js";
import type { Majority } from "../applications.tables.js";
import type { Charter } from "../charter/charter.repository.js";
import { collectiveRecipients, compose, sendAll } from "../notify.js";
import { closeDecision } from "./close.js";
import { dueDecisions, type NewDecision } from "./decisions.repository.js";
import { DEFAULT_RULES, YES_NO } from "./tally.js";
import { verdictMails } from "./verdict-mails.js";

/**
 * proposalCreator and proposalCloser: the vote engine of applications serves any collective
 * decision (a yes/no proposal, a choice between options, a charter revision), with a deadline,
 * a quorum and a majority rule, the member structures of the day as electors.
 */

/** A vote closes at the end of the chosen day, UTC. */
const endOfDay = (date: string): string => `${date}T23:59:59.999Z`;

export interface ProposalInput {
  title: string;
  body: string;
  options: string[];
  closesOn: string;
  quorumPercent: number;
  majority: Majority;
  resultsHidden: boolean;
}

/** The decision a proposal opens; null when its deadline is already past. */
export function proposalDecision(personId: string, input: ProposalInput, now: Date): NewDecision | null {
  const closesAt = endOfDay(input.closesOn);
  if (closesAt <= now.toISOString()) return null;
  return {
    kind: "proposal",
    title: input.title,
    body: input.body,
    options: input.options.length >= 2 ? input.options : [...YES_NO],
    closesAt,
    rules: { ...DEFAULT_RULES, quorumPercent: input.quorumPercent, majority: input.majority },
    resultsHidden: input.resultsHidden,
    personId,
    now,
  };
}

/** The vote on a draft charter (adoption publishes it, see close.ts); null when the deadline is past. */
export function charterDecision(
  charter: Charter,
  personId: string,
  closesOn: string,
  now: Date,
): NewDecision | null {
  const closesAt = endOfDay(closesOn);
  if (closesAt <= now.toISOString()) return null;
  return {
    kind: "charter",
    title: `Charte, version ${charter.version.version} / Charter, version ${charter.version.version}`,
    body: [charter.version.summaryFr, charter.version.summaryEn, charter.version.summaryDe]
      .filter(Boolean)
      .join("\n\n"),
    options: [...YES_NO],
    charterVersionId: charter.version.id,
    closesAt,
    rules: DEFAULT_RULES,
    resultsHidden: true,
    personId,
    now,
  };
}

/** The audit entry of a decision put to the vote. */
export const decisionCreated = (input: NewDecision, id: string): AuditEntry => ({
  actor: input.personId ? { personId: input.personId } : null,
  action: "decision.create",
  subject: { type: "decision", id },
  data: { kind: input.kind, title: input.title, closes: input.closesAt, options: input.options },
});

/** Tells the collective's people a vote is open (after it is committed). */
export async function announceDecision(deps: Deps, id: string, input: NewDecision): Promise<void> {
  const mails = compose(deps, await collectiveRecipients(deps.db), "decision-open", (t, link) => ({
    subject: t("applications.mail.decision_open.subject", { title: input.title }),
    text: t("applications.mail.decision_open.body", {
      title: input.title,
      date: t.dateTime(input.closesAt),
      link: link(`/decisions/${id}`),
    }),
  }));
  await sendAll(deps, mails);
}

/** Closes proposals and charter votes whose deadline passed (application votes close with their round). */
export async function closeDueProposals(deps: Deps): Promise<number> {
  const now = deps.now();
  let closed = 0;
  for (const decision of await dueDecisions(deps.db, now, ["proposal", "charter"])) {
    const mails = await inTransaction(deps.db, async (trx) => {
      const settled = await closeDecision(trx, decision, now, null);
      return settled ? verdictMails(deps, trx, settled) : [];
    });
    await sendAll(deps, mails);
    closed++;
  }
  return closed;
}
