// The health charts' numbers: the gap rule (breaks after a stretch without samples or a reload), restarts counted
// across reloads, thinning by time cells, clock-time ticks and labels, whole-number count axes, trend lines per
// template, units (%, MiB), one line per worker, skipped missing values, caps, and the table of what is drawn.
import { describe, expect, it } from 'vitest';
import {
  bucketPieces,
  clockLabel,
  clockTicks,
  errorRateTrendChart,
  gapThreshold,
  HEALTH_MAX_POINTS,
  HEALTH_MAX_SERIES,
  healthCharts,
  jsHeapChart,
  MIN_GAP_MS,
  newestPerCell,
  NO_SYSTEM_SAMPLES,
  pageChanged,
  pieceIds,
  poolChart,
  restartsChart,
  restartTotals,
  solveTimeTrendChart,
  storageChart,
  systemSamples,
  toCsv,
  trendSessions,
  utcOffsetText,
  wasmMemoryChart,
  type HealthChart,
} from '../../../src/core/charts';
import type { SystemPoint, TrendBucket } from '../../../src/core/metrics';
import { sample as baseSample, solve as baseSolve } from '../metrics/fixtures';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = { from: T0, to: T0 + 3_600_000 };
const MIB = 1024 * 1024;

const sample = (minute: number, over: Partial<SystemPoint> = {}): SystemPoint =>
  baseSample({
    t: T0 + minute * MINUTE,
    seq: 0.5,
    poolUtilization: 0.5,
    queueDepth: 2,
    running: 1,
    throughput: 1,
    hardwareConcurrency: 2,
    ...over,
  });

const bucket = (minute: number, count: number, p50Ms: number | null, errorRate: number): TrendBucket => ({
  t: T0 + minute * MINUTE,
  count,
  p50Ms,
  errorRate,
});

/** The y values of each series, a break shown as null. */
const ys = (c: HealthChart) => c.series.map((s) => s.points.map((p) => p.y));

describe('the gap rule', () => {
  it.each([
    { name: 'no samples', times: [], want: MIN_GAP_MS },
    { name: 'one sample', times: [0], want: MIN_GAP_MS },
    { name: 'every 10 s: the 2-minute floor', times: [0, 10_000, 20_000, 30_000], want: MIN_GAP_MS },
    { name: 'every 5 min: 3 steps', times: [0, 300_000, 600_000, 900_000], want: 900_000 },
    { name: 'a long gap does not move the median', times: [0, 300_000, 600_000, 9e6, 9.3e6], want: 900_000 },
    { name: 'duplicate times are not steps', times: [0, 0, 300_000, 300_000, 600_000], want: 900_000 },
  ])('threshold with $name', ({ times, want }) => {
    expect(gapThreshold(times)).toBe(want);
  });

  it.each([
    { name: 'evenly sampled: one piece', times: [0, 10, 20, 30], max: 25, restarted: undefined, want: [0, 0, 0, 0] },
    { name: 'a step just at the limit joins', times: [0, 25, 50], max: 25, restarted: undefined, want: [0, 0, 0] },
    { name: 'a step over the limit breaks', times: [0, 10, 36, 40], max: 25, restarted: undefined, want: [0, 0, 1, 1] },
    { name: 'two gaps', times: [0, 100, 110, 500], max: 25, restarted: undefined, want: [0, 1, 1, 2] },
    {
      name: 'a reload breaks without a gap',
      times: [0, 10, 20, 30],
      max: 25,
      restarted: [false, false, true, false],
      want: [0, 0, 1, 1],
    },
    { name: 'nothing', times: [], max: 25, restarted: undefined, want: [] },
  ])('pieces: $name', ({ times, max, restarted, want }) => {
    expect(pieceIds(times, max, restarted)).toEqual(want);
  });

  it.each([
    { name: 'counters grow: same page', prev: {}, cur: { jobsCompleted: 5 }, want: false },
    { name: 'restarts went down', prev: { workerRestarts: 3 }, cur: { workerRestarts: 0 }, want: true },
    { name: 'jobs completed went down', prev: { jobsCompleted: 500 }, cur: { jobsCompleted: 2 }, want: true },
    { name: 'jobs failed went down', prev: { jobsFailed: 4 }, cur: { jobsFailed: 0 }, want: true },
    { name: 'all unchanged', prev: { jobsCompleted: 7 }, cur: { jobsCompleted: 7 }, want: false },
  ])('page changed: $name', ({ prev, cur, want }) => {
    expect(pageChanged(sample(0, prev), sample(1, cur))).toBe(want);
  });

  it.each([
    { name: 'rising bucket runs', counts: [1, 1, 0, 1], want: [0, 0, -1, 0] },
    { name: 'two empty buckets between still join', counts: [1, 0, 0, 1], want: [0, -1, -1, 0] },
    { name: 'more than three widths apart break', counts: [1, 0, 0, 0, 1, 1], want: [0, -1, -1, -1, 1, 1] },
    { name: 'all empty', counts: [0, 0], want: [-1, -1] },
    { name: 'one bucket', counts: [4], want: [0] },
  ])('bucket pieces: $name', ({ counts, want }) => {
    expect(bucketPieces(counts.map((n, i) => bucket(i, n, n > 0 ? 1 : null, 0)))).toEqual(want);
  });
});

