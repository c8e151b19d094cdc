// The #/health resource charts' numbers, pure: from the window's system samples and the per-template trend
// buckets, plain series on a clock-time axis (x in epoch ms on a linear axis, with tick values and labels made
// here: no date adapter), broken wherever the samples stop (a closed page, a reload) so no line crosses a
// stretch without samples, and the table of exactly the points drawn (one row per point, ISO time, for the CSV
// and the "show numbers" table).
import { median } from '../stats/descriptive';
import { spanTrendBuckets } from '../metrics/summary';
import type { SolvePoint, SystemPoint, TimeWindow, TrendBucket } from '../metrics/types';
import { evenlySpacedIndices, type ChartTable } from './table';

/** The ids of the health view's charts (data-chart). */
export type HealthChartId =
  'pool-utilization' | 'worker-restarts' | 'wasm-memory' | 'storage' | 'js-heap' | 'solve-time-p50' | 'error-rate';

/** One drawn point: x in epoch ms; y null is a break (Chart.js draws no line across it with spanGaps off). */
export interface HealthPoint {
  x: number;
  y: number | null;
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

/** One tick of the clock-time axis: where (epoch ms) and its text. */
export interface ClockTick {
  value: number;
  label: string;
}

/** A health chart as the component draws it. */
export interface HealthChart {
  id: HealthChartId;
  title: string;
  /** The x axis' title (clock time and its offset from UTC). */
  xLabel: string;
  yLabel: string;
  /** The right-hand axis' title, when a series uses it. */
  y1Label: string | null;
  /** The x axis spans [xMin, xMax], epoch ms: from the first point to the window's end. */
  xMin: number;
  xMax: number;
  /** The x axis' ticks, aligned to local clock time. */
  xTicks: ClockTick[];
  /** The local time's offset from UTC the ticks were made for, ms (the tooltips use it too). */
  offsetMs: number;
  /** Whether an axis counts whole things (its ticks are whole numbers). */
  yInteger: boolean;
  y1Integer: boolean;
  series: HealthSeries[];
  /** Points drawn over every series, breaks not counted (the wrapper's data-value). */
  pointCount: number;
  /** Breaks drawn over every series: gaps without samples and page reloads. */
  gaps: number;
  /** The most points joined in one unbroken line over every series (1: only single dots). */
  longestLine: number;
  table: ChartTable;
}

/** The most points of one series (system series come at most this dense already). */
export const HEALTH_MAX_POINTS = 240;
/** The most lines of a chart with one line per worker or per template (the ones with the most points win). */
export const HEALTH_MAX_SERIES = 12;
/** A line breaks between two samples further apart than this many typical sampling steps. */
export const GAP_FACTOR = 3;
/**
 * The shortest stretch without system samples that breaks a line, ms: a hidden tab's timers run about once a
 * minute, so its samples are not gaps.
 */
export const MIN_GAP_MS = 2 * 60_000;

const MIB = 1024 * 1024;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

// ---------------------------------------------------------------------------------------------------------
// Gaps and reloads

/** How far apart samples at these times (sorted) may be before a line breaks: GAP_FACTOR × the median step, at least minGapMs. */
export function gapThreshold(times: readonly number[], minGapMs = MIN_GAP_MS): number {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) if (times[i] > times[i - 1]) steps.push(times[i] - times[i - 1]);
  const step = median(steps);
  return Math.max(minGapMs, step === null ? 0 : GAP_FACTOR * step);
}

/**
 * The line piece of each sample (times sorted): a new piece starts where a sample is more than maxGapMs after the
 * one before, or where `restarted[i]` says the sampling started over (a reload).
 */
export function pieceIds(times: readonly number[], maxGapMs: number, restarted?: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < times.length; i++)
    out.push(i === 0 ? 0 : out[i - 1] + (times[i] - times[i - 1] > maxGapMs || restarted?.[i] === true ? 1 : 0));
  return out;
}

/**
 * Whether `cur` was sampled by a newer page than `prev`: the pool's counters (restarts, jobs completed, jobs failed)
 * only grow within one page, so any of them going down means a reload (a counter reset, as Prometheus reads one).
 */
