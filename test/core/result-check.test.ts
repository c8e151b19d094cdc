import { describe, expect, it } from 'vitest';
import {
  checkResult,
  inBracket,
  mipBracket,
  objectiveMatches,
  relativeDifference,
  type ResultFacts,
} from '../../src/core/result-check';
import { statusFromCode } from '../../src/core/model-status';

const base: ResultFacts = { status: 'optimal', objective: 10, objectiveNotFinite: false, rows: 3, cols: 3 };

describe('checkResult', () => {
  it.each([
    ['optimal, no known objective', {}, 'ok', []],
    ['matches known objective', { knownObjective: 10 + 5e-6 }, 'verified', ['objective-matches']],
    ['off the known objective', { knownObjective: 10.01 }, 'wrong', ['objective-mismatch']],
    [
      'NaN objective reported optimal',
      { objective: null, objectiveNotFinite: true },
      'wrong',
      ['objective-not-finite'],
    ],
    ['empty model', { status: 'empty', rows: 0, cols: 0, objective: 0 }, 'suspect', ['empty-model']],
    ['status differs from expected', { status: 'optimal', expectedStatus: 'infeasible' }, 'wrong', ['status-mismatch']],
    ['expected infeasible', { status: 'infeasible', objective: null, expectedStatus: 'infeasible' }, 'ok', []],
    [
      'interrupted is not a mismatch',
      { status: 'interrupted', expectedStatus: 'optimal', knownObjective: 5 },
      'ok',
      ['stopped-early'],
    ],
    ['solver error', { status: 'solve-error' }, 'failed', ['solver-failed']],
    [
      'lines HiGHS ignored make even a matching objective suspect',
      { misread: ['t.mps: HiGHS ignored line 8 …'], knownObjective: 10 },
      'suspect',
      ['input-misread', 'objective-matches'],
    ],
    [
      'input warning kept',
      { warnings: ['BOM stripped'], knownObjective: 10 },
      'verified',
      ['input-warning', 'objective-matches'],
    ],
    [
      'run() returned an error',
      { status: 'not-set', runError: 'x.lp: HiGHS run returned an error' },
      'failed',
      ['solver-failed'],
    ],
    [
      'run() error beats an optimal model status',
      { runError: 'x.lp: error', knownObjective: 10 },
      'failed',
      ['solver-failed'],
    ],
    // MIPs: the known optimum must lie between the objective and the dual bound HiGHS reports.
    [
      'MIP: known inside [dual bound, objective] (min)',
      { isMip: true, objective: 10, mipDualBound: 9.9992, knownObjective: 9.9995 },
      'verified',
      ['objective-within-gap'],
    ],
    [
      'MIP: known inside [objective, dual bound] (max)',
      { isMip: true, objective: 10, mipDualBound: 10.0008, knownObjective: 10.0005 },
      'verified',
      ['objective-within-gap'],
    ],
    [
      'MIP: known at the dual bound within 1e-6',
      { isMip: true, objective: 10, mipDualBound: 9.9, knownObjective: 9.9 - 5e-6 },
      'verified',
      ['objective-within-gap'],
    ],
    [
      'MIP: known outside the bracket',
      { isMip: true, objective: 10, mipDualBound: 9.99, knownObjective: 9.9 },
      'wrong',
      ['objective-mismatch'],
    ],
    [
      'MIP: objective better than the known optimum',
      { isMip: true, objective: 9.5, mipDualBound: 9.5, knownObjective: 10 },
      'wrong',
      ['objective-mismatch'],
    ],
    [
      'MIP without a dual bound: 1e-6 only',
      { isMip: true, objective: 10, mipDualBound: null, knownObjective: 9.999 },
      'wrong',
      ['objective-mismatch'],
    ],
    [
      'LP: the dual bound is ignored',
      { isMip: false, objective: 10, mipDualBound: 9, knownObjective: 9.5 },
      'wrong',
      ['objective-mismatch'],
    ],
    [
      'MIP stopped early, bracket holds the optimum',
      { isMip: true, status: 'time-limit', objective: 12, mipDualBound: 8, knownObjective: 10 },
      'ok',
      ['stopped-early'],
    ],
    [
      'MIP stopped early, incumbent beats the optimum',
      { isMip: true, status: 'interrupted', objective: 9, mipDualBound: 8, knownObjective: 10 },
      'wrong',
      ['stopped-early', 'objective-outside-bounds'],
    ],
  ] as const)('%s → %s', (_label, patch, verdict, codes) => {
    const r = checkResult({ ...base, ...patch } as ResultFacts);
    expect(r.verdict).toBe(verdict);
    expect(r.flags.map((f) => f.code)).toEqual(codes);
  });
});

describe('mipBracket and inBracket', () => {
  it.each([
    [10, 9, [9, 10]],
    [9, 10, [9, 10]],
    [10, null, null],
    [null, 9, null],
    [10, -Infinity, null],
  ] as const)('bracket(%s, %s) = %j', (obj, dual, expected) => expect(mipBracket(obj, dual)).toEqual(expected));
  it.each([
    [9.5, [9, 10], true],
    [10 + 5e-6, [9, 10], true],
    [10 + 2e-5, [9, 10], false],
    [8.99, [9, 10], false],
  ] as const)('%d in %j → %s', (known, b, ok) => expect(inBracket(known, [b[0], b[1]])).toBe(ok));
});

describe('objective comparison', () => {
  it.each([
    [-464.7531428571, -464.75314285714285, true],
    [-464.75, -464.75314285714285, false],
    [1e-7, 0, true],
    [2e-6, 0, false],
    [NaN, 1, false],
    [1208825346.0 * (1 + 9e-7), 1208825346.0, true],
  ])('%d vs known %d → %s', (v, k, ok) => {
    expect(objectiveMatches(v, k)).toBe(ok);
  });
  it('scales by max(1, |known|)', () => {
    expect(relativeDifference(3, 2)).toBe(0.5);
    expect(relativeDifference(0.5, 0)).toBe(0.5);
  });
});

describe('statusFromCode', () => {
  it.each([
    [7, 'optimal'],
    [8, 'infeasible'],
    [10, 'unbounded'],
    [13, 'time-limit'],
    [17, 'interrupted'],
    [6, 'empty'],
    [99, 'unknown'],
  ] as const)('%d → %s', (code, name) => expect(statusFromCode(code)).toBe(name));
});
