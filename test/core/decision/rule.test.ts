import { describe, expect, it } from 'vitest';
import {
  counterIdentity,
  decideTime,
  decisionSettings,
  realAttribute,
  type TimedRun,
} from '../../../src/core/decision';

const C = { simplexIterations: 120, ipmIterations: 0, mipNodes: 0 };
/** Runs of one model, seeds 1..n (or the given seeds), with the given times and counters. */
const runs = (
  times: number[],
  opts: { model?: string; seeds?: (number | null)[]; counters?: TimedRun['counters'] } = {},
) =>
  times.map((timeMs, i): TimedRun => ({
    timeMs,
    model: opts.model ?? 'm',
    seed: opts.seeds ? opts.seeds[i] : i + 1,
    counters: opts.counters === undefined ? C : opts.counters,
  }));
const same = { sameOptions: true, sameSolver: true };
const differ = { sameOptions: false, sameSolver: true };

// The outlier case of issue 17: 8 runs against 8, the reference 82–94 ms but for one 163 ms run.
const REF8 = [80, 82, 85, 88, 90, 93, 94, 163];
const CAND8 = [104, 105, 110, 115, 118, 121, 123, 125];

describe('decideTime: the one rule', () => {
  it.each([
    {
      case: 'a rerun with identical work is noise, whatever the ratio',
      ref: runs([350], { seeds: [1] }),
      cand: runs([56], { seeds: [1] }),
      ctx: same,
      call: 'noise',
      real: false,
    },
    {
      case: 'one run against one run (options differ) is undetermined',
      ref: runs([350], { seeds: [1] }),
      cand: runs([171], { seeds: [1], counters: { ...C, simplexIterations: 99 } }),
      ctx: differ,
      call: 'too-few',
      real: null,
    },
    {
      case: 'same options but different counters (other seeds) are judged by time',
      ref: runs([100], { seeds: [1] }),
      cand: runs([50], { seeds: [2] }),
      ctx: same,
      call: 'too-few',
      real: null,
    },
    {
      case: 'the outlier case, seeds 1..8 on both sides (too few pairs, so unpaired): real, slower',
      ref: runs(REF8),
      cand: runs(CAND8, { counters: { ...C, simplexIterations: 150 } }),
      ctx: differ,
      call: 'slower',
      real: true,
    },
    {
      case: 'the outlier case, unpaired (other seeds): real, slower',
      ref: runs(REF8, { seeds: REF8.map((_, i) => i + 1) }),
      cand: runs(CAND8, { seeds: CAND8.map((_, i) => i + 101) }),
      ctx: differ,
      call: 'slower',
      real: true,
    },
    {
      case: 'the outlier case over 12 seeds, paired: real, slower',
      ref: runs([...REF8, 86, 91, 84, 89]),
      cand: runs([...CAND8, 112, 119, 108, 116]),
      ctx: differ,
      call: 'slower',
      real: true,
    },
    {
      case: 'a clear speed-up of 12 pairs is real, faster',
      ref: runs([100, 110, 95, 120, 105, 99, 101, 130, 97, 115, 108, 102]),
      cand: runs([60, 66, 58, 70, 61, 59, 62, 75, 55, 68, 64, 63]),
      ctx: differ,
      call: 'faster',
      real: true,
    },
    {
      case: 'tight, equal times over 30 pairs are equivalent',
      ref: runs(Array.from({ length: 30 }, (_, i) => 100 + ((i * 7) % 5))),
      cand: runs(Array.from({ length: 30 }, (_, i) => 100 + ((i * 3) % 5))),
      ctx: differ,
      call: 'equivalent',
      real: false,
    },
    {
      case: 'a wide interval across the threshold is unclear, with runs to go',
      ref: runs([100, 140, 90, 160, 80, 120]),
      cand: runs([110, 120, 100, 170, 95, 150]),
      ctx: differ,
      call: 'unclear',
      real: null,
    },
  ])('$case', ({ ref, cand, ctx, call, real }) => {
    const d = decideTime(ref, cand, ctx);
    expect(d.call).toBe(call);
    expect(d.real).toBe(real);
    if (d.real === true) {
      // The label never contradicts the number: slower means a ratio above 1, its interval too.
      expect(d.call === 'slower' ? d.ratio! > 1 && d.ci95![0] > 1.05 : d.ratio! < 1 && d.ci95![1] < 1 / 1.05).toBe(
        true,
      );
      expect(d.p).toBeLessThan(0.05);
    }
  });

  it('one run against one run says it decides nothing and how many more runs are needed', () => {
    const d = decideTime(runs([350], { seeds: [1] }), runs([171], { seeds: [1] }), differ);
    expect(d.ratio).toBeCloseTo(171 / 350, 12);
    expect(d.why).toMatch(/one run against one run/);
    expect(d.moreRuns).toBe(3); // 4 against 4 is the smallest balanced unpaired interval
    expect(d.label).toBe('undetermined: 3 more runs a side');
  });

  it('3 against 3 needs one more run a side', () => {
    const d = decideTime(runs([1, 2, 3]), runs([4, 5, 6], { seeds: [7, 8, 9] }), differ);
    expect(d.call).toBe('too-few');
    expect(d.moreRuns).toBe(1);
  });

  it('pairs the runs of several models and never pools them unpaired', () => {
    const ref = [...runs([10, 11], { model: 'a' }), ...runs([1000, 1100], { model: 'b' })];
    const cand = [...runs([20, 22], { model: 'a' }), ...runs([2000, 2200], { model: 'b' })];
    const few = decideTime(ref, cand, differ);
    expect(few.call).toBe('too-few');
    expect(few.n.pairs).toBe(4);
    expect(few.moreRuns).toBe(8);
    const models = ['a', 'b', 'c', 'd'];
    const many = decideTime(
      models.flatMap((m, i) => runs([10 * (i + 1), 11 * (i + 1), 12 * (i + 1)], { model: m })),
      models.flatMap((m, i) => runs([20 * (i + 1), 23 * (i + 1), 25 * (i + 1)], { model: m })),
      differ,
    );
    expect(many.method).toBe('paired');
    expect(many.call).toBe('slower');
    expect(many.ratio!).toBeGreaterThan(1.9);
  });

  it('the paired side of a (model, seed) is the median of its repetitions', () => {
    const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
    const ref = runs([100, 100, 500], { seeds: [1, 1, 1] }).concat(
      runs(
        seeds.slice(1).map((s) => 100 + s),
        { seeds: seeds.slice(1) },
      ),
    );
    const cand = runs(
      seeds.map((s) => 2 * (100 + (s === 1 ? 0 : s))),
      { seeds },
    );
    const d = decideTime(ref, cand, differ);
    expect(d.method).toBe('paired');
    expect(d.n).toEqual({ ref: 14, cand: 12, pairs: 12 });
    expect(d.ratio).toBeCloseTo(2, 12);
  });

  it('from 12 pairs on, the paired interval has k > n, so one outlying pair cannot move its ends', async () => {
    const { signedRankCounts } = await import('../../../src/core/decision');
    for (let n = 12; n <= 50; n++) {
      const c = signedRankCounts(n);
      const total = 2 ** n;
      let cum = 0;
      let k = 0;
      while ((2 * (cum + c[k])) / total <= 0.05) cum += c[k++];
      expect(k, `n = ${n}`).toBeGreaterThan(n);
    }
  });

  it('one outlier does not flip the call (rank interval, no min–max band)', () => {
    const base = decideTime(runs(REF8.slice(0, 7).concat(95)), runs(CAND8), differ);
    const withOutlier = decideTime(runs(REF8), runs(CAND8), differ);
    expect(base.call).toBe('slower');
    expect(withOutlier.call).toBe(base.call);
  });

  it('the threshold is settable: a 10 % difference is real at 5 %, equivalent at 20 %', () => {
    const ref = runs(Array.from({ length: 40 }, (_, i) => 100 + (i % 4)));
    const cand = runs(Array.from({ length: 40 }, (_, i) => 110 + (i % 4)));
    expect(decideTime(ref, cand, differ).call).toBe('slower');
    expect(decideTime(ref, cand, differ, { thresholdPct: 20 }).call).toBe('equivalent');
  });

  it('timed-out or zero times never enter; no time on a side is undetermined', () => {
    const d = decideTime(runs([0, Number.NaN]), runs([5]), differ);
    expect(d.call).toBe('too-few');
    expect(d.ratio).toBeNull();
  });

  it('rejects a bad threshold', () => {
    expect(() => decisionSettings({ thresholdPct: 0 })).toThrow(RangeError);
    expect(() => decisionSettings({ alpha: 1 })).toThrow(RangeError);
  });

  it.each([
    { real: true, attr: 'true' },
    { real: false, attr: 'false' },
    { real: null, attr: 'unknown' },
  ])('data-real of $real is $attr', ({ real, attr }) => expect(realAttribute(real)).toBe(attr));
});

describe('counterIdentity', () => {
  it.each([
    { case: 'same keys, same counters', a: runs([1, 2]), b: runs([3, 4]), out: 'identical' },
    { case: 'one counter differs', a: runs([1]), b: runs([3], { counters: { ...C, mipNodes: 1 } }), out: 'different' },
    { case: 'other seeds', a: runs([1], { seeds: [1] }), b: runs([1], { seeds: [2] }), out: 'different' },
    { case: 'a failed run has no counters', a: runs([1]), b: runs([1], { counters: null }), out: 'unknown' },
    {
      case: 'repetitions of one seed that differ',
      a: runs([1, 1], { seeds: [1, 1], counters: C }),
      b: [...runs([1], { seeds: [1] }), ...runs([1], { seeds: [1], counters: { ...C, simplexIterations: 121 } })],
      out: 'different',
    },
  ])('$case → $out', ({ a, b, out }) => expect(counterIdentity(a, b)).toBe(out));
});
