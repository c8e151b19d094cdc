// Time against size on log–log axes, one chart per generator template: each problem's time (per option
// set), the shifted geometric mean per size that the scaling fit goes through, and the fitted line
// time = exp(intercept)·size^exponent from the summary's exponent.
//
// Censored data is marked, not fitted: an unsolved problem (charged the time limit) is a point of its own
// kind, a size holding one has a censored mean, left out of the fit (stats/scaling.ts), and the legend says
// how many sizes and problems the fit left out and when the fit is too poor (or too small) to read.
import type { ScalingFitQuality } from '../benchmark';
import { fitQuality, scalingPoints } from '../stats/scaling';
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
  /** false: unsolved, its time is the limit it was charged (a lower bound), drawn as a censored mark. */
  solved: boolean;
}

/** The shifted geometric mean of one size; censored when a problem there was unsolved (then not fitted). */
export interface SizeMean {
  size: number;
  timeMs: number;
  problems: number;
  unsolved: number;
  censored: boolean;
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
  /** How far it can be read: 'poor' (R² below POOR_FIT_R2) and 'two-sizes' are said in the legend. */
  quality: ScalingFitQuality;
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
  /** Of those, the unsolved ones (charged the time limit), drawn or not. */
  unsolvedPoints: number;
  /** Shifted geometric mean of the times per size (> 0 ms), ascending by size; the uncensored ones are fitted. */
  sizeMeans: SizeMean[];
  /** Sizes left out of the fit (a problem there was unsolved), ascending. */
  censoredSizes: number[];
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
  fit: { exponent: number; r2: number; sizes: number[]; quality?: ScalingFitQuality },
  means: readonly SizeMean[],
): SizeFitLine | null {
  const used = means.filter((p) => fit.sizes.includes(p.size) && p.size > 0 && p.timeMs > 0);
  if (used.length === 0 || fit.sizes.length === 0) return null;
  const xm = used.reduce((a, p) => a + Math.log(p.size), 0) / used.length;
  const ym = used.reduce((a, p) => a + Math.log(p.timeMs), 0) / used.length;
  const intercept = ym - fit.exponent * xm;
  const at = (size: number) => ({ size, timeMs: Math.exp(intercept + fit.exponent * Math.log(size)) });
  const lo = Math.min(...fit.sizes);
  const hi = Math.max(...fit.sizes);
  // A summary from before `quality` existed: the same rule, from its R² and sizes.
  const quality = fit.quality ?? fitQuality(fit);
  return { exponent: fit.exponent, r2: fit.r2, sizes: [...fit.sizes], intercept, from: at(lo), to: at(hi), quality };
}

/** "1 size left out (3 unsolved problems)", or '' when none. */
function censoredText(sizes: number, problems: number): string {
  if (sizes === 0) return '';
  return `${sizes} size${sizes === 1 ? '' : 's'} left out (${problems} unsolved problem${problems === 1 ? '' : 's'})`;
}

/** The legend of one option set: its fit and how far it can be read, or why it has none. */
export function sizeSeriesLabel(
  name: string,
  fit: SizeFitLine | null,
  censoredSizes: number,
  censoredProblems: number,
): string {
  const left = censoredText(censoredSizes, censoredProblems);
  if (!fit) {
    const why = censoredSizes > 0 ? 'fewer than 2 sizes with every problem solved' : 'fewer than 2 sizes';
    return `${name}: no fit (${why}${left ? `; ${left}` : ''})`;
  }
  const line = `${name}: time ∝ size^${fmt(fit.exponent, 2)}, R² ${fmt(fit.r2, 3)}`;
  const caveat =
    fit.quality === 'poor'
      ? ' — poor fit, do not read the exponent'
      : fit.quality === 'two-sizes'
        ? ' — 2 sizes only, R² is 1 by construction'
        : '';
  return `${line}${caveat}${left ? `; ${left}` : ''}`;
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
          all.push({ modelId: m.id, seed, size: m.size!, timeMs: p.timeMs, solved: p.solved });
        }
      }
      const drawable = all.filter((p) => p.timeMs > 0 && p.size > 0);
      // Sizes whose mean is 0 ms have no logarithm: the fit leaves them out too (fitPowerLaw).
      const sizeMeans: SizeMean[] = (scalingPoints(models, index, shiftMs).get(template) ?? [])
        .filter((p) => p.timeMs > 0 && p.size > 0)
        .sort((a, b) => a.size - b.size)
        .map((p) => ({ ...p, censored: p.unsolved > 0 }));
      const censored = sizeMeans.filter((p) => p.censored);
      const summaryFit = input.summary.optionSets
        .find((s) => s.optionSetId === set.id)
        ?.scaling.find((f) => f.template === template);
      const fit = summaryFit ? fitLine(summaryFit, sizeMeans) : null;
      const censoredProblems = censored.reduce((s, p) => s + p.unsolved, 0);
      return {
        optionSetId: set.id,
        name: set.name,
        label: sizeSeriesLabel(set.name, fit, censored.length, censoredProblems),
        points: thinPoints(drawable, perSet),
        totalPoints: all.length,
        unsolvedPoints: all.filter((p) => !p.solved).length,
        sizeMeans,
        censoredSizes: censored.map((p) => p.size),
        fit,
      };
    });
    const rows: ChartTable['rows'] = [];
    for (const s of series) {
      for (const p of s.points) {
        const kind = p.solved ? 'problem' : 'unsolved problem (time limit charged)';
        rows.push([s.name, kind, input.modelName(p.modelId), p.seed, p.size, p.timeMs, null, null]);
      }
      for (const p of s.sizeMeans) {
        const kind = p.censored ? 'censored size mean (not fitted)' : 'size mean';
        rows.push([s.name, kind, null, null, p.size, p.timeMs, null, null]);
      }
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
