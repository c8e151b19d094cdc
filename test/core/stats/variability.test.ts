// Variability across seeds (hand-computed), the counter identity of repeated runs, and when it was checked at all.
import { describe, expect, it } from 'vitest';
import { indexProblems } from '../../../src/core/stats/problems';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import { findCounterMismatches, repeatedRunGroups, summarizeVariability } from '../../../src/core/stats/variability';
import { model, run, timeout } from './fixtures';

const LIMIT = 100;

describe('summarizeVariability: times across seeds', () => {
  it('gives median, min, max, IQR (type 7) and CV by hand', () => {
    // Seeds' times [1, 2, 3, 10] (seed 3 from two repetitions: median of [2, 4] = 3).
    // median 2.5; Q1 = 1.75, Q3 = 4.75 → IQR 3; mean 4, sample std √(50/3) → cv √(50/3)/4.
    const runs = [
      run({ seed: 1, timeMs: 10 }),
      run({ seed: 2, timeMs: 1 }),
      run({ seed: 3, repetition: 0, timeMs: 2 }),
      run({ seed: 3, repetition: 1, timeMs: 4 }),
      run({ seed: 4, timeMs: 2 }),
    ];
    const models = [model('m')];
    const v = summarizeVariability(models, ['s'], indexProblems(runs, new Set(['m']), ['s'], LIMIT), runs);
    expect(v.models).toHaveLength(1);
    const m = v.models[0];
    expect(m).toMatchObject({ modelId: 'm', optionSetId: 's', seeds: 4, medianMs: 2.5, minMs: 1, maxMs: 10 });
    expect(m.iqrMs).toBeCloseTo(3, 12);
    expect(m.cv).toBeCloseTo(Math.sqrt(50 / 3) / 4, 12);
    expect(m.countersIdentical).toBe(true);
    expect(v.countersIdentical).toBe(true);
  });

  it('charges timeouts the limit; one seed has IQR 0 and no CV', () => {
    const runs = [timeout({ seed: 1, timeMs: 130 }), run({ optionSetId: 'q', seed: 1, timeMs: 8 })];
    const v = summarizeVariability(
      [model('m')],
      ['s', 'q'],
      indexProblems(runs, new Set(['m']), ['s', 'q'], LIMIT),
      runs,
    );
    expect(v.models.map((m) => [m.optionSetId, m.medianMs, m.iqrMs, m.cv])).toEqual([
      ['s', 100, 0, null],
      ['q', 8, 0, null],
    ]);
  });
});

describe('counter identity of repeated runs', () => {
  it('flags a counter that differed between repetitions of the same seed, with the values', () => {
    const runs = [
      run({ seed: 1, repetition: 1, counters: { simplexIterations: 12, mipNodes: 3 } }),
      run({ seed: 1, repetition: 0, counters: { simplexIterations: 10, mipNodes: 3 } }),
      // another seed: different counters are expected
      run({ seed: 2, repetition: 0, counters: { simplexIterations: 99 } }),
      run({ seed: 2, repetition: 1, counters: { simplexIterations: 99 } }),
    ];
    const v = summarizeVariability([model('m')], ['s'], indexProblems(runs, new Set(['m']), ['s'], LIMIT), runs);
    const expected = {
      modelId: 'm',
      optionSetId: 's',
      seed: 1,
      counter: 'simplexIterations',
      repetitions: [0, 1],
      values: [10, 12],
    };
    expect(v.countersIdentical).toBe(false);
    expect(v.counterMismatches).toEqual([expected]);
    expect(v.models[0].countersIdentical).toBe(false);
    expect(v.models[0].counterMismatches).toEqual([expected]);
  });

  it.each([
    ['identical counters', [run({ counters: { mipNodes: 5 } }), run({ repetition: 1, counters: { mipNodes: 5 } })], 0],
    [
      'a counter outside the summarised four still counts',
      [run(), run({ repetition: 1, counters: { crossoverIterations: 1 } })],
      1,
    ],
    [
      'a time-limit run stops anywhere: not compared',
      [run(), timeout({ repetition: 1, counters: { simplexIterations: 7 } })],
      0,
    ],
    [
      'an errored run: not compared',
      [run(), run({ repetition: 1, error: { name: 'Timeout', message: '' }, counters: { simplexIterations: 7 } })],
      0,
    ],
    [
      'a wrong answer is still compared',
      [run(), run({ repetition: 1, verdict: 'wrong', counters: { mipNodes: 2 } })],
      1,
    ],
    ['one run alone', [run({ counters: { mipNodes: 2 } })], 0],
  ])('%s', (_label, runs, mismatches) => {
    expect(findCounterMismatches(runs)).toHaveLength(mismatches);
  });
});

describe('determinism is claimed only from repeated runs with the same seed', () => {
  const summaryOf = (runs: BenchmarkRun[]) =>
    summarizeVariability([model('m')], ['s'], indexProblems(runs, new Set(['m']), ['s'], LIMIT), runs);
  it.each([
    // case, runs, determinism, groups checked, countersIdentical
    ['one repetition of each (model, seed): unchecked', [run({ seed: 1 }), run({ seed: 2 })], 'unchecked', 0, true],
    ['no runs at all: unchecked', [], 'unchecked', 0, true],
    [
      'two repetitions with identical counters: identical',
      [run({ seed: 1 }), run({ seed: 1, repetition: 1 }), run({ seed: 2 })],
      'identical',
      1,
      true,
    ],
    [
      'two repetitions that differ: differ',
      [run({ seed: 1 }), run({ seed: 1, repetition: 1, counters: { simplexIterations: 3 } })],
      'differ',
      1,
      false,
    ],
    [
      'a repeated seed whose second run timed out: nothing comparable, unchecked',
      [run({ seed: 1 }), timeout({ seed: 1, repetition: 1 })],
      'unchecked',
      0,
      true,
    ],
    [
      'the same seed under two option sets is not a repetition: unchecked',
      [run({ seed: 1 }), run({ seed: 1, optionSetId: 'q' })],
      'unchecked',
      0,
      true,
    ],
  ] as [string, BenchmarkRun[], string, number, boolean][])('%s', (_case, runs, determinism, groups, identical) => {
    const v = summaryOf(runs);
    expect(v.determinism).toBe(determinism);
    expect(v.repeatedGroups).toBe(groups);
    expect(v.countersIdentical).toBe(identical);
    expect(repeatedRunGroups(runs)).toHaveLength(groups);
    if (v.models.length > 0) expect(v.models[0].repeatedSeeds).toBe(groups);
  });

  it('counts the checked groups per model and option set', () => {
    const runs = [
      ...[1, 2, 3].flatMap((seed) => [run({ seed }), run({ seed, repetition: 1 })]),
      run({ seed: 1, optionSetId: 'q' }),
      run({ seed: 1, optionSetId: 'q', repetition: 1 }),
      run({ seed: 2, optionSetId: 'q' }),
    ];
    const v = summarizeVariability(
      [model('m')],
      ['s', 'q'],
      indexProblems(runs, new Set(['m']), ['s', 'q'], LIMIT),
      runs,
    );
    expect(v.models.map((m) => [m.optionSetId, m.seeds, m.repeatedSeeds])).toEqual([
      ['s', 3, 3],
      ['q', 2, 1],
    ]);
    expect(v.repeatedGroups).toBe(4);
    expect(v.determinism).toBe('identical');
  });
});
