// The exact methods that give the templates' known optima, checked against hand-solved cases and
// against second, differently built methods (brute force, subset-sum DP, an optimality certificate),
// so that the HiGHS comparison in solve.test.ts compares with something trustworthy.
import { describe, expect, it } from 'vitest';
import {
  facilityInstance,
  facilityOptimum,
  type FacilityInstance,
} from '../../../src/core/templates/facility-location';
import { knapsackInstance, knapsackOptimum, type KnapsackInstance } from '../../../src/core/templates/knapsack';
import { minCostTransport } from '../../../src/core/templates/min-cost-transport';
import {
  heuristicMakespan,
  makespanLowerBound,
  schedulingInstance,
  schedulingOptimum,
  schedulingOptimumByEnumeration,
  type SchedulingInstance,
} from '../../../src/core/templates/scheduling';
import { transportInstance } from '../../../src/core/templates/transportation';

const SEEDS = [1, 2, 3, 42, 2024];

/** The knapsack optimum by trying all 2^n subsets. */
function knapsackBruteForce(inst: KnapsackInstance): number {
  const n = inst.weight.length;
  let best = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let w = 0;
    let p = 0;
    for (let j = 0; j < n; j++)
      if (mask & (1 << j)) {
        w += inst.weight[j];
        p += inst.profit[j];
      }
    if (w <= inst.capacity && p > best) best = p;
  }
  return best;
}

/**
 * Checks that a flow is an optimal transportation plan: it is feasible, and its residual graph (with
 * the super source, so supply can be rerouted) has no negative cycle — the optimality condition of
 * min-cost flow, checked by Bellman–Ford from a virtual root joined to every node.
 */
function isOptimalTransport(supply: number[], demand: number[], cost: number[], flow: number[]): boolean {
  const m = supply.length;
  const n = demand.length;
  if (flow.some((f) => f < 0 || !Number.isInteger(f))) return false;
  for (let i = 0; i < m; i++) if (demand.reduce((a, _, j) => a + flow[i * n + j], 0) > supply[i]) return false;
  for (let j = 0; j < n; j++) if (supply.reduce((a, _, i) => a + flow[i * n + j], 0) !== demand[j]) return false;
  // Nodes: sources 0..m-1, customers m..m+n-1, super source m+n. Arcs [from, to, cost].
  const S = m + n;
  const arcs: [number, number, number][] = [];
  for (let i = 0; i < m; i++) {
    const sent = demand.reduce((a, _, j) => a + flow[i * n + j], 0);
    if (sent < supply[i]) arcs.push([S, i, 0]);
    if (sent > 0) arcs.push([i, S, 0]);
    for (let j = 0; j < n; j++) {
      arcs.push([i, m + j, cost[i * n + j]]);
      if (flow[i * n + j] > 0) arcs.push([m + j, i, -cost[i * n + j]]);
    }
  }
  const dist = new Array<number>(m + n + 1).fill(0);
  for (let round = 0; round <= m + n + 1; round++) {
    let changed = false;
    for (const [u, v, c] of arcs)
      if (dist[u] + c < dist[v]) {
        dist[v] = dist[u] + c;
        changed = true;
      }
    if (!changed) return true;
  }
  return false;
}

/** P||Cmax on two or three machines by a reachable-loads DP (a different method from enumeration). */
function makespanBySubsetDp(inst: SchedulingInstance): number {
  const total = inst.time.reduce((a, b) => a + b, 0);
  if (inst.machines === 2) {
    const reach = new Uint8Array(total + 1);
    reach[0] = 1;
    for (const p of inst.time) for (let s = total; s >= p; s--) if (reach[s - p]) reach[s] = 1;
    let best = total;
    for (let s = 0; s <= total; s++) if (reach[s]) best = Math.min(best, Math.max(s, total - s));
    return best;
  }
  if (inst.machines !== 3) throw new Error('two or three machines only');
  const side = total + 1;
  let reach = new Uint8Array(side * side);
  reach[0] = 1;
  for (const p of inst.time) {
    const next = new Uint8Array(side * side);
    for (let a = 0; a <= total; a++)
      for (let b = 0; a + b <= total; b++) {
        if (!reach[a * side + b]) continue;
        next[a * side + b] = 1; // on the third machine
        if (a + p <= total) next[(a + p) * side + b] = 1;
        if (b + p <= total) next[a * side + b + p] = 1;
      }
    reach = next;
  }
  let best = total;
  for (let a = 0; a <= total; a++)
    for (let b = 0; a + b <= total; b++) if (reach[a * side + b]) best = Math.min(best, Math.max(a, b, total - a - b));
  return best;
}

