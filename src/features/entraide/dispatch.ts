/**
 * The fair choice of an instance. Pure and deterministic given `random`, so its fairness is
 * tested over many draws with a seeded generator.
 *
 * Three rules, in order of precedence:
 * 1. never the same instance twice in a row when another is healthy (Farside's rule, which
 *    spreads bursts: a class of 30 clicking together does not land on one small server);
 * 2. no instance above its member-set maximum share of the traffic (when the others can take it);
 * 3. otherwise, traffic in proportion to the capacity weights.
 *
 * Rule 1 alone (exclude the last pick, draw the rest by weight) skews shares towards small
 * instances. Instead the draw follows a Markov chain with a zero diagonal whose stationary
 * distribution is exactly the target shares: from instance l, instance j is drawn with
 * probability s_j (x_l + x_j), where x_i = 1 / ((1 + T)(1 - 2 s_i)) and T = sum s_i / (1 - 2 s_i).
 * The flow s_l P(l→j) = s_l s_j (x_l + x_j) is symmetric and each row sums to s_l, so the long-run
 * shares are the targets. Rule 1 makes a share above one half impossible, hence the cap at 1/2.
 * See docs/decisions/030-entraide-fair-dispatch.md.
 */

export interface Candidate {
  id: string;
  /** Capacity weight, 1-10. */
  weight: number;
  /** Maximum share as a fraction (0-1], or null. */
  maxShare: number | null;
}

export interface DispatchModel {
  ids: string[];
  /** Long-run target share of each instance (sums to 1). */
  shares: number[];
  /** Chain coefficients; empty when one instance must take exactly half (then `big` is its index). */
  x: number[];
  big: number;
}

const EPS = 1e-9;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Shares proportional to weights, with each share at most its cap (water-filling). */
function waterFill(weights: number[], caps: number[]): number[] {
  const n = weights.length;
  const shares = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  for (let round = 0; round < n; round++) {
    const left = 1 - sum(shares.filter((_, i) => fixed[i]));
    const freeWeight = sum(weights.filter((_, i) => !fixed[i]));
    if (freeWeight <= 0) break;
    let capped = false;
    for (let i = 0; i < n; i++) if (!fixed[i]) shares[i] = (left * (weights[i] ?? 0)) / freeWeight;
    for (let i = 0; i < n; i++) {
      const cap = caps[i] ?? 1;
      if (!fixed[i] && (shares[i] ?? 0) > cap + EPS) {
        shares[i] = cap;
        fixed[i] = true;
        capped = true;
      }
    }
    if (!capped) break;
  }
  return shares;
}

/** The long-run share each candidate should get. */
export function targetShares(candidates: Candidate[]): number[] {
  const n = candidates.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const weights = candidates.map((c) => Math.max(c.weight, 0) || EPS);
  const caps = candidates.map((c) => Math.min(c.maxShare ?? 1, 0.5));
  if (sum(caps) >= 1 - EPS) return waterFill(weights, caps);
  // Every member capped its share and the caps add up to less than the traffic: the traffic must
  // still go somewhere, so it follows the caps themselves, still at most one half each.
  return waterFill(caps, new Array<number>(n).fill(0.5));
}

export function buildModel(candidates: Candidate[]): DispatchModel {
  const ids = candidates.map((c) => c.id);
  const shares = targetShares(candidates);
  const big = shares.findIndex((s) => s >= 0.5 - EPS);
  if (candidates.length < 2 || big >= 0) return { ids, shares, x: [], big };
  const t = sum(shares.map((s) => s / (1 - 2 * s)));
  return { ids, shares, x: shares.map((s) => 1 / ((1 + t) * (1 - 2 * s))), big: -1 };
}

function draw(weights: number[], random: () => number): number {
  const total = sum(weights);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  // Rounding left r a hair above zero: the last index with weight is the one r fell in.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
  return weights.length - 1;
}

/** Picks the next instance; `lastId` is the previous pick for this service (per process). */
export function pick(model: DispatchModel, lastId: string | undefined, random: () => number): string | null {
  const n = model.ids.length;
  if (n === 0) return null;
  if (n === 1) return model.ids[0] ?? null;
  const last = lastId === undefined ? -1 : model.ids.indexOf(lastId);
  let weights: number[];
  if (last < 0) weights = model.shares;
  else if (model.big >= 0) {
    // One instance takes exactly half: it alternates with the others, drawn by share.
    weights =
      last === model.big
        ? model.shares.map((s, j) => (j === last ? 0 : s))
        : model.shares.map((_, j) => (j === model.big ? 1 : 0));
  } else {
    const xl = model.x[last] ?? 0;
    weights = model.shares.map((s, j) => (j === last ? 0 : s * (xl + (model.x[j] ?? 0))));
  }
  return model.ids[draw(weights, random)] ?? null;
}
