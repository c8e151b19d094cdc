// Built-in templates: generators that make a model of a given size from an instanceSeed, each with a
// switch that adds symmetry-breaking constraints (so a user can measure what symmetry breaking buys).
//
// Seeds: `instanceSeed` is the generator's seed (which instance of the family). It is NOT HiGHS's
// `random_seed` option, which a benchmark varies independently over the same model; the names keep
// the two apart everywhere (params, results, model names say `s<instanceSeed>`).
//
// Determinism: the same generator, size, instanceSeed and switch give byte-identical LP text (integer
// data only, printed exactly), so a generated model has a stable SHA-256 identity.
import { facilityCount, facilityLocation, FACILITY_EXACT_MAX_FACILITIES } from './facility-location';
import { knapsack } from './knapsack';
import { machineCount, scheduling } from './scheduling';
import { TRANSPORT_EXACT_MAX, transportation, transportSources } from './transportation';
import type { GeneratedModel, GenerateParams, GeneratorId, GeneratorOutput, SizeUnit } from './types';

export type { GeneratedModel, GenerateParams, GeneratorId, SizeUnit } from './types';

/** One generator as the UI and the benchmark see it. */
export interface GeneratorInfo {
  id: GeneratorId;
  name: string;
  description: string;
  /** What the size counts. */
  sizeUnit: SizeUnit;
  kind: 'LP' | 'MIP';
  defaultSizes: readonly number[];
  minSize: number;
  maxSize: number;
  /** The other dimensions, derived from the size (e.g. `{ sources: 4 }`). */
  derived: (size: number) => Record<string, number>;
  /** What the symmetry-breaking switch adds. */
  symmetryBreaking: string;
  /** How the known optimum is computed, and for which sizes. */
  knownObjective: string;
}

interface Generator extends GeneratorInfo {
  make: (size: number, instanceSeed: number, symmetryBreaking: boolean, title: string) => GeneratorOutput;
}

const REGISTRY: readonly Generator[] = [
  {
    id: 'knapsack',
    name: '0-1 knapsack',
    description:
      'Maximise profit under one capacity; weakly correlated weights and profits, items in classes of 1–3 identical copies.',
    sizeUnit: 'items',
    kind: 'MIP',
    defaultSizes: [20, 50, 100, 200, 500],
    minSize: 1,
    maxSize: 5000,
    derived: () => ({}),
    symmetryBreaking: 'Identical copies are taken in order: x_j ≥ x_j+1 within each class.',
    knownObjective: 'Dynamic programming over the capacity (while items × capacity ≤ 3·10^7: up to about 1000 items).',
    make: knapsack,
  },
  {
    id: 'transportation',
    name: 'Transportation',
    description:
      'Ship from depots to customers at per-unit Manhattan costs; depots come in identical pairs (2·⌈⌈√customers⌉/2⌉ depots).',
    sizeUnit: 'customers',
    kind: 'LP',
    defaultSizes: [50, 100, 200, 400],
    minSize: 1,
    maxSize: 2000,
    derived: (size) => ({ sources: transportSources(size) }),
    symmetryBreaking: 'Each pair of identical depots ordered by load: Σ_j x_aj ≥ Σ_j x_bj.',
    knownObjective: `Min-cost flow by successive shortest paths (up to ${TRANSPORT_EXACT_MAX} customers).`,
    make: transportation,
  },
  {
    id: 'facility-location',
    name: 'Capacitated facility location',
    description:
      'Open facilities (fixed costs, capacities) and split each customer’s demand among them; strong formulation; facilities come in identical pairs (2·⌈customers/5⌉ facilities).',
    sizeUnit: 'customers',
    kind: 'MIP',
    defaultSizes: [10, 20, 40, 80],
    minSize: 1,
    maxSize: 300,
    derived: (size) => ({ facilities: facilityCount(size) }),
    symmetryBreaking: 'Each pair of identical facilities: y_a ≥ y_b and Σ_j x_aj ≥ Σ_j x_bj.',
    knownObjective: `Every open set enumerated, its assignment solved by min-cost flow (up to ${FACILITY_EXACT_MAX_FACILITIES} facilities, 20 customers).`,
    make: facilityLocation,
  },
  {
    id: 'scheduling',
    name: 'Scheduling on identical machines',
    description:
      'Assign jobs to identical machines to minimise the makespan (P||Cmax) with assignment binaries; max(2, ⌊log2 jobs⌋) machines.',
    sizeUnit: 'jobs',
    kind: 'MIP',
    defaultSizes: [10, 20, 40, 80],
    minSize: 1,
    maxSize: 1000,
    derived: (size) => ({ machines: machineCount(size) }),
    symmetryBreaking: 'Machines ordered by load: Σ_j p_j x_jk ≥ Σ_j p_j x_j,k+1.',
    knownObjective:
      'Brute force over all machines^jobs assignments (up to 12 jobs); beyond, only when an LPT + local-search schedule meets the lower bound.',
    make: scheduling,
  },
];

