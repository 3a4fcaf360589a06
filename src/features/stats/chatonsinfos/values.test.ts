import { describe, expect, it } from "vitest";
import { parseDate, parseDecimalDegree, parseMetricKey, parseNumericList, splitList } from "./values.js";

describe("value readers", () => {
  it("reads DD/MM/YYYY, ISO dates and date-times, refusing impossible dates", () => {
    expect(parseDate("20/03/2020")).toEqual({ iso: "2020-03-20", format: "dmy" });
    expect(parseDate("2020-03-20")).toEqual({ iso: "2020-03-20", format: "iso" });
    expect(parseDate("2020-03-20T10:11:12")?.format).toBe("datetime");
    expect(parseDate("31/02/2020")).toBeUndefined();
    expect(parseDate("2019-13-01")).toBeUndefined();
    expect(parseDate("2020-03-20T25:00:00")).toBeUndefined();
  });

  it("reads coordinates with a comma or a dot", () => {
    expect(parseDecimalDegree("47,2181")).toBe(47.2181);
    expect(parseDecimalDegree("-1.5528")).toBe(-1.5528);
    expect(parseDecimalDegree("north")).toBeUndefined();
  });

  it("splits lists on ; or , and reads empty entries as no data", () => {
    expect(splitList("None;Free")).toEqual(["None", "Free"]);
    expect(splitList("Free,Member")).toEqual(["Free", "Member"]);
    expect(parseNumericList(",,3;4")).toEqual({ values: [null, 4], invalid: [0] });
    expect(parseNumericList(",,3,4")).toEqual({ values: [null, null, 3, 4], invalid: [] });
  });

  it("reads metric keys", () => {
    expect(parseMetricKey("metrics.http.visits.humans.2024.months")).toEqual({
      metric: "http.visits.humans",
      year: 2024,
      period: "months",
    });
    expect(parseMetricKey("metrics.http.visits.humans.name")).toBeUndefined();
  });
});
