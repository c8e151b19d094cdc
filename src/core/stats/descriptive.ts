// Descriptive statistics of plain number lists (median, quantiles, spread), written out so every
// figure of a summary can be recomputed by hand from its definition.

/** The numbers sorted ascending in a new array, so callers never sort their input in place. */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

// The p-quantile of ascending-sorted values by linear interpolation (Hyndman–Fan type 7, the default of
// R and NumPy): h = (n − 1)·p, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]); null for no values.
/** The p-quantile of ascending-sorted values by linear interpolation (type 7): the one quantile rule of the summary. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The p-quantile (type 7) of unsorted values; null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  return quantileSorted(sortedCopy(values), p);
}

/** The median: the middle value, or the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The sample standard deviation (divisor n − 1); null for fewer than two values. */
export function sampleStd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

/** Coefficient of variation, sample std ÷ mean; null for fewer than two values or a mean of 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const m = mean(values);
  const s = sampleStd(values);
  if (m === null || s === null || m === 0) return null;
  return s / m;
}