/** The generators, in display order (without their implementation). */
export const GENERATORS: readonly GeneratorInfo[] = REGISTRY.map(({ make: _make, ...info }) => info);

/** The generator with this id, or undefined. */
export function generatorInfo(id: string): GeneratorInfo | undefined {
  return GENERATORS.find((g) => g.id === id);
}

function generatorOf(id: string): Generator {
  const g = REGISTRY.find((r) => r.id === id);
  if (!g) throw new RangeError(`unknown generator '${id}' (known: ${REGISTRY.map((r) => r.id).join(', ')})`);
  return g;
}

/** Throws a RangeError unless the parameters fit the generator. */
export function checkParams(id: string, params: GenerateParams): void {
  const g = generatorOf(id);
  const { size, instanceSeed } = params;
  if (!Number.isInteger(size) || size < g.minSize || size > g.maxSize)
    throw new RangeError(
      `${g.id}: size must be an integer in [${g.minSize}, ${g.maxSize}] (${g.sizeUnit}), got ${size}`,
    );
  if (!Number.isInteger(instanceSeed) || instanceSeed < 0 || instanceSeed > 0xffffffff)
    throw new RangeError(`${g.id}: instanceSeed must be an integer in [0, 4294967295], got ${instanceSeed}`);
  if (typeof params.symmetryBreaking !== 'boolean') throw new RangeError(`${g.id}: symmetryBreaking must be a boolean`);
}

/**
 * The model's name, a download-friendly file name that encodes generator, size, instanceSeed and switch:
 * `knapsack-n20-s1-sym.lp` (`s` is the generator's instanceSeed, not HiGHS's random_seed).
 */
export function lpFileName(id: GeneratorId, params: GenerateParams): string {
  return `${id}-n${params.size}-s${params.instanceSeed}-${params.symmetryBreaking ? 'sym' : 'nosym'}.lp`;
}

/** The generator and parameters a generated model's name encodes, or null for any other name. */
export function parseLpFileName(name: string): ({ generator: GeneratorId } & GenerateParams) | null {
  const m = /^([a-z-]+)-n(\d+)-s(\d+)-(sym|nosym)\.lp$/.exec(name);
  if (!m || !REGISTRY.some((g) => g.id === m[1])) return null;
  const parsed = {
    generator: m[1] as GeneratorId,
    size: Number(m[2]),
    instanceSeed: Number(m[3]),
    symmetryBreaking: m[4] === 'sym',
  };
  try {
    checkParams(parsed.generator, parsed);
  } catch {
    return null;
  }
  return lpFileName(parsed.generator, parsed) === name ? parsed : null;
}

/** Makes the model of one generator for a size, an instanceSeed (not HiGHS's random_seed) and the switch. */
export function generate(id: GeneratorId, params: GenerateParams): GeneratedModel {
  checkParams(id, params);
  const g = generatorOf(id);
  const name = lpFileName(g.id, params);
  const title = `${name}: generated by HiGHS Workbench; instanceSeed ${params.instanceSeed} is the generator's seed, not HiGHS random_seed`;
  const { lp, knownObjective } = g.make(params.size, params.instanceSeed, params.symmetryBreaking, title);
  return {
    name,
    lp,
    generator: g.id,
    size: params.size,
    instanceSeed: params.instanceSeed,
    symmetryBreaking: params.symmetryBreaking,
    knownObjective,
  };
}
