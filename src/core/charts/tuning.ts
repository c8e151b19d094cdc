// The run view's tuning charts, pure: a Solve ×N's strip chart with its box, a sweep's time (and work)
// against the value, the ablation's sorted time ratios, the MIP bounds and gap of a solve (live, and the
// last solve with the pinned reference's overlaid); and the plain figures beside them (a delta as text, the
// model's share of memory). Every builder caps what it draws and returns the table of exactly the numbers
// drawn.
import type { MipPoint } from '../run-record';
import { BROKEN_OUTCOMES } from '../tuning/ablation';
import { groupLabel } from '../tuning/row-groups';
import type { RefusedSweepPoint } from '../tuning/sweep';
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
  /** The best value's point (lowest median time among fully solved values that reached the best objective), or null. */
  best: XY | null;
  /** The points of values not called best because a run ended at a worse objective (at their median time). */
  worseObjective: XY[];
  table: ChartTable;
}

/** A sweep value as text ('on', 'true', '0.001'). */
export const sweepLabel = (v: string | number | boolean): string => String(v);

/** The sweep chart of the points (values in sweep order) with the best one marked, and those refused for their objective. */
export function sweepChart(
  points: readonly SweepPoint[],
  best: number | null,
  maxPerValue: number = MAX_STRIP_POINTS,
  refused: readonly RefusedSweepPoint[] = [],
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
  const refusedAt = new Set(refused.map((r) => r.index));
  const worseObjective = [...refusedAt].flatMap((x) => (medianMs[x] == null ? [] : [{ x, y: medianMs[x]! }]));
  return {
    labels: points.map((p) => sweepLabel(p.value)),
    medianMs,
    medianWork,
    runs,
    best: best === null || bestMs === null ? null : { x: best, y: bestMs },
    worseObjective,
    table: {
      columns: ['value', 'run', 'time (ms)', 'work', 'objective'],
      rows: [
        ...rows,
        ...points.map((p, i): ChartTable['rows'][number] => [
          sweepLabel(p.value),
          i === best ? 'median (best)' : refusedAt.has(i) ? 'median (worse objective: not best)' : 'median',
          medianMs[i],
          medianWork[i],
          null,
        ]),
      ],
    },
  };
}

/**
 * How an ablation bar is drawn: 'broken' (the model without the group is unbounded or infeasible: no
 * objective to compare, whatever the ratio), else by the one rule's time call: 'real' (a real difference),
 * 'noise' (none worth acting on), 'undetermined' (one solve against one: the usual case).
 */
export type AblationBarKind = 'broken' | 'real' | 'noise' | 'undetermined';

/** One drawn bar of the ablation chart. */
export interface AblationBar {
  group: string;
  label: string;
  ratio: number;
  kind: AblationBarKind;
  /** The one rule's label beside the ratio ("undetermined: 3 more runs a side"). */
  call: string;
  outcome: AblationRow['outcome'] | null;
}

/** The ablation chart: groups sorted by time ratio (the costliest first: lowest ratio without them). */
export interface AblationChart {
  bars: AblationBar[];
  labels: string[];
  ratios: number[];
  /** Groups not drawn: no ratio (a failed solve) or past MAX_ABLATION_BARS. */
  hidden: number;
  /** Drawn groups whose removal leaves the model unbounded or infeasible. */
  broken: number;
  table: ChartTable;
}

/** A bar's kind from its row (see AblationBarKind). */
export function ablationBarKind(row: AblationRow): AblationBarKind {
  if (row.outcome && BROKEN_OUTCOMES.includes(row.outcome)) return 'broken';
  const real = row.decision?.real;
  return real === true ? 'real' : real === false ? 'noise' : 'undetermined';
}

