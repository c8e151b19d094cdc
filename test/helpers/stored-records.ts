// Records the store tests share: a blessed set with its promotion event, and a baseline (core's Baseline) of two
// runs — the same values in the contracts and in each implementation's own tests, so a case reads alike everywhere.
import type { BenchmarkRun } from '../../src/core/benchmark';
import type { Baseline } from '../../src/core/regression';
import { NO_COUNTERS } from '../../src/core/run-record';
import type { StoredBlessedEvent, StoredBlessedSet } from '../../src/core/stores';

/** An epoch time in ms as ISO 8601. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** An active blessed set of a template, with `patch` over it. */
export const blessedSet = (
  id: string,
  template = 'knapsack',
  patch: Partial<StoredBlessedSet> = {},
): StoredBlessedSet => ({
  id,
  template,
  name: `set ${id}`,
  options: { presolve: 'on', mip_rel_gap: 1e-4, time_limit: Infinity },
  approvedBy: 'ada',
  validatedAt: iso(10),
  promotedAt: iso(20),
  solverVersion: '1.15.3',
  speedup: { ratio: 1.4, ci95: [1.2, 1.6] },
  estimatedSolveMs: 120,
  evidenceBenchmarkId: 'bench-1',
  baseline: { sgmTimeMs: 95, solved: 3, problems: 3 },
  active: true,
  ...patch,
});

/** The event that promoted a set (at its promotedAt, or at `at`: ms or ISO). */
export const promotedEvent = (s: StoredBlessedSet, at: string | number = s.promotedAt): StoredBlessedEvent => ({
  template: s.template,
  kind: 'promoted',
  at: typeof at === 'number' ? iso(at) : at,
  by: s.approvedBy,
  setId: s.id,
});

/** One optimal run of model 'm' under `optionSetId`, its time 5 + seed ms. */
export const baselineRun = (seed: number, optionSetId = 'baseline'): BenchmarkRun => ({
  modelId: 'm',
  optionSetId,
  seed,
  repetition: 0,
  status: 'optimal',
  objective: 10,
  mipDualBound: null,
  timeMs: 5 + seed,
  counters: { ...NO_COUNTERS, simplexIterations: 12 },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
});

/** A baseline of a template (seeds 1 and 2 of model 'm'), created at `createdAtMs`. */
export const coreBaseline = (id: string, template = 'knapsack', createdAtMs = 1): Baseline => ({
  id,
  template,
  optionSet: { name: 'blessed', options: { presolve: 'off', time_limit: Infinity } },
  createdAt: iso(createdAtMs),
  benchmarkId: 'bench-1',
  benchmarkName: 'nightly',
  solver: { name: 'highs', version: '1.15.3' },
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  models: [{ id: 'm', name: 'm.lp', template, size: 10, rows: 3, cols: 4, nnz: 7, integers: 4, knownObjective: 10 }],
  runs: [baselineRun(1), baselineRun(2)],
  thresholdPct: 20,
});
