// The #/health resource charts' numbers, pure: from the window's system samples (already downsampled by
// core/metrics' systemSeries) and the per-template trend buckets, plain series on a linear time axis
// (time since the window's start, in minutes, hours or days by the window's length: no date adapter) and
// the table of exactly the points drawn (one row per point, for the CSV and the "show numbers" table).
import type { SystemPoint, TimeWindow, TrendBucket } from '../metrics/types';
import { evenlySpacedIndices, type ChartTable } from './table';

/** The ids of the health view's charts (data-chart). */
export type HealthChartId =
  'pool-utilization' | 'worker-restarts' | 'wasm-memory' | 'storage' | 'js-heap' | 'solve-time-p50' | 'error-rate';

/** One drawn point: x in the chart's time unit since the window's start, y in the series' unit. */
export interface HealthPoint {
  x: number;
  y: number;
  /** Epoch ms of the sample or bucket start. */
  t: number;
}

/** One line of a health chart. */
export interface HealthSeries {
  /** Stable key (a colour index and the dataset's identity). */
  key: string;
  label: string;
  /** Which y axis it is drawn on ('y1': the right-hand one). */
  axis: 'y' | 'y1';
  points: HealthPoint[];
}

/** A health chart as the component draws it. */
export interface HealthChart {
  id: HealthChartId;
  title: string;
  /** The x axis' title (its unit). */
  xLabel: string;
  yLabel: string;
  /** The right-hand axis' title, when a series uses it. */
  y1Label: string | null;
  /** The x axis spans [0, xMax]: the whole window. */
  xMax: number;
  series: HealthSeries[];
  /** Points drawn over every series (the wrapper's data-value). */
  pointCount: number;
  table: ChartTable;
}

/** The most points of one series (system series come at most this dense already). */
export const HEALTH_MAX_POINTS = 240;
/** The most lines of a chart with one line per worker or per template (the ones with the most points win). */
export const HEALTH_MAX_SERIES = 12;

const MIB = 1024 * 1024;

/** The time unit of a window's x axis: minutes up to 2 h, hours up to 3 days, days beyond. */
export function timeUnit(window: TimeWindow): { name: 'minutes' | 'hours' | 'days'; ms: number } {
  const span = window.to - window.from;
  if (span <= 2 * 3_600_000) return { name: 'minutes', ms: 60_000 };
  if (span <= 3 * 86_400_000) return { name: 'hours', ms: 3_600_000 };
  return { name: 'days', ms: 86_400_000 };
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

interface Spec {
  id: HealthChartId;
  title: string;
  yLabel: string;
  y1Label?: string;
}

interface RawSeries {
  key: string;
  label: string;
  axis?: 'y' | 'y1';
  /** Samples in time order; non-finite values are not drawn. */
  values: { t: number; v: number | null }[];
}

/** Builds a chart from raw series: relative x, finite values only, points capped, the table of what is drawn. */
function build(spec: Spec, window: TimeWindow, raw: RawSeries[]): HealthChart {
  const unit = timeUnit(window);
  const xOf = (t: number) => round((t - window.from) / unit.ms);
  // The lines with the most points are kept (ties: the first listed), then drawn in the order given.
  const kept = raw
    .map((s, i) => ({ ...s, i, values: s.values.filter((p) => p.v !== null && Number.isFinite(p.v)) }))
    .filter((s) => s.values.length > 0)
    .sort((a, b) => b.values.length - a.values.length || a.i - b.i)
    .slice(0, HEALTH_MAX_SERIES)
    .sort((a, b) => a.i - b.i);
  const series: HealthSeries[] = kept.map((s) => {
    const sorted = [...s.values].sort((a, b) => a.t - b.t);
    const points = evenlySpacedIndices(sorted.length, HEALTH_MAX_POINTS).map((i) => ({
      x: xOf(sorted[i].t),
      y: round(sorted[i].v as number),
      t: sorted[i].t,
    }));
    return { key: s.key, label: s.label, axis: s.axis ?? 'y', points };
  });
  const xLabel = `${unit.name} since the window's start`;
  return {
    id: spec.id,
    title: spec.title,
    xLabel,
    yLabel: spec.yLabel,
    y1Label: spec.y1Label ?? null,
    xMax: round((window.to - window.from) / unit.ms),
    series,
    pointCount: series.reduce((n, s) => n + s.points.length, 0),
    table: {
      columns: ['series', 'time', xLabel, 'value'],
      rows: series.flatMap((s) => s.points.map((p) => [s.label, new Date(p.t).toISOString(), p.x, p.y])),
    },
  };
}

const systemValues = (system: readonly SystemPoint[], f: (p: SystemPoint) => number | null) =>
  system.map((p) => ({ t: p.t, v: f(p) }));

/** Pool utilization (%, left axis) and queue depth (jobs, right axis) over the window. */
export function poolChart(system: readonly SystemPoint[], window: TimeWindow): HealthChart {
  return build(
    {
      id: 'pool-utilization',
      title: 'Pool utilization and queue depth',
      yLabel: 'utilization (%)',
      y1Label: 'queued jobs',
    },
    window,
    [
      {
        key: 'utilization',
        label: 'pool utilization (%)',
        values: systemValues(system, (p) => p.poolUtilization * 100),
      },
      { key: 'queue', label: 'queue depth (jobs)', axis: 'y1', values: systemValues(system, (p) => p.queueDepth) },
    ],
  );
}

/** Worker restarts since the pool started (a counter within one page) over the window. */
export function restartsChart(system: readonly SystemPoint[], window: TimeWindow): HealthChart {
  return build({ id: 'worker-restarts', title: 'Worker restarts', yLabel: 'restarts since the page opened' }, window, [
    { key: 'restarts', label: 'worker restarts', values: systemValues(system, (p) => p.workerRestarts) },
  ]);
}

/** WASM memory per worker (MiB), one line per worker id (a restarted worker is a new line). */
export function wasmMemoryChart(system: readonly SystemPoint[], window: TimeWindow): HealthChart {
  const byWorker = new Map<number, { t: number; v: number | null }[]>();
  for (const p of system)
    for (const w of p.workerMemory) {
      const list = byWorker.get(w.workerId) ?? [];
      list.push({ t: p.t, v: w.wasmMemoryBytes > 0 ? w.wasmMemoryBytes / MIB : null });
      byWorker.set(w.workerId, list);
    }
  const raw = [...byWorker.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, values]) => ({ key: `worker-${id}`, label: `worker ${id}`, values }));
  return build({ id: 'wasm-memory', title: 'WASM memory per worker', yLabel: 'WASM memory (MiB)' }, window, raw);
}