describe('knapsack: dynamic programming', () => {
  it('solves the textbook case (w 10/20/30, p 60/100/120, C 50) to 220', () => {
    const inst = { weight: [10, 20, 30], profit: [60, 100, 120], classOf: [0, 1, 2], capacity: 50 };
    expect(knapsackOptimum(inst)).toBe(220);
  });

  const cases = [1, 2, 5, 8, 10, 12].flatMap((n) => SEEDS.map((seed) => [n, seed] as const));
  it.each(cases)('agrees with brute force over all subsets: %i items, instanceSeed %i', (n, seed) => {
    const inst = knapsackInstance(n, seed);
    expect(knapsackOptimum(inst)).toBe(knapsackBruteForce(inst));
  });

  it('builds items in classes of identical copies, with capacity half the total weight', () => {
    const inst = knapsackInstance(200, 5);
    for (let j = 0; j + 1 < 200; j++)
      if (inst.classOf[j] === inst.classOf[j + 1]) {
        expect(inst.weight[j + 1]).toBe(inst.weight[j]);
        expect(inst.profit[j + 1]).toBe(inst.profit[j]);
      }
    expect(new Set(inst.classOf).size).toBeLessThan(150); // there are duplicates to break
    expect(inst.capacity).toBe(Math.floor(inst.weight.reduce((a, b) => a + b, 0) / 2));
  });
});

describe('transportation: min-cost flow', () => {
  it('finds the optimum that needs a shipment taken back (3, not the greedy 101)', () => {
    const result = minCostTransport([1, 1], [1, 1], [1, 2, 1, 100]);
    expect(result?.cost).toBe(3);
    expect(result?.flow).toEqual([0, 1, 1, 0]);
  });

  it('uses the cheap source up to its supply and then the next one', () => {
    // Source 0 costs 1 per unit but holds 4; source 1 costs 5; demand 6 → 4·1 + 2·5.
    expect(minCostTransport([4, 10], [6], [1, 5])?.cost).toBe(14);
  });

  it('returns null when supply cannot cover demand', () => {
    expect(minCostTransport([2, 3], [4, 2], [1, 1, 1, 1])).toBeNull();
  });

  const cases = [1, 3, 7, 12, 30, 80].flatMap((n) => SEEDS.map((seed) => [n, seed] as const));
  it.each(cases)(
    'returns a feasible flow with no negative residual cycle: %i customers, instanceSeed %i',
    (n, seed) => {
      const inst = transportInstance(n, seed);
      const result = minCostTransport(inst.supply, inst.demand, inst.cost);
      expect(result).not.toBeNull();
      expect(isOptimalTransport(inst.supply, inst.demand, inst.cost, result!.flow)).toBe(true);
      expect(result!.cost).toBe(result!.flow.reduce((a, f, k) => a + f * inst.cost[k], 0));
    },
  );

  it('the certificate check rejects a feasible but suboptimal plan', () => {
    expect(isOptimalTransport([1, 1], [1, 1], [1, 2, 1, 100], [1, 0, 0, 1])).toBe(false);
  });

  it('makes identical depot pairs (same supply, same costs) with supply ≥ 1.25 × demand', () => {
    const inst = transportInstance(50, 9);
    const n = 50;
    for (let i = 0; i < inst.supply.length; i += 2) {
      expect(inst.supply[i + 1]).toBe(inst.supply[i]);
      expect(inst.cost.slice((i + 1) * n, (i + 2) * n)).toEqual(inst.cost.slice(i * n, (i + 1) * n));
    }
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(4 * sum(inst.supply)).toBeGreaterThanOrEqual(5 * sum(inst.demand));
  });
});