describe('restartTotals (restarts across reloads, as Prometheus increase())', () => {
  const at = (restarts: number, jobs: number) => ({ workerRestarts: restarts, jobsCompleted: jobs });
  it.each([
    { name: 'no sample', samples: [], want: [] },
    { name: 'the first sample counts nothing', samples: [at(5, 10)], want: [0] },
    { name: 'increases of one page', samples: [at(0, 0), at(1, 3), at(1, 6), at(4, 9)], want: [0, 1, 1, 4] },
    {
      name: 'a reload: the new page counts from 0',
      samples: [at(0, 0), at(3, 100), at(0, 2), at(2, 5)],
      want: [0, 3, 3, 5],
    },
    {
      name: 'a reload with restarts already in the new page counts them',
      samples: [at(2, 50), at(3, 60), at(1, 1)],
      want: [0, 1, 2],
    },
    {
      name: 'a reload seen only by the jobs counter still counts the new page whole',
      samples: [at(1, 50), at(2, 3)],
      want: [0, 2],
    },
  ])('$name', ({ samples, want }) => {
    expect(restartTotals(samples.map((o, i) => sample(i, o)))).toEqual(want);
  });
});

describe('trendSessions', () => {
  const at = (minutes: number[], template = 'k') =>
    minutes.map((m, i) => baseSolve({ t: T0 + m * MINUTE, seq: i / 100, template, timeMs: 10 + m }));
  it.each([
    { name: 'no solves', minutes: [], want: [] },
    { name: 'one burst: one session', minutes: [0, 0.5, 1, 1.5], want: [[2, 2]] },
    { name: 'two bursts an hour apart: two sessions', minutes: [0, 0.5, 1, 50, 50.5], want: [[2, 1], [2]] },
    { name: 'irregular solves stay one session', minutes: [0, 3, 4, 9, 12], want: [[3, 0, 2]] },
  ])('$name', ({ minutes, want }) => {
    const got = trendSessions([...at(minutes), ...at([30], 'other')], HOUR, 24, 'k');
    expect(got.map((s) => s.map((b) => b.count))).toEqual(want);
  });

  it('a session of many solves is cut into at most maxBuckets buckets over its own span', () => {
    const burst = at(Array.from({ length: 100 }, (_, i) => 10 + i * 0.1));
    const [only] = trendSessions(burst, HOUR, 24, 'k');
    expect(only).toHaveLength(24);
    expect(only[0].t).toBe(T0 + 10 * MINUTE);
    expect(only.every((b) => b.count > 0)).toBe(true);
  });
});

describe('newestPerCell', () => {
  it.each([
    { name: 'few samples: all', times: [0, 1, 2], cells: 4, want: [0, 1, 2] },
    { name: 'the newest of each cell', times: [0, 10, 30, 35, 60, 99], cells: 4, want: [1, 3, 4, 5] },
    { name: 'empty cells are skipped', times: [0, 1, 2, 3, 90], cells: 4, want: [3, 4] },
    { name: 'no cells', times: [0, 1], cells: 0, want: [] },
  ])('$name', ({ times, cells, want }) => {
    expect(newestPerCell(times, { from: 0, to: 100 }, cells)).toEqual(want);
  });
});

