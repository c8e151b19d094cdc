// Which runs count as solved, what they are charged, and how repetitions make a problem.
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import { chargedTimeMs, indexProblems, isSolvedRun, toProblem } from '../../../src/core/stats/problems';
import { run, timeout } from './fixtures';

const LIMIT = 100;

describe('isSolvedRun and chargedTimeMs (limit 100 ms)', () => {
  it.each<[string, BenchmarkRun, boolean, number]>([
    ['optimal, ok', run({ timeMs: 12 }), true, 12],
    ['optimal, verified', run({ timeMs: 12, verdict: 'verified' }), true, 12],
    ['optimal, suspect still counts solved', run({ timeMs: 12, verdict: 'suspect' }), true, 12],
    ['infeasible is an answer', run({ status: 'infeasible', objective: null, timeMs: 5 }), true, 5],
    ['unbounded-or-infeasible is an answer', run({ status: 'unbounded-or-infeasible', timeMs: 5 }), true, 5],
    ['time limit: charged the limit, not its time', timeout({ timeMs: 100.7 }), false, 100],
    ['time limit that stopped early: still the limit', timeout({ timeMs: 80 }), false, 100],
    ['interrupted', run({ status: 'interrupted', timeMs: 3 }), false, 100],
    ['wrong answer, however fast', run({ timeMs: 1, verdict: 'wrong' }), false, 100],
    ['failed verdict', run({ timeMs: 1, verdict: 'failed' }), false, 100],
    ['an error', run({ timeMs: 1, error: { name: 'WorkerCrashed', message: 'x' } }), false, 100],
    ['no status', run({ status: null, objective: null, timeMs: 1 }), false, 100],
    ['a solve-error status', run({ status: 'solve-error', timeMs: 1 }), false, 100],
    ['a time that is not a number', run({ timeMs: NaN }), false, 100],
    ['solved just past the limit is capped at the limit', run({ timeMs: 101 }), true, 100],
  ])('%s', (_label, r, solved, charged) => {
    expect(isSolvedRun(r)).toBe(solved);
    expect(chargedTimeMs(r, LIMIT)).toBe(charged);
  });
});

describe('toProblem: median over repetitions; solved when more than half are', () => {
  it.each<[string, BenchmarkRun[], boolean, number]>([
    ['one repetition', [run({ timeMs: 7 })], true, 7],
    // charged [10, 20, 30] → 20
    ['odd count, all solved', [run({ timeMs: 30 }), run({ timeMs: 10 }), run({ timeMs: 20 })], true, 20],
    // charged [10, 20] → 15
    ['even count, all solved: mean of the middle two', [run({ timeMs: 20 }), run({ timeMs: 10 })], true, 15],
    // charged [10, 30, 100] → 30; 2 of 3 solved
    ['2 of 3 solved: the median repetition is solved', [run({ timeMs: 10 }), timeout(), run({ timeMs: 30 })], true, 30],
    // charged [10, 100, 100] → 100; 1 of 3
    ['1 of 3 solved: unsolved, charged the limit', [run({ timeMs: 10 }), timeout(), timeout()], false, 100],
    // charged [10, 20, 30, 100] → 25; 3 of 4: both middle ones solved
    ['3 of 4 solved', [run({ timeMs: 10 }), run({ timeMs: 20 }), run({ timeMs: 30 }), timeout()], true, 25],
    // charged [10, 20, 100, 100] → 60; 2 of 4 is not more than half
    [
      '2 of 4 solved: unsolved, time between',
      [run({ timeMs: 10 }), timeout(), run({ timeMs: 20 }), timeout()],
      false,
      60,
    ],
    // charged [40, 100] → 70
    ['1 of 2 solved: unsolved, time between', [run({ timeMs: 40 }), timeout()], false, 70],
    // charged [5, 100, 100] → 100: the wrong one is unsolved
    [
      'a wrong repetition counts unsolved',
      [run({ timeMs: 5 }), run({ timeMs: 1, verdict: 'wrong' }), timeout()],
      false,
      100,
    ],
    ['all unsolved', [timeout(), timeout({ timeMs: 250 })], false, 100],
  ])('%s', (_label, runs, solved, timeMs) => {
    const p = toProblem(runs, LIMIT);
    expect(p.solved).toBe(solved);
    expect(p.timeMs).toBe(timeMs);
    expect(p.repetitions).toBe(runs.length);
  });

  it('takes each counter’s median over all repetitions, solved or not', () => {
    // simplex [100, 300, 200] → 200 (the timed-out one included); nodes [4, 6, 5] → 5; ipm [0, 0, 0] → 0
    const p = toProblem(
      [
        run({ counters: { simplexIterations: 100, mipNodes: 4 } }),
        timeout({ counters: { simplexIterations: 300, mipNodes: 6 } }),
        run({ counters: { simplexIterations: 200, mipNodes: 5 } }),
      ],
      LIMIT,
    );
    expect(p.counters).toEqual({ simplexIterations: 200, ipmIterations: 0, mipNodes: 5, mipLpIterations: 0 });
    expect(p.solvedRepetitions).toBe(2);
  });
});

describe('indexProblems', () => {
  it('groups by option set, model and seed, and ignores runs it cannot attribute', () => {
    const runs = [
      run({ optionSetId: 'A', modelId: 'm', seed: 1, repetition: 0, timeMs: 4 }),
      run({ optionSetId: 'A', modelId: 'm', seed: 1, repetition: 1, timeMs: 6 }),
      run({ optionSetId: 'A', modelId: 'm', seed: 2, timeMs: 9 }),
      run({ optionSetId: 'B', modelId: 'm', seed: 1, timeMs: 3 }),
      run({ optionSetId: 'Z', modelId: 'm', seed: 1, timeMs: 3 }),
      run({ optionSetId: 'A', modelId: 'unknown', seed: 1, timeMs: 3 }),
    ];
    const index = indexProblems(runs, new Set(['m']), ['A', 'B', 'C'], LIMIT);
    expect([...index.keys()]).toEqual(['A', 'B', 'C']);
    expect(index.get('A')!.get('m')!.get(1)!.timeMs).toBe(5);
    expect(index.get('A')!.get('m')!.get(2)!.timeMs).toBe(9);
    expect(index.get('B')!.get('m')!.size).toBe(1);
    expect(index.get('C')!.size).toBe(0);
    expect(index.get('A')!.has('unknown')).toBe(false);
  });
});
