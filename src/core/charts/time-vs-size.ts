// Time against size on log–log axes, one chart per generator template: each problem's time (per option
// set), the shifted geometric mean per size that the scaling fit goes through, and the fitted line
// time = exp(intercept)·size^exponent from the summary's exponent.
import { scalingPoints } from '../stats/scaling';
import type { ChartInput } from './context';
import { evenlySpacedIndices, type ChartTable } from './table';

// A 10,000-run benchmark has up to 10,000 problems; Chart.js draws ~2,000 scatter points well inside a
// 50 ms task, so each chart keeps at most this many problem points, shared among its option sets and
// sizes and thinned evenly in time order within each size (the fastest and slowest kept).
/** Most problem points one time-against-size chart draws. */
export const MAX_TIME_POINTS = 2000;

/** One problem as drawn: its model, seed, size and time (median over repetitions, unsolved charged the limit). */
export interface SizeTimePoint {
  modelId: string;
  seed: number;
  size: number;
  timeMs: number;
}

/** The fitted line of one option set: the summary's fit and the line's endpoints at the smallest and largest size. */
export interface SizeFitLine {
  exponent: number;
  r2: number;
  sizes: number[];
  /** ln(time) at ln(size) = 0: mean(ln t) − exponent·mean(ln size) over the fitted points. */
  intercept: number;
  from: { size: number; timeMs: number };
  to: { size: number; timeMs: number };
}

/** One option set on a time-against-size chart. */
export interface SizeTimeSeries {
  optionSetId: string;
  name: string;
  /** The legend: the set's name with the exponent and R² of its fit. */
  label: string;
  /** Problem points drawn (thinned to the chart's cap; times ≤ 0 have no place on a log axis). */
  points: SizeTimePoint[];
  /** Problems of this template and set in all, drawn or not. */
  totalPoints: number;
  /** Shifted geometric mean of the times per size (> 0 ms), ascending by size: the points the fit goes through. */
  sizeMeans: { size: number; timeMs: number }[];
  fit: SizeFitLine | null;
}

/** The chart of one generator template. */
export interface TimeVsSizeChart {
  template: string;
  series: SizeTimeSeries[];
  table: ChartTable;
}

/** The fitted line through the fit's points, or null when the fit's sizes have no usable points. */
function fitLine(
  fit: { exponent: number; r2: number; sizes: number[] },
  means: readonly { size: number; timeMs: number }[],
): SizeFitLine | null {
  const used = means.filter((p) => fit.sizes.includes(p.size) && p.size > 0 && p.timeMs > 0);
  if (used.length === 0 || fit.sizes.length === 0) return null;
  const xm = used.reduce((a, p) => a + Math.log(p.size), 0) / used.length;
  const ym = used.reduce((a, p) => a + Math.log(p.timeMs), 0) / used.length;
  const intercept = ym - fit.exponent * xm;
  const at = (size: number) => ({ size, timeMs: Math.exp(intercept + fit.exponent * Math.log(size)) });
  const lo = Math.min(...fit.sizes);
  const hi = Math.max(...fit.sizes);
  return { exponent: fit.exponent, r2: fit.r2, sizes: [...fit.sizes], intercept, from: at(lo), to: at(hi) };
}

/** Thins one option set's points: per size, evenly spaced in time order, sharing `cap` among the sizes. */
function thinPoints(points: SizeTimePoint[], cap: number): SizeTimePoint[] {
  if (points.length <= cap) return points;
  const bySize = new Map<number, SizeTimePoint[]>();
  for (const p of points) {
    const list = bySize.get(p.size);
    if (list) list.push(p);
    else bySize.set(p.size, [p]);
  }
  const perSize = Math.max(2, Math.floor(cap / bySize.size));
  const out: SizeTimePoint[] = [];
  for (const list of bySize.values()) {
    const sorted = [...list].sort((a, b) => a.timeMs - b.timeMs);
    for (const i of evenlySpacedIndices(sorted.length, perSize)) out.push(sorted[i]);
  }
  return out;
}

const fmt = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

/** One time-against-size chart per generator template (models with a size), in the order models are listed. */
export function timeVsSizeCharts(input: ChartInput, maxPoints: number = MAX_TIME_POINTS): TimeVsSizeChart[] {
  const templates: string[] = [];
  for (const m of input.models) if (m.size !== null && !templates.includes(m.template)) templates.push(m.template);
  const shiftMs = input.summary.shiftMs;
  return templates.map((template): TimeVsSizeChart => {
    const models = input.models.filter((m) => m.template === template && m.size !== null);
    const perSet = Math.max(2, Math.floor(maxPoints / Math.max(1, input.optionSets.length)));
    const series = input.optionSets.map((set): SizeTimeSeries => {
      const index = input.problems.get(set.id) ?? new Map();
      const all: SizeTimePoint[] = [];
      for (const m of models) {
        for (const [seed, p] of index.get(m.id) ?? []) {
          all.push({ modelId: m.id, seed, size: m.size!, timeMs: p.timeMs });
        }
      }
      const drawable = all.filter((p) => p.timeMs > 0 && p.size > 0);
      // Sizes whose mean is 0 ms have no logarithm: the fit leaves them out too (fitPowerLaw).
      const sizeMeans = (scalingPoints(models, index, shiftMs).get(template) ?? [])
        .filter((p) => p.timeMs > 0 && p.size > 0)
        .sort((a, b) => a.size - b.size);
      const summaryFit = input.summary.optionSets
        .find((s) => s.optionSetId === set.id)
        ?.scaling.find((f) => f.template === template);
      const fit = summaryFit ? fitLine(summaryFit, sizeMeans) : null;
      const label = fit
        ? `${set.name}: time ∝ size^${fmt(fit.exponent, 2)}, R² ${fmt(fit.r2, 3)}`
        : `${set.name}: no fit (fewer than 2 sizes)`;
      return {
        optionSetId: set.id,
        name: set.name,
        label,
        points: thinPoints(drawable, perSet),
        totalPoints: all.length,
        sizeMeans,
        fit,
      };
    });
    const rows: ChartTable['rows'] = [];
    for (const s of series) {
      for (const p of s.points)
        rows.push([s.name, 'problem', input.modelName(p.modelId), p.seed, p.size, p.timeMs, null, null]);
      for (const p of s.sizeMeans) rows.push([s.name, 'size mean', null, null, p.size, p.timeMs, null, null]);
      if (s.fit) {
        for (const p of [s.fit.from, s.fit.to]) {
          rows.push([s.name, 'fit', null, null, p.size, p.timeMs, s.fit.exponent, s.fit.r2]);
        }
      }
    }
    return {
      template,
      series,
      table: { columns: ['option set', 'kind', 'model', 'seed', 'size', 'time (ms)', 'exponent', 'R²'], rows },
    };
  });
}
