// The plain parts of a benchmark run that nothing renders: the definition's check (core's), the jobs still
// to run, the bookkeeping of one session (models by id, jobs in flight) and the environment.
import type { BenchmarkDefinition, BenchmarkRun } from '../core/benchmark';
import { validateDefinition } from '../core/benchmark-definition';
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

/**
 * Throws InvalidBenchmark unless the definition can be planned and run: the editor's check
 * (core's validateDefinition), so what the form accepts the runner runs. The message lists every issue.
 */
export function checkDefinition(def: BenchmarkDefinition): void {
  const issues = validateDefinition(def);
  if (issues.length) throw invalidBenchmark(issues.map((i) => i.message).join('; '));
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
