// The shapes shared by the generators and their registry.

/**
 * What a generator is asked for. `instanceSeed` is the generator's own seed (which instance of the
 * family to build); it is NOT HiGHS's `random_seed` option, which a benchmark varies separately.
 */
export interface GenerateParams {
  /** The generator's natural count (items, customers or jobs). */
  size: number;
  /** The generator's seed, an integer in [0, 2^32 − 1]; never HiGHS's random_seed. */
  instanceSeed: number;
  /** Add constraints that break the family's symmetry (the optimum does not change). */
  symmetryBreaking: boolean;
}

/** What a generator makes. */
export interface GeneratedModel {
  /** The model's name, which is also a download-friendly file name: `knapsack-n20-s1-sym.lp`. */
  name: string;
  /** CPLEX LP text (integer data only; byte-identical for the same parameters). */
  lp: string;
  /** The generator's id (the template). */
  generator: GeneratorId;
  size: number;
  /** The generator's seed (not HiGHS's random_seed). */
  instanceSeed: number;
  symmetryBreaking: boolean;
  /** The optimal objective, computed by an exact method independent of HiGHS; null where not computed. */
  knownObjective: number | null;
}

/** The generator ids, stable: they appear in model names, baselines and reports. */
export type GeneratorId = 'knapsack' | 'transportation' | 'facility-location' | 'scheduling';

/** What a generator's size counts. */
export type SizeUnit = 'items' | 'customers' | 'jobs';

/** What one generator returns before the registry names it. */
export interface GeneratorOutput {
  lp: string;
  knownObjective: number | null;
}