/** Storage used and the quota (MiB) over the window. */
export function storageChart(system: readonly SystemPoint[], window: TimeWindow): HealthChart {
  return build({ id: 'storage', title: 'Storage used and quota', yLabel: 'MiB' }, window, [
    {
      key: 'used',
      label: 'storage used (MiB)',
      values: systemValues(system, (p) => nullable(p.storageUsedBytes, MIB)),
    },
    { key: 'quota', label: 'quota (MiB)', values: systemValues(system, (p) => nullable(p.storageQuotaBytes, MIB)) },
  ]);
}

/** The JS heap in use (MiB), where the browser exposes it (pointCount 0 elsewhere). */
export function jsHeapChart(system: readonly SystemPoint[], window: TimeWindow): HealthChart {
  return build({ id: 'js-heap', title: 'JS heap', yLabel: 'JS heap used (MiB)' }, window, [
    { key: 'heap', label: 'JS heap (MiB)', values: systemValues(system, (p) => nullable(p.jsHeapBytes, MIB)) },
  ]);
}

function nullable(x: number | null, scale: number): number | null {
  return x === null ? null : x / scale;
}

/** One line per template from its buckets (sorted by template); empty buckets are not drawn. */
function perTemplateChart(
  meta: Spec,
  buckets: Readonly<Record<string, readonly TrendBucket[]>>,
  window: TimeWindow,
  value: (b: TrendBucket) => number | null,
): HealthChart {
  return build(
    meta,
    window,
    Object.keys(buckets)
      .sort()
      .map((t) => ({
        key: t,
        label: t,
        values: buckets[t].map((b) => ({ t: b.t, v: b.count > 0 ? value(b) : null })),
      })),
  );
}

/** Median solve time (ms) per template per bucket; empty buckets are not drawn. */
export function solveTimeTrendChart(
  buckets: Readonly<Record<string, readonly TrendBucket[]>>,
  window: TimeWindow,
): HealthChart {
  const meta: Spec = { id: 'solve-time-p50', title: 'Solve time p50 per template', yLabel: 'p50 solve time (ms)' };
  return perTemplateChart(meta, buckets, window, (b) => b.p50Ms);
}

/** Error rate (%) per template per bucket; empty buckets are not drawn. */
export function errorRateTrendChart(
  buckets: Readonly<Record<string, readonly TrendBucket[]>>,
  window: TimeWindow,
): HealthChart {
  const meta: Spec = { id: 'error-rate', title: 'Error rate per template', yLabel: 'error rate (%)' };
  return perTemplateChart(meta, buckets, window, (b) => b.errorRate * 100);
}

/** Every health chart of a window, in the view's order (the JS heap one only when the browser exposes it). */
export function healthCharts(
  system: readonly SystemPoint[],
  buckets: Readonly<Record<string, readonly TrendBucket[]>>,
  window: TimeWindow,
): HealthChart[] {
  const heap = jsHeapChart(system, window);
  return [
    poolChart(system, window),
    restartsChart(system, window),
    wasmMemoryChart(system, window),
    storageChart(system, window),
    ...(heap.pointCount > 0 ? [heap] : []),
    solveTimeTrendChart(buckets, window),
    errorRateTrendChart(buckets, window),
  ];
}