describe('systemSamples', () => {
  it('keeps the window, sorts, and works out pieces and restart totals on every sample', () => {
    const s = systemSamples(
      [
        sample(30, { workerRestarts: 0, jobsCompleted: 1 }), // a newer page, 20 minutes after the last old sample
        sample(5, { workerRestarts: 2, jobsCompleted: 40 }),
        sample(10, { workerRestarts: 3, jobsCompleted: 50 }),
        sample(30.5, { workerRestarts: 1, jobsCompleted: 2 }),
        sample(90), // outside the hour
      ],
      HOUR,
    );
    expect(s.samples.map((p) => (p.t - T0) / MINUTE)).toEqual([5, 10, 30, 30.5]);
    expect(s.pieces).toEqual([0, 0, 1, 1]);
    expect(s.restarts).toEqual([0, 1, 1, 2]);
  });

  it('a reload seconds later (no gap) still breaks the lines', () => {
    const s = systemSamples(
      [sample(0, { jobsCompleted: 30 }), sample(0.2, { jobsCompleted: 31 }), sample(0.4, { jobsCompleted: 0 })],
      HOUR,
    );
    expect(s.pieces).toEqual([0, 0, 1]);
  });

  it('thins to the newest sample per time cell, keeping the totals worked out on every sample', () => {
    // One sample every 6 s for an hour, a restart every 10th: 600 samples into 240 cells of 15 s.
    const many = Array.from({ length: 600 }, (_, i) => sample(i / 10, { workerRestarts: Math.floor(i / 10) }));
    const s = systemSamples(many, HOUR, 240);
    expect(s.samples.length).toBeLessThanOrEqual(240);
    expect(s.samples.at(-1)!.t).toBe(many.at(-1)!.t);
    expect(s.restarts.at(-1)).toBe(59);
    expect(new Set(s.pieces)).toEqual(new Set([0]));
  });
});

describe('clock time', () => {
  it.each([
    { t: Date.UTC(2026, 10, 23, 14, 5, 9), offset: 0, opts: {}, want: '14:05' },
    { t: Date.UTC(2026, 10, 23, 14, 5, 9), offset: 0, opts: { seconds: true }, want: '14:05:09' },
    { t: Date.UTC(2026, 10, 23, 23, 30), offset: 3_600_000, opts: { date: true }, want: '24 Nov 00:30' },
    { t: Date.UTC(2026, 10, 23, 2, 0), offset: -5.5 * 3_600_000, opts: {}, want: '20:30' },
    { t: Date.UTC(2026, 0, 2, 0, 0), offset: 0, opts: { date: true, time: false }, want: '2 Jan' },
  ])('$t at offset $offset with $opts reads $want', ({ t, offset, opts, want }) => {
    expect(clockLabel(t, offset, opts)).toBe(want);
  });

  it.each([
    { offset: 0, want: 'UTC' },
    { offset: 3_600_000, want: 'UTC+01:00' },
    { offset: -5.5 * 3_600_000, want: 'UTC−05:30' },
  ])('offset $offset is $want', ({ offset, want }) => {
    expect(utcOffsetText(offset)).toBe(want);
  });

  const at = (h: number, m = 0) => Date.UTC(2026, 10, 23, h, m);
  it.each([
    {
      name: 'an hour: every 10 minutes on the clock',
      min: at(13, 3),
      max: at(14, 3),
      offset: 0,
      want: ['13:10', '13:20', '13:30', '13:40', '13:50', '14:00'],
    },
    {
      name: '15 minutes: every 2 minutes',
      min: at(13, 0),
      max: at(13, 15),
      offset: 0,
      want: ['13:00', '13:02', '13:04', '13:06', '13:08', '13:10', '13:12', '13:14'],
    },
    {
      name: 'aligned to local time, not UTC',
      min: at(13, 0),
      max: at(16, 0),
      offset: 0.5 * 3_600_000,
      want: ['13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'],
    },
    {
      name: 'across midnight the midnight tick has its date',
      min: at(21, 0),
      max: at(26, 0),
      offset: 0,
      want: ['21:00', '22:00', '23:00', '24 Nov 00:00', '01:00', '02:00'],
    },
    {
      name: 'a day: dates with times',
      min: at(12, 0),
      max: at(36, 0),
      offset: 0,
      want: ['23 Nov 12:00', '23 Nov 18:00', '24 Nov 00:00', '24 Nov 06:00', '24 Nov 12:00'],
    },
    {
      name: 'a week: dates alone',
      min: Date.UTC(2026, 10, 16, 12),
      max: Date.UTC(2026, 10, 23, 12),
      offset: 0,
      want: ['17 Nov', '18 Nov', '19 Nov', '20 Nov', '21 Nov', '22 Nov', '23 Nov'],
    },
    { name: 'a backwards range', min: at(14), max: at(13), offset: 0, want: [] },
  ])('ticks: $name', ({ min, max, offset, want }) => {
    const ticks = clockTicks(min, max, offset);
    expect(ticks.map((t) => t.label)).toEqual(want);
    for (const t of ticks) expect(t.value >= min && t.value <= max).toBe(true);
  });
});

