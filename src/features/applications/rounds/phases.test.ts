import { describe, expect, it } from "vitest";
import {
  advanceDates,
  datesInOrder,
  defaultRoundDates,
  nextDecisionDate,
  nextPhase,
  nextRoundLabel,
  phaseAt,
  stepsBetween,
} from "./phases.js";

const dates = {
  opensAt: "2027-05-01T00:00:00.000Z",
  reviewAt: "2027-06-01T00:00:00.000Z",
  voteAt: "2027-06-15T00:00:00.000Z",
  closesAt: "2027-06-30T18:00:00.000Z",
};

describe("round phases", () => {
  it("follow the dates, each date starting its phase", () => {
    expect(phaseAt(dates, new Date("2027-04-30T23:59:59Z"))).toBe("upcoming");
    expect(phaseAt(dates, new Date("2027-05-01T00:00:00Z"))).toBe("open");
    expect(phaseAt(dates, new Date("2027-06-01T00:00:00Z"))).toBe("review");
    expect(phaseAt(dates, new Date("2027-06-20T00:00:00Z"))).toBe("vote");
    expect(phaseAt(dates, new Date("2027-06-30T18:00:00Z"))).toBe("decided");
  });

  it("are gone through one by one, never backwards", () => {
    expect(stepsBetween("upcoming", "vote")).toEqual(["open", "review", "vote"]);
    expect(stepsBetween("vote", "vote")).toEqual([]);
    expect(stepsBetween("decided", "open")).toEqual([]);
    expect(nextPhase("vote")).toBe("decided");
    expect(nextPhase("decided")).toBeNull();
  });

  it("move their start to now when an admin advances, keeping later dates in order", () => {
    const now = new Date("2027-06-20T12:00:00Z");
    const early = advanceDates(dates, "decided", now);
    expect(early.closesAt).toBe(now.toISOString());
    expect(datesInOrder(early)).toBe(true);
    const late = advanceDates(dates, "review", new Date("2027-06-16T00:00:00Z"));
    expect(late.reviewAt).toBe("2027-06-16T00:00:00.000Z");
    expect(datesInOrder(late)).toBe(true);
    expect(late.voteAt > late.reviewAt).toBe(true);
  });
});

describe("default schedule", () => {
  it("decides twice a year, at the end of June and in mid-December", () => {
    expect(nextDecisionDate(new Date("2027-01-10T00:00:00Z")).toISOString()).toBe("2027-06-30T18:00:00.000Z");
    expect(nextDecisionDate(new Date("2027-06-30T18:00:00Z")).toISOString()).toBe("2027-12-15T18:00:00.000Z");
    expect(nextDecisionDate(new Date("2027-12-20T00:00:00Z")).toISOString()).toBe("2028-06-30T18:00:00.000Z");
  });

  it("opens eight weeks before the decision, reviews from four, votes the last two", () => {
    const d = defaultRoundDates(new Date("2027-06-30T18:00:00Z"));
    expect(d).toEqual({
      opensAt: "2027-05-05T18:00:00.000Z",
      reviewAt: "2027-06-02T18:00:00.000Z",
      voteAt: "2027-06-16T18:00:00.000Z",
      closesAt: "2027-06-30T18:00:00.000Z",
    });
  });

  it("numbers rounds after the highest existing one", () => {
    expect(nextRoundLabel([])).toBe("Portée n°1");
    expect(nextRoundLabel(["Portée n°19", "Portée n°20", "Spéciale"])).toBe("Portée n°21");
  });
});
