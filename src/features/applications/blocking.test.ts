import { describe, expect, it } from "vitest";
import { blockers, progress, type BlockingAnswer, type BlockingCriterion } from "./blocking.js";

const criteria: BlockingCriterion[] = [
  { id: "c1", code: "C1", level: "required" },
  { id: "t1", code: "T1", level: "required" },
  { id: "s2", code: "S2", level: "recommended" },
];
const structure = { website: "https://example.org/", services: 2 };
const answers = (entries: [string, BlockingAnswer][]) => new Map(entries);

describe("blocking criteria", () => {
  it("lists every criterion of an empty self-assessment", () => {
    expect(blockers(criteria, new Map(), structure)).toEqual([
      { kind: "required-not-met", criterionId: "c1", code: "C1" },
      { kind: "required-not-met", criterionId: "t1", code: "T1" },
      { kind: "unanswered", criterionId: "s2", code: "S2" },
    ]);
  });

  it("blocks a required criterion answered 'partly' or 'not yet', or met without explanation", () => {
    const list = blockers(
      criteria,
      answers([
        ["c1", { answer: "partly", explanation: "on y travaille" }],
        ["t1", { answer: "meets", explanation: "   " }],
        ["s2", { answer: "not_yet", explanation: "" }],
      ]),
      structure,
    );
    expect(list).toEqual([
      { kind: "required-not-met", criterionId: "c1", code: "C1" },
      { kind: "no-explanation", criterionId: "t1", code: "T1" },
    ]);
  });

  it("lets an honest 'not yet' on a recommended criterion through", () => {
    const list = blockers(
      criteria,
      answers([
        ["c1", { answer: "meets", explanation: "oui" }],
        ["t1", { answer: "meets", explanation: "https://example.org/cgu" }],
        ["s2", { answer: "not_yet", explanation: "" }],
      ]),
      structure,
    );
    expect(list).toEqual([]);
  });

  it("asks for a website and at least one service", () => {
    const list = blockers([], new Map(), { website: null, services: 0 });
    expect(list).toEqual([{ kind: "no-website" }, { kind: "no-service" }]);
  });

  it("measures progress by answered criteria", () => {
    expect(progress(criteria, answers([["c1", { answer: "partly", explanation: "" }]]))).toEqual({
      answered: 1,
      total: 3,
    });
  });
});
