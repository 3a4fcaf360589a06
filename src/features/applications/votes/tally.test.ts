import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RULES, tally, type TallyBallot, type TallyRules } from "./tally.js";

const YES_NO = ["for", "against"] as const;
let clock = 0;
const at = () => new Date(Date.UTC(2026, 5, 1) + ++clock * 1000).toISOString();
const ballots = (spec: Record<string, number>): TallyBallot[] =>
  Object.entries(spec).flatMap(([choice, n]) =>
    Array.from({ length: n }, (_, i) => ({ memberId: `${choice}-${i}`, choice, at: at() })),
  );
const rules = (overrides: Partial<TallyRules> = {}): TallyRules => ({ ...DEFAULT_RULES, ...overrides });

describe("tally, yes/no with the default rules (simple majority of expressed votes, no quorum)", () => {
  it("adopts when more structures vote for than against", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 3, against: 2 }),
      electors: 80,
      rules: rules(),
    });
    expect(r).toMatchObject({ outcome: "adopted", verdict: "accept", winner: "for", expressed: 5 });
    expect(r.counts).toEqual({ for: 3, against: 2 });
  });

  it("rejects when more vote against", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 1, against: 2 }),
      electors: 80,
      rules: rules(),
    });
    expect(r).toMatchObject({ outcome: "rejected", verdict: "reject", winner: null });
  });

  it("leaves abstentions out of the expressed votes", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 2, against: 1, abstain: 10 }),
      electors: 80,
      rules: rules(),
    });
    expect(r).toMatchObject({ outcome: "adopted", abstentions: 10, participants: 13, expressed: 3 });
  });

  it("treats only abstentions, or no ballot at all, as a tie", () => {
    expect(
      tally({ options: YES_NO, ballots: ballots({ abstain: 4 }), electors: 9, rules: rules() }).outcome,
    ).toBe("tie");
    expect(tally({ options: YES_NO, ballots: [], electors: 9, rules: rules() })).toMatchObject({
      outcome: "tie",
      verdict: "reject",
      participants: 0,
    });
  });
});

describe("ties", () => {
  it("rejects a tie by default and accepts it when the round says so", () => {
    const even = ballots({ for: 2, against: 2, abstain: 1 });
    expect(tally({ options: YES_NO, ballots: even, electors: 10, rules: rules() })).toMatchObject({
      outcome: "tie",
      verdict: "reject",
      winner: null,
    });
    expect(
      tally({ options: YES_NO, ballots: even, electors: 10, rules: rules({ tieOutcome: "accept" }) }),
    ).toMatchObject({ outcome: "tie", verdict: "accept", winner: "for" });
  });

  it("has no tie under two-thirds: an even split misses the threshold", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 2, against: 2 }),
      electors: 10,
      rules: rules({ majority: "two_thirds", tieOutcome: "accept" }),
    });
    expect(r).toMatchObject({ outcome: "rejected", verdict: "reject" });
  });

  it("refuses to pick between options with as many votes", () => {
    const r = tally({
      options: ["a", "b", "c"],
      ballots: ballots({ a: 2, b: 2, c: 1 }),
      electors: 10,
      rules: rules(),
    });
    expect(r).toMatchObject({ outcome: "tie", winner: null, verdict: "reject" });
  });
});

describe("quorum", () => {
  it("is off by default: one ballot out of a hundred electors decides", () => {
    const r = tally({ options: YES_NO, ballots: ballots({ for: 1 }), electors: 100, rules: rules() });
    expect(r).toMatchObject({ quorumRequired: 0, quorumMet: true, outcome: "adopted" });
  });

  it("counts abstentions towards the quorum, rounding the requirement up", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 2, against: 1, abstain: 1 }),
      electors: 10,
      rules: rules({ quorumPercent: 40 }),
    });
    expect(r).toMatchObject({ quorumRequired: 4, quorumMet: true, outcome: "adopted" });
    const short = tally({
      options: YES_NO,
      ballots: ballots({ for: 3 }),
      electors: 11,
      rules: rules({ quorumPercent: 30 }),
    });
    expect(short).toMatchObject({ quorumRequired: 4, quorumMet: false, outcome: "no_quorum" });
  });

  it("rejects or postpones a decision that missed its quorum, as configured", () => {
    const input = { options: YES_NO, ballots: ballots({ for: 5 }), electors: 80 };
    expect(tally({ ...input, rules: rules({ quorumPercent: 50 }) })).toMatchObject({
      outcome: "no_quorum",
      verdict: "reject",
      winner: null,
    });
    expect(tally({ ...input, rules: rules({ quorumPercent: 50, quorumOutcome: "postpone" }) })).toMatchObject(
      { outcome: "no_quorum", verdict: "postpone" },
    );
  });

  it("meets a quorum exactly at the threshold", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 1, against: 4 }),
      electors: 10,
      rules: rules({ quorumPercent: 50 }),
    });
    expect(r).toMatchObject({ quorumRequired: 5, quorumMet: true, outcome: "rejected" });
  });
});

