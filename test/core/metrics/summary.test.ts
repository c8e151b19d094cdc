// Window summaries: counts and rates, type-7 quantiles, the slower/faster trend, buckets, the recent error
// rate and the thinning of system samples. Every expected number is worked out by hand in the table.
import { describe, expect, it } from 'vitest';
import {
  inWindow,
  recentErrorRate,
  summarizeTemplates,
  spanTrendBuckets,
  TREND_TOLERANCE,
  trendBuckets,
  trendOf,
} from '../../../src/core/metrics/summary';
import type { SolveOutcome, SolvePoint } from '../../../src/core/metrics/types';
import { solve } from './fixtures';

const W = { from: 0, to: 100 };

describe('inWindow', () => {
  it.each([
    [-1, false],
    [0, true],
    [50, true],
    [99.999, true],
    [100, false],
    [101, false],
  ])('t = %d inside [0, 100): %s', (t, inside) => {
    expect(inWindow([solve({ t })], W)).toHaveLength(inside ? 1 : 0);
  });
});

/** A group of solves of one (model, option set) at t = 1, 2, ... with these times. */
const series = (times: number[], over: Partial<SolvePoint> = {}, t0 = 1) =>
  times.map((timeMs, i) => solve({ t: t0 + i, timeMs, ...over }));

describe('trendOf', () => {
  it.each([
    // times [10,10,20,20]: median 15 → rel 2/3,2/3,4/3,4/3 → later 4/3 ÷ earlier 2/3 = 2
    ['doubling', series([10, 10, 20, 20]), 'slower', 2, 4],
    // [20,20,10,10]: rel 4/3,4/3,2/3,2/3 → 0.5
    ['halving', series([20, 20, 10, 10]), 'faster', 0.5, 4],
    // [100,100,120,120]: median 110 → ratio 120/100
    ['+20 %', series([100, 100, 120, 120]), 'slower', 1.2, 4],
    ['+5 % (inside the tolerance)', series([100, 100, 105, 105]), 'flat', 1.05, 4],
    ['−5 %', series([100, 100, 95, 95]), 'flat', 0.95, 4],
    ['−15 %', series([100, 100, 85, 85]), 'faster', 0.85, 4],
    // [10,11,10,11]: earlier {10,11}, later {10,11}: same medians → 1
    ['alternating', series([10, 11, 10, 11]), 'flat', 1, 4],
    // odd count: [10,10,99,20,20], median 20 → rel .5,.5,4.95,1,1; the middle dropped → 1 ÷ .5 = 2
    ['odd count drops the middle', series([10, 10, 99, 20, 20]), 'slower', 2, 5],
    // two models interleaved: A [100 @1, 200 @3], B [1 @2, 2 @4] → rel 2/3, 2/3, 4/3, 4/3 → 2
    [
      'normalised per model',
      [
        solve({ model: 'a', t: 1, timeMs: 100 }),
        solve({ model: 'b', t: 2, timeMs: 1 }),
        solve({ model: 'a', t: 3, timeMs: 200 }),
        solve({ model: 'b', t: 4, timeMs: 2 }),
      ],
      'slower',
      2,
      4,
    ],
    // option sets are separate groups: each set has one solve → nothing compared
    [
      'groups of one',
      [solve({ optionSet: 'x' }), solve({ optionSet: 'y' }), solve({ optionSet: 'z', t: 3 })],
      'unknown',
      null,
      0,
    ],
    // sources are separate groups too
    ['source splits groups', [...series([10, 10]), ...series([20, 20], { source: 'run' }, 3)], 'flat', 1, 4],
    ['three compared', series([10, 20, 30]), 'unknown', null, 3],
    ['empty', [], 'unknown', null, 0],
    ['one solve', [solve()], 'unknown', null, 0],
    // errors are not compared: [10,10,(error 500),20,20] → as [10,10,20,20]
    [
      'errors left out',
      [
        ...series([10, 10]),
        solve({ t: 2.5, timeMs: 500, outcome: 'error', status: 'error' }),
        ...series([20, 20], {}, 3),
      ],
      'slower',
      2,
      4,
    ],
    // unsolved (time limit) times count: [10,10,20 unsolved,20]
    [
      'unsolved counted',
      [
        ...series([10, 10]),
        solve({ t: 3, timeMs: 20, outcome: 'unsolved', status: 'time-limit' }),
        solve({ t: 4, timeMs: 20 }),
      ],
      'slower',
      2,
      4,
    ],
    ['zero times are not compared', series([0, 0, 0, 0]), 'unknown', null, 0],
  ] as const)('%s', (_name, solves, direction, ratio, compared) => {
    const trend = trendOf(solves as readonly SolvePoint[]);
    expect(trend.direction).toBe(direction);
    expect(trend.compared).toBe(compared);
    if (ratio === null) expect(trend.ratio).toBeNull();
    else expect(trend.ratio).toBeCloseTo(ratio, 12);
  });

  it('orders by time, not by input order', () => {
    const shuffled = [
      solve({ t: 4, timeMs: 20 }),
      solve({ t: 1, timeMs: 10 }),
      solve({ t: 3, timeMs: 20 }),
      solve({ t: 2, timeMs: 10 }),
    ];
    expect(trendOf(shuffled).direction).toBe('slower');
  });

  it('has a 10 % tolerance', () => {
    expect(TREND_TOLERANCE).toBe(0.1);
  });
});