export function pageChanged(prev: SystemPoint, cur: SystemPoint): boolean {
  return (
    cur.workerRestarts < prev.workerRestarts ||
    cur.jobsCompleted < prev.jobsCompleted ||
    cur.jobsFailed < prev.jobsFailed
  );
}

/**
 * Worker restarts from the first sample up to each sample (sorted), across reloads: the counter's increase between
 * consecutive samples, and after a reset (a newer page) its whole value, as Prometheus' increase() counts.
 */
export function restartTotals(samples: readonly SystemPoint[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    if (i === 0) {
      out.push(0);
      continue;
    }
    const prev = samples[i - 1];
    const cur = samples[i];
    const added = pageChanged(prev, cur) ? cur.workerRestarts : Math.max(0, cur.workerRestarts - prev.workerRestarts);
    out.push(out[i - 1] + added);
  }
  return out;
}

/** The window's system samples ready to draw: each with its line piece and the restarts counted so far. */
export interface SystemSamples {
  samples: SystemPoint[];
  /** Per sample: its line piece (a new piece after a stretch without samples or a reload). */
  pieces: number[];
  /** Per sample: worker restarts from the window's first sample up to it, reloads included. */
  restarts: number[];
}

/** No samples. */
export const NO_SYSTEM_SAMPLES: SystemSamples = { samples: [], pieces: [], restarts: [] };

/**
 * The window's system samples in time order with their pieces and restart totals (both worked out on every sample),
 * then thinned to at most maxPoints: the window cut into maxPoints equal cells and the newest sample of each kept,
 * so the latest sample is always shown and a cell's line is as dense as the window allows whatever the sampling rate.
 */
export function systemSamples(
  system: readonly SystemPoint[],
  window: TimeWindow,
  maxPoints = HEALTH_MAX_POINTS,
): SystemSamples {
  const raw = system.filter((p) => p.t >= window.from && p.t < window.to).sort((a, b) => a.t - b.t || a.seq - b.seq);
  const times = raw.map((p) => p.t);
  const pieces = pieceIds(
    times,
    gapThreshold(times),
    raw.map((p, i) => i > 0 && pageChanged(raw[i - 1], p)),
  );
  const restarts = restartTotals(raw);
  const keep = newestPerCell(times, window, maxPoints);
  return {
    samples: keep.map((i) => raw[i]),
    pieces: keep.map((i) => pieces[i]),
    restarts: keep.map((i) => restarts[i]),
  };
}

/** Indices of the newest time (sorted) in each of `cells` equal cells of the window; every index when there are no more than cells. */
export function newestPerCell(times: readonly number[], window: TimeWindow, cells: number): number[] {
  const n = Math.floor(cells);
  if (!(n >= 1)) return [];
  if (times.length <= n) return times.map((_, i) => i);
  const width = (window.to - window.from) / n;
  const cell = (t: number) => Math.min(n - 1, Math.max(0, Math.floor((t - window.from) / width)));
  const out: number[] = [];
  for (let i = 0; i < times.length; i++)
    if (i === times.length - 1 || cell(times[i + 1]) !== cell(times[i])) out.push(i);
  return out;
}

/**
 * The piece of each bucket (in order): a new piece after more than GAP_FACTOR bucket widths without a solve, so a
 * template solved in two sessions is two lines, while a bucket or two without a solve does not break its line.
 */
export function bucketPieces(buckets: readonly TrendBucket[]): number[] {
  const width = buckets.length >= 2 ? buckets[1].t - buckets[0].t : Infinity;
  const filled = buckets.map((b, i) => ({ i, t: b.t })).filter((x) => buckets[x.i].count > 0);
  const ids = pieceIds(
    filled.map((x) => x.t),
    GAP_FACTOR * width,
  );
  const out = buckets.map(() => -1);
  filled.forEach((x, k) => (out[x.i] = ids[k]));
  return out;
}