describe('system charts', () => {
  it('pool: utilization in % on the left axis, whole queued jobs on the right, x in epoch ms to the window end', () => {
    const c = poolChart(
      systemSamples(
        [sample(0, { poolUtilization: 0.25, queueDepth: 0 }), sample(30, { poolUtilization: 1, queueDepth: 5 })],
        HOUR,
      ),
      HOUR,
    );
    expect(c.id).toBe('pool-utilization');
    expect([c.xMin, c.xMax]).toEqual([T0, HOUR.to]);
    expect(c.xLabel).toBe('time (UTC)');
    expect(c.xTicks[0]).toEqual({ value: T0, label: '12:00' });
    expect([c.yInteger, c.y1Integer]).toEqual([false, true]);
    expect(c.series.map((s) => [s.key, s.axis])).toEqual([
      ['utilization', 'y'],
      ['queue', 'y1'],
    ]);
    expect(c.series[0].points).toEqual([
      { x: T0, y: 25 },
      { x: T0 + 30 * MINUTE, y: 100 },
    ]);
    expect(c.series[1].points.map((p) => p.y)).toEqual([0, 5]);
    expect([c.pointCount, c.gaps, c.longestLine]).toEqual([4, 0, 2]);
    expect(c.table.columns).toEqual(['series', 'time', 'value']);
    expect(c.table.rows[1]).toEqual(['pool utilization (%)', new Date(T0 + 30 * MINUTE).toISOString(), 100]);
  });

  it('restarts: a whole-number total across a reload, not the page counter', () => {
    const s = systemSamples(
      [
        sample(1, { workerRestarts: 0, jobsCompleted: 1 }),
        sample(2, { workerRestarts: 3, jobsCompleted: 9 }),
        sample(40, { workerRestarts: 0, jobsCompleted: 0 }),
        sample(41, { workerRestarts: 1, jobsCompleted: 2 }),
      ],
      HOUR,
    );
    const c = restartsChart(s, HOUR);
    expect(c.yInteger).toBe(true);
    expect(ys(c)).toEqual([[0, 3, null, 3, 4]]);
    expect(c.gaps).toBe(1);
  });

  it('wasm memory: a line per worker in MiB, no diagonal across an empty stretch, unknown (0) not drawn', () => {
    const mem = (id: number, mib: number) => ({ slot: 0, workerId: id, wasmMemoryBytes: mib * MIB });
    const c = wasmMemoryChart(
      systemSamples(
        [
          sample(0, { workerMemory: [mem(1, 400), { slot: 1, workerId: 2, wasmMemoryBytes: 0 }], jobsCompleted: 9 }),
          sample(0.2, { workerMemory: [mem(1, 450), mem(2, 8)], jobsCompleted: 10 }),
          // Half an hour without samples; then the same worker id in a new page.
          sample(30, { workerMemory: [mem(1, 20)], jobsCompleted: 0 }),
          sample(30.2, { workerMemory: [mem(1, 22)], jobsCompleted: 1 }),
        ],
        HOUR,
      ),
      HOUR,
    );
    expect(c.series.map((s) => s.label)).toEqual(['worker 1', 'worker 2']);
    expect(ys(c)).toEqual([[400, 450, null, 20, 22], [8]]);
    const brk = c.series[0].points[2];
    expect(brk.x > T0 + 0.2 * MINUTE && brk.x < T0 + 30 * MINUTE).toBe(true);
    expect([c.pointCount, c.gaps, c.longestLine]).toEqual([5, 1, 2]);
    expect(c.table.rows).toHaveLength(5);
  });

  it('storage and heap: missing values are not drawn; no heap at all gives an empty chart', () => {
    const s = systemSamples(
      [sample(0), sample(5, { storageUsedBytes: 2 * MIB, storageQuotaBytes: 1024 * MIB, jsHeapBytes: 10 * MIB })],
      HOUR,
    );
    expect(ys(storageChart(s, HOUR))).toEqual([[2], [1024]]);
    expect(jsHeapChart(s, HOUR).pointCount).toBe(1);
    const none = jsHeapChart(systemSamples([sample(0)], HOUR), HOUR);
    expect([none.pointCount, none.series, none.xMin]).toEqual([0, [], HOUR.from]);
  });

  it('caps a series at HEALTH_MAX_POINTS, keeping the first and the last sample', () => {
    const many = Array.from({ length: 1000 }, (_, i) => sample(i * 0.06, { queueDepth: i }));
    const s = { samples: many, pieces: many.map(() => 0), restarts: many.map(() => 0) };
    const c = poolChart(s, HOUR);
    expect(c.series[1].points).toHaveLength(HEALTH_MAX_POINTS);
    expect(c.series[1].points[0].y).toBe(0);
    expect(c.series[1].points.at(-1)!.y).toBe(999);
  });

  it('caps the lines at HEALTH_MAX_SERIES, keeping the workers with the most points', () => {
    const workers = HEALTH_MAX_SERIES + 3;
    const s = Array.from({ length: 3 }, (_, k) =>
      sample(k, {
        workerMemory: Array.from({ length: workers }, (_, w) => ({
          slot: w,
          workerId: w,
          wasmMemoryBytes: w < 3 && k > 0 ? 0 : MIB,
        })),
      }),
    );
    const c = wasmMemoryChart(systemSamples(s, HOUR), HOUR);
    expect(c.series).toHaveLength(HEALTH_MAX_SERIES);
    expect(c.series[0].label).toBe('worker 3');
  });

  it('an offset moves the ticks and the axis title to local time', () => {
    const c = poolChart(systemSamples([sample(0)], HOUR), HOUR, 3_600_000);
    expect(c.xLabel).toBe('time (UTC+01:00)');
    expect(c.xTicks[0].label).toBe('13:00');
    expect(c.offsetMs).toBe(3_600_000);
  });
});

