import { describe, expect, it } from 'vitest';
import { checkResult, objectiveMatches, relativeDifference, type ResultFacts } from '../../src/core/result-check';
import { statusFromCode } from '../../src/core/model-status';

const base: ResultFacts = { status: 'optimal', objective: 10, objectiveNotFinite: false, rows: 3, cols: 3 };

describe('checkResult', () => {
  it.each([
    ['optimal, no known objective', {}, 'ok', []],
    ['matches known objective', { knownObjective: 10 + 5e-6 }, 'verified', ['objective-matches']],
    ['off the known objective', { knownObjective: 10.01 }, 'wrong', ['objective-mismatch']],
    ['NaN objective reported optimal', { objective: null, objectiveNotFinite: true }, 'wrong', ['objective-not-finite']],
    ['empty model', { status: 'empty', rows: 0, cols: 0, objective: 0 }, 'suspect', ['empty-model']],
    ['status differs from expected', { status: 'optimal', expectedStatus: 'infeasible' }, 'wrong', ['status-mismatch']],
    ['expected infeasible', { status: 'infeasible', objective: null, expectedStatus: 'infeasible' }, 'ok', []],
    ['interrupted is not a mismatch', { status: 'interrupted', expectedStatus: 'optimal', knownObjective: 5 }, 'ok', ['stopped-early']],
    ['solver error', { status: 'solve-error' }, 'failed', ['solver-failed']],
    ['input warning kept', { warnings: ['BOM stripped'], knownObjective: 10 }, 'verified', ['input-warning', 'objective-matches']],
  ] as const)('%s → %s', (_label, patch, verdict, codes) => {
    const r = checkResult({ ...base, ...patch } as ResultFacts);
    expect(r.verdict).toBe(verdict);
    expect(r.flags.map((f) => f.code)).toEqual(codes);
  });
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