describe('summarizeTemplates', () => {
  const solves = [
    // template a: times 10, 20, 30, 40; outcomes ok, ok, unsolved, error
    solve({ template: 'a', t: 1, timeMs: 40, outcome: 'error', status: 'error' }),
    solve({ template: 'a', t: 2, timeMs: 10 }),
    solve({ template: 'a', t: 3, timeMs: 30, outcome: 'unsolved', status: 'time-limit' }),
    solve({ template: 'a', t: 4, timeMs: 20 }),
    // template b: one solve
    solve({ template: 'b', t: 5, timeMs: 7 }),
    // outside the window
    solve({ template: 'a', t: 100, timeMs: 1000 }),
    solve({ template: 'c', t: -1, timeMs: 1 }),
  ];

  it('summarises every template in the window, sorted', () => {
    const got = summarizeTemplates(solves, W);
    expect(got.map((s) => s.template)).toEqual(['a', 'b']);
    const [a, b] = got;
    // a: 4 solves, 2 ok, 1 unsolved, 1 error; type 7: p50 h = 1.5 → 25, p95 h = 2.85 → 30 + 0.85·10 = 38.5
    expect(a).toMatchObject({
      template: 'a',
      count: 4,
      ok: 2,
      unsolved: 1,
      errors: 1,
      successRate: 0.5,
      errorRate: 0.25,
    });
    expect(a.p50Ms).toBeCloseTo(25, 12);
    expect(a.p95Ms).toBeCloseTo(38.5, 12);
    expect(a.maxMs).toBe(40);
    // the error is left out of the trend: 10, 30, 20 make one group of 3 compared solves, too few → unknown
    expect(a.trend).toEqual({ direction: 'unknown', ratio: null, compared: 3 });
    expect(b).toEqual({
      template: 'b',
      count: 1,
      ok: 1,
      unsolved: 0,
      errors: 0,
      successRate: 1,
      errorRate: 0,
      p50Ms: 7,
      p95Ms: 7,
      maxMs: 7,
      trend: { direction: 'unknown', ratio: null, compared: 0 },
    });
  });

  it.each([
    ['b', 1, 7],
    ['c', 0, null], // c's only solve is before the window
    ['nope', 0, null],
  ])('with template %s gives exactly one summary (count %d, p50 %s)', (template, count, p50) => {
    const got = summarizeTemplates(solves, W, template);
    expect(got).toHaveLength(1);
    expect(got[0].template).toBe(template);
    expect(got[0].count).toBe(count);
    expect(got[0].p50Ms).toBe(p50);
    if (count === 0) {
      expect(got[0]).toMatchObject({ successRate: 0, errorRate: 0, p95Ms: null, maxMs: null });
    }
  });

  it('counts a solve without a finite time but leaves it out of the quantiles', () => {
    const got = summarizeTemplates([solve({ timeMs: NaN }), solve({ timeMs: 4 }), solve({ timeMs: 8 })], W);
    expect(got[0]).toMatchObject({ count: 3, ok: 3, p50Ms: 6, maxMs: 8 });
  });

  it('null template means all; an empty list gives no summaries', () => {
    expect(summarizeTemplates(solves, W, null)).toHaveLength(2);
    expect(summarizeTemplates([], W)).toEqual([]);
  });

  it('sorts by plain string order', () => {
    const got = summarizeTemplates([solve({ template: 'b' }), solve({ template: 'B' }), solve({ template: 'a' })], W);
    expect(got.map((s) => s.template)).toEqual(['B', 'a', 'b']);
  });

  it('reports a slower template', () => {
    const got = summarizeTemplates(series([10, 10, 20, 20], { template: 'slow' }), W);
    expect(got[0].trend.direction).toBe('slower');
    expect(got[0].trend.ratio).toBeCloseTo(2, 12);
  });
});

