// The plain parts of a benchmark run that nothing renders: the definition's check, the jobs still
// to run, the bookkeeping of one session (models by id, jobs in flight) and the environment.
import type { BenchmarkDefinition, BenchmarkRun } from '../core/benchmark';
import { jobKey, type PlannedJob } from '../core/benchmark-plan';
import type { PoolJob } from '../solver/pool-types';
import type { StoredBenchmark } from '../storage/benchmark-types';
import type { ResolvedModel } from './benchmark-models';

/** A planned job with its place in the plan (runs of a batch are written in plan order). */
export interface IndexedJob {
  job: PlannedJob;
  index: number;
}

/** The plan's jobs that have no run in `finished` yet, in plan order, each with its index in the plan. */
export function jobsToRun(plan: readonly PlannedJob[], finished: readonly BenchmarkRun[]): IndexedJob[] {
  const done = new Set(finished.map(jobKey));
  return plan.map((job, index) => ({ job, index })).filter(({ job }) => !done.has(jobKey(job)));
}

/** What one session (a start or a resume) keeps track of besides its runes. */
export class SessionBook {
  /** The resolved models (bytes, what is known) by SHA-256. */
  readonly models: Map<string, ResolvedModel>;
  /** Models whose dimensions a result has reported. */
  readonly filled = new Set<string>();
  /** Submitted jobs not settled yet. */
  readonly inFlight = new Set<PoolJob>();

  constructor(models: readonly ResolvedModel[] = []) {
    this.models = new Map(models.map((m) => [m.model.id, m]));
  }

  /** The models that the given jobs solve, in the order given. */
  modelsOf(jobs: readonly IndexedJob[], order: readonly ResolvedModel[]): ResolvedModel[] {
    const needed = new Set(jobs.map((j) => j.job.modelId));
    return order.filter((m) => needed.has(m.model.id));
  }
}

/** An Error named InvalidBenchmark: the definition or the stored benchmark cannot be run. */
export function invalidBenchmark(message: string): Error {
  const e = new Error(message);
  e.name = 'InvalidBenchmark';
  return e;
}

/** Throws InvalidBenchmark unless the definition can be planned and run. */
export function checkDefinition(def: BenchmarkDefinition): void {
  const { config } = def;
  const invalid = invalidBenchmark;
  if (!def.templates.length) throw invalid('the benchmark has no templates');
  if (!def.optionSets.length) throw invalid('the benchmark has no option sets');
  const ids = def.optionSets.map((o) => o.id);
  if (new Set(ids).size !== ids.length) throw invalid(`option set ids repeat: ${ids.join(', ')}`);
  if (!ids.includes(def.referenceOptionSetId))
    throw invalid(`the reference option set '${def.referenceOptionSetId}' is not among the option sets`);
  if (!config.seeds.length || config.seeds.some((s) => !Number.isInteger(s)))
    throw invalid('seeds must be one or more whole numbers');
  if (new Set(config.seeds).size !== config.seeds.length) throw invalid(`seeds repeat: ${config.seeds.join(', ')}`);
  if (!Number.isInteger(config.repetitions) || config.repetitions < 1)
    throw invalid('repetitions must be a whole number of at least 1');
  if (!Number.isFinite(config.timeLimitMs) || config.timeLimitMs <= 0)
    throw invalid('the time limit must be a positive number of milliseconds');
  if (!Number.isInteger(def.workers) || def.workers < 1) throw invalid('workers must be a whole number of at least 1');
}

/** The environment a benchmark runs in, from the page's navigator where it has one. */
export function environment(): StoredBenchmark['environment'] {
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator;
  return {
    userAgent: nav?.userAgent ?? '',
    hardwareConcurrency: nav?.hardwareConcurrency ?? 0,
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  };
}
