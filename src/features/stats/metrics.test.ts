import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractSeries, flagImplausible, sumSeries, timeline } from "./metrics.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";

describe("metrics series", () => {
  it("reads the 0.4 metrics fixture into series, padding nothing and keeping leading gaps", () => {
    const file = parseChatonsInfos(
      readFileSync(new URL("./__fixtures__/service-pad-metrics.properties", import.meta.url)),
    );
    const series = extractSeries(file);
    const key = (s: (typeof series)[number]) => `${s.year}.${s.period}`;
    expect(series.map(key).sort()).toEqual(["2023.months", "2024.days", "2024.months", "2024.weeks"]);
    expect(series.find((s) => key(s) === "2023.months")?.values.slice(0, 4)).toEqual([null, null, null, 12]);
    const points = timeline(series.filter((s) => s.period === "months"));
    expect(points[0]).toEqual({ label: "2023-04", value: 12, flagged: false });
    expect(points.at(-1)).toEqual({ label: "2024-02", value: 77, flagged: false });
  });

  it("ignores the broken list's bad entries and extra length", () => {
    const file = parseChatonsInfos(
      readFileSync(new URL("./__fixtures__/service-broken.properties", import.meta.url)),
    );
    const [s] = extractSeries(file);
    expect(s?.values).toEqual([1, 2, 3, null, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("flags negative values and hundredfold jumps", () => {
    expect(flagImplausible([5, -1, 6, 600, 650, null, 0, 10])).toEqual([
      { i: 1, reason: "negative" },
      { i: 3, reason: "jump" },
    ]);
  });

  it("sums entry by entry without the flagged entries and counts contributors", () => {
    const summed = sumSeries([
      { values: [1, 2, null], flags: [] },
      { values: [10, 2000, 30, 4], flags: [{ i: 1, reason: "jump" }] },
      { values: [null, null], flags: [] },
    ]);
    expect(summed).toEqual({ values: [11, 2, 30, 4], contributors: 2, flagged: 1 });
  });

  it("lays days and weeks on a timeline", () => {
    const days = timeline([{ year: 2024, period: "days", values: [1, 2] }]);
    expect(days.map((p) => p.label)).toEqual(["2024-01-01", "2024-01-02"]);
    const weeks = timeline([{ year: 2024, period: "weeks", values: [null, 3] }]);
    expect(weeks).toEqual([{ label: "2024-W02", value: 3, flagged: false }]);
  });
});
