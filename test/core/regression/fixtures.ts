// Builders of benchmarks and baselines for the regression tests: only what a case is about is spelled out.
import type { BenchmarkData, BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import { baselineFrom, type Baseline, type BaselineMeta } from '../../../src/core/regression/baseline';
import { model, run } from '../stats/fixtures';

export { model, run };

/** A benchmark of the given runs and models (template 't'), option sets 's' and 'other'. */
export function bench(runs: BenchmarkRun[], models: BenchmarkModel[] = [model('m1')]): BenchmarkData {
  return {
    id: 'bench-1',
    name: 'nightly',
    config: { timeLimitMs: 10_000, seeds: [1], repetitions: 1, warmup: true },
    referenceOptionSetId: 's',
    models,
    optionSets: [
      { id: 's', name: 'blessed', options: { presolve: 'on' } },
      { id: 'other', name: 'other', options: {} },
    ],
    runs,
  };
}

/** Baseline metadata on solver `version`. */
export const meta = (version = '1.15.1', thresholdPct?: number): BaselineMeta => ({
  id: 'base-1',
  createdAt: '2026-11-01T00:00:00.000Z',
  solver: { name: 'HiGHS', version },
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  thresholdPct,
});

/** One run per time (repetitions 0, 1, …) of a model and seed, option set 's', all else from `over`. */
export function reps(
  modelId: string,
  seed: number,
  times: readonly number[],
  over: Parameters<typeof run>[0] = {},
): BenchmarkRun[] {
  return times.map((timeMs, repetition) => run({ modelId, seed, repetition, timeMs, optionSetId: 's', ...over }));
}

/** A baseline of template 't', option set 's', from the runs. */
export function baselineOf(
  runs: BenchmarkRun[],
  models: BenchmarkModel[] = [model('m1')],
  version = '1.15.1',
  thresholdPct?: number,
): Baseline {
  return baselineFrom(bench(runs, models), meta(version, thresholdPct), 't', 's');
}

/** Six distinct repetitions around 100 ms (median 99.5), scaled by a factor. */
export const six = (factor = 1) => [98, 100, 102, 99, 101, 97].map((t) => t * factor);
