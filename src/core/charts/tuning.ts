// The run view's tuning charts, pure: a Solve ×N's strip chart with its box, a sweep's time (and work)
// against the value, the ablation's sorted time ratios, the MIP gap of the last solve with the pinned
// reference's overlaid; and the plain figures beside them (a delta as text, the model's share of memory).
// Every builder caps what it draws and returns the table of exactly the numbers drawn.
import type { MipPoint } from '../run-record';
import type { AblationRow, Delta, Distribution, SweepPoint } from '../tuning/types';
import { evenlySpacedIndices, type ChartTable } from './table';

/** Most run points one strip chart (Solve ×N) or one sweep value draws. */
export const MAX_STRIP_POINTS = 400;
/** Most bars of the ablation chart (the costliest groups: lowest time ratio without them). */
export const MAX_ABLATION_BARS = 60;
/** Most points of one MIP curve in the profile's gap chart. */
export const MAX_CURVE_POINTS = 300;

/** A point of a linear chart. */
export interface XY {
  x: number;
  y: number;
}

/** Half the width of the box (and of the strip's spread) around x = 0. */
const HALF = 0.3;

// Deterministic jitter (golden-ratio sequence): the same runs always draw the same strip, spread evenly.
const jitter = (i: number): number => (((i * 0.6180339887) % 1) - 0.5) * 2 * HALF * 0.8;

/** The strip chart of a distribution: each run a point, the box Q1–Q3, the median and the min–max whiskers. */
export interface DistributionChart {
  points: XY[];
  /** Outline of the box (closed), the median line and the two whiskers, each a polyline. */
  box: XY[];
  median: XY[];
  whiskers: [XY[], XY[]];
  /** Values not drawn (past MAX_STRIP_POINTS). */
  hidden: number;
  table: ChartTable;
}

/** The strip-and-box chart of a Solve ×N's times (ms). */
export function distributionChart(d: Distribution, maxPoints: number = MAX_STRIP_POINTS): DistributionChart {
  const idx = evenlySpacedIndices(d.values.length, maxPoints);
  const points = idx.map((i, k) => ({ x: jitter(k + 1), y: d.values[i] }));
  const box = [
    { x: -HALF, y: d.q1 },
    { x: HALF, y: d.q1 },
    { x: HALF, y: d.q3 },
    { x: -HALF, y: d.q3 },
    { x: -HALF, y: d.q1 },
  ];
  const median = [
    { x: -HALF, y: d.median },
    { x: HALF, y: d.median },
  ];
  const whiskers: [XY[], XY[]] = [
    [
      { x: 0, y: d.min },
      { x: 0, y: d.q1 },
    ],
    [
      { x: 0, y: d.q3 },
      { x: 0, y: d.max },
    ],
  ];
  const rows: ChartTable['rows'] = [
    ['min', d.min],
    ['Q1', d.q1],
    ['median', d.median],
    ['Q3', d.q3],
    ['max', d.max],
    ...points.map((p, k): ChartTable['rows'][number] => [`run ${k + 1}`, p.y]),
  ];
  return {
    points,
    box,
    median,
    whiskers,
    hidden: d.values.length - points.length,
    table: { columns: ['figure', 'time (ms)'], rows },
  };
}

