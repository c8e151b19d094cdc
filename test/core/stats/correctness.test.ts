// Disagreements between answers (objectives, MIP intervals, statuses) and with the known objective.
import { describe, expect, it } from 'vitest';
import type { BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import { checkCorrectness } from '../../../src/core/stats/correctness';
import { model, run, timeout } from './fixtures';

const lp = model('m');
const mip = model('m', { integers: 3 });
const check = (m: BenchmarkModel, runs: BenchmarkRun[]) => checkCorrectness([m], ['A', 'B'], runs);
const summary = (m: BenchmarkModel, runs: BenchmarkRun[]) =>
  check(m, runs).disagreements.map((d) => [
    d.kind,
    d.a.optionSetId,
    d.a.seed,
    d.b?.optionSetId ?? null,
    d.b?.seed ?? null,
  ]);

describe('checkCorrectness', () => {
  it.each<[string, BenchmarkModel, BenchmarkRun[], (string | number | null)[][]]>([
    [
      'LP objectives within 1e-6 relative agree',
      lp,
      [run({ optionSetId: 'A', objective: 1000 }), run({ optionSetId: 'B', objective: 1000.0009 })],
      [],
    ],
    [
      'LP objectives beyond 1e-6 disagree (between option sets)',
      lp,
      [run({ optionSetId: 'A', objective: 1000 }), run({ optionSetId: 'B', objective: 1000.01 })],
      [['objective', 'A', 1, 'B', 1]],
    ],
    [
      'between seeds of one option set',
      lp,
      [run({ optionSetId: 'A', seed: 1, objective: 5 }), run({ optionSetId: 'A', seed: 2, objective: 6 })],
      [['objective', 'A', 1, 'A', 2]],
    ],
    [
      'near zero the difference is absolute (scaled by max(1, |b|))',
      lp,
      [run({ optionSetId: 'A', objective: 1e-9 }), run({ optionSetId: 'B', objective: -1e-9 })],
      [],
    ],
    [
      'MIPs agree when the intervals between objective and dual bound overlap',
      mip,
      [
        run({ optionSetId: 'A', objective: 100, mipDualBound: 99.9 }),
        run({ optionSetId: 'B', objective: 99.95, mipDualBound: 99.8 }),
      ],
      [],
    ],
    [
      'MIPs whose intervals are apart disagree',
      mip,
      [
        run({ optionSetId: 'A', objective: 100, mipDualBound: 99.99 }),
        run({ optionSetId: 'B', objective: 99.9, mipDualBound: 99.8 }),
      ],
      [['objective', 'A', 1, 'B', 1]],
    ],
    [
      'a MIP stopped at the time limit gives an interval, checked too',
      mip,
      [run({ optionSetId: 'A', objective: 50 }), timeout({ optionSetId: 'B', objective: 60, mipDualBound: 51 })],
      [['objective', 'A', 1, 'B', 1]],
    ],
    [
      'an LP stopped early asserts nothing',
      lp,
      [run({ optionSetId: 'A', objective: 50 }), timeout({ optionSetId: 'B', objective: 60, mipDualBound: 51 })],
      [],
    ],
    [
      'optimal vs infeasible is a status disagreement',
      lp,
      [run({ optionSetId: 'A' }), run({ optionSetId: 'B', status: 'infeasible', objective: null })],
      [['status', 'A', 1, 'B', 1]],
    ],
    [
      'infeasible vs unbounded disagree; unbounded-or-infeasible agrees with both',
      lp,
      [
        run({ optionSetId: 'A', status: 'infeasible', objective: null }),
        run({ optionSetId: 'B', status: 'unbounded', objective: null }),
        run({ optionSetId: 'B', seed: 2, status: 'unbounded-or-infeasible', objective: null }),
      ],
      [['status', 'A', 1, 'B', 1]],
    ],
    [
      'failed runs and errors assert nothing',
      lp,
      [
        run({ optionSetId: 'A', objective: 1 }),
        run({ optionSetId: 'B', objective: 7, verdict: 'failed' }),
        run({ optionSetId: 'B', seed: 2, objective: 7, error: { name: 'WorkerCrashed', message: '' } }),
      ],
      [],
    ],
    [
      'repetitions with the same answer merge; a differing repetition is listed',
      lp,
      [
        run({ optionSetId: 'A', repetition: 0, objective: 3 }),
        run({ optionSetId: 'A', repetition: 1, objective: 3 }),
        run({ optionSetId: 'A', repetition: 2, objective: 4 }),
      ],
      [['objective', 'A', 1, 'A', 1]],
    ],
  ])('%s', (_label, m, runs, expected) => {
    expect(summary(m, runs)).toEqual(expected);
    expect(check(m, runs).consistent).toBe(expected.length === 0);
  });

  it('lists a disagreement with the model, both answers and the values', () => {
    const c = check(lp, [
      run({ optionSetId: 'B', seed: 3, repetition: 1, objective: 12 }),
      run({ optionSetId: 'A', seed: 3, repetition: 0, objective: 10 }),
      run({ optionSetId: 'A', seed: 3, repetition: 1, objective: 10 }),
    ]);
    expect(c.answers).toBe(2);
    expect(c.disagreements).toEqual([
      {
        modelId: 'm',
        modelName: 'm',
        kind: 'objective',
        a: { optionSetId: 'A', seed: 3, repetitions: [0, 1], status: 'optimal', objective: 10, mipDualBound: null },
        b: { optionSetId: 'B', seed: 3, repetitions: [1], status: 'optimal', objective: 12, mipDualBound: null },
        knownObjective: null,
        // |10 − 12| / max(1, 12)
        relativeDifference: 2 / 12,
        message: 'A seed 3: objective 10; B seed 3: objective 12 (relative difference 1.67e-1)',
      },
    ]);
    expect(c.omitted).toBe(0);
  });

  describe('against the known objective', () => {
    it.each<[string, BenchmarkModel, BenchmarkRun[], string[]]>([
      ['a match', model('m', { knownObjective: 5 }), [run({ objective: 5.000001 })], []],
      [
        'a mismatch, even when the verdict says ok',
        model('m', { knownObjective: 5 }),
        [run({ objective: 5.1 })],
        ['A'],
      ],
      [
        'a MIP whose interval contains the known optimum',
        model('m', { knownObjective: 5, integers: 1 }),
        [run({ objective: 5.01, mipDualBound: 4.99 })],
        [],
      ],
      [
        'a MIP stopped early whose interval misses it',
        model('m', { knownObjective: 5, integers: 1 }),
        [timeout({ objective: 7, mipDualBound: 6 })],
        ['A'],
      ],
      [
        'infeasible while an optimum is known',
        model('m', { knownObjective: 5 }),
        [run({ status: 'infeasible' })],
        ['A'],
      ],
      ['a wrong run is listed', model('m', { knownObjective: 5 }), [run({ objective: 9, verdict: 'wrong' })], ['A']],
    ])('%s', (_label, m, runs, sets) => {
      const c = check(
        m,
        runs.map((r) => ({ ...r, optionSetId: 'A' })),
      );
      expect(c.disagreements.filter((d) => d.kind === 'known-objective').map((d) => d.a.optionSetId)).toEqual(sets);
    });
  });

  it('lists at most 1000 disagreements and counts the rest', () => {
    // 50 pairwise-different objectives: 50·49/2 = 1225 disagreeing pairs.
    const runs = Array.from({ length: 50 }, (_, i) => run({ optionSetId: 'A', seed: i, objective: i }));
    const c = check(lp, runs);
    expect(c.disagreements).toHaveLength(1000);
    expect(c.omitted).toBe(225);
    expect(c.consistent).toBe(false);
  });
});
