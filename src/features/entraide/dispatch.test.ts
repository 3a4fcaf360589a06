import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { seededRandom } from "../../demo/random.js";
import { buildModel, pick, targetShares, type Candidate } from "./dispatch.js";

const DRAWS = 10_000;
/** Chi-square critical values at p = 0.001, by degrees of freedom. */
const CRITICAL: Record<number, number> = { 1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 5: 20.52, 6: 22.46 };

/** Draws in sequence, as the portal does (each pick knows the previous one). */
function run(candidates: Candidate[], seed: number, draws = DRAWS) {
  const model = buildModel(candidates);
  const random = seededRandom(seed);
  const counts = new Map(candidates.map((c) => [c.id, 0]));
  const sequence: string[] = [];
  let last: string | undefined;
  for (let i = 0; i < draws; i++) {
    const id = pick(model, last, random);
    if (id === null) throw new Error("no pick");
    counts.set(id, (counts.get(id) ?? 0) + 1);
    sequence.push(id);
    last = id;
  }
  return { counts, sequence, model };
}

function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((acc, o, i) => {
    const e = expected[i] ?? 0;
    return acc + ((o - e) * (o - e)) / e;
  }, 0);
}

const c = (id: string, weight: number, maxShare: number | null = null): Candidate => ({
  id,
  weight,
  maxShare,
});

describe("fair dispatch", () => {
  it("holds the capacity weights over 10,000 sequential draws (chi-square, p = 0.001)", () => {
    const candidates = [c("a", 1), c("b", 2), c("c", 3), c("d", 4)];
    for (const seed of [1, 2, 3]) {
      const { counts } = run(candidates, seed);
      const observed = candidates.map((x) => counts.get(x.id) ?? 0);
      const expected = [0.1, 0.2, 0.3, 0.4].map((s) => s * DRAWS);
      expect(chiSquare(observed, expected)).toBeLessThan(CRITICAL[3] ?? 0);
    }
  });

  it("never sends two visitors in a row to the same instance when another is healthy", () => {
    for (const candidates of [
      [c("a", 1), c("b", 2), c("c", 3), c("d", 4)],
      [c("a", 10), c("b", 1)],
      [c("a", 10), c("b", 1), c("c", 1)],
      [c("a", 1, 0.01), c("b", 1, 0.01), c("c", 1, 0.01)],
    ]) {
      const { sequence } = run(candidates, 42, 2_000);
      for (let i = 1; i < sequence.length; i++) expect(sequence[i]).not.toBe(sequence[i - 1]);
    }
  });

  it("sends every visitor to the only healthy instance", () => {
    const { counts } = run([c("solo", 3)], 5, 100);
    expect(counts.get("solo")).toBe(100);
  });

  it("keeps an instance under its maximum share, the others taking the rest by weight", () => {
    const candidates = [c("capped", 8, 0.2), c("b", 1), c("c", 1)];
    expect(targetShares(candidates)).toEqual([0.2, 0.4, 0.4]);
    const { counts } = run(candidates, 9);
    const observed = candidates.map((x) => counts.get(x.id) ?? 0);
    expect(chiSquare(observed, [2000, 4000, 4000])).toBeLessThan(CRITICAL[2] ?? 0);
  });

  it("caps a share at one half, since no instance may be picked twice in a row", () => {
    const candidates = [c("big", 10), c("b", 1), c("c", 1)];
    expect(targetShares(candidates)).toEqual([0.5, 0.25, 0.25]);
    const { counts } = run(candidates, 11);
    const observed = candidates.map((x) => counts.get(x.id) ?? 0);
    expect(chiSquare(observed, [5000, 2500, 2500])).toBeLessThan(CRITICAL[2] ?? 0);
  });

  it("follows the caps when every member capped its share below the whole traffic", () => {
    expect(targetShares([c("a", 5, 0.1), c("b", 5, 0.3)])).toEqual([0.5, 0.5]);
    const shares = targetShares([c("a", 5, 0.1), c("b", 5, 0.2), c("c", 5, 0.1)]);
    expect(shares.map((s) => Math.round(s * 1000) / 1000)).toEqual([0.25, 0.5, 0.25]);
  });

  it("has no pick without candidates", () => {
    expect(pick(buildModel([]), undefined, Math.random)).toBeNull();
  });

  it("always yields valid shares and transition rows (property)", () => {
    const candidate = fc.record({
      weight: fc.integer({ min: 1, max: 10 }),
      maxShare: fc.option(
        fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 2, maxLength: 12 }), (rows) => {
        const candidates = rows.map((r, i) => ({ id: `i${i}`, ...r }));
        const model = buildModel(candidates);
        const total = model.shares.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
        for (const s of model.shares) {
          expect(s).toBeGreaterThan(0);
          expect(s).toBeLessThanOrEqual(0.5 + 1e-9);
        }
        if (model.big < 0) {
          // Each row of the chain is a probability distribution with a zero diagonal.
          for (let l = 0; l < candidates.length; l++) {
            const xl = model.x[l] ?? 0;
            const row = model.shares.map((s, j) => (j === l ? 0 : s * (xl + (model.x[j] ?? 0))));
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          }
        }
      }),
    );
  });
});
