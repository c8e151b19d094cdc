// A whole, finished tuning run as the tuner writes one, without a solver: a simulated race on a few instances
// (fixtures.ts's simulator), the held-out plan and its results, the result. The settings carry what JSON cannot
// hold as it is (a blessed baseline with time_limit = Infinity, a dimension whose default is Infinity), so the
// report's and the backup's encodings are exercised. The report, backup and record-schema tests build on it.
import {
  buildSpace,
  defaultSeeds,
  heldOutPlan,
  makeBlocks,
  Race,
  splitInstances,
  tunerResult,
  TUNING_FORMAT,
  TUNING_VERSION,
  type TuningRecord,
} from '../../../src/core/tuner';
import { DESCRIPTORS, drive, simulator, type SimSpec } from './fixtures';

const SPEC: SimSpec = {
  instances: 9,
  effects: { 'presolve="off"': 0.6 },
  answerChanges: { 'simplex_strategy=4': 0.01 },
  otherEffect: 'slower',
  noOps: ['mip_pool_age_limit'],
  noise: 0.03,
  seed: 11,
};

const SEED = 11;
const IDS = Array.from({ length: SPEC.instances }, (_, i) => `inst-${String(i).padStart(2, '0')}`);

function build(): TuningRecord {
  const seeds = defaultSeeds(4);
  const split = splitInstances(IDS, SEED);
  const space = buildSpace(DESCRIPTORS, {
    only: ['presolve', 'simplex_strategy', 'mip_pool_age_limit', 'time_limit'],
    extend: [{ name: 'time_limit', values: [5000], optIn: true }],
  });
  if (!space.ok) throw new Error(space.errors.join('\n'));
  const evaluate = simulator(SPEC);
  const race = Race.start({
    space: space.space,
    blocks: makeBlocks(split.tuning, seeds, SEED),
    seed: SEED,
    budget: { runs: 300, timeMs: null },
  });
  drive(race, evaluate);
  const state = race.toJSON();
  const plan = heldOutPlan(state, makeBlocks(split.heldOut, seeds, SEED + 1));
  const results = plan.jobs.map(evaluate);
  return {
    format: TUNING_FORMAT,
    version: TUNING_VERSION,
    id: 'tune-sim',
    name: 'Simulated tuning',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:30:00.000Z',
    state: 'finished',
    phase: 'done',
    error: null,
    settings: {
      template: { kind: 'library', id: 'lib', name: 'Library', files: IDS.map((i) => `${i}.mps`) },
      baseline: { kind: 'blessed', setId: 's1', name: 'no limit', options: { time_limit: Infinity, presolve: 'on' } },
      space: { only: ['presolve', 'simplex_strategy', 'mip_pool_age_limit', 'time_limit'] },
      budget: { runs: 300, timeMs: null },
      seeds,
      timeLimitMs: null,
      seed: SEED,
      heldOutShare: 1 / 3,
    },
    solver: { name: 'HiGHS', version: '1.15.1' },
    instances: IDS.map((id, i) => ({ id, name: `${id}.mps`, sha256: i.toString(16).repeat(64) })),
    split,
    race: state,
    heldOut: { plan, results },
    result: tunerResult(state, plan, results),
    elapsedMs: 123_456,
  };
}

let cached: TuningRecord | null = null;

/** A finished simulated tuning run (a fresh copy: tests may mutate it). */
export function sampleTuningRecord(): TuningRecord {
  cached ??= build();
  return structuredClone(cached);
}
