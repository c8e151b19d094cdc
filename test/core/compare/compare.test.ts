// compareBenchmarks: time and counter ratios computed by hand, the bootstrap interval, identical
// benchmarks, unmatched seeds, finiteness and the cap on listed differences.
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun, OptionSet } from '../../../src/core/benchmark';
import {
  MAX_LISTED_DIFFERENCES,
  compareBenchmarks,
  resolveCompareParameters,
  safeRatio,
  type ComparedBenchmark,
} from '../../../src/core/compare';
import { DEFAULT_SUMMARY_PARAMETERS } from '../../../src/core/stats/summary';
import { allFinite, bench, model, run, timeout } from './fixtures';

// The hand-computed comparison: shift 1 ms, limit 15 ms, models P and Q, seeds 1 and 2; A's option set 'base'
// and B's 'new', both with the options {presolve: 'off', threads: 1} (written in another key order).
//   A: P → seed 1 repetitions 3, 3, 9 (median 3), seed 2 → 3;   Q → 8, 8.
//   B: P → 1, 1;                                                Q → 3, timeout (15.4 ms, charged the limit 15).
//   Pair P: SGM A = 3, B = 1 → time ratio 1/3, speedup 3.
//   Pair Q: SGM A = 8, B = (4·16)^(1/2) − 1 = 7 → time ratio 7/8.
//   Set: SGM A = (4·4·9·9)^(1/4) − 1 = 5, B = (2·2·4·16)^(1/4) − 1 = 3 → time ratio 3/5, speedup 5/3.
//   Bootstrap over models: {P,P} → B÷A 1/3, {Q,Q} → 7/8, {P,Q} → 3/5; each end group holds ~1/4 of the 1000
//   resamples, so the 2.5 %/97.5 % quantiles are [1/3, 7/8] (speedup: [8/7, 3]).
//   Simplex iterations (shift 10): A 90 everywhere → 90; B 6, 6, 6, and 4086 on the timeout (counted: all runs)
//   → (16·16·16·4096)^(1/4) − 10 = 54; ratio 54/90 = 0.6. Pair P: 6/90; pair Q: (16·4096)^(1/2) − 10 = 246 → 246/90.
//   IPM iterations 0 on both sides → SGM 0 each, ratio 1. MIP nodes: A 0, B 5 on P seed 1 only: A 0, B
//   (15·10·10·10)^(1/4) − 10 → ratio null (A's is 0).
const setA: OptionSet = { id: 'base', name: 'Base', options: { threads: 1, presolve: 'off' } };
const setB: OptionSet = { id: 'new', name: 'New', options: { presolve: 'off', threads: 1 } };
const A = (o: Parameters<typeof run>[0]) => run({ optionSetId: 'base', counters: { simplexIterations: 90 }, ...o });
const B = (o: Parameters<typeof run>[0]) => run({ optionSetId: 'new', counters: { simplexIterations: 6 }, ...o });
const handA = bench('A', {
  models: [model('P', { name: 'model P' }), model('Q', { name: 'model Q' })],
  optionSets: [setA],
  runs: [
    A({ modelId: 'P', seed: 1, repetition: 0, timeMs: 3 }),
    A({ modelId: 'P', seed: 1, repetition: 1, timeMs: 9 }),
    A({ modelId: 'P', seed: 1, repetition: 2, timeMs: 3 }),
    A({ modelId: 'P', seed: 2, timeMs: 3 }),
    A({ modelId: 'Q', seed: 1, timeMs: 8 }),
    A({ modelId: 'Q', seed: 2, timeMs: 8 }),
  ],
});
const handB = bench('B', {
  models: [model('Q', { name: 'Q renamed' }), model('P')],
  optionSets: [setB],
  runs: [
    B({ modelId: 'P', seed: 1, timeMs: 1, counters: { simplexIterations: 6, mipNodes: 5 } }),
    B({ modelId: 'P', seed: 2, timeMs: 1 }),
    B({ modelId: 'Q', seed: 1, timeMs: 3 }),
    timeout({ optionSetId: 'new', modelId: 'Q', seed: 2, timeMs: 15.4, counters: { simplexIterations: 4086 } }),
  ],
});
const hand = (solverVersions?: { a?: string; b?: string }) =>
  compareBenchmarks({ a: handA, b: handB, parameters: { shiftMs: 1 }, solverVersions });

