// The run checks: which runs are listed and why, the cap, and the largest violations over all returned
// solutions beside HiGHS's own, on hand-built runs (the violations are the run's fields, as core's
// solution check recorded them).
import { describe, expect, it } from 'vitest';
import type { BenchmarkData, BenchmarkRun } from '../../../src/core/benchmark';
import { FEASIBILITY_TOL } from '../../../src/core/benchmark-run';
import {
  MAX_LISTED_RUN_CHECKS,
  checkRuns,
  runCheckReason,
  type RunCheckReason,
} from '../../../src/core/stats/run-checks';
import { model, run, timeout } from './fixtures';

function data(runs: BenchmarkRun[], over: Partial<BenchmarkData> = {}): BenchmarkData {
  return {
    id: 'b',
    name: 'b',
    config: { timeLimitMs: 100, seeds: [1, 2], repetitions: 1, warmup: false },
    referenceOptionSetId: 's',
    models: [model('m', { name: 'Model <m>', knownObjective: 1 }), model('k', { name: 'knap', integers: 3 })],
    optionSets: [
      { id: 's', name: 'defaults', options: {} },
      { id: 'q', name: 'no presolve', options: { presolve: 'off' } },
    ],
    runs,
    ...over,
  };
}

describe('runCheckReason', () => {
  it.each([
    ['an optimal, ok run', run(), null],
    ['a verified run', run({ verdict: 'verified' }), null],
    ['an infeasible status proven', run({ status: 'infeasible', objective: null }), null],
    ['a run marked wrong', run({ verdict: 'wrong', objective: 2 }), 'wrong'],
    ['wrong beats failed', run({ verdict: 'wrong', error: { name: 'E', message: 'e' } }), 'wrong'],
    [
      'a row violated beyond the tolerance, verdict ok (an old or foreign file)',
      run({ maxRowViolation: 1e-3 }),
      'infeasible-solution',
    ],
    ['a bound violated beyond the tolerance', run({ maxBoundViolation: 2 * FEASIBILITY_TOL }), 'infeasible-solution'],
    ['a violation at the tolerance is fine', run({ maxBoundViolation: FEASIBILITY_TOL }), null],
    ['verdict failed', run({ status: null, objective: null, verdict: 'failed' }), 'failed'],
    ['an error with a status', run({ error: { name: 'SolverError', message: 'x' } }), 'failed'],
    ['suspect', run({ verdict: 'suspect', status: 'empty' }), 'suspect'],
    ['a time limit', timeout(), 'unsolved'],
    ['an interrupt', run({ status: 'interrupted', objective: null }), 'unsolved'],
  ] as [string, BenchmarkRun, RunCheckReason | null][])('%s → %s', (_label, r, reason) => {
    expect(runCheckReason(r)).toBe(reason);
  });
});

