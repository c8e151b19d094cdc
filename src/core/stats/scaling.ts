// How time grows with a generator's size: a least-squares line through (ln size, ln time) per generator
// template and option set, whose slope is the exponent in time ≈ c·size^exponent.
//
// Censoring: an unsolved problem is charged the time limit, which is only a lower bound on its time, so a size
// where any problem was unsolved has a mean that is a lower bound too. Such sizes are drawn (marked) but left
// out of the fit, and the fit says how many sizes and problems it left out: fitting them flattens the curve
// and yields an exponent (and R²) that describe the time limit, not the solver.
import type { BenchmarkModel, ScalingFit, ScalingFitQuality } from '../benchmark';
import type { ProblemIndex } from './problems';
import { shiftedGeometricMean } from './sgm';

// On log–log axes a power law that explains less than 90 % of the variance of ln time is not one: timing noise
// (or a change of regime between sizes) dominates, and the exponent is not worth reading. The Quick start's
// millisecond knapsacks land anywhere between R² 0.1 and 1.
/** R² below which a scaling fit is flagged as too poor to read its exponent. */
export const POOR_FIT_R2 = 0.9;

/** A fitted power law through points, before it is attached to a template. */
export interface PowerLawFit {
  exponent: number;
  /** 1 − SSres/SStot on log–log axes; 1 when all log times are equal (the flat line fits exactly). */
  r2: number;
  /** The distinct sizes fitted, ascending. */
  sizes: number[];
}

// Least-squares fit of ln(time) = a + exponent·ln(size) through one point per size. Points whose size or
// time is not > 0 (no logarithm) are left out; null when fewer than 2 distinct sizes remain.
/** Least-squares fit of ln(time) on ln(size), one point per size: the exponent of time ≈ c·size^exponent. */
export function fitPowerLaw(points: readonly { size: number; timeMs: number }[]): PowerLawFit | null {
  const bySize = new Map<number, number>();
  for (const p of points) {
    if (p.size > 0 && p.timeMs > 0 && Number.isFinite(p.size) && Number.isFinite(p.timeMs))
      bySize.set(p.size, p.timeMs);
  }
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const n = sizes.length;
  if (n < 2) return null;
  const xs = sizes.map(Math.log);
  const ys = sizes.map((s) => Math.log(bySize.get(s)!));
  const xm = xs.reduce((a, b) => a + b, 0) / n;
  const ym = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - xm) ** 2;
    sxy += (xs[i] - xm) * (ys[i] - ym);
    syy += (ys[i] - ym) ** 2;
  }
  const exponent = sxy / sxx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) ssRes += (ys[i] - ym - exponent * (xs[i] - xm)) ** 2;
  const r2 = syy === 0 ? 1 : Math.max(0, Math.min(1, 1 - ssRes / syy));
  return { exponent, r2, sizes };
}

/** How far a fit can be read: 'two-sizes' (a line through two points: R² is 1 whatever the data), 'poor' below POOR_FIT_R2, else 'ok'. */
export function fitQuality(fit: Pick<PowerLawFit, 'r2' | 'sizes'>): ScalingFitQuality {
  if (fit.sizes.length < 3) return 'two-sizes';
  return fit.r2 < POOR_FIT_R2 ? 'poor' : 'ok';
}

/** One size of a template: the mean time the fit would go through, and whether it is censored. */
export interface ScalingPoint {
  size: number;
  /** Shifted geometric mean of the problems' charged times at this size, ms. */
  timeMs: number;
  /** Problems (model, seed) at this size. */
  problems: number;
  /** Of those, the unsolved ones (charged the time limit): when > 0 the mean is a lower bound, left out of the fit. */
  unsolved: number;
}

// The points a scaling fit goes through, per generator template (models with size !== null, in the order the
// models are listed): per size, the shifted geometric mean (the summary's time shift) of the charged times of
// all problems — every seed of every model — of that template at that size, with how many were unsolved.
// Exported so a chart draws the very points (and line) the fit used, and marks the ones it left out.
/** Per generator template, the (size, shifted geometric mean of time, unsolved count) points of its scaling fit. */
export function scalingPoints(
  models: readonly BenchmarkModel[],
  problems: ProblemIndex,
  shiftMs: number,
): Map<string, ScalingPoint[]> {
  const byTemplate = new Map<string, Map<number, { times: number[]; unsolved: number }>>();
  const seen = new Set<string>();
  for (const model of models) {
    if (model.size === null || seen.has(model.id)) continue;
    seen.add(model.id);
    const seeds = problems.get(model.id);
    if (!seeds || seeds.size === 0) continue;
    let bySize = byTemplate.get(model.template);
    if (!bySize) byTemplate.set(model.template, (bySize = new Map()));
    let at = bySize.get(model.size);
    if (!at) bySize.set(model.size, (at = { times: [], unsolved: 0 }));
    for (const problem of seeds.values()) {
      at.times.push(problem.timeMs);
      if (!problem.solved) at.unsolved++;
    }
  }
  const out = new Map<string, ScalingPoint[]>();
  for (const [template, bySize] of byTemplate) {
    out.set(
      template,
      [...bySize].map(([size, at]) => ({
        size,
        timeMs: shiftedGeometricMean(at.times, shiftMs)!,
        problems: at.times.length,
        unsolved: at.unsolved,
      })),
    );
  }
  return out;
}

// The scaling fits of one option set, one per generator template with ≥ 2 distinct sizes whose problems were
// all solved, fitted through those sizes' points (see scalingPoints); each says which sizes it left out and how
// many unsolved problems they held, and how far it can be read (fitQuality).
/** The scaling fits of one option set: per generator template, through the sizes where every problem was solved. */
export function scalingFits(models: readonly BenchmarkModel[], problems: ProblemIndex, shiftMs: number): ScalingFit[] {
  const fits: ScalingFit[] = [];
  for (const [template, points] of scalingPoints(models, problems, shiftMs)) {
    const censored = points.filter((p) => p.unsolved > 0);
    const fit = fitPowerLaw(points.filter((p) => p.unsolved === 0));
    if (!fit) continue;
    fits.push({
      template,
      ...fit,
      censoredSizes: censored.map((p) => p.size).sort((a, b) => a - b),
      censoredProblems: censored.reduce((s, p) => s + p.unsolved, 0),
      quality: fitQuality(fit),
    });
  }
  return fits;
}
