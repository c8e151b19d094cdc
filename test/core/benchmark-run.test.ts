import { describe, expect, it } from 'vitest';
import { benchmarkRunOf, failedBenchmarkRun, type CheckedSolve } from '../../src/core/benchmark-run';
import { NO_COUNTERS } from '../../src/core/run-record';

const job = { modelId: 'm', optionSetId: 'A', seed: 1, repetition: 0 };
const feasible = {
  objective: 10,
  maxBoundViolation: 0,
  maxRowViolation: 1e-9,
  maxIntegralityViolation: 0,
  feasible: true,
};
const solve = (patch: Partial<CheckedSolve> = {}): CheckedSolve => ({
  status: 'optimal',
  runStatus: 'ok',
  runError: null,
  objective: 10,
  objectiveNotFinite: false,
  mipGap: null,
  mipDualBound: null,
  size: { rows: 2, cols: 2, nnz: 3, integers: 0 },
  format: 'lp',
  counters: { ...NO_COUNTERS, simplexIterations: 4 },
  times: { readMs: 1, solveMs: 12.5, highsRunMs: 12, validateMs: 0 },
  wasmMemoryBytes: 1,
  warm: true,
  warnings: [],
  solutionCheck: feasible,
  ...patch,
});

describe('benchmarkRunOf', () => {
  it.each([
    ['verified against the known objective', {}, 10, 'verified'],
    ['off the known objective', {}, 11, 'wrong'],
    ['no known objective', {}, null, 'ok'],
    [
      'a row violated beyond 1e-6',
      { solutionCheck: { ...feasible, maxRowViolation: 2e-6, feasible: false } },
      10,
      'wrong',
    ],
    [
      'a bound violated beyond 1e-6',
      { solutionCheck: { ...feasible, maxBoundViolation: 0.5, feasible: false } },
      null,
      'wrong',
    ],
    ['no solution to check', { status: 'infeasible' as const, objective: null, solutionCheck: null }, null, 'ok'],
    [
      'HiGHS run error',
      { runStatus: 'error' as const, runError: 'x.lp: error', status: 'not-set' as const },
      10,
      'failed',
    ],
  ])('%s → %s', (_label, patch, known, verdict) => {
    const run = benchmarkRunOf(job, { knownObjective: known }, solve(patch));
    expect(run.verdict).toBe(verdict);
    expect(run).toMatchObject({ ...job, timeMs: 12.5 });
  });

  it('keeps the counters, the violations and the error', () => {
    const run = benchmarkRunOf(job, { knownObjective: null }, solve({ runStatus: 'error', runError: 'x.lp: e' }));
    expect(run.counters.simplexIterations).toBe(4);
    expect(run.maxRowViolation).toBe(1e-9);
    expect(run.error).toEqual({ name: 'SolverError', message: 'x.lp: e' });
  });
});

describe('failedBenchmarkRun', () => {
  it('records the error, no status, zero counters, verdict failed', () => {
    const run = failedBenchmarkRun(job, { name: 'Timeout', message: 'm: no answer' }, 1500);
    expect(run).toEqual({
      ...job,
      status: null,
      objective: null,
      mipDualBound: null,
      timeMs: 1500,
      counters: NO_COUNTERS,
      maxBoundViolation: null,
      maxRowViolation: null,
      verdict: 'failed',
      error: { name: 'Timeout', message: 'm: no answer' },
    });
  });
});
