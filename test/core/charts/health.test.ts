// The health charts' numbers: the time unit of a window, relative x, units (%, MiB), one line per worker,
// skipped missing values and empty buckets, point and series caps, and the table of exactly what is drawn.
import { describe, expect, it } from 'vitest';
import {
  errorRateTrendChart,
  HEALTH_MAX_POINTS,
  HEALTH_MAX_SERIES,
  healthCharts,
  jsHeapChart,
  poolChart,
  restartsChart,
  solveTimeTrendChart,
  storageChart,
  timeUnit,
  toCsv,
  wasmMemoryChart,
} from '../../../src/core/charts';
import type { SystemPoint, TrendBucket } from '../../../src/core/metrics';
import { sample as baseSample } from '../metrics/fixtures';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const HOUR = { from: T0, to: T0 + 3_600_000 };
const MIB = 1024 * 1024;

const sample = (minute: number, over: Partial<SystemPoint> = {}): SystemPoint =>
  baseSample({
    t: T0 + minute * 60_000,
    seq: 0.5,
    poolUtilization: 0.5,
    queueDepth: 2,
    running: 1,
    throughput: 1,
    hardwareConcurrency: 2,
    ...over,
  });

const bucket = (minute: number, count: number, p50Ms: number | null, errorRate: number): TrendBucket => ({
  t: T0 + minute * 60_000,
  count,
  p50Ms,
  errorRate,
});

describe('timeUnit', () => {
  it.each([
    { span: 3_600_000, unit: 'minutes' },
    { span: 2 * 3_600_000, unit: 'minutes' },
    { span: 86_400_000, unit: 'hours' },
    { span: 7 * 86_400_000, unit: 'days' },
    { span: 30 * 86_400_000, unit: 'days' },
  ])('a window of $span ms is drawn in $unit', ({ span, unit }) => {
    expect(timeUnit({ from: 0, to: span }).name).toBe(unit);
  });
});

describe('system charts', () => {
  it('pool: utilization in % on the left axis, queue depth on the right, x in minutes since the window start', () => {
    const c = poolChart(
      [sample(0, { poolUtilization: 0.25, queueDepth: 0 }), sample(30, { poolUtilization: 1, queueDepth: 5 })],
      HOUR,
    );
    expect(c.id).toBe('pool-utilization');
    expect(c.xMax).toBe(60);
    expect(c.series.map((s) => [s.key, s.axis])).toEqual([
      ['utilization', 'y'],
      ['queue', 'y1'],
    ]);
    expect(c.series[0].points.map((p) => [p.x, p.y])).toEqual([
      [0, 25],
      [30, 100],
    ]);
    expect(c.series[1].points.map((p) => p.y)).toEqual([0, 5]);
    expect(c.pointCount).toBe(4);
    expect(c.table.rows).toHaveLength(4);
    expect(c.table.rows[1]).toEqual(['pool utilization (%)', new Date(T0 + 30 * 60_000).toISOString(), 30, 100]);
  });

  it('restarts: the counter as sampled', () => {
    const c = restartsChart([sample(1, { workerRestarts: 0 }), sample(2, { workerRestarts: 3 })], HOUR);
    expect(c.series[0].points.map((p) => p.y)).toEqual([0, 3]);
  });

  it('wasm memory: one line per worker id in MiB, unknown (0) memory not drawn', () => {
    const c = wasmMemoryChart(
      [
        sample(0, {
          workerMemory: [
            { slot: 0, workerId: 2, wasmMemoryBytes: 16 * MIB },
            { slot: 1, workerId: 1, wasmMemoryBytes: 0 },
          ],
        }),
        sample(1, {
          workerMemory: [
            { slot: 0, workerId: 2, wasmMemoryBytes: 32 * MIB },
            { slot: 1, workerId: 1, wasmMemoryBytes: 8 * MIB },
          ],
        }),
        sample(2, { workerMemory: [{ slot: 0, workerId: 3, wasmMemoryBytes: 20 * MIB }] }),
      ],
      HOUR,
    );
    expect(c.series.map((s) => s.label)).toEqual(['worker 1', 'worker 2', 'worker 3']);
    expect(c.series.map((s) => s.points.map((p) => p.y))).toEqual([[8], [16, 32], [20]]);
    expect(c.pointCount).toBe(4);
  });

  it('storage and heap: missing values are not drawn; no heap at all gives an empty chart', () => {
    const s = [
      sample(0),
      sample(5, { storageUsedBytes: 2 * MIB, storageQuotaBytes: 1024 * MIB, jsHeapBytes: 10 * MIB }),
    ];
    const st = storageChart(s, HOUR);
    expect(st.series.map((x) => x.points.map((p) => p.y))).toEqual([[2], [1024]]);
    expect(jsHeapChart(s, HOUR).pointCount).toBe(1);
    expect(jsHeapChart([sample(0)], HOUR).pointCount).toBe(0);
    expect(jsHeapChart([sample(0)], HOUR).series).toEqual([]);
  });

  it('caps a series at HEALTH_MAX_POINTS, keeping the first and the last sample', () => {
    const many = Array.from({ length: 1000 }, (_, i) => sample(i * 0.06, { queueDepth: i }));
    const c = poolChart(many, HOUR);
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
    const c = wasmMemoryChart(s, HOUR);
    expect(c.series).toHaveLength(HEALTH_MAX_SERIES);
    expect(c.series[0].label).toBe('worker 3');
  });
});

describe('trend charts', () => {
  const buckets = {
    zeta: [bucket(0, 2, 10, 0), bucket(10, 0, null, 0), bucket(20, 4, 30, 0.25)],
    alpha: [bucket(0, 0, null, 0), bucket(10, 1, 5, 1)],
  };

  it('solve time p50: one line per template (sorted), empty buckets not drawn', () => {
    const c = solveTimeTrendChart(buckets, HOUR);
    expect(c.series.map((s) => s.label)).toEqual(['alpha', 'zeta']);
    expect(c.series.map((s) => s.points.map((p) => [p.x, p.y]))).toEqual([
      [[10, 5]],
      [
        [0, 10],
        [20, 30],
      ],
    ]);
  });

  it('error rate in %, empty buckets (rate 0 of nothing) not drawn', () => {
    const c = errorRateTrendChart(buckets, HOUR);
    expect(c.series.map((s) => s.points.map((p) => p.y))).toEqual([[100], [0, 25]]);
    expect(c.pointCount).toBe(3);
  });
});

describe('healthCharts', () => {
  it('lists every chart in order; the heap chart only when the browser exposes the heap', () => {
    const without = healthCharts([sample(0)], {}, HOUR).map((c) => c.id);
    expect(without).toEqual([
      'pool-utilization',
      'worker-restarts',
      'wasm-memory',
      'storage',
      'solve-time-p50',
      'error-rate',
    ]);
    const withHeap = healthCharts([sample(0, { jsHeapBytes: MIB })], {}, HOUR).map((c) => c.id);
    expect(withHeap).toContain('js-heap');
  });

  it("the CSV has a header and one line per drawn point; a template's name is quoted as text", () => {
    const c = solveTimeTrendChart({ '=evil,name': [bucket(0, 1, 7, 0)] }, HOUR);
    const csv = toCsv(c.table);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + c.pointCount);
    expect(csv).toContain(`"'=evil,name",`);
  });
});