describe('facility location: enumeration of open sets', () => {
  const tiny = (fixedCost: number[], capacity: number[], demand: number[], cost: number[]): FacilityInstance => ({
    fixedCost,
    capacity,
    demand,
    cost,
  });

  it.each([
    // One customer (demand 5): open 0 → 10 + 5·1 = 15; open 1 → 3 + 5·4 = 23.
    ['the cheaper total, not the cheaper fixed cost', tiny([10, 3], [5, 5], [5], [1, 4]), 15],
    // Demand 8 exceeds either capacity (5): both open, 4 + 4, 5 units at cost 1 and 3 at cost 2.
    ['two facilities when one cannot hold the demand', tiny([4, 4], [5, 5], [8], [1, 2]), 19],
    // Two customers far apart: one facility each (2 + 2) beats one facility (2 + 3·10).
    ['one facility per customer when transport is dear', tiny([2, 2], [9, 9], [3, 3], [0, 10, 10, 0]), 4],
  ] as const)('finds %s', (_what, inst, expected) => {
    expect(facilityOptimum(inst)).toBe(expected);
  });

  it('makes identical facility pairs with total capacity ≥ 3 × demand', () => {
    const n = 20;
    const inst = facilityInstance(n, 4);
    expect(inst.fixedCost.length).toBe(8);
    for (let i = 0; i < inst.fixedCost.length; i += 2) {
      expect(inst.fixedCost[i + 1]).toBe(inst.fixedCost[i]);
      expect(inst.capacity[i + 1]).toBe(inst.capacity[i]);
      expect(inst.cost.slice((i + 1) * n, (i + 2) * n)).toEqual(inst.cost.slice(i * n, (i + 1) * n));
    }
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(sum(inst.capacity)).toBeGreaterThanOrEqual(3 * sum(inst.demand));
  });
});

describe('scheduling: enumeration, lower bound, heuristic', () => {
  it('solves a hand case (3,3,2,2,2 on 2 machines) to 6, and LPT + local search reaches it', () => {
    const inst = { time: [3, 3, 2, 2, 2], machines: 2 };
    expect(schedulingOptimumByEnumeration(inst)).toBe(6);
    expect(makespanLowerBound(inst)).toBe(6);
    expect(heuristicMakespan(inst)).toBe(6);
    expect(schedulingOptimum(inst)).toBe(6);
  });

  it('bounds by the two jobs that must share a machine (5,5,5 on 2 machines: 10)', () => {
    expect(makespanLowerBound({ time: [5, 5, 5], machines: 2 })).toBe(10);
  });

  const cases = [1, 2, 4, 7, 8, 10, 12].flatMap((n) => SEEDS.map((seed) => [n, seed] as const));
  it.each(cases)('enumeration agrees with a reachable-loads DP: %i jobs, instanceSeed %i', (n, seed) => {
    const inst = schedulingInstance(n, seed);
    const exact = schedulingOptimumByEnumeration(inst);
    expect(exact).toBe(makespanBySubsetDp(inst));
    expect(makespanLowerBound(inst)).toBeLessThanOrEqual(exact!);
    expect(heuristicMakespan(inst)).toBeGreaterThanOrEqual(exact!);
  });

  it('gives up on enumeration past the limit, and only claims optima the lower bound proves', () => {
    for (const n of [13, 50, 100, 200]) {
      const inst = schedulingInstance(n, 1);
      expect(schedulingOptimumByEnumeration(inst)).toBeNull();
      const known = schedulingOptimum(inst);
      if (known !== null) expect(known).toBe(makespanLowerBound(inst));
    }
  });
});
