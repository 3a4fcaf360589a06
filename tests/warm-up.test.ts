import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { warmFeatures } from "../src/server.js";
import { snapshotConfirmed } from "../src/features/directory/finder/snapshot.js";
import type { Feature } from "../src/features/feature.js";
import { startTestPlatform, type TestPlatform } from "./helpers/platform.js";

/**
 * A process that opens its port with the directory unread makes its first visitors wait for the
 * read (over a second at 100 × the demo, with every request behind it on the event loop): a worker
 * started again under load was the one slow answer of bench/scale.ts with two workers.
 */
describe("warm-up before the port opens", () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("has read the directory before the first request", () => {
    expect(snapshotConfirmed(t.deps.db)).toBe(true);
  });

  it("goes on after a feature's warm-up fails, and says which one", async () => {
    const lines: string[] = [];
    const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
    const warmed: string[] = [];
    const list: Feature[] = [
      {
        name: "broken",
        warm: () => Promise.reject(new Error("table missing")),
      },
      {
        name: "fine",
        warm: async () => {
          warmed.push("fine");
        },
      },
    ];
    await warmFeatures({ ...t.deps, log }, list);
    expect(warmed).toEqual(["fine"]);
    const failed = lines.map((l): unknown => JSON.parse(l)).find((l) => JSON.stringify(l).includes("broken"));
    expect(JSON.stringify(failed)).toContain("warm-up failed");
    expect(JSON.stringify(failed)).toContain("table missing");
  });
});