/** The sorted bar chart of the ablation rows' time ratios, broken models marked, each with the one rule's label. */
export function ablationChart(rows: readonly AblationRow[], maxBars: number = MAX_ABLATION_BARS): AblationChart {
  const withRatio = rows
    .map((r, i) => ({ r, i }))
    .filter((x): x is { r: AblationRow & { timeRatio: number }; i: number } => x.r.timeRatio !== null)
    .sort((a, b) => a.r.timeRatio - b.r.timeRatio || a.i - b.i)
    .slice(0, maxBars);
  const bars = withRatio.map(({ r }): AblationBar => ({
    group: r.group,
    label: r.label ?? groupLabel({ prefix: r.group }),
    ratio: r.timeRatio,
    kind: ablationBarKind(r),
    call: r.decision?.label ?? 'undetermined: one solve against one',
    outcome: r.outcome ?? null,
  }));
  return {
    bars,
    labels: bars.map((b) => (b.kind === 'broken' ? `⚠ ${b.label} (${b.outcome})` : b.label)),
    ratios: bars.map((b) => b.ratio),
    hidden: rows.length - withRatio.length,
    broken: bars.filter((b) => b.kind === 'broken').length,
    table: {
      columns: [
        'group',
        'rows',
        'nonzeros',
        'time ratio without it',
        'time call (one rule)',
        'objective change without it',
        'status',
      ],
      rows: withRatio.map(({ r }, k) => [
        bars[k].label,
        r.rows,
        r.nnz,
        r.timeRatio,
        bars[k].call,
        r.objectiveChange,
        r.status,
      ]),
    },
  };
}

/** One MIP curve of the profile's gap chart, in ms: each series as drawn, a step line (see stepLine). */
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

// A bound (and the gap made of the two bounds) holds from the moment HiGHS reports it until the next report:
// between two reports nothing changed. So a series is drawn as steps — flat from each report to the next,
// then a vertical jump — and never as a straight line from one report to the next, which would show the gap
// closing while both bounds stand still. The steps are in the data (a corner point at each jump), so every
// chart that draws it, live or after the solve, shows the same thing whatever its renderer's options.
/** A reported series as a step line: at each change, a corner (next x, previous y) before the new point. */
export function stepLine(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && prev.y !== p.y && prev.x !== p.x) out.push({ x: p.x, y: prev.y });
    out.push(p);
  });
  return out;
}

/** Segments of a drawn line that are neither flat nor vertical (0 for a step line): what the e2e checks read. */
export function diagonalSegments(line: readonly XY[]): number {
  let n = 0;
  for (let i = 1; i < line.length; i++) if (line[i].x !== line[i - 1].x && line[i].y !== line[i - 1].y) n++;
  return n;
}

/** The bounds and the gap (%, capped at 100) of a MIP solve's points, each as reported (x = t × `xPerSecond`). */
export function mipSeries(points: readonly MipPoint[], xPerSecond: number): { primal: XY[]; dual: XY[]; gapPct: XY[] } {
  const primal: XY[] = [];
  const dual: XY[] = [];
  const gapPct: XY[] = [];
  for (const p of points) {
    const x = p.t * xPerSecond;
    if (p.primal !== null) primal.push({ x, y: p.primal });
    if (p.dual !== null) dual.push({ x, y: p.dual });
    if (p.gap !== null) gapPct.push({ x, y: Math.min(100, p.gap * 100) });
  }
  return { primal, dual, gapPct };
}

/** The live chart's series (x in seconds): bounds and gap as step lines, every point kept. */
export function liveMipSteps(points: readonly MipPoint[]): { primal: XY[]; dual: XY[]; gapPct: XY[] } {
  const s = mipSeries(points, 1);
  return { primal: stepLine(s.primal), dual: stepLine(s.dual), gapPct: stepLine(s.gapPct) };
}

/** The gap chart of the last solve, with the pinned reference's curve when it has points. */
export interface GapCurvesChart {
  curves: GapCurve[];
  table: ChartTable;
}

/** Both runs' bounds and gap over time (ms) as step lines, each thinned to at most maxPoints reports (first and last kept). */
export function gapCurvesChart(
  runs: readonly { label: string; points: readonly MipPoint[] }[],
  maxPoints: number = MAX_CURVE_POINTS,
): GapCurvesChart {
  const rows: ChartTable['rows'] = [];
  const curves = runs.map((run): GapCurve => {
    const kept = evenlySpacedIndices(run.points.length, maxPoints).map((i) => run.points[i]);
    for (const p of kept) {
      rows.push([run.label, p.t * 1000, p.primal, p.dual, p.gap === null ? null : Math.min(100, p.gap * 100)]);
    }
    const s = mipSeries(kept, 1000);
    return { label: run.label, primal: stepLine(s.primal), dual: stepLine(s.dual), gapPct: stepLine(s.gapPct) };
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
