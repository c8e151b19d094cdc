// The jobs of a benchmark in the order they run: option sets interleaved (A B, then B A) within each
// (repetition, model, seed) so that drift of a shared machine cannot favour one set, and the jobs
// still missing after an interruption, so a resumed benchmark runs only those.
import type { BenchmarkConfig, BenchmarkRun } from './benchmark';

/** One run to do: a model, an option set, a HiGHS random_seed and a repetition. */
export interface PlannedJob {
  modelId: string;
  optionSetId: string;
  seed: number;
  repetition: number;
}

/** The identity of a run within its benchmark, so finished runs can be matched to planned jobs. */
export function jobKey(j: Pick<PlannedJob, 'modelId' | 'optionSetId' | 'seed' | 'repetition'>): string {
  return JSON.stringify([j.modelId, j.optionSetId, j.seed, j.repetition]);
}

/**
 * Every job of a benchmark. Repetitions are the outer loop (a whole pass over the problems before the
 * next), then models, then seeds; within one (repetition, model, seed) the option sets run side by
 * side, their order rotated from one problem to the next (A B, B A, ...), so neither set always goes first.
 */
export function planBenchmark(
  config: Pick<BenchmarkConfig, 'seeds' | 'repetitions'>,
  modelIds: readonly string[],
  optionSetIds: readonly string[],
): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const n = optionSetIds.length;
  let slot = 0;
  for (let repetition = 0; repetition < config.repetitions; repetition++) {
    for (const modelId of modelIds) {
      for (const seed of config.seeds) {
        for (let k = 0; k < n; k++) {
          jobs.push({ modelId, optionSetId: optionSetIds[(slot + k) % n], seed, repetition });
        }
        slot++;
      }
    }
  }
  return jobs;
}

/** The planned jobs that have no finished run yet, in plan order: what resume runs. */
export function missingJobs(
  plan: readonly PlannedJob[],
  finished: readonly Pick<BenchmarkRun, keyof PlannedJob>[],
): PlannedJob[] {
  const done = new Set(finished.map(jobKey));
  return plan.filter((j) => !done.has(jobKey(j)));
}
