// The distribution of one figure over repeated solves (Solve ×N): five-number summary, mean and the
// coefficient of variation, and the plain-words note on variability the run view shows beside it.
import { mean, quantileSorted, sampleStd, sortedCopy } from '../stats/descriptive';
import type { Distribution } from './types';

/** CV above which the times of repeated solves are called variable (10 %). */
export const VARIABLE_CV = 0.1;

/** The distribution of values (quartiles by type-7 interpolation, cv = sample sd ÷ mean, 0 for one value). */
export function distributionOf(values: readonly number[]): Distribution {
  if (values.length === 0) throw new RangeError('distributionOf: no values');
  if (!values.every(Number.isFinite)) throw new RangeError('distributionOf: every value must be a finite number');
  const sorted = sortedCopy(values);
  const m = mean(sorted) as number;
  const sd = sampleStd(sorted);
  return {
    n: sorted.length,
    values: sorted,
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25) as number,
    median: quantileSorted(sorted, 0.5) as number,
    q3: quantileSorted(sorted, 0.75) as number,
    max: sorted[sorted.length - 1],
    mean: m,
    cv: sd === null || m === 0 ? 0 : sd / m,
  };
}

/** A sentence on the variability of solve times where it matters (cv > 10 %, or one solve of a MIP), else null. */
export function variabilityNote(d: Distribution, kind: 'LP' | 'MIP'): string | null {
  if (d.cv > VARIABLE_CV) {
    return `times vary by ${Math.round(d.cv * 100)}% across seeds: compare distributions, not single solves`;
  }
  if (kind === 'MIP' && d.n === 1) {
    return 'one solve of a MIP is not the whole story: its time varies with random_seed, so use Solve ×N to see the spread';
  }
  return null;
}
