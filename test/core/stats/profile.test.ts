// The Dolan–Moré performance profile against hand-computed step functions.
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import { indexProblems } from '../../../src/core/stats/problems';
import { performanceProfile } from '../../../src/core/stats/profile';
import { run, timeout } from './fixtures';

const LIMIT = 100;
const profileOf = (runs: BenchmarkRun[], sets: string[]) =>
  performanceProfile(sets, indexProblems(runs, new Set(['m', 'n']), sets, LIMIT));

describe('performanceProfile (Dolan–Moré)', () => {
  it('is a step function of the sorted ratios, by hand', () => {
    // Problems (model, seed) → times of A, B, C:
    //   m1: 2, 4, 2      best 2 → A 1, B 2, C 1 (a tie: both best)
    //   m2: 10, 5, –     C timed out → best 5 → A 2, B 1, C never counts
    //   n1: –, 30, 60    A wrong → best 30 → B 1, C 2
    //   n2: –, –, –      nobody solved it: unsolved for all
    // A: [1, 2] → (1, 1/4), (2, 2/4). B: [1, 1, 2] → (1, 2/4), (2, 3/4). C: [1, 2] → (1, 1/4), (2, 2/4).
    const runs = [
      run({ optionSetId: 'A', modelId: 'm', seed: 1, timeMs: 2 }),
      run({ optionSetId: 'B', modelId: 'm', seed: 1, timeMs: 4 }),
      run({ optionSetId: 'C', modelId: 'm', seed: 1, timeMs: 2 }),
      run({ optionSetId: 'A', modelId: 'm', seed: 2, timeMs: 10 }),
      run({ optionSetId: 'B', modelId: 'm', seed: 2, timeMs: 5 }),
      timeout({ optionSetId: 'C', modelId: 'm', seed: 2, timeMs: 100 }),
      run({ optionSetId: 'A', modelId: 'n', seed: 1, timeMs: 1, verdict: 'wrong' }),
      run({ optionSetId: 'B', modelId: 'n', seed: 1, timeMs: 30 }),
      run({ optionSetId: 'C', modelId: 'n', seed: 1, timeMs: 60 }),
      timeout({ optionSetId: 'A', modelId: 'n', seed: 2 }),
      timeout({ optionSetId: 'B', modelId: 'n', seed: 2 }),
      run({ optionSetId: 'C', modelId: 'n', seed: 2, status: 'solve-error', verdict: 'failed' }),
    ];
    const p = profileOf(runs, ['A', 'B', 'C']);
    expect(p.problems).toBe(4);
    expect(p.unsolvedByAll).toBe(1);
    expect(p.optionSets).toEqual([
      {
        optionSetId: 'A',
        solved: 2,
        breakpoints: [
          { tau: 1, fraction: 0.25 },
          { tau: 2, fraction: 0.5 },
        ],
      },
      {
        optionSetId: 'B',
        solved: 3,
        breakpoints: [
          { tau: 1, fraction: 0.5 },
          { tau: 2, fraction: 0.75 },
        ],
      },
      {
        optionSetId: 'C',
        solved: 2,
        breakpoints: [
          { tau: 1, fraction: 0.25 },
          { tau: 2, fraction: 0.5 },
        ],
      },
    ]);
  });

  it('keeps only the problems every set ran, and leaves out a set without runs', () => {
    const runs = [
      run({ optionSetId: 'A', modelId: 'm', seed: 1, timeMs: 3 }),
      run({ optionSetId: 'B', modelId: 'm', seed: 1, timeMs: 6 }),
      run({ optionSetId: 'A', modelId: 'm', seed: 2, timeMs: 3 }), // B did not run seed 2
    ];
    const p = profileOf(runs, ['A', 'B', 'E']);
    expect(p.problems).toBe(1);
    expect(p.optionSets).toEqual([
      { optionSetId: 'A', solved: 1, breakpoints: [{ tau: 1, fraction: 1 }] },
      { optionSetId: 'B', solved: 1, breakpoints: [{ tau: 2, fraction: 1 }] },
      { optionSetId: 'E', solved: 0, breakpoints: [] },
    ]);
  });

  it('keeps ratios finite when a timer read 0 (times floored at 1 µs)', () => {
    const runs = [
      run({ optionSetId: 'A', modelId: 'm', timeMs: 0 }),
      run({ optionSetId: 'B', modelId: 'm', timeMs: 0.002 }),
    ];
    const p = profileOf(runs, ['A', 'B']);
    expect(p.optionSets[0].breakpoints).toEqual([{ tau: 1, fraction: 1 }]);
    expect(p.optionSets[1].breakpoints[0].tau).toBeCloseTo(2, 12);
  });

  it('is empty with no runs; all unsolved gives no breakpoints', () => {
    expect(profileOf([], ['A'])).toEqual({
      problems: 0,
      unsolvedByAll: 0,
      optionSets: [{ optionSetId: 'A', solved: 0, breakpoints: [] }],
    });
    const p = profileOf([timeout({ optionSetId: 'A' }), timeout({ optionSetId: 'B' })], ['A', 'B']);
    expect(p).toMatchObject({ problems: 1, unsolvedByAll: 1 });
    expect(p.optionSets.every((s) => s.breakpoints.length === 0)).toBe(true);
  });
});
