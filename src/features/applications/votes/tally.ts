import type { Majority, QuorumOutcome, TieOutcome } from "../applications.tables.js";

/**
 * The count of a vote, as a pure function of the stored ballots and the decision's rules, so that
 * anyone can recompute a published result. One structure, one voice: when a structure's ballot
 * appears several times (a changed vote), only its latest counts. Abstentions count towards the
 * quorum (the structure took part) but not among expressed votes.
 */

export const ABSTAIN = "abstain";
export const YES_NO = ["for", "against"] as const;

export interface TallyRules {
  /** Share of electors that must take part, in percent; 0 = no quorum. */
  quorumPercent: number;
  majority: Majority;
  tieOutcome: TieOutcome;
  quorumOutcome: QuorumOutcome;
}

export const DEFAULT_RULES: TallyRules = {
  quorumPercent: 0,
  majority: "simple",
  tieOutcome: "reject",
  quorumOutcome: "reject",
};

export interface TallyBallot {
  memberId: string;
  choice: string;
  /** When this choice was made (ISO); the latest per structure wins. */
  at: string;
}

export interface TallyInput {
  /** The options offered, abstention excepted: ["for","against"] for a yes/no decision. */
  options: readonly string[];
  ballots: readonly TallyBallot[];
  /** How many structures could vote. */
  electors: number;
  /** Ballots made after this instant do not count. */
  closesAt?: string;
  rules: TallyRules;
}

export type TallyOutcome = "adopted" | "rejected" | "tie" | "no_quorum" | "no_majority";

export interface TallyResult {
  counts: Record<string, number>;
  abstentions: number;
  /** Structures that took part (abstentions included). */
  participants: number;
  /** Votes for an option (abstentions excluded). */
  expressed: number;
  electors: number;
  quorumRequired: number;
  quorumMet: boolean;
  /** The option that carries the decision, or null. For yes/no: "for" when adopted. */
  winner: string | null;
  outcome: TallyOutcome;
  /** What the decision means once the rules for ties and missed quorum are applied. */
  verdict: "accept" | "reject" | "postpone";
  /** Ballots ignored: unknown options, cast after the close. */
  ignored: number;
}

function isYesNo(options: readonly string[]): boolean {
  return options.length === 2 && options[0] === "for" && options[1] === "against";
}

/** The latest valid ballot of each structure. */
function latestBallots(input: Pick<TallyInput, "ballots" | "options" | "closesAt">): {
  ballots: Map<string, string>;
  ignored: number;
} {
  const valid = new Set([...input.options, ABSTAIN]);
  const latest = new Map<string, TallyBallot>();
  let ignored = 0;
  for (const b of input.ballots) {
    if (!valid.has(b.choice) || (input.closesAt !== undefined && b.at > input.closesAt)) {
      ignored++;
      continue;
    }
    const previous = latest.get(b.memberId);
    // Equal instants keep the later entry in the list: ballots are read back in insertion order.
    if (!previous || b.at >= previous.at) latest.set(b.memberId, b);
  }
  return { ballots: new Map([...latest].map(([member, b]) => [member, b.choice])), ignored };
}

function passes(votes: number, expressed: number, electors: number, majority: Majority): boolean {
  if (majority === "two_thirds") return expressed > 0 && votes * 3 >= expressed * 2;
  if (majority === "absolute") return votes * 2 > electors;
  return votes * 2 > expressed;
}

export function tally(input: TallyInput): TallyResult {
  const { ballots, ignored } = latestBallots(input);
  const counts: Record<string, number> = Object.fromEntries(input.options.map((o) => [o, 0]));
  let abstentions = 0;
  for (const choice of ballots.values()) {
    if (choice === ABSTAIN) abstentions++;
    else counts[choice] = (counts[choice] ?? 0) + 1;
  }
  const participants = ballots.size;
  const expressed = participants - abstentions;
  const electors = Math.max(input.electors, participants);
  const quorumRequired =
    input.rules.quorumPercent > 0 ? Math.ceil((electors * input.rules.quorumPercent) / 100) : 0;
  const quorumMet = participants >= quorumRequired;
  const base = { counts, abstentions, participants, expressed, electors, quorumRequired, quorumMet, ignored };

  if (!quorumMet) {
    return { ...base, winner: null, outcome: "no_quorum", verdict: input.rules.quorumOutcome };
  }
  if (isYesNo(input.options)) {
    const yes = counts.for ?? 0;
    const no = counts.against ?? 0;
    // A tie only exists under simple majority: the other rules name a threshold an even split misses.
    if (input.rules.majority === "simple" && yes === no) {
      const verdict = input.rules.tieOutcome;
      return { ...base, winner: verdict === "accept" ? "for" : null, outcome: "tie", verdict };
    }
    const adopted = passes(yes, expressed, electors, input.rules.majority);
    return {
      ...base,
      winner: adopted ? "for" : null,
      outcome: adopted ? "adopted" : "rejected",
      verdict: adopted ? "accept" : "reject",
    };
  }
  const ranked = input.options.map((o) => ({ option: o, votes: counts[o] ?? 0 }));
  ranked.sort((a, b) => b.votes - a.votes);
  const [first, second] = ranked;
  if (!first || first.votes === 0)
    return { ...base, winner: null, outcome: "no_majority", verdict: "reject" };
  if (second && second.votes === first.votes)
    return { ...base, winner: null, outcome: "tie", verdict: "reject" };
  if (!passes(first.votes, expressed, electors, input.rules.majority)) {
    return { ...base, winner: null, outcome: "no_majority", verdict: "reject" };
  }
  return { ...base, winner: first.option, outcome: "adopted", verdict: "accept" };
}
