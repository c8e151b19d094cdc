// 0-1 knapsack MIP: max Σ p_j x_j  s.t.  Σ w_j x_j ≤ C,  x binary.
// Symmetry, made on purpose: items come in classes of 1–3 identical copies (same weight and profit),
// so any optimum can swap equal copies. Symmetry breaking orders the copies of a class:
// x_j ≥ x_{j+1} for consecutive copies j, j+1 (take the first copies first), which keeps one of every
// set of interchangeable optima. Known optimum: dynamic programming over the capacity.
import { LpText, type Term } from './lp-text';
import { intRng } from './random';
import type { GeneratorOutput } from './types';

/** One knapsack instance. Items of a class are consecutive and identical. */
export interface KnapsackInstance {
  weight: number[];
  profit: number[];
  /** classOf[j]: the class of item j (copies of a class share weight and profit). */
  classOf: number[];
  capacity: number;
}

/** The dynamic program runs when items × capacity is at most this (tens of ms). */
export const KNAPSACK_DP_LIMIT = 30_000_000;

/** The instance of `size` items for one instanceSeed (the generator's seed, not HiGHS's random_seed). */
export function knapsackInstance(size: number, instanceSeed: number): KnapsackInstance {
  const rng = intRng(instanceSeed, 0x6b6e6170);
  const weight: number[] = [];
  const profit: number[] = [];
  const classOf: number[] = [];
  let cls = 0;
  while (weight.length < size) {
    // Weakly correlated profits (p ≈ w): harder than uncorrelated ones.
    const w = rng.int(10, 99);
    const p = Math.max(1, w + rng.int(-10, 10));
    const copies = Math.min(rng.int(1, 3), size - weight.length);
    for (let c = 0; c < copies; c++) {
      weight.push(w);
      profit.push(p);
      classOf.push(cls);
    }
    cls++;
  }
  const capacity = Math.floor(weight.reduce((a, b) => a + b, 0) / 2);
  return { weight, profit, classOf, capacity };
}

/** The optimum by dynamic programming: best[c] = the largest profit of items that weigh at most c. */
export function knapsackOptimum(inst: KnapsackInstance): number {
  const best = new Float64Array(inst.capacity + 1);
  for (let j = 0; j < inst.weight.length; j++) {
    const w = inst.weight[j];
    const p = inst.profit[j];
    for (let c = inst.capacity; c >= w; c--) {
      const v = best[c - w] + p;
      if (v > best[c]) best[c] = v;
    }
  }
  return best[inst.capacity];
}

/** The LP text of an instance, with or without the symmetry-breaking rows. */
export function knapsackLp(inst: KnapsackInstance, symmetryBreaking: boolean, title: string): string {
  const n = inst.weight.length;
  const x = (j: number) => `x_${j}`;
  const lp = new LpText()
    .comment(title)
    .comment(`0-1 knapsack: ${n} items, capacity ${inst.capacity}; items of a class are identical copies`)
    .line('Maximize')
    .objective(
      'profit',
      inst.profit.map((p, j): Term => [p, x(j)]),
    )
    .line('Subject To')
    .row(
      'capacity',
      inst.weight.map((w, j): Term => [w, x(j)]),
      '<=',
      inst.capacity,
    );
  if (symmetryBreaking) {
    for (let j = 0; j + 1 < n; j++) {
      if (inst.classOf[j] === inst.classOf[j + 1])
        lp.row(
          `sym_${j}`,
          [
            [1, x(j)],
            [-1, x(j + 1)],
          ],
          '>=',
          0,
        );
    }
  }
  return lp
    .line('Binary')
    .names(inst.weight.map((_, j) => x(j)))
    .end();
}

/** Generates the knapsack template's model. */
export function knapsack(
  size: number,
  instanceSeed: number,
  symmetryBreaking: boolean,
  title: string,
): GeneratorOutput {
  const inst = knapsackInstance(size, instanceSeed);
  const knownObjective = size * inst.capacity <= KNAPSACK_DP_LIMIT ? knapsackOptimum(inst) : null;
  return { lp: knapsackLp(inst, symmetryBreaking, title), knownObjective };
}
