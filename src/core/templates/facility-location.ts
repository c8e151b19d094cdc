// Capacitated facility location MIP (splittable demand, strong formulation):
//   min Σ f_i y_i + Σ c_ij x_ij
//   s.t. Σ_i x_ij = d_j (demand),  Σ_j x_ij ≤ Q_i y_i (capacity),  x_ij ≤ d_j y_i (link),  x ≥ 0,  y binary.
// x_ij is the amount customer j gets from facility i; c_ij a per-unit cost. Facilities derived from the
// size: 2·⌈customers / 5⌉. Symmetry, made on purpose: facilities come in identical pairs (two units
// at one site: same fixed cost, capacity and costs). Symmetry breaking, per pair (a, b):
// y_a ≥ y_b (open a first) and Σ_j x_aj ≥ Σ_j x_bj (a carries the larger load) — any optimum, with the
// units of each pair sorted by (open, load), satisfies both. Known optimum: every subset of open
// facilities is enumerated, its assignment solved exactly by min-cost flow.
import { ceilDiv, manhattan, randomPoint, type Point } from './geometry';
import { LpText, type Term } from './lp-text';
import { minCostTransport } from './min-cost-transport';
import { intRng } from './random';
import type { GeneratorOutput } from './types';

/** One facility-location instance: facilities 2k and 2k+1 are identical. */
export interface FacilityInstance {
  fixedCost: number[];
  capacity: number[];
  demand: number[];
  /** cost[i·customers + j]: cost per unit from facility i to customer j. */
  cost: number[];
}

/** The enumeration of open sets (2^facilities min-cost flows) runs up to this many facilities. */
export const FACILITY_EXACT_MAX_FACILITIES = 8;

/** The number of facilities for a number of customers (always even: identical pairs). */
export function facilityCount(customers: number): number {
  return 2 * ceilDiv(customers, 5);
}

/** The instance for one instanceSeed (the generator's seed, not HiGHS's random_seed). */
export function facilityInstance(customers: number, instanceSeed: number): FacilityInstance {
  const rng = intRng(instanceSeed, 0x666c6f63);
  const sites = facilityCount(customers) / 2;
  const sitePoint: Point[] = [];
  const siteFixed: number[] = [];
  const siteWeight: number[] = [];
  for (let s = 0; s < sites; s++) {
    sitePoint.push(randomPoint(rng));
    siteFixed.push(rng.int(300, 900));
    siteWeight.push(rng.int(2, 6));
  }
  const customerPoint: Point[] = [];
  const demand: number[] = [];
  for (let j = 0; j < customers; j++) {
    customerPoint.push(randomPoint(rng));
    demand.push(rng.int(5, 30));
  }
  const total = demand.reduce((a, b) => a + b, 0);
  const weights = siteWeight.reduce((a, b) => a + b, 0);
  const fixedCost: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  for (let s = 0; s < sites; s++) {
    // Each unit of a site: ⌈3·total·w / (2·Σw)⌉, so all facilities together hold at least 3 × demand.
    const cap = ceilDiv(3 * total * siteWeight[s], 2 * weights);
    for (let twin = 0; twin < 2; twin++) {
      fixedCost.push(siteFixed[s]);
      capacity.push(cap);
      for (let j = 0; j < customers; j++) cost.push(manhattan(sitePoint[s], customerPoint[j]));
    }
  }
  return { fixedCost, capacity, demand, cost };
}

/** The optimum by enumeration: every open set that can cover the demand, its assignment by min-cost flow. */
export function facilityOptimum(inst: FacilityInstance): number {
  const m = inst.fixedCost.length;
  const n = inst.demand.length;
  const total = inst.demand.reduce((a, b) => a + b, 0);
  let best = Infinity;
  for (let mask = 1; mask < 1 << m; mask++) {
    const open: number[] = [];
    for (let i = 0; i < m; i++) if (mask & (1 << i)) open.push(i);
    if (open.reduce((a, i) => a + inst.capacity[i], 0) < total) continue;
    const fixed = open.reduce((a, i) => a + inst.fixedCost[i], 0);
    if (fixed >= best) continue;
    const cost = open.flatMap((i) => inst.cost.slice(i * n, (i + 1) * n));
    const flow = minCostTransport(
      open.map((i) => inst.capacity[i]),
      inst.demand,
      cost,
    );
    if (flow && fixed + flow.cost < best) best = fixed + flow.cost;
  }
  return best;
}

/** The LP text of an instance, with or without the symmetry-breaking rows. */
export function facilityLp(inst: FacilityInstance, symmetryBreaking: boolean, title: string): string {
  const m = inst.fixedCost.length;
  const n = inst.demand.length;
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const y = (i: number) => `y_${i}`;
  const objective: Term[] = inst.fixedCost.map((f, i): Term => [f, y(i)]);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) objective.push([inst.cost[i * n + j], x(i, j)]);
  const load = (i: number, sign: number) => inst.demand.map((_, j): Term => [sign, x(i, j)]);
  const lp = new LpText()
    .comment(title)
    .comment(`capacitated facility location: ${m} facilities (identical pairs 2k, 2k+1) x ${n} customers`)
    .line('Minimize')
    .objective('cost', objective)
    .line('Subject To');
  for (let j = 0; j < n; j++)
    lp.row(
      `demand_${j}`,
      inst.fixedCost.map((_, i): Term => [1, x(i, j)]),
      '=',
      inst.demand[j],
    );
  for (let i = 0; i < m; i++) lp.row(`capacity_${i}`, [...load(i, 1), [-inst.capacity[i], y(i)]], '<=', 0);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++)
      lp.row(
        `link_${i}_${j}`,
        [
          [1, x(i, j)],
          [-inst.demand[j], y(i)],
        ],
        '<=',
        0,
      );
  if (symmetryBreaking) {
    for (let i = 0; i < m; i += 2) {
      lp.row(
        `sym_open_${i}`,
        [
          [1, y(i)],
          [-1, y(i + 1)],
        ],
        '>=',
        0,
      );
      lp.row(`sym_load_${i}`, [...load(i, 1), ...load(i + 1, -1)], '>=', 0);
    }
  }
  return lp
    .line('Binary')
    .names(inst.fixedCost.map((_, i) => y(i)))
    .end();
}

/** Generates the facility-location template's model. */
export function facilityLocation(
  size: number,
  instanceSeed: number,
  symmetryBreaking: boolean,
  title: string,
): GeneratorOutput {
  const inst = facilityInstance(size, instanceSeed);
  const knownObjective = inst.fixedCost.length <= FACILITY_EXACT_MAX_FACILITIES ? facilityOptimum(inst) : null;
  return { lp: facilityLp(inst, symmetryBreaking, title), knownObjective };
}
