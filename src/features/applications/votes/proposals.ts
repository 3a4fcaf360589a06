import type { Deps } from "../../../deps.js";
import { audit } from "../../../audit/audit.js";
import type { MailMessage } from "../../../mail/mailer.js";
import type { Majority } from "../applications.tables.js";
import type { Charter } from "../charter/charter.repository.js";
import { collectiveRecipients, compose, sendAll } from "../notify.js";
import { closeDecision } from "./close.js";
import { dueDecisions, insertDecision, type NewDecision } from "./decisions.repository.js";
import { DEFAULT_RULES, YES_NO } from "./tally.js";
import { verdictMails } from "../rounds/advance.js";

/**
 * proposalCreator and proposalCloser: the vote engine of applications serves any collective
 * decision (a yes/no proposal, a choice between options, a charter revision), with a deadline,
 * a quorum and a majority rule, the member structures of the day as electors.
 */

/** A vote closes at the end of the chosen day, UTC. */
export const endOfDay = (date: string): string => `${date}T23:59:59.999Z`;

async function open(deps: Deps, input: NewDecision): Promise<string> {
  const id = await deps.db.transaction().execute(async (trx) => {
    const decisionId = await insertDecision(trx, input);
    await audit(trx, {
      actor: input.personId ? { personId: input.personId } : null,
      action: "decision.create",
      subject: { type: "decision", id: decisionId },
      data: { kind: input.kind, title: input.title, closes: input.closesAt, options: input.options },
    });
    return decisionId;
  });
  const mails = compose(deps, await collectiveRecipients(deps.db), "decision-open", (t, link) => ({
    subject: t("applications.mail.decision_open.subject", { title: input.title }),
    text: t("applications.mail.decision_open.body", {
      title: input.title,
      date: t.dateTime(input.closesAt),
      link: link(`/decisions/${id}`),
    }),
  }));
  await sendAll(deps, mails);
  return id;
}

export interface ProposalInput {
  title: string;
  body: string;
  options: string[];
  closesOn: string;
  quorumPercent: number;
  majority: Majority;
  resultsHidden: boolean;
}

/** Returns null when the deadline is already past. */
export async function createProposal(
  deps: Deps,
  personId: string,
  input: ProposalInput,
): Promise<string | null> {
  const closesAt = endOfDay(input.closesOn);
  const now = deps.now();
  if (closesAt <= now.toISOString()) return null;
  return open(deps, {
    kind: "proposal",
    title: input.title,
    body: input.body,
    options: input.options.length >= 2 ? input.options : [...YES_NO],
    closesAt,
    rules: { ...DEFAULT_RULES, quorumPercent: input.quorumPercent, majority: input.majority },
    resultsHidden: input.resultsHidden,
    personId,
    now,
  });
}

/** Puts a draft charter to the vote; adoption publishes it (see close.ts). */
export async function proposeCharter(
  deps: Deps,
  charter: Charter,
  personId: string,
  closesOn: string,
): Promise<string | null> {
  const closesAt = endOfDay(closesOn);
  const now = deps.now();
  if (closesAt <= now.toISOString()) return null;
  return open(deps, {
    kind: "charter",
    title: `Charte, version ${charter.version.version} / Charter, version ${charter.version.version}`,
    body: [charter.version.summaryFr, charter.version.summaryEn].filter(Boolean).join("\n\n"),
    options: [...YES_NO],
    charterVersionId: charter.version.id,
    closesAt,
    rules: DEFAULT_RULES,
    resultsHidden: true,
    personId,
    now,
  });
}

/** Closes proposals and charter votes whose deadline passed (application votes close with their round). */
export async function closeDueProposals(deps: Deps): Promise<number> {
  const now = deps.now();
  let closed = 0;
  for (const decision of await dueDecisions(deps.db, now, ["proposal", "charter"])) {
    const mails: MailMessage[] = await deps.db.transaction().execute(async (trx) => {
      const settled = await closeDecision(trx, decision, now, null);
      return settled ? verdictMails(deps, trx, settled) : [];
    });
    await sendAll(deps, mails);
    closed++;
  }
  return closed;
}