describe("changed votes and stray ballots", () => {
  it("counts only the latest ballot of a structure", () => {
    const list: TallyBallot[] = [
      { memberId: "m1", choice: "for", at: "2026-06-01T10:00:00.000Z" },
      { memberId: "m2", choice: "for", at: "2026-06-01T10:00:00.000Z" },
      { memberId: "m1", choice: "against", at: "2026-06-02T10:00:00.000Z" },
      { memberId: "m3", choice: "against", at: "2026-06-02T11:00:00.000Z" },
    ];
    const r = tally({ options: YES_NO, ballots: list, electors: 5, rules: rules() });
    expect(r.counts).toEqual({ for: 1, against: 2 });
    expect(r).toMatchObject({ participants: 3, outcome: "rejected" });
  });

  it("ignores the order ballots are listed in, keeping the latest instant", () => {
    const list: TallyBallot[] = [
      { memberId: "m1", choice: "abstain", at: "2026-06-03T00:00:00.000Z" },
      { memberId: "m1", choice: "for", at: "2026-06-01T00:00:00.000Z" },
    ];
    const r = tally({ options: YES_NO, ballots: list, electors: 5, rules: rules() });
    expect(r).toMatchObject({ abstentions: 1, expressed: 0, participants: 1 });
  });

  it("ignores ballots after the close and unknown options", () => {
    const list: TallyBallot[] = [
      { memberId: "m1", choice: "for", at: "2026-06-01T00:00:00.000Z" },
      { memberId: "m1", choice: "against", at: "2026-06-30T00:00:01.000Z" },
      { memberId: "m2", choice: "maybe", at: "2026-06-02T00:00:00.000Z" },
    ];
    const r = tally({
      options: YES_NO,
      ballots: list,
      electors: 5,
      closesAt: "2026-06-30T00:00:00.000Z",
      rules: rules(),
    });
    expect(r).toMatchObject({ ignored: 2, participants: 1, outcome: "adopted" });
  });
});

describe("majorities", () => {
  it("two-thirds of expressed votes: exactly two-thirds passes", () => {
    const pass = tally({
      options: YES_NO,
      ballots: ballots({ for: 2, against: 1 }),
      electors: 10,
      rules: rules({ majority: "two_thirds" }),
    });
    expect(pass.outcome).toBe("adopted");
    const fail = tally({
      options: YES_NO,
      ballots: ballots({ for: 5, against: 3 }),
      electors: 10,
      rules: rules({ majority: "two_thirds" }),
    });
    expect(fail.outcome).toBe("rejected");
  });

  it("absolute majority counts against all electors", () => {
    const r = tally({
      options: YES_NO,
      ballots: ballots({ for: 5, against: 0 }),
      electors: 10,
      rules: rules({ majority: "absolute" }),
    });
    expect(r.outcome).toBe("rejected");
    expect(
      tally({
        options: YES_NO,
        ballots: ballots({ for: 6 }),
        electors: 10,
        rules: rules({ majority: "absolute" }),
      }).outcome,
    ).toBe("adopted");
  });

  it("several options: the first needs a majority of expressed votes, else none is adopted", () => {
    const options = ["june", "september", "december"];
    expect(
      tally({
        options,
        ballots: ballots({ june: 4, september: 3, december: 1 }),
        electors: 20,
        rules: rules(),
      }),
    ).toMatchObject({ outcome: "no_majority", winner: null });
    expect(
      tally({
        options,
        ballots: ballots({ june: 5, september: 3, december: 1 }),
        electors: 20,
        rules: rules(),
      }),
    ).toMatchObject({ outcome: "adopted", winner: "june", verdict: "accept" });
  });
});

describe("properties", () => {
  const choice = fc.constantFrom("for", "against", "abstain");
  const ballotList = fc.array(
    fc.record({
      memberId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      choice,
      day: fc.integer({ min: 1, max: 28 }),
    }),
    { maxLength: 40 },
  );

  it("never counts more than one ballot per structure, whatever the history", () => {
    fc.assert(
      fc.property(ballotList, (raw) => {
        const list = raw.map((b) => ({
          ...b,
          at: `2026-06-${String(b.day).padStart(2, "0")}T00:00:00.000Z`,
        }));
        const r = tally({ options: YES_NO, ballots: list, electors: 6, rules: rules() });
        const distinct = new Set(list.map((b) => b.memberId)).size;
        expect(r.participants).toBe(distinct);
        expect((r.counts.for ?? 0) + (r.counts.against ?? 0) + r.abstentions).toBe(distinct);
      }),
    );
  });

  it("gives the same result for any order of the same ballots", () => {
    fc.assert(
      fc.property(ballotList, fc.integer({ min: 0, max: 1_000_000 }), (raw, seed) => {
        const list = raw.map((b, i) => ({
          ...b,
          at: `2026-06-${String(b.day).padStart(2, "0")}T00:00:${String(i % 60).padStart(2, "0")}.000Z`,
        }));
        // A seeded sort key per ballot: a reproducible shuffle.
        const key = (i: number) => (i * 2654435761 + seed) % 1000003;
        const shuffled = list
          .map((b, i) => ({ b, k: key(i) }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.b);
        const a = tally({ options: YES_NO, ballots: list, electors: 6, rules: rules() });
        const b = tally({
          options: YES_NO,
          ballots: shuffled,
          electors: 6,
          rules: rules(),
        });
        expect(b).toEqual(a);
      }),
    );
  });
});