describe('trendBuckets', () => {
  const solves = [
    solve({ t: 0, timeMs: 10 }),
    solve({ t: 24, timeMs: 30, outcome: 'error', status: 'error' }),
    solve({ t: 25, timeMs: 5 }),
    solve({ t: 99, timeMs: 8, outcome: 'unsolved', status: 'time-limit' }),
    solve({ t: 100, timeMs: 1000 }),
    solve({ t: -1, timeMs: 1000 }),
    solve({ t: 60, timeMs: 1000, template: 'other' }),
  ];

  it('cuts the window into equal buckets, from inclusive, to exclusive', () => {
    expect(trendBuckets(solves, W, 4, 't')).toEqual([
      { t: 0, count: 2, p50Ms: 20, errorRate: 0.5 },
      { t: 25, count: 1, p50Ms: 5, errorRate: 0 },
      { t: 50, count: 0, p50Ms: null, errorRate: 0 },
      { t: 75, count: 1, p50Ms: 8, errorRate: 0 },
    ]);
  });

  it('counts every template without a filter', () => {
    expect(trendBuckets(solves, W, 4).map((b) => b.count)).toEqual([2, 1, 1, 1]);
    expect(trendBuckets(solves, W, 1)).toEqual([{ t: 0, count: 5, p50Ms: 10, errorRate: 0.2 }]);
  });

  it.each([
    [0, W],
    [-2, W],
    [2.5, W],
    [4, { from: 10, to: 10 }],
    [4, { from: 10, to: 5 }],
  ])('gives no buckets for %d buckets over %j', (n, window) => {
    expect(trendBuckets(solves, window, n)).toEqual([]);
  });

  it('gives empty buckets without solves', () => {
    expect(trendBuckets([], { from: 1000, to: 1300 }, 3)).toEqual([
      { t: 1000, count: 0, p50Ms: null, errorRate: 0 },
      { t: 1100, count: 0, p50Ms: null, errorRate: 0 },
      { t: 1200, count: 0, p50Ms: null, errorRate: 0 },
    ]);
  });
});

describe('recentErrorRate', () => {
  const outcomes: SolveOutcome[] = ['error', 'ok', 'error', 'unsolved', 'ok'];
  const newestFirst = outcomes.map((outcome, i) => solve({ t: 10 - i, outcome }));
  it.each([
    [3, 3, 2, 2 / 3],
    [1, 1, 1, 1],
    [2, 2, 1, 0.5],
    [5, 5, 2, 0.4],
    [10, 5, 2, 0.4],
    [0, 0, 0, 0],
  ])('of the last %d: count %d, errors %d, rate %d', (n, count, errors, rate) => {
    const got = recentErrorRate(newestFirst, n);
    expect(got.count).toBe(count);
    expect(got.errors).toBe(errors);
    expect(got.rate).toBeCloseTo(rate, 12);
  });

  it('is zero without solves', () => {
    expect(recentErrorRate([], 20)).toEqual({ count: 0, errors: 0, rate: 0 });
  });
});

describe('spanTrendBuckets', () => {
  const W2 = { from: 0, to: 10_000 };
  const at = (ts: number[], over: Partial<SolvePoint> = {}) => ts.map((t) => solve({ t, ...over }));
  it.each([
    { name: 'no solves', solves: [], max: 24, want: [] },
    { name: 'one solve: one bucket at it', solves: at([500]), max: 24, want: [{ t: 500, count: 1 }] },
    {
      name: 'a burst is cut over its own span, about two solves a bucket',
      solves: at([1000, 1001, 1002, 1003, 1004, 1005]),
      max: 24,
      want: [
        { t: 1000, count: 2 },
        { t: 1002, count: 2 },
        { t: 1004, count: 2 },
      ],
    },
    {
      name: 'many solves: at most max buckets',
      solves: at(Array.from({ length: 100 }, (_, i) => 2000 + i)),
      max: 4,
      want: [
        { t: 2000, count: 25 },
        { t: 2025, count: 25 },
        { t: 2050, count: 25 },
        { t: 2075, count: 25 },
      ],
    },
    {
      name: 'only the template asked for, only inside the window',
      solves: [...at([100, 200]), ...at([150], { template: 'other' }), ...at([-5, 10_000])],
      max: 24,
      want: [{ t: 100, count: 2 }],
    },
  ])('$name', ({ solves, max, want }) => {
    expect(spanTrendBuckets(solves, W2, max, 't').map((b) => ({ t: b.t, count: b.count }))).toEqual(want);
  });

  it('a bucket keeps its median time and error rate', () => {
    const got = spanTrendBuckets(
      [solve({ t: 0, timeMs: 10 }), solve({ t: 1, timeMs: 30, outcome: 'error', status: 'error' })],
      W2,
      24,
    );
    expect(got).toEqual([{ t: 0, count: 2, p50Ms: 20, errorRate: 0.5 }]);
  });
});
