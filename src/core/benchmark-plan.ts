// The jobs of a benchmark in the order they run: option sets interleaved (A B, then B A) within each
// (repetition, model, seed) so that drift of a shared machine cannot favour one set, an option set scoped
// to templates (a template's blessed set) only on their models, the jobs still missing after an
// interruption, so a resumed benchmark runs only those, and the plan split into shards (`--shard 2/4`: one
// part per process or machine, every job in exactly one).
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

/** One part of a plan split N ways: shard `index` of `count`, counted from 1 as a command line says it (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/** Why a shard cannot split a plan (count a whole number ≥ 1, index a whole number from 1 to count), or null. */
export function shardIssue(s: Shard): string | null {
  if (!Number.isSafeInteger(s.count) || s.count < 1) return `shard count: a whole number ≥ 1, got ${s.count}`;
  if (!Number.isSafeInteger(s.index) || s.index < 1 || s.index > s.count)
    return `shard: a whole number from 1 to ${s.count}, got ${s.index}`;
  return null;
}

/** The unit a shard takes whole: one (repetition, model, seed), whose option sets run side by side. */
const problemKey = (j: PlannedJob) => JSON.stringify([j.repetition, j.modelId, j.seed]);

/**
 * The shard (1 to `count`) of each planned job, by plan index. A shard takes problems whole — the jobs of one
 * (repetition, model, seed), its option sets interleaved — so the sets compared on a problem run on the same
 * machine, side by side; the problems go in plan order to the shard with the fewest jobs so far (a tie to
 * the lowest). So the split depends on the plan alone (the same on every machine, and again on resume),
 * puts every job in exactly one shard, and the shards' job counts differ by at most one problem's jobs.
 */
export function shardsOf(plan: readonly PlannedJob[], count: number): number[] {
  const issue = shardIssue({ index: 1, count });
  if (issue) throw new RangeError(issue);
  const load = new Array<number>(count).fill(0);
  const shardOfProblem = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const j of plan) sizes.set(problemKey(j), (sizes.get(problemKey(j)) ?? 0) + 1);
  return plan.map((j) => {
    const key = problemKey(j);
    let shard = shardOfProblem.get(key);
    if (shard === undefined) {
      shard = load.indexOf(Math.min(...load));
      load[shard] += sizes.get(key)!;
      shardOfProblem.set(key, shard);
    }
    return shard + 1;
  });
}

/** The plan indices of one shard's jobs, in plan order (see shardsOf); throws a RangeError for a shard that cannot be. */
export function shardJobs(plan: readonly PlannedJob[], shard: Shard): number[] {
  const issue = shardIssue(shard);
  if (issue) throw new RangeError(issue);
  const out: number[] = [];
  shardsOf(plan, shard.count).forEach((s, i) => s === shard.index && out.push(i));
  return out;
}
