// Transportation LP: min Σ c_ij x_ij  s.t.  Σ_j x_ij ≤ supply_i,  Σ_i x_ij ≥ demand_j,  x ≥ 0.
// Sources derived from the size: 2·⌈⌈√customers⌉ / 2⌉ depots. Symmetry, made on purpose (an LP has none
// of its own here): depots come in identical pairs (same site, so the same costs, and the same supply),
// so shipments of a pair can be swapped. Symmetry breaking orders each pair by load:
// Σ_j x_aj ≥ Σ_j x_bj for the pair (a, b). Known optimum: min-cost flow (successive shortest paths).
import { ceilDiv, manhattan, randomPoint, type Point } from './geometry';
import { LpText, type Term } from './lp-text';
import { minCostTransport } from './min-cost-transport';
import { intRng } from './random';
import type { GeneratorOutput } from './types';

/** One transportation instance: depots 2k and 2k+1 are identical. */
export interface TransportInstance {
  supply: number[];
  demand: number[];
  /** cost[i·customers + j]: cost per unit from depot i to customer j. */
  cost: number[];
}

/** Known optima are computed up to this many customers (min-cost flow: about 0.2 s at 1000). */
export const TRANSPORT_EXACT_MAX = 1000;

/** The number of depots for a number of customers: about √customers, always even (identical pairs). */
export function transportSources(customers: number): number {
  return 2 * ceilDiv(Math.ceil(Math.sqrt(customers)), 2);
}

/** The instance for one instanceSeed (the generator's seed, not HiGHS's random_seed). */
export function transportInstance(customers: number, instanceSeed: number): TransportInstance {
  const rng = intRng(instanceSeed, 0x7472616e);
  const sites = transportSources(customers) / 2;
  const sitePoint: Point[] = [];
  const siteWeight: number[] = [];
  for (let s = 0; s < sites; s++) {
    sitePoint.push(randomPoint(rng));
    siteWeight.push(rng.int(1, 10));
  }
  const customerPoint: Point[] = [];
  const demand: number[] = [];
  for (let j = 0; j < customers; j++) {
    customerPoint.push(randomPoint(rng));
    demand.push(rng.int(5, 50));
  }
  const total = demand.reduce((a, b) => a + b, 0);
  const weights = siteWeight.reduce((a, b) => a + b, 0);
  const supply: number[] = [];
  const cost: number[] = [];
  for (let s = 0; s < sites; s++) {
    // Each depot of a pair: ⌈5·total·w / (8·Σw)⌉, so all depots together hold at least 1.25 × demand.
    const cap = ceilDiv(5 * total * siteWeight[s], 8 * weights);
    for (let twin = 0; twin < 2; twin++) {
      supply.push(cap);
      for (let j = 0; j < customers; j++) cost.push(1 + manhattan(sitePoint[s], customerPoint[j]));
    }
  }
  return { supply, demand, cost };
}

/** The LP text of an instance, with or without the symmetry-breaking rows. */
export function transportLp(inst: TransportInstance, symmetryBreaking: boolean, title: string): string {
  const m = inst.supply.length;
  const n = inst.demand.length;
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const objective: Term[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) objective.push([inst.cost[i * n + j], x(i, j)]);
  const load = (i: number, sign: number) => inst.demand.map((_, j): Term => [sign, x(i, j)]);
  const lp = new LpText()
    .comment(title)
    .comment(`transportation: ${m} depots (identical pairs 2k, 2k+1) x ${n} customers`)
    .line('Minimize')
    .objective('cost', objective)
    .line('Subject To');
  for (let i = 0; i < m; i++) lp.row(`supply_${i}`, load(i, 1), '<=', inst.supply[i]);
  for (let j = 0; j < n; j++)
    lp.row(
      `demand_${j}`,
      inst.supply.map((_, i): Term => [1, x(i, j)]),
      '>=',
      inst.demand[j],
    );
  if (symmetryBreaking) for (let i = 0; i < m; i += 2) lp.row(`sym_${i}`, [...load(i, 1), ...load(i + 1, -1)], '>=', 0);
  return lp.end();
}

/** Generates the transportation template's model. */
export function transportation(
  size: number,
  instanceSeed: number,
  symmetryBreaking: boolean,
  title: string,
): GeneratorOutput {
  const inst = transportInstance(size, instanceSeed);
  const knownObjective =
    size <= TRANSPORT_EXACT_MAX ? (minCostTransport(inst.supply, inst.demand, inst.cost)?.cost ?? null) : null;
  return { lp: transportLp(inst, symmetryBreaking, title), knownObjective };
}
