// One simulated tuning session from the split to the result, for the scenario tests.
import {
  buildSpace,
  defaultSeeds,
  heldOutPlan,
  makeBlocks,
  Race,
  splitInstances,
  tunerResult,
  type RaceConfigInput,
  type TunerResult,
} from '../../../src/core/tuner';
import { DESCRIPTORS, drive, simulator, type SimSpec } from './fixtures';

/** What one session shows. */
export interface Session {
  race: Race;
  result: TunerResult;
  /** Race runs ÷ (candidates made × tuning blocks). */
  efficiency: number;
  runs: number;
  candidates: number;
  tuningBlocks: number;
}

/** Splits the simulated instances, races on the tuning blocks and checks on the held-out ones. */
export function session(spec: SimSpec, config: Partial<RaceConfigInput> = {}, seeds = 4): Session {
  const ids = Array.from({ length: spec.instances }, (_, i) => `inst-${String(i).padStart(2, '0')}`);
  const split = splitInstances(ids, spec.seed);
  const space = buildSpace(DESCRIPTORS);
  if (!space.ok) throw new Error(space.errors.join('\n'));
  const blocks = makeBlocks(split.tuning, defaultSeeds(seeds), spec.seed);
  const evaluate = simulator(spec);
  const race = Race.start({ space: space.space, blocks, seed: spec.seed, ...config });
  drive(race, evaluate);
  const state = race.toJSON();
  const plan = heldOutPlan(state, makeBlocks(split.heldOut, defaultSeeds(seeds), spec.seed + 1));
  const result = tunerResult(state, plan, plan.jobs.map(evaluate));
  const p = race.progress();
  return {
    race,
    result,
    efficiency: p.runs / p.fullEvaluationRuns,
    runs: p.runs,
    candidates: state.candidates.length,
    tuningBlocks: blocks.length,
  };
}
