// The shifted geometric mean, the benchmark's average of times and work counters, and its default
// shifts. SGM(t; s) = exp(mean(ln(t + s))) − s: a geometric mean (ratios matter, not absolute gaps)
// that the shift s keeps from being dominated by tiny values, where differences mean nothing.
import type { CounterName } from '../benchmark';

// The shift should sit about where differences stop mattering: below ~10 ms
// a browser solve's wall time is dominated by noise (timer coarsening to 0.1 ms, GC and JIT pauses of a few
// ms, scheduling on a shared machine), and 10 ms is to a 10 s limit what the public benchmarks' 10 s is to
// their 2 h limit (~0.1 %), while models solving in 100 ms–seconds still compare almost as plain ratios.
/** Default shift of the time SGM, ms: about where differences between browser solve times stop mattering. */
export const DEFAULT_SHIFT_MS = 10;

// Simplex and MIP LP iterations, and MIP nodes: 10 — a difference of a
// few iterations or nodes is meaningless (presolve-solved models take 0–10 iterations, root-solved MIPs 0–1
// nodes, where a plain geometric mean would report a 0-vs-1 difference as huge), while 50 vs 100 still
// counts as nearly 2×. IPM iterations: 1 — an IPM takes 10–100 iterations, each a factorization, so every
// one matters; the shift of 1 only keeps ln(0) away when no IPM ran.
/** Default shift of each work counter’s SGM: about the count below which differences mean nothing. */
export const DEFAULT_COUNTER_SHIFTS: Readonly<Record<CounterName, number>> = {
  simplexIterations: 10,
  ipmIterations: 1,
  mipNodes: 10,
  mipLpIterations: 10,
};

/** The sum of ln(v + shift) over values: the term a shifted geometric mean (and its bootstrap) adds up. */
export function shiftedLogSum(values: readonly number[], shift: number): number {
  let sum = 0;
  for (const v of values) sum += Math.log(v + shift);
  return sum;
}

/** The shifted geometric mean from a log sum over count values (see shiftedLogSum); null for a count of 0. */
export function sgmFromLogSum(logSum: number, count: number, shift: number): number | null {
  if (count === 0) return null;
  // exp(…) − shift ≥ min(value) ≥ 0 mathematically; clamp the rounding error below 0 away.
  return Math.max(0, Math.exp(logSum / count) - shift);
}

// Clamped to [min, max] of the values, where it lies mathematically, so that equal values (e.g. all charged
// the limit) give exactly that value.
/** The shifted geometric mean exp(mean(ln(v + shift))) − shift of values ≥ 0; null for no values. */
export function shiftedGeometricMean(values: readonly number[], shift: number): number | null {
  const sgm = sgmFromLogSum(shiftedLogSum(values, shift), values.length, shift);
  if (sgm === null) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Math.min(hi, Math.max(lo, sgm));
}
