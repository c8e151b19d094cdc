// A whole tuning run as the tuner writes it (a real race state from core/tuner, a generator template, the split
// and its instances), for the storage tests: readTuningRecord accepts it, so what it refuses is what a test broke.
import {
  buildSpace,
  defaultSeeds,
  makeBlocks,
  splitInstances,
  startRace,
  TUNING_FORMAT,
  TUNING_VERSION,
  type TuningRecord,
} from '../../src/core/tuner';
import { DESCRIPTORS } from '../core/tuner/fixtures';

const INSTANCES = ['knapsack-6-1', 'knapsack-6-2', 'knapsack-9-1', 'knapsack-9-2', 'knapsack-12-1', 'knapsack-12-2'];

/** A tuning run that has just started its race, with `patch` over it. */
export function tuningRecord(patch: Partial<TuningRecord> = {}): TuningRecord {
  const space = buildSpace(DESCRIPTORS);
  if (!space.ok) throw new Error(space.errors.join('\n'));
  const seeds = defaultSeeds(2);
  const split = splitInstances(INSTANCES, 7);
  return {
    format: TUNING_FORMAT,
    version: TUNING_VERSION,
    id: 'tune-1',
    name: 'Knapsack tuning',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:05:00.000Z',
    state: 'running',
    phase: 'race',
    error: null,
    settings: {
      template: {
        kind: 'generator',
        id: 'knap',
        name: 'Knapsack',
        generator: 'knapsack',
        sizes: [6, 9, 12],
        instanceSeeds: [1, 2],
        symmetryBreaking: false,
      },
      baseline: { kind: 'defaults' },
      space: {},
      budget: { runs: 200, timeMs: null },
      seeds,
      timeLimitMs: 10_000,
      seed: 7,
      heldOutShare: 1 / 3,
    },
    solver: { name: 'highs', version: '1.15.3' },
    instances: INSTANCES.map((id, i) => ({ id, name: id, sha256: String(i).repeat(64) })),
    split,
    race: startRace({
      space: space.space,
      blocks: makeBlocks(split.tuning, seeds, 7),
      seed: 7,
      timeLimitMs: 10_000,
      budget: { runs: 200, timeMs: null },
    }),
    heldOut: null,
    result: null,
    elapsedMs: 1234,
    ...patch,
  };
}
