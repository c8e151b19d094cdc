import { describe, expect, it } from 'vitest';
import { GAP_TRACE_MAX_POINTS } from '../../src/core/benchmark';
import { benchmarkRunOf, failedBenchmarkRun, thinGapTrace, type CheckedSolve } from '../../src/core/benchmark-run';
import { NO_COUNTERS, type MipPoint } from '../../src/core/run-record';

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

describe("benchmarkRunOf and HiGHS's reported infeasibility", () => {
  it.each([
    ['a finite value is kept', 2.5e-13, 2.5e-13],
    ['zero is kept', 0, 0],
    ['−0 becomes 0 (JSON would)', -0, 0],
    ['null stays null (no solution)', null, null],
    ['a non-finite value becomes null', Infinity, null],
    ['NaN becomes null', NaN, null],
    ['absent (a caller without the field) becomes null', undefined, null],
  ] as [string, number | null | undefined, number | null][])('%s', (_label, given, kept) => {
    const patch: Partial<CheckedSolve> = given === undefined ? {} : { highsMaxPrimalInfeasibility: given };
    const run = benchmarkRunOf(job, { knownObjective: null }, solve(patch));
    expect(Object.is(run.highsMaxPrimalInfeasibility, kept)).toBe(true);
  });

  it('is beside core’s own violations, which alone decide the verdict', () => {
    const run = benchmarkRunOf(
      job,
      { knownObjective: null },
      solve({ solutionCheck: { ...feasible, maxRowViolation: 0.25, feasible: false }, highsMaxPrimalInfeasibility: 0 }),
    );
    expect(run).toMatchObject({ maxRowViolation: 0.25, highsMaxPrimalInfeasibility: 0, verdict: 'wrong' });
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
      highsMaxPrimalInfeasibility: null,
    });
  });
});

const pt = (t: number, gap: number | null, primal: number | null = null, dual: number | null = null): MipPoint => ({
  t,
  gap,
  primal,
  dual,
  nodes: 0,
});

describe('thinGapTrace', () => {
  it.each([
    ['no points', [], 4, []],
    [
      'fewer points than the cap: all, seconds to ms',
      [pt(0.001, null), pt(0.0025, 0.5, 10, 5)],
      4,
      [
        [1, null, null, null],
        [2.5, 0.5, 10, 5],
      ],
    ],
    [
      // gap scores (null → 1): 1, 0.9, 0.85, 0.2, 0.19, 0 → changes 0.1, 0.05, 0.65, 0.01 for points 1..4
      'the first, the last and the interior points where the gap moved most, in time order',
      [pt(0, null), pt(0.001, 0.9), pt(0.002, 0.85), pt(0.003, 0.2), pt(0.004, 0.19), pt(0.005, 0)],
      4,
      [
        [0, null, null, null],
        [1, 0.9, null, null],
        [3, 0.2, null, null],
        [5, 0, null, null],
      ],
    ],
    [
      'ties go to the earlier point; gaps above 100 % count as 100 %',
      [pt(0, 5), pt(0.001, 3), pt(0.002, 0.5), pt(0.003, 0), pt(0.004, 0)],
      3,
      [
        [0, 5, null, null],
        [2, 0.5, null, null],
        [4, 0, null, null],
      ],
    ],
    [
      'non-finite values become null, −0 becomes 0, a negative time 0, times rounded to 1 µs',
      [pt(-1, NaN, Infinity, -Infinity), pt(1.23456789, 0.1, -0, -0)],
      4,
      [
        [0, null, null, null],
        [1234.568, 0.1, 0, 0],
      ],
    ],
  ] as [string, MipPoint[], number, unknown][])('%s', (_label, points, max, expected) => {
    expect(thinGapTrace(points, max)).toEqual(expected);
  });

  it('keeps at most GAP_TRACE_MAX_POINTS of a long trace, first and last included, deterministically', () => {
    const long = Array.from({ length: 500 }, (_, i) => pt(i / 1000, Math.abs(Math.sin(i)) / (1 + i), i, i / 2));
    const thinned = thinGapTrace(long);
    expect(thinned).toHaveLength(GAP_TRACE_MAX_POINTS);
    expect(thinned[0]).toEqual([0, long[0].gap, 0, 0]);
    expect(thinned[thinned.length - 1]).toEqual([499, long[499].gap, 499, 249.5]);
    expect(thinned.map((p) => p[0])).toEqual([...thinned.map((p) => p[0])].sort((a, b) => a - b));
    expect(thinGapTrace(long)).toEqual(thinned);
  });
});

describe('benchmarkRunOf and the gap trace', () => {
  const mip = { rows: 2, cols: 2, nnz: 3, integers: 2 };
  const points = [pt(0.001, null, null, 3), pt(0.002, 0.25, 4, 3), pt(0.003, 0, 4, 4)];
  it('keeps a MIP run’s points, thinned', () => {
    const run = benchmarkRunOf(job, { knownObjective: null }, solve({ size: mip, points }));
    expect(run.gapTrace).toEqual([
      [1, null, null, 3],
      [2, 0.25, 4, 3],
      [3, 0, 4, 4],
    ]);
  });
  it('keeps an empty trace for a MIP without points (solved in presolve)', () => {
    expect(benchmarkRunOf(job, { knownObjective: null }, solve({ size: mip, points: [] })).gapTrace).toEqual([]);
  });
  it('leaves the field out for an LP', () => {
    expect('gapTrace' in benchmarkRunOf(job, { knownObjective: null }, solve({ points }))).toBe(false);
  });
});