/**
 * A template's solves in the window as trend buckets per session: its solves split where the gap rule breaks them
 * (more than GAP_FACTOR × their median spacing apart, at least MIN_GAP_MS), and each session cut over its own span
 * (spanTrendBuckets), so a template benchmarked this morning and again now is two lines, each of many buckets.
 */
export function trendSessions(
  solves: readonly SolvePoint[],
  window: TimeWindow,
  maxBuckets: number,
  template: string,
): TrendBucket[][] {
  const mine = solves
    .filter((s) => s.template === template && s.t >= window.from && s.t < window.to)
    .sort((a, b) => a.t - b.t || a.seq - b.seq);
  const times = mine.map((s) => s.t);
  const pieces = pieceIds(times, gapThreshold(times));
  const sessions: SolvePoint[][] = [];
  mine.forEach((s, i) => (sessions[pieces[i]] ??= []).push(s));
  return sessions.map((group) => spanTrendBuckets(group, window, maxBuckets));
}

// ---------------------------------------------------------------------------------------------------------
// The clock-time axis

/** The steps clock ticks may take, ms: the smallest that gives at most the wanted number of ticks wins. */
export const CLOCK_STEPS_MS: readonly number[] = [
  1000,
  2000,
  5000,
  10_000,
  15_000,
  30_000,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A time as a person reads it in a zone offsetMs from UTC: HH:MM, with :SS and a leading "23 Nov" when asked, or
 * the date alone (time: false).
 */
export function clockLabel(
  t: number,
  offsetMs: number,
  opts: { seconds?: boolean; date?: boolean; time?: boolean } = {},
): string {
  const d = new Date(t + offsetMs);
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (opts.time === false) return date;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${opts.seconds ? `:${two(d.getUTCSeconds())}` : ''}`;
  return opts.date ? `${date} ${time}` : time;
}

/** An offset from UTC as text: 'UTC', 'UTC+01:00', 'UTC−05:30'. */
export function utcOffsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC';
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE);
  return `UTC${offsetMs > 0 ? '+' : '−'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * Ticks of a clock-time axis over [min, max] (epoch ms) in a zone offsetMs from UTC: the smallest step of
 * CLOCK_STEPS_MS giving at most maxTicks ticks, each on a whole step of local time (14:00, 14:15, … ; days at
 * local midnight). Labels are HH:MM (HH:MM:SS below a minute's step), with the date when the axis spans a day
 * or more and on a tick at midnight (so a night is never mistaken for the same day), the date alone for steps of
 * a day or more.
 */
export function clockTicks(min: number, max: number, offsetMs: number, maxTicks = 8): ClockTick[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const span = max - min;
  const step =
    CLOCK_STEPS_MS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const first = Math.ceil((min + offsetMs) / step) * step - offsetMs;
  const out: ClockTick[] = [];
  for (let v = first; v <= max; v += step) {
    const midnight = (v + offsetMs) % DAY === 0;
    const label = clockLabel(v, offsetMs, { seconds: step < MINUTE, date: span >= DAY || midnight, time: step < DAY });
    out.push({ value: v, label });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Charts

interface Spec {
  id: HealthChartId;
  title: string;
  yLabel: string;
  y1Label?: string;
  /** Which axes count whole things. */
  integer?: { y?: boolean; y1?: boolean };
}

interface RawSeries {
  key: string;
  label: string;
  axis?: 'y' | 'y1';
  /** Samples in time order with their line piece; non-finite values are not drawn. */
  values: { t: number; v: number | null; piece: number }[];
}

/** Builds a chart from raw series: finite values only, points capped, breaks between pieces, the table of what is drawn. */
function build(spec: Spec, window: TimeWindow, offsetMs: number, raw: RawSeries[]): HealthChart {
  // The lines with the most points are kept (ties: the first listed), then drawn in the order given.
  const kept = raw
    .map((s, i) => ({ ...s, i, values: s.values.filter((p) => p.v !== null && Number.isFinite(p.v)) }))
    .filter((s) => s.values.length > 0)
    .sort((a, b) => b.values.length - a.values.length || a.i - b.i)
    .slice(0, HEALTH_MAX_SERIES)
    .sort((a, b) => a.i - b.i);
  let gaps = 0;
  let longestLine = 0;
  const series: HealthSeries[] = kept.map((s) => {
    const sorted = [...s.values].sort((a, b) => a.t - b.t);
    const points: HealthPoint[] = [];
    let run = 0;
    let prev: (typeof sorted)[number] | null = null;
    for (const i of evenlySpacedIndices(sorted.length, HEALTH_MAX_POINTS)) {
      const p = sorted[i];
      if (prev !== null && prev.piece !== p.piece) {
        points.push({ x: (prev.t + p.t) / 2, y: null });
        gaps++;
        run = 0;
      }
      points.push({ x: p.t, y: round(p.v as number) });
      longestLine = Math.max(longestLine, ++run);
      prev = p;
    }
    return { key: s.key, label: s.label, axis: s.axis ?? 'y', points };
  });
  const drawn = series.flatMap((s) => s.points.filter((p) => p.y !== null));
  const xMin = drawn.length === 0 ? window.from : Math.min(...drawn.map((p) => p.x));
  const xMax = Math.max(window.to, xMin);
  return {
    id: spec.id,
    title: spec.title,
    xLabel: `time (${utcOffsetText(offsetMs)})`,
    yLabel: spec.yLabel,
    y1Label: spec.y1Label ?? null,
    xMin,
    xMax,
    xTicks: clockTicks(xMin, xMax, offsetMs),
    offsetMs,
    yInteger: spec.integer?.y === true,
    y1Integer: spec.integer?.y1 === true,
    series,
    pointCount: drawn.length,
    gaps,
    longestLine,
    table: {
      columns: ['series', 'time', 'value'],
      rows: series.flatMap((s) =>
        s.points.filter((p) => p.y !== null).map((p) => [s.label, new Date(p.x).toISOString(), p.y]),
      ),
    },
  };
}

/** One value per sample, with the sample's piece. */
const systemValues = (s: SystemSamples, f: (p: SystemPoint, i: number) => number | null) =>
  s.samples.map((p, i) => ({ t: p.t, v: f(p, i), piece: s.pieces[i] }));

/** Pool utilization (%, left axis) and queue depth (whole jobs, right axis) over the window. */
export function poolChart(s: SystemSamples, window: TimeWindow, offsetMs = 0): HealthChart {
  return build(
    {
      id: 'pool-utilization',
      title: 'Pool utilization and queue depth',
      yLabel: 'utilization (%)',
      y1Label: 'queued jobs',
      integer: { y1: true },
    },
    window,
    offsetMs,
    [
      { key: 'utilization', label: 'pool utilization (%)', values: systemValues(s, (p) => p.poolUtilization * 100) },
      { key: 'queue', label: 'queue depth (jobs)', axis: 'y1', values: systemValues(s, (p) => p.queueDepth) },
    ],
  );
}

/** Worker restarts counted from the window's first sample, across reloads (each page's counter starts at 0). */
export function restartsChart(s: SystemSamples, window: TimeWindow, offsetMs = 0): HealthChart {
  return build(
    {
      id: 'worker-restarts',
      title: 'Worker restarts',
      yLabel: 'restarts in the window',
      integer: { y: true },
    },
    window,
    offsetMs,
    [
      {
        key: 'restarts',
        label: 'worker restarts (total since the window began)',
        values: systemValues(s, (_, i) => s.restarts[i]),
      },
    ],
  );
}

/** WASM memory per worker (MiB), one line per worker id (a restarted worker is a new line; a reload breaks a line). */
export function wasmMemoryChart(s: SystemSamples, window: TimeWindow, offsetMs = 0): HealthChart {
  const byWorker = new Map<number, RawSeries['values']>();
  s.samples.forEach((p, i) => {
    for (const w of p.workerMemory) {
      const list = byWorker.get(w.workerId) ?? [];
      list.push({ t: p.t, v: w.wasmMemoryBytes > 0 ? w.wasmMemoryBytes / MIB : null, piece: s.pieces[i] });
      byWorker.set(w.workerId, list);
    }
  });
  const raw = [...byWorker.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, values]) => ({ key: `worker-${id}`, label: `worker ${id}`, values }));
  return build(
    { id: 'wasm-memory', title: 'WASM memory per worker', yLabel: 'WASM memory (MiB)' },
    window,
    offsetMs,
    raw,
  );
}

/** Storage used and the quota (MiB) over the window. */
export function storageChart(s: SystemSamples, window: TimeWindow, offsetMs = 0): HealthChart {
  return build({ id: 'storage', title: 'Storage used and quota', yLabel: 'MiB' }, window, offsetMs, [
    { key: 'used', label: 'storage used (MiB)', values: systemValues(s, (p) => nullable(p.storageUsedBytes, MIB)) },
    { key: 'quota', label: 'quota (MiB)', values: systemValues(s, (p) => nullable(p.storageQuotaBytes, MIB)) },
  ]);
}

/** The JS heap in use (MiB), where the browser exposes it (pointCount 0 elsewhere). */
export function jsHeapChart(s: SystemSamples, window: TimeWindow, offsetMs = 0): HealthChart {
  return build({ id: 'js-heap', title: 'JS heap', yLabel: 'JS heap used (MiB)' }, window, offsetMs, [
    { key: 'heap', label: 'JS heap (MiB)', values: systemValues(s, (p) => nullable(p.jsHeapBytes, MIB)) },
  ]);
}

function nullable(x: number | null, scale: number): number | null {
  return x === null ? null : x / scale;
}

/**
 * One line per template (sorted by template) from its sessions' buckets: empty buckets are not drawn, a long run of
 * them breaks the line, and so does the step from one session to the next.
 */
function perTemplateChart(
  meta: Spec,
  sessions: Readonly<Record<string, readonly (readonly TrendBucket[])[]>>,
  window: TimeWindow,
  offsetMs: number,
  value: (b: TrendBucket) => number | null,
): HealthChart {
  return build(
    meta,
    window,
    offsetMs,
    Object.keys(sessions)
      .sort()
      .map((t) => {
        let first = 0;
        const values = sessions[t].flatMap((buckets) => {
          const pieces = bucketPieces(buckets);
          const out = buckets.map((b, i) => ({ t: b.t, v: b.count > 0 ? value(b) : null, piece: first + pieces[i] }));
          first += Math.max(0, ...pieces) + 1;
          return out;
        });
        return { key: t, label: t, values };
      }),
  );
}

/** Trend buckets per template, per session (trendSessions). */
export type TemplateTrends = Readonly<Record<string, readonly (readonly TrendBucket[])[]>>;

/** Median solve time (ms) per template per bucket, as a line per template. */
export function solveTimeTrendChart(buckets: TemplateTrends, window: TimeWindow, offsetMs = 0): HealthChart {
  const meta: Spec = { id: 'solve-time-p50', title: 'Solve time p50 per template', yLabel: 'p50 solve time (ms)' };
  return perTemplateChart(meta, buckets, window, offsetMs, (b) => b.p50Ms);
}

/** Error rate (%) per template per bucket, as a line per template. */
export function errorRateTrendChart(buckets: TemplateTrends, window: TimeWindow, offsetMs = 0): HealthChart {
  const meta: Spec = { id: 'error-rate', title: 'Error rate per template', yLabel: 'error rate (%)' };
  return perTemplateChart(meta, buckets, window, offsetMs, (b) => b.errorRate * 100);
}

/** Every health chart of a window, in the view's order (the JS heap one only when the browser exposes it). */
export function healthCharts(
  system: SystemSamples,
  buckets: TemplateTrends,
  window: TimeWindow,
  offsetMs = 0,
): HealthChart[] {
  const heap = jsHeapChart(system, window, offsetMs);
  return [
    poolChart(system, window, offsetMs),
    restartsChart(system, window, offsetMs),
    wasmMemoryChart(system, window, offsetMs),
    storageChart(system, window, offsetMs),
    ...(heap.pointCount > 0 ? [heap] : []),
    solveTimeTrendChart(buckets, window, offsetMs),
    errorRateTrendChart(buckets, window, offsetMs),
  ];
}
