// The ablation row of one group: the time ratio with the one rule's label, the objective change only between
// two optimal solves, and a model left unbounded or infeasible without the group marked as such.
import { describe, expect, it } from 'vitest';
import { ablationOutcome, ablationRow, sortAblationRows, type AblationSolve } from '../../../src/core/tuning/ablation';
import type { RowGroup } from '../../../src/core/tuning/types';

const solve = (over: Partial<AblationSolve> = {}): AblationSolve => ({
  status: 'optimal',
  objective: 10,
  timeMs: 4,
  failed: false,
  seed: 0,
  counters: { simplexIterations: 12 },
  ...over,
});
const cap: RowGroup = { prefix: 'cap', rows: 2, nnz: 6 };

describe('ablationRow', () => {
  it.each([
    // without the group: status, objective → outcome, objective change
    { status: 'optimal', objective: 7, outcome: 'optimal', change: -3 },
    { status: 'unbounded', objective: -1e30, outcome: 'unbounded', change: null },
    { status: 'infeasible', objective: 0, outcome: 'infeasible', change: null },
    { status: 'unbounded-or-infeasible', objective: 0, outcome: 'unbounded-or-infeasible', change: null },
    { status: 'time-limit', objective: 12, outcome: 'other', change: null },
  ] as const)(
    'without the group $status (objective $objective): outcome $outcome, objective change $change',
    ({ status, objective, outcome, change }) => {
      const r = ablationRow(cap, solve(), solve({ status, objective, timeMs: 2 }));
      expect(r.outcome).toBe(outcome);
      expect(r.objectiveChange).toBe(change);
      // The time ratio is still given (how long the solve took), with its label.
      expect(r.timeRatio).toBe(0.5);
    },
  );

  it('labels a single-solve ratio with the one rule: undetermined, never real', () => {
    const r = ablationRow(cap, solve({ timeMs: 10 }), solve({ timeMs: 1, counters: { simplexIterations: 3 } }));
    expect(r.timeRatio).toBe(0.1);
    expect(r.decision!.call).toBe('too-few');
    expect(r.decision!.real).toBeNull();
    expect(r.decision!.label).toMatch(/^undetermined/);
    expect(r.decision!.why).toContain('one run against one run');
  });

  it('is not "noise: identical work" even when the counters match: the model differs', () => {
    const r = ablationRow(cap, solve({ timeMs: 10 }), solve({ timeMs: 5 }));
    expect(r.decision!.call).toBe('too-few');
  });

  it.each([
    ['the solve without the group failed', solve(), solve({ failed: true, status: null, objective: null })],
    ['the full model failed', solve({ failed: true }), solve()],
    ['the full model took 0 ms', solve({ timeMs: 0 }), solve()],
    ['no full model', null, solve()],
  ])('has no ratio and no decision when %s', (_what, full, without) => {
    const r = ablationRow(cap, full, without);
    expect(r.timeRatio).toBeNull();
    expect(r.decision).toBeNull();
  });

  it('carries the group’s label (the digit-named rows are not "all rows")', () => {
    const digits: RowGroup = { prefix: '', rows: 3, nnz: 3, label: '(names starting with a digit)' };
    expect(ablationRow(digits, solve(), solve()).label).toBe('(names starting with a digit)');
  });

  it.each([
    [null, 'failed'],
    [solve({ failed: true }), 'failed'],
    [solve({ status: 'interrupted' }), 'other'],
    [solve({ status: 'optimal' }), 'optimal'],
  ] as const)('ablationOutcome(%j) → %s', (s, outcome) => {
    expect(ablationOutcome(s)).toBe(outcome);
  });

  it('sorts the costliest group (lowest ratio) first, rows without a ratio last', () => {
    const rows = [
      ablationRow({ prefix: 'a', rows: 1, nnz: 1 }, solve(), solve({ timeMs: 8 })),
      ablationRow({ prefix: 'b', rows: 1, nnz: 1 }, solve(), null),
      ablationRow({ prefix: 'c', rows: 1, nnz: 1 }, solve(), solve({ timeMs: 1 })),
    ];
    expect(sortAblationRows(rows).map((r) => r.group)).toEqual(['c', 'a', 'b']);
  });
});
