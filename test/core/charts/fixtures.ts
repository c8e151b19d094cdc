// A small benchmark whose chart numbers can be computed by hand: a generator template 'knapsack' at sizes
// 10, 20, 40 (MIPs) and one LP 'afiro' (no size), option sets 'ref' (the reference) and 'alt', seeds 1 and 2,
// one repetition, all solved, time shift 10 ms (the default).
//
// Times (ms), the same for both seeds on the knapsacks, so the mean per size is that time exactly:
//   ref: k10 10, k20 40, k40 160  → time = 0.1·size²   (exponent 2, R² 1)
//   alt: k10 5,  k20 10, k40 20   → time = 0.5·size    (exponent 1, R² 1)
//   afiro: ref seed 1: 2, seed 2: 6;  alt: 3 and 3
// k20 seed 1 carries gap traces under both sets; every other run has none (as in an older report).
import type { BenchmarkData, BenchmarkModel, BenchmarkRun, GapTracePoint } from '../../../src/core/benchmark';
import { NO_COUNTERS } from '../../../src/core/run-record';

export const K10 = '1'.repeat(64);
export const K20 = '2'.repeat(64);
export const K40 = '4'.repeat(64);
export const AFIRO = 'a'.repeat(64);

const knapsack = (id: string, size: number): BenchmarkModel => ({
  id,
  name: `knapsack-n${size}`,
  template: 'knapsack',
  size,
  rows: 1,
  cols: size,
  nnz: size,
  integers: size,
  knownObjective: null,
});

/** One solved run. */
export function run(
  modelId: string,
  optionSetId: string,
  seed: number,
  timeMs: number,
  over: Partial<BenchmarkRun> = {},
): BenchmarkRun {
  return {
    modelId,
    optionSetId,
    seed,
    repetition: 0,
    status: 'optimal',
    objective: 1,
    mipDualBound: null,
    timeMs,
    counters: { ...NO_COUNTERS },
    maxBoundViolation: 0,
    maxRowViolation: 0,
    verdict: 'ok',
    error: null,
    ...over,
  };
}

export const REF_TRACE: GapTracePoint[] = [
  [0, null, null, 1],
  [5, 0.5, 2, 1],
  [40, 0, 2, 2],
];
export const ALT_TRACE: GapTracePoint[] = [
  [0, 1, 4, 2],
  [10, 0, 2, 2],
];

/** The benchmark (a fresh copy each call: tests may change it). */
export function chartData(): BenchmarkData {
  const times: Record<string, Record<string, [number, number]>> = {
    ref: { [K10]: [10, 10], [K20]: [40, 40], [K40]: [160, 160], [AFIRO]: [2, 6] },
    alt: { [K10]: [5, 5], [K20]: [10, 10], [K40]: [20, 20], [AFIRO]: [3, 3] },
  };
  const runs: BenchmarkRun[] = [];
  for (const modelId of [K10, K20, K40, AFIRO]) {
    for (const seed of [1, 2]) {
      for (const set of ['ref', 'alt']) {
        const trace = modelId === K20 && seed === 1 ? { gapTrace: set === 'ref' ? REF_TRACE : ALT_TRACE } : {};
        runs.push(run(modelId, set, seed, times[set][modelId][seed - 1], trace));
      }
    }
  }
  return {
    id: 'b1',
    name: 'Quick start',
    config: { timeLimitMs: 1000, seeds: [1, 2], repetitions: 1, warmup: true },
    referenceOptionSetId: 'ref',
    models: [
      knapsack(K10, 10),
      knapsack(K20, 20),
      knapsack(K40, 40),
      {
        id: AFIRO,
        name: 'afiro.mps',
        template: 'netlib',
        size: null,
        rows: 27,
        cols: 32,
        nnz: 83,
        integers: 0,
        knownObjective: null,
      },
    ],
    optionSets: [
      { id: 'ref', name: 'Defaults', options: {} },
      { id: 'alt', name: 'Presolve off', options: { presolve: 'off' } },
    ],
    runs,
  };
}
