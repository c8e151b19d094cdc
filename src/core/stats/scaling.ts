// How time grows with a generator's size: a least-squares line through (ln size, ln time) per generator
// template and option set, whose slope is the exponent in time ≈ c·size^exponent.
import type { BenchmarkModel, ScalingFit } from '../benchmark';
import type { ProblemIndex } from './problems';
import { shiftedGeometricMean } from './sgm';

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

// The points a scaling fit goes through, per generator template (models with size !== null, in the order the
// models are listed): per size, the shifted geometric mean (the summary's time shift) of the charged times of
// all problems — every seed of every model — of that template at that size; timeouts are charged the limit,
// which flattens the curve. Exported so a chart draws the very points (and line) the fit used.
/** Per generator template, the (size, shifted geometric mean of time) points its scaling fit goes through. */
export function scalingPoints(
  models: readonly BenchmarkModel[],
  problems: ProblemIndex,
  shiftMs: number,
): Map<string, { size: number; timeMs: number }[]> {
  const byTemplate = new Map<string, Map<number, number[]>>();
  const seen = new Set<string>();
  for (const model of models) {
    if (model.size === null || seen.has(model.id)) continue;
    seen.add(model.id);
    const seeds = problems.get(model.id);
    if (!seeds || seeds.size === 0) continue;
    let bySize = byTemplate.get(model.template);
    if (!bySize) byTemplate.set(model.template, (bySize = new Map()));
    let times = bySize.get(model.size);
    if (!times) bySize.set(model.size, (times = []));
    for (const problem of seeds.values()) times.push(problem.timeMs);
  }
  const out = new Map<string, { size: number; timeMs: number }[]>();
  for (const [template, bySize] of byTemplate) {
    out.set(
      template,
      [...bySize].map(([size, times]) => ({ size, timeMs: shiftedGeometricMean(times, shiftMs)! })),
    );
  }
  return out;
}

// The scaling fits of one option set, one per generator template that has ≥ 2 distinct sizes, fitted
// through scalingPoints (see there for the time at a size).
/** The scaling fits of one option set, one per generator template with at least two distinct sizes. */
export function scalingFits(models: readonly BenchmarkModel[], problems: ProblemIndex, shiftMs: number): ScalingFit[] {
  const fits: ScalingFit[] = [];
  for (const [template, points] of scalingPoints(models, problems, shiftMs)) {
    const fit = fitPowerLaw(points);
    if (fit) fits.push({ template, ...fit });
  }
  return fits;
}
