// The jobs of a benchmark in the order they run: option sets interleaved (A B, then B A) within each
// (repetition, model, seed) so that drift of a shared machine cannot favour one set, an option set scoped
// to templates (a template's blessed set) only on their models, and the jobs still missing after an
// interruption, so a resumed benchmark runs only those.
import { optionSetRunsOn, type BenchmarkConfig, type BenchmarkRun, type OptionSet } from './benchmark';

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

/** A model as the plan sees it: its id, or its id and template (what scoped option sets need). */
export type PlanModel = string | { id: string; template: string };

/** An option set as the plan sees it: its id (runs on every model), or its id and the templates it is scoped to. */
export type PlanOptionSet = string | Pick<OptionSet, 'id' | 'templates'>;

/**
 * Every job of a benchmark. Repetitions are the outer loop (a whole pass over the problems before the
 * next), then models, then seeds; within one (repetition, model, seed) the option sets that run on the
 * model (a set scoped to templates runs only on their models; a model given by id alone gets every set)
 * run side by side, their order rotated from one problem to the next (A B, B A, ...), so neither set
 * always goes first.
 */
export function planBenchmark(
  config: Pick<BenchmarkConfig, 'seeds' | 'repetitions'>,
  models: readonly PlanModel[],
  optionSets: readonly PlanOptionSet[],
): PlannedJob[] {
  const sets = optionSets.map((o) => (typeof o === 'string' ? { id: o } : o));
  const perModel = models.map((m) => {
    if (typeof m === 'string') return { id: m, setIds: sets.map((o) => o.id) };
    return { id: m.id, setIds: sets.filter((o) => optionSetRunsOn(o, m.template)).map((o) => o.id) };
  });
  const jobs: PlannedJob[] = [];
  let slot = 0;
  for (let repetition = 0; repetition < config.repetitions; repetition++) {
    for (const { id: modelId, setIds } of perModel) {
      const n = setIds.length;
      for (const seed of config.seeds) {
        for (let k = 0; k < n; k++) {
          jobs.push({ modelId, optionSetId: setIds[(slot + k) % n], seed, repetition });
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