describe('checkRuns', () => {
  it('lists a planted solution that violates a row and a bound, and reports the largest violations', () => {
    const planted = run({
      modelId: 'm',
      optionSetId: 'q',
      seed: 2,
      repetition: 1,
      objective: 0.5,
      maxBoundViolation: 0.25,
      maxRowViolation: 3,
      verdict: 'wrong',
      highsMaxPrimalInfeasibility: 1e-9,
    });
    const runs = [
      run({ maxBoundViolation: 1e-12, maxRowViolation: 3e-12, highsMaxPrimalInfeasibility: 1e-13 }),
      planted,
      run({ seed: 2, maxBoundViolation: 0, maxRowViolation: 5e-12, highsMaxPrimalInfeasibility: null }),
      run({ modelId: 'k', status: 'infeasible', objective: null, maxBoundViolation: null, maxRowViolation: null }),
    ];
    const c = checkRuns(data(runs));
    expect(c).toMatchObject({ runs: 4, flagged: 1, omitted: 0, solutions: 3, highsReported: 2 });
    expect(c.byReason).toEqual({ wrong: 1, 'infeasible-solution': 0, failed: 0, suspect: 0, unsolved: 0 });
    expect(c.listed).toEqual([
      {
        reason: 'wrong',
        modelId: 'm',
        modelName: 'Model <m>',
        optionSetId: 'q',
        optionSetName: 'no presolve',
        seed: 2,
        repetition: 1,
        status: 'optimal',
        verdict: 'wrong',
        error: null,
        objective: 0.5,
        knownObjective: 1,
        maxBoundViolation: 0.25,
        maxRowViolation: 3,
        highsMaxPrimalInfeasibility: 1e-9,
      },
    ]);
    const at = {
      modelId: 'm',
      modelName: 'Model <m>',
      optionSetId: 'q',
      optionSetName: 'no presolve',
      seed: 2,
      repetition: 1,
    };
    expect(c.maxBoundViolation).toEqual({ value: 0.25, at });
    expect(c.maxRowViolation).toEqual({ value: 3, at });
    expect(c.maxHighsPrimalInfeasibility).toEqual({ value: 1e-9, at });
    expect(c.feasibilityTolerance).toBe(FEASIBILITY_TOL);
  });

  it('gives the largest violations over all solutions when every run is a plain success', () => {
    const runs = [
      run({ maxBoundViolation: 1e-12, maxRowViolation: 3e-12, highsMaxPrimalInfeasibility: 1e-13 }),
      run({ seed: 2, optionSetId: 'q', maxBoundViolation: 4e-12, maxRowViolation: 0, highsMaxPrimalInfeasibility: 0 }),
      // the first run reaching a maximum is kept
      run({ seed: 2, maxBoundViolation: 4e-12, maxRowViolation: 1e-12 }),
    ];
    const c = checkRuns(data(runs));
    expect(c.flagged).toBe(0);
    expect(c.listed).toEqual([]);
    expect(c.solutions).toBe(3);
    expect(c.maxBoundViolation).toMatchObject({ value: 4e-12, at: { optionSetId: 'q', seed: 2 } });
    expect(c.maxRowViolation).toMatchObject({ value: 3e-12, at: { optionSetId: 's', seed: 1 } });
    // the third run has no HiGHS figure (a run recorded before the field existed)
    expect(c.highsReported).toBe(2);
    expect(c.maxHighsPrimalInfeasibility).toMatchObject({ value: 1e-13, at: { optionSetId: 's', seed: 1 } });
  });

  it('has no maxima without solutions (all failed or unsolved)', () => {
    const c = checkRuns(
      data([
        run({
          status: null,
          objective: null,
          verdict: 'failed',
          maxBoundViolation: null,
          maxRowViolation: null,
          error: { name: 'Timeout', message: 'no answer' },
        }),
        timeout({ maxBoundViolation: null, maxRowViolation: null }),
      ]),
    );
    expect(c).toMatchObject({ runs: 2, flagged: 2, solutions: 0, highsReported: 0 });
    expect(c.maxBoundViolation).toBeNull();
    expect(c.maxRowViolation).toBeNull();
    expect(c.maxHighsPrimalInfeasibility).toBeNull();
    expect(c.listed.map((x) => [x.reason, x.error?.name ?? null])).toEqual([
      ['failed', 'Timeout'],
      ['unsolved', null],
    ]);
  });

  it('lists the most serious reasons first, then in run order', () => {
    const runs = [
      timeout({ seed: 1 }),
      run({ seed: 2, verdict: 'failed', status: null, objective: null }),
      run({ seed: 3, verdict: 'suspect' }),
      run({ seed: 4, maxRowViolation: 0.1 }),
      run({ seed: 5, verdict: 'wrong' }),
      timeout({ seed: 6 }),
      run({ seed: 7 }),
    ];
    const c = checkRuns(data(runs));
    expect(c.listed.map((x) => [x.reason, x.seed])).toEqual([
      ['wrong', 5],
      ['infeasible-solution', 4],
      ['failed', 2],
      ['suspect', 3],
      ['unsolved', 1],
      ['unsolved', 6],
    ]);
    expect(c.byReason).toEqual({ wrong: 1, 'infeasible-solution': 1, failed: 1, suspect: 1, unsolved: 2 });
  });

  it('caps the list and counts the rest, the serious ones kept', () => {
    const runs = [...Array.from({ length: 5 }, (_, i) => timeout({ seed: i })), run({ seed: 99, verdict: 'wrong' })];
    const c = checkRuns(data(runs), 3);
    expect(c.flagged).toBe(6);
    expect(c.listed.map((x) => [x.reason, x.seed])).toEqual([
      ['wrong', 99],
      ['unsolved', 0],
      ['unsolved', 1],
    ]);
    expect(c.omitted).toBe(3);
    expect(checkRuns(data(runs), 0)).toMatchObject({ listed: [], omitted: 6 });
  });

  it(`caps at MAX_LISTED_RUN_CHECKS (${MAX_LISTED_RUN_CHECKS}) by default`, () => {
    const runs = Array.from({ length: MAX_LISTED_RUN_CHECKS + 7 }, (_, i) => timeout({ seed: i }));
    const c = checkRuns(data(runs));
    expect(c.listed).toHaveLength(MAX_LISTED_RUN_CHECKS);
    expect(c.omitted).toBe(7);
  });

  it('counts the runs of models with a known objective, verified and wrong (failed runs said nothing)', () => {
    const runs = [
      run({ verdict: 'verified' }),
      run({ seed: 2, verdict: 'verified' }),
      run({ optionSetId: 'q', objective: 2, verdict: 'wrong' }),
      timeout({ optionSetId: 'q', seed: 2 }),
      run({ optionSetId: 'q', seed: 3, status: null, objective: null, verdict: 'failed' }),
      // model k has no known objective
      run({ modelId: 'k', verdict: 'ok' }),
    ];
    expect(checkRuns(data(runs)).knownObjective).toEqual({ runs: 4, verified: 2, wrong: 1 });
    expect(checkRuns(data([])).knownObjective).toEqual({ runs: 0, verified: 0, wrong: 0 });
  });

  it('leaves out runs of a model or option set the benchmark does not list, as the summary does', () => {
    const runs = [
      run({ modelId: 'gone', verdict: 'wrong', maxRowViolation: 9 }),
      run({ optionSetId: 'gone', verdict: 'wrong', maxBoundViolation: 9 }),
      run({ maxRowViolation: 1e-10 }),
    ];
    const c = checkRuns(data(runs));
    expect(c).toMatchObject({ runs: 1, flagged: 0, solutions: 1 });
    expect(c.maxRowViolation?.value).toBe(1e-10);
  });

  it('ignores a non-finite HiGHS figure (an in-memory run; a report cannot carry one)', () => {
    const c = checkRuns(data([run({ highsMaxPrimalInfeasibility: NaN, verdict: 'wrong' })]));
    expect(c.highsReported).toBe(0);
    expect(c.maxHighsPrimalInfeasibility).toBeNull();
    expect(c.listed[0].highsMaxPrimalInfeasibility).toBeNull();
  });
});