describe('trend charts', () => {
  const buckets = {
    zeta: [[bucket(0, 2, 10, 0), bucket(10, 0, null, 0), bucket(20, 4, 30, 0.25)]],
    alpha: [[bucket(0, 0, null, 0), bucket(10, 1, 5, 1)]],
  };

  it('solve time p50: one line per template (sorted), joined over an empty bucket', () => {
    const c = solveTimeTrendChart(buckets, HOUR);
    expect(c.series.map((s) => s.label)).toEqual(['alpha', 'zeta']);
    expect(c.series.map((s) => s.points)).toEqual([
      [{ x: T0 + 10 * MINUTE, y: 5 }],
      [
        { x: T0, y: 10 },
        { x: T0 + 20 * MINUTE, y: 30 },
      ],
    ]);
    expect([c.longestLine, c.gaps]).toEqual([2, 0]);
  });

  it('a long run of empty buckets breaks the line', () => {
    const split = { t: [[1, 1, 0, 0, 0, 0, 1, 1].map((n, i) => bucket(i, n, n > 0 ? 10 * (i + 1) : null, 0))] };
    const c = solveTimeTrendChart(split, HOUR);
    expect(ys(c)).toEqual([[10, 20, null, 70, 80]]);
    expect([c.gaps, c.longestLine]).toEqual([1, 2]);
  });

  it('each session is a line of its own: a break between sessions, none inside them', () => {
    const sessions = {
      t: [
        [bucket(0, 1, 10, 0), bucket(1, 1, 11, 0), bucket(2, 1, 12, 0)],
        [bucket(40, 1, 20, 0), bucket(40.5, 0, null, 0), bucket(41, 1, 21, 0)],
      ],
    };
    const c = solveTimeTrendChart(sessions, HOUR);
    expect(ys(c)).toEqual([[10, 11, 12, null, 20, 21]]);
    expect([c.gaps, c.longestLine, c.pointCount]).toEqual([1, 3, 5]);
  });

  it('error rate in %, empty buckets (rate 0 of nothing) not drawn', () => {
    const c = errorRateTrendChart(buckets, HOUR);
    expect(ys(c)).toEqual([[100], [0, 25]]);
    expect(c.pointCount).toBe(3);
  });
});

describe('healthCharts', () => {
  it('lists every chart in order; the heap chart only when the browser exposes the heap', () => {
    const without = healthCharts(systemSamples([sample(0)], HOUR), {}, HOUR).map((c) => c.id);
    expect(without).toEqual([
      'pool-utilization',
      'worker-restarts',
      'wasm-memory',
      'storage',
      'solve-time-p50',
      'error-rate',
    ]);
    const withHeap = healthCharts(systemSamples([sample(0, { jsHeapBytes: MIB })], HOUR), {}, HOUR).map((c) => c.id);
    expect(withHeap).toContain('js-heap');
    expect(healthCharts(NO_SYSTEM_SAMPLES, {}, HOUR).every((c) => c.pointCount === 0)).toBe(true);
  });

  it("the CSV has a header and one line per drawn point (no break rows); a template's name is quoted as text", () => {
    const c = solveTimeTrendChart(
      {
        '=evil,name': [[bucket(0, 1, 7, 0)], [bucket(50, 1, 9, 0)]],
      },
      HOUR,
    );
    expect(c.gaps).toBe(1);
    const csv = toCsv(c.table);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + c.pointCount);
    expect(csv).toContain(`"'=evil,name",`);
    expect(csv).toContain(new Date(T0).toISOString());
  });
});