describe('compareBenchmarks: ratios computed by hand', () => {
  it('gives each matched pair its time ratio, speedup and solved counts', () => {
    const [p, q] = hand().pairs;
    expect(p).toMatchObject({ modelId: 'P', modelName: 'model P', seeds: 2, solved: { a: 2, b: 2 } });
    expect(p.timeMs.a).toBeCloseTo(3, 12);
    expect(p.timeMs.b).toBeCloseTo(1, 12);
    expect(p.timeRatio).toBeCloseTo(1 / 3, 12);
    expect(p.speedup).toBeCloseTo(3, 12);
    expect(q).toMatchObject({ modelId: 'Q', seeds: 2, solved: { a: 2, b: 1 } });
    expect(q.timeMs.b).toBeCloseTo(7, 12);
    expect(q.timeRatio).toBeCloseTo(7 / 8, 12);
  });

  it('gives each pair its counter ratios B ÷ A', () => {
    const [p, q] = hand().pairs;
    expect(p.counters.simplexIterations.a).toBeCloseTo(90, 10);
    expect(p.counters.simplexIterations.ratio).toBeCloseTo(6 / 90, 12);
    expect(q.counters.simplexIterations.b).toBeCloseTo(246, 10);
    expect(q.counters.simplexIterations.ratio).toBeCloseTo(246 / 90, 10);
    expect(p.counters.ipmIterations).toEqual({ a: 0, b: 0, ratio: 1 });
    expect(p.counters.mipNodes.a).toBe(0);
    expect(p.counters.mipNodes.b).toBeGreaterThan(0);
    expect(p.counters.mipNodes.ratio).toBeNull();
  });

  it('summarises the option set: SGM ratio, speedup, their bootstrap intervals and the counters', () => {
    const [s] = hand().summaries;
    expect(s).toMatchObject({
      optionSetKey: '{"presolve":"off","threads":1}',
      a: { id: 'base', name: 'Base' },
      b: { id: 'new', name: 'New' },
      models: 2,
      problems: 4,
      solved: { a: 4, b: 3 },
    });
    expect(s.sgmTimeMs.a).toBeCloseTo(5, 12);
    expect(s.sgmTimeMs.b).toBeCloseTo(3, 12);
    expect(s.timeRatio!.ratio).toBeCloseTo(3 / 5, 12);
    expect(s.timeRatio!.ci95[0]).toBeCloseTo(1 / 3, 12);
    expect(s.timeRatio!.ci95[1]).toBeCloseTo(7 / 8, 12);
    expect(s.speedup!.ratio).toBeCloseTo(5 / 3, 12);
    expect(s.speedup!.ci95[0]).toBeCloseTo(8 / 7, 12);
    expect(s.speedup!.ci95[1]).toBeCloseTo(3, 12);
    expect(s.counters.simplexIterations.a).toBeCloseTo(90, 10);
    expect(s.counters.simplexIterations.b).toBeCloseTo(54, 10);
    expect(s.counters.simplexIterations.ratio).toBeCloseTo(0.6, 10);
    expect(s.counters.ipmIterations.ratio).toBe(1);
  });

  it('lists Q seed 2 as became-unsolved before the three counter changes, and no improvement', () => {
    const c = hand();
    expect(c.differences.map((d) => [d.kind, d.severity, d.modelId, d.seed])).toEqual([
      ['became-unsolved', 'warning', 'Q', 2],
      ['counters-changed', 'warning', 'P', 1],
      ['counters-changed', 'warning', 'P', 2],
      ['counters-changed', 'warning', 'Q', 1],
    ]);
    expect(c.differences[0].message).toContain('Model "model Q"');
    expect(c.differences[0].a).toMatchObject({ optionSetId: 'base', status: 'optimal', solved: true });
    expect(c.differences[0].b).toMatchObject({ optionSetId: 'new', status: 'time-limit', solved: false });
    expect(c.differences[1].changedCounters).toEqual([
      { name: 'simplexIterations', a: 90, b: 6 },
      { name: 'mipNodes', a: 0, b: 5 },
    ]);
    expect(c.improvements).toEqual([]);
    expect(c.counts).toEqual({ error: 0, warning: 4, info: 0, improvements: 0, omitted: 0 });
  });

  it('shows the repetition of A that solved, and counts the repetitions', () => {
    const d = hand().differences.find((x) => x.modelId === 'P' && x.seed === 1)!;
    expect(d.a).toMatchObject({ repetitions: 3, solvedRepetitions: 3, wrongRepetitions: 0, repetition: 0 });
  });

  it('records the parameters and both sides', () => {
    const c = hand({ a: '1.15.1', b: '1.16.0' });
    expect(c.parameters).toEqual({
      ...DEFAULT_SUMMARY_PARAMETERS,
      shiftMs: 1,
      objectiveTolerance: 1e-6,
      decision: { thresholdPct: 5, alpha: 0.05 },
    });
    expect(c.a).toEqual({ id: 'A', name: 'benchmark A', timeLimitMs: 15, solverVersion: '1.15.1' });
    expect(c.b.solverVersion).toBe('1.16.0');
    expect(c.notes.some((n) => n.includes('1.15.1') && n.includes('1.16.0'))).toBe(true);
  });
});

