// The comparison's time decisions (core/decision's one rule, issue 17): per matched (model, option set) over the
// model's runs, per matched option set over its (model, seed) pairs, and the label every table and chart shows.
// A rerun with identical work is noise whatever its ratio; a real slowdown needs different work and enough runs.
import { describe, expect, it } from 'vitest';
import type { BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import {
  compareBenchmarks,
  decisionEvidence,
  timeCallLabel,
  type BenchmarkComparison,
  type ComparedBenchmark,
} from '../../../src/core/compare';
import { decideTime, type TimeDecision } from '../../../src/core/decision';
import type { WorkCounters } from '../../../src/core/run-record';
import { bench, model, run } from './fixtures';

const LIMIT = 10_000;

interface SideSpec {
  models: string[];
  seeds: number[];
  reps?: number;
  /** The run's wall time, ms. */
  time: (model: string, seed: number, rep: number) => number;
  /** The run's work counters (the same for every repetition unless told). */
  counters?: (model: string, seed: number, rep: number) => Partial<WorkCounters>;
  /** Replaces a run (e.g. by a timeout). */
  edit?: (r: BenchmarkRun) => BenchmarkRun;
}

/** One side: every model × seed × repetition under the defaults (set 's'), limit 10 s. */
function side(id: string, spec: SideSpec): ComparedBenchmark {
  const models: BenchmarkModel[] = spec.models.map((m) => model(m));
  const runs = spec.models.flatMap((m) =>
    spec.seeds.flatMap((seed) =>
      Array.from({ length: spec.reps ?? 1 }, (_, rep) => {
        const r = run({
          modelId: m,
          seed,
          repetition: rep,
          timeMs: spec.time(m, seed, rep),
          counters: spec.counters?.(m, seed, rep) ?? { simplexIterations: 100 + seed },
        });
        return spec.edit ? spec.edit(r) : r;
      }),
    ),
  );
  return bench(id, { models, runs, timeLimitMs: LIMIT });
}

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** A deterministic jitter in [−j, +j] per (model, seed, rep), so times are not all equal. */
const jitter = (m: string, seed: number, rep: number, j: number) =>
  (((m.charCodeAt(0) * 31 + seed * 17 + rep * 7) % 11) / 10 - 0.5) * 2 * j;
const SAME = { a: '1.15.1', b: '1.15.1' };

const pairOf = (c: BenchmarkComparison, m: string) => c.pairs.find((p) => p.modelId === m)!;

describe('compareBenchmarks: the time decision of every pair and set', () => {
  it.each([
    {
      case: "issue 17: two reruns with identical counters, a model at ×1.48 — noise, not 'B slower'",
      a: side('A', { models: ['x', 'y'], seeds: seeds(2), time: (m, s) => (m === 'x' ? 100 + s : 50) }),
      b: side('B', { models: ['x', 'y'], seeds: seeds(2), time: (m, s) => (m === 'x' ? 1.48 * (100 + s) : 50) }),
      versions: SAME,
      pairs: { x: 'noise', y: 'noise' },
      set: 'noise',
      ratioX: 1.48,
    },
    {
      case: 'the same reruns without known solver versions: one run against one run decides nothing',
      a: side('A', { models: ['x', 'y'], seeds: seeds(2), time: (m, s) => (m === 'x' ? 100 + s : 50) }),
      b: side('B', { models: ['x', 'y'], seeds: seeds(2), time: (m, s) => (m === 'x' ? 1.48 * (100 + s) : 50) }),
      versions: {},
      pairs: { x: 'too-few', y: 'too-few' },
      set: 'too-few',
      ratioX: 1.48,
    },
    {
      case: 'identical counters but other solver versions: judged by time (8 runs a side: a real slowdown)',
      a: side('A', { models: ['x'], seeds: seeds(4), reps: 2, time: (m, s, r) => 100 + jitter(m, s, r, 3) }),
      b: side('B', { models: ['x'], seeds: seeds(4), reps: 2, time: (m, s, r) => 148 + jitter(m, s, r, 3) }),
      versions: { a: '1.15.1', b: '1.16.0' },
      pairs: { x: 'slower' },
      set: 'slower',
      ratioX: 1.48,
    },
    {
      case: 'a real slowdown: different counters, 4 seeds × 2 repetitions a side',
      a: side('A', { models: ['x'], seeds: seeds(4), reps: 2, time: (m, s, r) => 100 + jitter(m, s, r, 3) }),
      b: side('B', {
        models: ['x'],
        seeds: seeds(4),
        reps: 2,
        time: (m, s, r) => 148 + jitter(m, s, r, 3),
        counters: (_m, s) => ({ simplexIterations: 180 + s }),
      }),
      versions: SAME,
      pairs: { x: 'slower' },
      set: 'slower',
      ratioX: 1.48,
    },
    {
      case: 'a real speed-up over 3 models × 4 seeds: per model unpaired, the set paired by (model, seed)',
      a: side('A', { models: ['x', 'y', 'z'], seeds: seeds(4), time: (m, s, r) => 200 + jitter(m, s, r, 5) }),
      b: side('B', {
        models: ['x', 'y', 'z'],
        seeds: seeds(4),
        time: (m, s, r) => 120 + jitter(m, s, r, 5),
        counters: (_m, s) => ({ simplexIterations: 60 + s }),
      }),
      versions: SAME,
      pairs: { x: 'faster', y: 'faster', z: 'faster' },
      set: 'faster',
      ratioX: 0.6,
    },
    {
      case: 'different work but the same time over 30 seeds: equivalent, within the threshold',
      a: side('A', { models: ['x'], seeds: seeds(30), time: (m, s) => 100 + ((s * 7) % 5) }),
      b: side('B', {
        models: ['x'],
        seeds: seeds(30),
        time: (m, s) => 100 + ((s * 3) % 5),
        counters: (_m, s) => ({ simplexIterations: 300 + s }),
      }),
      versions: SAME,
      pairs: { x: 'equivalent' },
      set: 'equivalent',
      ratioX: 1,
    },
    {
      case: 'different work, 2 seeds a side: too few runs, undetermined',
      a: side('A', { models: ['x'], seeds: seeds(2), time: () => 100 }),
      b: side('B', { models: ['x'], seeds: seeds(2), time: () => 300, counters: () => ({ simplexIterations: 999 }) }),
      versions: SAME,
      pairs: { x: 'too-few' },
      set: 'too-few',
      ratioX: 3,
    },
    {
      case: 'timeouts do not count as identical work: the charged limit is judged as a time',
      a: side('A', { models: ['x'], seeds: seeds(2), time: () => 100 }),
      b: side('B', {
        models: ['x'],
        seeds: seeds(2),
        time: () => 12_000,
        edit: (r) => ({ ...r, status: 'time-limit', objective: null }),
      }),
      versions: SAME,
      pairs: { x: 'too-few' },
      set: 'too-few',
      ratioX: 100,
    },
  ])('$case', ({ a, b, versions, pairs, set, ratioX }) => {
    const c = compareBenchmarks({ a, b, solverVersions: versions });
    for (const [m, call] of Object.entries(pairs)) expect(pairOf(c, m).decision.call, m).toBe(call);
    expect(c.summaries[0].decision.call).toBe(set);
    // The comparison's own numbers stay what they were: the SGM ratio is not bent towards the call.
    expect(pairOf(c, 'x').timeRatio!).toBeCloseTo(ratioX, 1);
    // The label says "B slower"/"B faster" exactly when the rule calls the difference real.
    for (const d of [...c.pairs.map((p) => p.decision), c.summaries[0].decision]) {
      const label = timeCallLabel(d);
      expect(/^B (slower|faster)/.test(label.text)).toBe(d.real === true);
      expect(label.tone === 'slower' || label.tone === 'faster').toBe(d.real === true);
    }
  });

  it('decides each pair with decideTime over the charged times of its common seeds, A the reference', () => {
    const a = side('A', { models: ['x', 'y'], seeds: seeds(5), time: (m, s) => (m === 'x' ? 100 + s : 40 + s) });
    const b = side('B', {
      models: ['x', 'y'],
      seeds: [...seeds(4), 9],
      time: (m, s) => (m === 'x' ? 130 + s : 41 + s),
      counters: () => ({ simplexIterations: 7 }),
    });
    const c = compareBenchmarks({ a, b, solverVersions: SAME });
    const timed = (bm: ComparedBenchmark, m: string) =>
      bm.runs
        .filter((r) => r.modelId === m && r.seed <= 4)
        .map((r) => ({ timeMs: r.timeMs, model: m, seed: r.seed, counters: { ...r.counters } }));
    const ctx = { sameOptions: true, sameSolver: true };
    expect(pairOf(c, 'x').decision).toEqual(decideTime(timed(a, 'x'), timed(b, 'x'), ctx));
    expect(pairOf(c, 'x').decision.n).toEqual({ ref: 4, cand: 4, pairs: 4 });
    expect(pairOf(c, 'x').decision.method).toBe('unpaired');
    expect(c.summaries[0].decision).toEqual(
      decideTime([...timed(a, 'x'), ...timed(a, 'y')], [...timed(b, 'x'), ...timed(b, 'y')], ctx),
    );
  });

  it('pairs a model’s runs by seed from 12 seeds up', () => {
    const a = side('A', { models: ['x'], seeds: seeds(12), time: (m, s) => 100 + s });
    const b = side('B', {
      models: ['x'],
      seeds: seeds(12),
      time: (m, s) => 150 + s,
      counters: () => ({ simplexIterations: 1 }),
    });
    const d = compareBenchmarks({ a, b, solverVersions: SAME }).pairs[0].decision;
    expect(d.method).toBe('paired');
    expect(d.call).toBe('slower');
    expect(d.n.pairs).toBe(12);
  });

  it('uses the given practical threshold and records it', () => {
    const a = side('A', { models: ['x'], seeds: seeds(30), time: (m, s) => 100 + ((s * 7) % 5) });
    const b = side('B', {
      models: ['x'],
      seeds: seeds(30),
      time: (m, s) => 103 + ((s * 3) % 5),
      counters: () => ({ simplexIterations: 1 }),
    });
    const loose = compareBenchmarks({ a, b, solverVersions: SAME, parameters: { decision: { thresholdPct: 10 } } });
    expect(loose.parameters.decision).toEqual({ thresholdPct: 10, alpha: 0.05 });
    expect(loose.pairs[0].decision.call).toBe('equivalent');
    const tight = compareBenchmarks({ a, b, solverVersions: SAME, parameters: { decision: { thresholdPct: 1 } } });
    expect(tight.pairs[0].decision.call).toBe('slower');
    expect(() => compareBenchmarks({ a, b, parameters: { decision: { thresholdPct: 0 } } })).toThrow(RangeError);
  });
});

describe('timeCallLabel and decisionEvidence', () => {
  const base: TimeDecision = {
    call: 'slower',
    real: true,
    ratio: 1.12,
    ci95: [1.06, 1.19],
    p: 0.0031,
    n: { ref: 8, cand: 8, pairs: 8 },
    method: 'unpaired',
    moreRuns: null,
    thresholdPct: 5,
    label: 'slower (real)',
    why: '',
  };
  it.each([
    [{}, 'slower', 'B slower (real)', '×1.12 [1.06, 1.19], p = 0.0031, A 8 / B 8 runs'],
    [
      { call: 'faster', ratio: 0.8, ci95: [0.7, 0.9], p: 0.0002 },
      'faster',
      'B faster (real)',
      '×0.8 [0.7, 0.9], p < 0.001, A 8 / B 8 runs',
    ],
    [
      { call: 'noise', real: false, ci95: null, p: null, method: 'counters', ratio: 1.48 },
      'noise',
      'within noise: identical work',
      '×1.48 identical work counters, A 8 / B 8 runs',
    ],
    [
      { call: 'equivalent', real: false, method: 'paired', n: { ref: 30, cand: 30, pairs: 30 } },
      'noise',
      'within noise: ±5 %',
      '×1.12 [1.06, 1.19], p = 0.0031, A 30 / B 30 runs, 30 pairs',
    ],
    [
      {
        call: 'too-few',
        real: null,
        ci95: null,
        p: null,
        method: 'none',
        label: 'undetermined: 3 more runs a side',
        n: { ref: 1, cand: 1, pairs: 1 },
      },
      'undetermined',
      'undetermined: 3 more runs a side',
      '×1.12 no interval, A 1 / B 1 runs',
    ],
    [
      { call: 'unclear', real: null, label: 'undetermined: ~4 more runs a side' },
      'undetermined',
      'undetermined: ~4 more runs a side',
      '×1.12 [1.06, 1.19], p = 0.0031, A 8 / B 8 runs',
    ],
  ] as [Partial<TimeDecision>, string, string, string][])('%o → %s, %s', (over, tone, text, evidence) => {
    const d = { ...base, ...over };
    expect(timeCallLabel(d)).toEqual({ tone, text, evidence });
    expect(decisionEvidence(d)).toBe(evidence);
  });
});
