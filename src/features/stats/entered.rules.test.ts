import { describe, expect, it } from "vitest";
import { indexOf, metricsLines, periodAt, readUpload } from "./entered.js";
import { parseChatonsInfos } from "./chatonsinfos/parse.js";
import { extractSeries } from "./metrics.js";

describe("entered metrics, the rules", () => {
  it("names periods and reads them back", () => {
    expect(periodAt("month", 2025, 0)).toBe("2025-01");
    expect(periodAt("month", 2025, 12)).toBeUndefined();
    expect(periodAt("week", 2025, 52)).toBe("2025-W53");
    expect(periodAt("day", 2024, 365)).toBe("2024-12-31");
    expect(periodAt("day", 2025, 365)).toBeUndefined();
    for (const [kind, period] of [
      ["month", "2025-03"],
      ["week", "2025-W05"],
      ["day", "2024-12-31"],
    ] as const) {
      const at = indexOf(kind, period);
      expect(at && periodAt(kind, at.year, at.index)).toBe(period);
    }
  });

  it("writes lists the reader gives back, gaps left empty", () => {
    const lines = metricsLines([
      { metric: "http.visits", kind: "month", period: "2025-04", value: 140 },
      { metric: "http.visits", kind: "month", period: "2025-01", value: 100 },
      { metric: "service.database.bytes", kind: "day", period: "2025-01-02", value: 2.5e9 },
    ]);
    expect(lines).toEqual([
      ["metrics.http.visits.2025.months", "100,,,140"],
      ["metrics.service.database.bytes.2025.days", ",2500000000"],
    ]);
    const text = lines.map(([k, v]) => `${k} = ${v ?? ""}`).join("\n");
    const series = extractSeries(parseChatonsInfos(`file.class = Service\n${text}\n`));
    expect(series.map((s) => [s.metric, s.values])).toEqual([
      ["http.visits", [100, null, null, 140]],
      ["service.database.bytes", [null, 2500000000]],
    ]);
  });

  it("reads an upload's metrics lines, leaves the rest out and keeps the checker's errors", () => {
    const ok = readUpload("metrics.http.hits.2026.weeks = 1;2\nservice.name = x\nfile.class = Service\n");
    expect(ok.errors).toBe(0);
    expect(ok.ignored).toBe(1);
    expect(ok.values).toEqual([
      { metric: "http.hits", kind: "week", period: "2026-W01", value: 1 },
      { metric: "http.hits", kind: "week", period: "2026-W02", value: 2 },
    ]);
    const bad = readUpload("metrics.http.hits.2026.months = 1,x\n");
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.problems.every((p) => p.key.startsWith("metrics.") || p.code === "parse")).toBe(true);
  });
});