describe('the bootstrap interval', () => {
  // Eight models with uneven changes, seeds 1–3: B is 0.5×–2× of A.
  const factors = [0.5, 0.7, 0.8, 0.9, 1.1, 1.3, 1.6, 2];
  const models = factors.map((_, i) => model(`m${i}`));
  const runsOf = (set: string, f: (i: number) => number): BenchmarkRun[] =>
    models.flatMap((m, i) =>
      [1, 2, 3].map((seed) => run({ modelId: m.id, optionSetId: set, seed, timeMs: f(i) * (100 + 10 * seed) })),
    );
  const a = bench('A', { models, runs: runsOf('s', () => 1) });
  const b = bench('B', { models, runs: runsOf('s', (i) => factors[i]), timeLimitMs: 1000 });
  const withLimit = { ...a, config: { ...a.config, timeLimitMs: 1000 } };

  it('contains the ratio, in both directions', () => {
    const [s] = compareBenchmarks({ a: withLimit, b }).summaries;
    const [lo, hi] = s.timeRatio!.ci95;
    expect(lo).toBeLessThan(s.timeRatio!.ratio);
    expect(hi).toBeGreaterThan(s.timeRatio!.ratio);
    expect(s.speedup!.ci95[0]).toBeLessThan(s.speedup!.ratio);
    expect(s.speedup!.ci95[1]).toBeGreaterThan(s.speedup!.ratio);
    expect(s.timeRatio!.ratio * s.speedup!.ratio).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed', () => {
    const once = compareBenchmarks({ a: withLimit, b, parameters: { bootstrap: { seed: 7, resamples: 500 } } });
    const again = compareBenchmarks({ a: withLimit, b, parameters: { bootstrap: { seed: 7, resamples: 500 } } });
    expect(again.summaries).toEqual(once.summaries);
  });
});

describe('identical benchmarks', () => {
  const models = [model('lp'), model('mip', { integers: 4 })];
  const runs: BenchmarkRun[] = [
    run({ modelId: 'lp', seed: 1, timeMs: 4, counters: { simplexIterations: 12 } }),
    run({ modelId: 'lp', seed: 2, timeMs: 6, counters: { simplexIterations: 12 } }),
    run({ modelId: 'mip', seed: 1, timeMs: 9, objective: 5, mipDualBound: 4.99, counters: { mipNodes: 30 } }),
    timeout({ modelId: 'mip', seed: 2, timeMs: 15, objective: 6, mipDualBound: 4 }),
  ];
  const side = (id: string): ComparedBenchmark => bench(id, { models, runs });

  it('give ratio 1 everywhere and no differences', () => {
    const c = compareBenchmarks({ a: side('A'), b: side('B'), solverVersions: { a: '1.15.1', b: '1.15.1' } });
    expect(c.differences).toEqual([]);
    expect(c.improvements).toEqual([]);
    expect(c.counts).toEqual({ error: 0, warning: 0, info: 0, improvements: 0, omitted: 0 });
    expect(c.notes).toEqual([]);
    for (const p of c.pairs) {
      expect(p.timeRatio).toBe(1);
      expect(p.speedup).toBe(1);
      for (const counter of Object.values(p.counters)) expect(counter.ratio).toBe(1);
    }
    const [s] = c.summaries;
    expect(s.timeRatio).toEqual({ ratio: 1, ci95: [1, 1] });
    expect(s.speedup).toEqual({ ratio: 1, ci95: [1, 1] });
    expect(s.solved).toEqual({ a: 3, b: 3 });
  });
});

