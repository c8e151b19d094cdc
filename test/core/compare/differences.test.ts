// Correctness differences between A and B for the same model, option set and seed: objectives (with MIP
// brackets), statuses, solved and wrong answers, work counters; most serious first, with plain messages.
import { describe, expect, it } from 'vitest';
import type { BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import { compareBenchmarks } from '../../../src/core/compare';
import { bench, model, run, timeout } from './fixtures';

const lp = model('sha-lp', { name: 'lp model' });
const mip = model('sha-mip', { name: 'mip model', integers: 3 });
type RunOver = Parameters<typeof run>[0];

/** Compares one seed of one model: A's runs against B's. */
function compareOne(m: BenchmarkModel, a: RunOver[], b: RunOver[], versions?: { a: string; b: string }) {
  const runs = (list: RunOver[]): BenchmarkRun[] =>
    list.map((o, repetition) => run({ modelId: m.id, repetition, ...o }));
  return compareBenchmarks({
    a: bench('A', { models: [m], runs: runs(a) }),
    b: bench('B', { models: [m], runs: runs(b) }),
    solverVersions: versions,
  });
}
const kinds = (c: ReturnType<typeof compareOne>) => c.differences.map((d) => [d.kind, d.severity]);

describe('objective changes', () => {
  it.each<[string, BenchmarkModel, RunOver, RunOver, string[][]]>([
    ['LP: the same objective', lp, { objective: 10 }, { objective: 10 }, []],
    ['LP: within 1e-6 relative', lp, { objective: 1000 }, { objective: 1000.0009 }, []],
    ['LP: beyond 1e-6 relative', lp, { objective: 1000 }, { objective: 1000.01 }, [['objective-changed', 'error']]],
    ['LP: near zero the difference is absolute', lp, { objective: 0 }, { objective: 5e-7 }, []],
    [
      'MIP: a change inside both brackets [objective, dual bound] (overlapping) is not flagged',
      mip,
      { objective: 100, mipDualBound: 95 },
      { objective: 98, mipDualBound: 96 },
      [],
    ],
    [
      'MIP: brackets that do not overlap are flagged',
      mip,
      { objective: 100, mipDualBound: 99.99 },
      { objective: 98, mipDualBound: 97.5 },
      [['objective-changed', 'error']],
    ],
    [
      'MIP without dual bounds: compared as values',
      mip,
      { objective: 100 },
      { objective: 98 },
      [['objective-changed', 'error']],
    ],
    [
      'MIP stopped early whose bracket holds A’s optimum: only unsolved',
      mip,
      { objective: 100, mipDualBound: 100 },
      { status: 'time-limit', objective: 120, mipDualBound: 90 },
      [['became-unsolved', 'warning']],
    ],
    [
      'MIP stopped early whose bracket excludes A’s optimum: the objective error first',
      mip,
      { objective: 100, mipDualBound: 100 },
      { status: 'time-limit', objective: 120, mipDualBound: 110 },
      [
        ['objective-changed', 'error'],
        ['became-unsolved', 'warning'],
      ],
    ],
    [
      'LP stopped early asserts no objective',
      lp,
      { objective: 10 },
      { status: 'time-limit', objective: 30 },
      [['became-unsolved', 'warning']],
    ],
  ])('%s', (_, m, a, b, expected) => {
    expect(kinds(compareOne(m, [a], [b]))).toEqual(expected);
  });

  it('lists one objective error first among other differences, naming the model', () => {
    const other = model('sha-other', { name: 'other model' });
    const c = compareBenchmarks({
      a: bench('A', {
        models: [other, lp],
        runs: [
          run({ modelId: 'sha-other', seed: 1, timeMs: 2 }),
          run({ modelId: 'sha-other', seed: 2, counters: { simplexIterations: 5 } }),
          run({ modelId: 'sha-lp', objective: 10, counters: { simplexIterations: 5 } }),
        ],
      }),
      b: bench('B', {
        models: [lp, other],
        runs: [
          timeout({ modelId: 'sha-other', seed: 1, timeMs: 20 }),
          run({ modelId: 'sha-other', seed: 2, counters: { simplexIterations: 6 } }),
          run({ modelId: 'sha-lp', objective: 10.5, counters: { simplexIterations: 5 } }),
        ],
      }),
    });
    expect(kinds(c)).toEqual([
      ['objective-changed', 'error'],
      ['became-unsolved', 'warning'],
      ['counters-changed', 'warning'],
    ]);
    expect(c.counts.error).toBe(1);
    const [d] = c.differences;
    expect(d).toMatchObject({ modelId: 'sha-lp', modelName: 'lp model', optionSetKey: '{}', seed: 1 });
    expect(d.a.objective).toBe(10);
    expect(d.b.objective).toBe(10.5);
    expect(d.relativeDifference).toBeCloseTo(0.05, 12);
    expect(d.message).toBe(
      'Model "lp model", option set "defaults", seed 1: the objective changed from 10 in A to 10.5 in B (relative difference 5.00e-2 > 0.000001)',
    );
  });

  it('uses the given tolerance', () => {
    const c = compareBenchmarks({
      a: bench('A', { models: [lp], runs: [run({ modelId: 'sha-lp', objective: 1000 })] }),
      b: bench('B', { models: [lp], runs: [run({ modelId: 'sha-lp', objective: 1000.01 })] }),
      parameters: { objectiveTolerance: 1e-4 },
    });
    expect(c.differences).toEqual([]);
  });
});

describe('status, solved and wrong changes', () => {
  it.each<[string, RunOver, RunOver, string[][], string[]]>([
    ['optimal → infeasible', {}, { status: 'infeasible', objective: null }, [['status-changed', 'error']], []],
    [
      'infeasible → unbounded-or-infeasible',
      { status: 'infeasible', objective: null },
      { status: 'unbounded-or-infeasible', objective: null },
      [['status-changed', 'warning']],
      [],
    ],
    [
      'optimal → time limit: unsolved, no separate status change',
      {},
      { status: 'time-limit', objective: null },
      [['became-unsolved', 'warning']],
      [],
    ],
    [
      'optimal → a failed run',
      {},
      { status: null, objective: null, verdict: 'failed', error: { name: 'WorkerCrashed', message: 'x' } },
      [['became-unsolved', 'warning']],
      [],
    ],
    [
      'time limit → iteration limit',
      { status: 'time-limit', objective: null },
      { status: 'iteration-limit', objective: null },
      [['status-changed', 'info']],
      [],
    ],
    ['time limit → optimal: an improvement', { status: 'time-limit', objective: null }, {}, [], ['became-solved']],
    ['verdict ok → wrong', {}, { verdict: 'wrong' }, [['became-wrong', 'error']], []],
    ['verdict wrong → ok: an improvement', { verdict: 'wrong' }, {}, [], ['no-longer-wrong']],
  ])('%s', (_, a, b, expected, improvements) => {
    const c = compareOne(lp, [a], [b]);
    expect(kinds(c)).toEqual(expected);
    expect(c.improvements.map((d) => d.kind)).toEqual(improvements);
    expect(c.improvements.every((d) => d.severity === 'info')).toBe(true);
    expect(c.counts.improvements).toBe(improvements.length);
  });

  it('names both statuses in the message', () => {
    const [d] = compareOne(lp, [{}], [{ status: 'infeasible', objective: null }]).differences;
    expect(d.message).toBe(
      'Model "lp model", option set "defaults", seed 1: the status changed from optimal in A to infeasible in B',
    );
    expect(d.a.status).toBe('optimal');
    expect(d.b.status).toBe('infeasible');
  });

  it('judges a seed by the majority of its repetitions and counts wrong ones', () => {
    // B: two of three repetitions time out → unsolved; one repetition wrong → became-wrong (not also unsolved).
    const c = compareOne(lp, [{}, {}, {}], [{ verdict: 'wrong' }, { status: 'time-limit' }, { status: 'time-limit' }]);
    expect(kinds(c)).toEqual([['became-wrong', 'error']]);
    expect(c.differences[0].b).toMatchObject({
      repetitions: 3,
      solvedRepetitions: 0,
      wrongRepetitions: 1,
      repetition: 0,
      verdict: 'wrong',
    });
  });
});

describe('work counters', () => {
  const a = { counters: { simplexIterations: 40, mipNodes: 0 } };
  const b = { counters: { simplexIterations: 44, mipNodes: 0 } };

  it.each<[string, { a: string; b: string } | undefined, string, string]>([
    ['without versions: a warning', undefined, 'warning', 'the same solver version would give identical counters'],
    ['the same version: a warning naming it', { a: '1.15.1', b: '1.15.1' }, 'warning', 'same solver version (1.15.1)'],
    ['different versions: info naming both', { a: '1.15.1', b: '1.16.0' }, 'info', 'A: 1.15.1, B: 1.16.0'],
  ])('%s', (_, versions, severity, says) => {
    const c = compareOne(lp, [a], [b], versions);
    expect(kinds(c)).toEqual([['counters-changed', severity]]);
    const [d] = c.differences;
    expect(d.changedCounters).toEqual([{ name: 'simplexIterations', a: 40, b: 44 }]);
    expect(d.message).toContain('simplexIterations 40 → 44');
    expect(d.message).toContain(says);
  });

  it('are not compared when a side is unsolved (a stopped solve’s counters depend on time)', () => {
    const c = compareOne(lp, [{ status: 'time-limit', ...a }], [{ status: 'time-limit', ...b }]);
    expect(c.differences).toEqual([]);
  });

  it('unchanged counters are not flagged', () => {
    expect(compareOne(lp, [a], [a]).differences).toEqual([]);
  });
});