/** The median of numbers (null for none). */
function medianOf(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** The sweep chart: one x position per value (0, 1, …), the median time and work, each run's time. */
export interface SweepChart {
  labels: string[];
  medianMs: (number | null)[];
  medianWork: (number | null)[];
  runs: XY[];
  /** The best value's point (lowest median time among fully solved values), or null. */
  best: XY | null;
  table: ChartTable;
}

/** A sweep value as text ('on', 'true', '0.001'). */
export const sweepLabel = (v: string | number | boolean): string => String(v);

/** The sweep chart of the points (values in sweep order) with the best one marked. */
export function sweepChart(
  points: readonly SweepPoint[],
  best: number | null,
  maxPerValue: number = MAX_STRIP_POINTS,
): SweepChart {
  const runs: XY[] = [];
  const rows: ChartTable['rows'] = [];
  const medianMs = points.map((p) => medianOf(p.timesMs));
  const medianWork = points.map((p) => medianOf(p.work));
  points.forEach((p, x) => {
    for (const i of evenlySpacedIndices(p.timesMs.length, maxPerValue)) {
      runs.push({ x, y: p.timesMs[i] });
      rows.push([sweepLabel(p.value), i + 1, p.timesMs[i], p.work[i] ?? null, p.objectives[i] ?? null]);
    }
  });
  const bestMs = best === null ? null : (medianMs[best] ?? null);
  return {
    labels: points.map((p) => sweepLabel(p.value)),
    medianMs,
    medianWork,
    runs,
    best: best === null || bestMs === null ? null : { x: best, y: bestMs },
    table: {
      columns: ['value', 'run', 'time (ms)', 'work', 'objective'],
      rows: [
        ...rows,
        ...points.map((p, i): ChartTable['rows'][number] => [
          sweepLabel(p.value),
          i === best ? 'median (best)' : 'median',
          medianMs[i],
          medianWork[i],
          null,
        ]),
      ],
    },
  };
}

/** The ablation chart: groups sorted by time ratio (the costliest first: lowest ratio without them). */
export interface AblationChart {
  labels: string[];
  ratios: number[];
  /** Groups not drawn: no ratio (a failed solve) or past MAX_ABLATION_BARS. */
  hidden: number;
  table: ChartTable;
}

/** A group's name as shown: the empty prefix of a model without row names is "all rows". */
export const groupLabel = (prefix: string): string => (prefix === '' ? '(all rows)' : prefix);

/** The sorted bar chart of the ablation rows' time ratios. */
export function ablationChart(rows: readonly AblationRow[], maxBars: number = MAX_ABLATION_BARS): AblationChart {
  const withRatio = rows
    .map((r, i) => ({ r, i }))
    .filter((x): x is { r: AblationRow & { timeRatio: number }; i: number } => x.r.timeRatio !== null)
    .sort((a, b) => a.r.timeRatio - b.r.timeRatio || a.i - b.i)
    .slice(0, maxBars);
  return {
    labels: withRatio.map((x) => groupLabel(x.r.group)),
    ratios: withRatio.map((x) => x.r.timeRatio),
    hidden: rows.length - withRatio.length,
    table: {
      columns: ['group', 'rows', 'nonzeros', 'time ratio without it', 'objective change without it', 'status'],
      rows: withRatio.map((x) => [
        groupLabel(x.r.group),
        x.r.rows,
        x.r.nnz,
        x.r.timeRatio,
        x.r.objectiveChange,
        x.r.status,
      ]),
    },
  };
}

/** One MIP curve of the profile's gap chart, in ms. */
export interface GapCurve {
  label: string;
  primal: XY[];
  dual: XY[];
  gapPct: XY[];
}

/** The MIP bound points in ms, as the primal–dual integral takes them. */
export function boundPointsMs(
  points: readonly MipPoint[],
): { tMs: number; primal: number | null; dual: number | null }[] {
  return points.map((p) => ({ tMs: p.t * 1000, primal: p.primal, dual: p.dual }));
}

/** The gap chart of the last solve, with the pinned reference's curve when it has points. */
export interface GapCurvesChart {
  curves: GapCurve[];
  table: ChartTable;
}

/** Both runs' bounds and gap over time (ms), each thinned to at most maxPoints (first and last kept). */
export function gapCurvesChart(
  runs: readonly { label: string; points: readonly MipPoint[] }[],
  maxPoints: number = MAX_CURVE_POINTS,
): GapCurvesChart {
  const rows: ChartTable['rows'] = [];
  const curves = runs.map((run): GapCurve => {
    const kept = evenlySpacedIndices(run.points.length, maxPoints).map((i) => run.points[i]);
    const curve: GapCurve = { label: run.label, primal: [], dual: [], gapPct: [] };
    for (const p of kept) {
      const x = p.t * 1000;
      const gapPct = p.gap === null ? null : Math.min(100, p.gap * 100);
      if (p.primal !== null) curve.primal.push({ x, y: p.primal });
      if (p.dual !== null) curve.dual.push({ x, y: p.dual });
      if (gapPct !== null) curve.gapPct.push({ x, y: gapPct });
      rows.push([run.label, x, p.primal, p.dual, gapPct]);
    }
    return curve;
  });
  return { curves, table: { columns: ['run', 't (ms)', 'primal bound', 'dual bound', 'gap % (capped at 100)'], rows } };
}

/** Memory of a profiled solve: what reading the model and the solve added, and the model's share. */
export interface MemoryShare {
  modelBytes: number;
  solveBytes: number;
  /** The model's bytes ÷ the heap after the solve (0..1). */
  modelShare: number;
}

/** The model's share of the WASM heap from the profile's three samples (the heap only grows). */
export function memoryShare(m: {
  beforeReadBytes: number;
  afterReadBytes: number;
  afterSolveBytes: number;
}): MemoryShare {
  const modelBytes = Math.max(0, m.afterReadBytes - m.beforeReadBytes);
  const solveBytes = Math.max(0, m.afterSolveBytes - m.afterReadBytes);
  return { modelBytes, solveBytes, modelShare: m.afterSolveBytes > 0 ? modelBytes / m.afterSolveBytes : 0 };
}

/** A delta's value as text: a ratio as ×1.23, a difference signed (+0.5, −2); '–' when unknown. */
export function formatDelta(d: Pick<Delta, 'kind' | 'value'>): string {
  if (d.value === null || !Number.isFinite(d.value)) return '–';
  const v = Number(d.value.toPrecision(4));
  if (d.kind === 'ratio') return `×${v}`;
  return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0';
}