describe('coverage, edge values and size', () => {
  it('compares only the seeds both sides ran, and says how many were left out', () => {
    const c = compareBenchmarks({
      a: bench('A', { runs: [run({ seed: 1, timeMs: 2 }), run({ seed: 2, timeMs: 2 })] }),
      b: bench('B', { runs: [run({ seed: 2, timeMs: 4 }), run({ seed: 3, timeMs: 4 })] }),
      parameters: { shiftMs: 0 },
    });
    expect(c.pairs[0]).toMatchObject({ seeds: 1, seedsOnlyInA: 1, seedsOnlyInB: 1, timeRatio: 2, speedup: 0.5 });
    expect(c.notes.some((n) => n.startsWith('2 (model, option set, seed)'))).toBe(true);
  });

  it('keeps a pair that only one side ran, without figures', () => {
    const c = compareBenchmarks({ a: bench('A'), b: bench('B', { runs: [] }) });
    expect(c.pairs[0]).toMatchObject({ seeds: 0, seedsOnlyInA: 1, timeMs: { a: null, b: null }, timeRatio: null });
    expect(c.summaries[0]).toMatchObject({ models: 0, problems: 0, timeRatio: null, speedup: null });
  });

  it.each<[number | null, number | null, number | null]>([
    [6, 3, 2],
    [0, 0, 1],
    [5, 0, null],
    [0, 5, 0],
    [null, 5, null],
    [5, null, null],
    [Number.MAX_VALUE, Number.MIN_VALUE, null],
  ])('safeRatio(%s, %s) = %s', (b, a, expected) => {
    expect(safeRatio(b, a)).toBe(expected);
  });

  it('is finite everywhere with zero times, NaN objectives, infinite times and options', () => {
    const sets: OptionSet[] = [{ id: 'inf', name: 'no limit', options: { time_limit: Infinity } }];
    const c = compareBenchmarks({
      a: bench('A', {
        optionSets: sets,
        runs: [run({ optionSetId: 'inf', timeMs: 0, objective: NaN }), run({ optionSetId: 'inf', seed: 2, timeMs: 0 })],
      }),
      b: bench('B', {
        optionSets: sets,
        runs: [
          run({ optionSetId: 'inf', timeMs: Infinity, objective: 3 }),
          run({ optionSetId: 'inf', seed: 2, timeMs: 0, objective: Infinity, counters: { mipNodes: NaN } }),
        ],
      }),
      parameters: { shiftMs: 0 },
    });
    expect(allFinite(c)).toBe(true);
    // Shift 0: a time of 0 makes the SGM 0 on both sides (B's infinite time is unsolved, charged the limit).
    expect(c.pairs[0].timeMs).toEqual({ a: 0, b: 0 });
    expect(c.pairs[0].timeRatio).toBe(1);
    expect(c.differences.map((d) => [d.kind, d.seed, d.a.objective, d.b.objective])).toEqual([
      ['became-unsolved', 1, null, 3],
      ['counters-changed', 2, 1, null],
    ]);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('lists at most MAX_LISTED_DIFFERENCES differences and counts the rest', () => {
    const n = MAX_LISTED_DIFFERENCES + 500;
    const models = Array.from({ length: n }, (_, i) => model(`m${i}`));
    const runs = (iters: number) =>
      models.flatMap((m) =>
        [0, 1].map((repetition) => run({ modelId: m.id, repetition, counters: { simplexIterations: iters } })),
      );
    const started = performance.now();
    const c = compareBenchmarks({
      a: bench('A', { models, runs: runs(10) }),
      b: bench('B', { models, runs: runs(11) }),
      parameters: { bootstrap: { seed: 1, resamples: 10 } },
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(c.differences).toHaveLength(MAX_LISTED_DIFFERENCES);
    expect(c.counts).toMatchObject({ warning: n, omitted: 500 });
  });

  it('checks its parameters', () => {
    expect(resolveCompareParameters().objectiveTolerance).toBe(1e-6);
    expect(() => resolveCompareParameters({ objectiveTolerance: -1 })).toThrow(RangeError);
    expect(() => resolveCompareParameters({ objectiveTolerance: NaN })).toThrow(RangeError);
    expect(() => resolveCompareParameters({ shiftMs: -1 })).toThrow(RangeError);
    expect(() => compareBenchmarks({ a: bench('A', { timeLimitMs: 0 }), b: bench('B') })).toThrow(RangeError);
  });
});

describe('comparisons across environments', () => {
  const browser = { userAgent: 'Chrome/140', hardwareConcurrency: 8 };
  const node = {
    userAgent: 'Node.js v20.20.2',
    hardwareConcurrency: 2,
    runtime: 'node' as const,
    os: 'Linux 6.1 x64',
    cpu: 'AMD EPYC',
  };
  it.each([
    ['unknown', undefined, undefined, null],
    ['the same browser', browser, { ...browser }, null],
    [
      'a browser and Node',
      browser,
      node,
      /^A and B ran in different environments \(A: Chrome\/140 \(8 cores\); B: Node\.js v20\.20\.2, Linux 6\.1 x64, AMD EPYC \(2 cores\)\)/,
    ],
    ['two CPUs', node, { ...node, cpu: 'Intel Xeon' }, /different environments/],
  ])('%s: flagged only when they differ', (_name, a, b, note) => {
    const c = compareBenchmarks({ a: handA, b: handB, environments: { a, b } });
    const found = c.notes.find((n) => n.includes('environments')) ?? null;
    if (note === null) expect(found).toBeNull();
    else expect(found).toMatch(note);
  });
});
