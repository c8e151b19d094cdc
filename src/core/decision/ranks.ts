// Rank-based estimates and intervals on log times, as R's wilcox.test(conf.int = TRUE) computes them:
// - paired: the Hodges–Lehmann estimate (median of the Walsh averages (d_i + d_j)/2, i ≤ j) of the paired
//   differences d, with the Wilcoxon signed-rank interval [W_(k), W_(M−k+1)];
// - unpaired: the Hodges–Lehmann shift (median of the pairwise differences y_j − x_i) with the Mann–Whitney
//   interval [D_(k), D_(M−k+1)];
// where k is the largest whole number with 2·P(T ≤ k − 1) ≤ α under the test's null distribution (exact for
// small samples, the normal approximation above). Order statistics are found by counting (two pointers on
// sorted data) and bisection, so no list of n² differences is ever built.
import { exactUCounts, mannWhitneyU, normalCdf } from '../regression/mann-whitney';

/** Sample sizes up to which the exact null distributions are used (as R's rule, also for the signed-rank test). */
export const EXACT_MAX_PAIRS = 50;

/** An estimate with its interval and test, on the log scale (a shift of log times = a log ratio). */
export interface RankEstimate {
  /** The Hodges–Lehmann estimate. */
  estimate: number;
  /** The interval, or null when the samples are too small for one at this level. */
  ci: [number, number] | null;
  /** Two-sided p of the test of no shift. */
  p: number;
  /** The interval's achieved confidence (≥ 1 − α for the exact distributions). */
  confidence: number | null;
}

/** Counts of the signed-rank statistic T+ (0..n(n+1)/2) over the 2^n sign patterns. */
export function signedRankCounts(n: number): Float64Array {
  const m = (n * (n + 1)) / 2;
  const ways = new Float64Array(m + 1);
  ways[0] = 1;
  for (let rank = 1; rank <= n; rank++) for (let s = m; s >= rank; s--) ways[s] += ways[s - rank];
  return ways;
}

/** Cumulative probabilities P(T ≤ t) of a null distribution given by counts. */
function cumulative(counts: Float64Array): Float64Array {
  let total = 0;
  for (const c of counts) total += c;
  const out = new Float64Array(counts.length);
  let run = 0;
  for (let i = 0; i < counts.length; i++) {
    run += counts[i];
    out[i] = run / total;
  }
  return out;
}

// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

// The exact Mann–Whitney null CDF costs up to 10⁷ additions at 49 + 49: a report comparison asks for the same
// sizes thousands of times, so each (n1, n2) is computed once (at most CACHE_MAX sizes kept, ≤ 20 KB each).
const CACHE_MAX = 256;
const uCdfCache = new Map<string, Float64Array>();
function uCdf(n1: number, n2: number): Float64Array {
  const key = `${n1},${n2}`;
  let cdf = uCdfCache.get(key);
  if (!cdf) {
    if (uCdfCache.size >= CACHE_MAX) uCdfCache.clear();
    uCdfCache.set(key, (cdf = cumulative(exactUCounts(n1, n2))));
  }
  return cdf;
}
const tCdfCache = new Map<number, Float64Array>();
function tCdf(n: number): Float64Array {
  let cdf = tCdfCache.get(n);
  if (!cdf) tCdfCache.set(n, (cdf = cumulative(signedRankCounts(n))));
  return cdf;
}

/** k (1-based) of the interval [X_(k), X_(M−k+1)] from the null CDF: the largest k with 2·P(T ≤ k−1) ≤ α; 0 when none. */
function exactK(cdf: Float64Array, alpha: number): { k: number; confidence: number } {
  let k = 0;
  while (k < cdf.length && 2 * cdf[k] <= alpha) k++;
  return { k, confidence: k === 0 ? 0 : 1 - 2 * cdf[k - 1] };
}

/** k from the normal approximation of a statistic with mean M/2 and standard deviation sd. */
function normalK(m: number, sd: number, alpha: number): { k: number; confidence: number } {
  const z = normalQuantile(1 - alpha / 2);
  const k = Math.max(0, Math.floor(m / 2 - z * sd));
  return { k, confidence: k === 0 ? 0 : 1 - 2 * normalCdf((k - 1 + 0.5 - m / 2) / sd) };
}

// The k-th smallest (1-based) of the values f(i, j) that count(v) = #{f ≤ v} counts, by bisection on v until
// lo and hi are adjacent doubles (count(lo) < k ≤ count(hi)), then snapped to the largest value ≤ hi.
function kthByCounting(
  k: number,
  lo: number,
  hi: number,
  count: (v: number) => number,
  largestAtMost: (v: number) => number,
): number {
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (count(mid) >= k) hi = mid;
    else lo = mid;
  }
  return largestAtMost(hi);
}

/** The k-th smallest (1-based) pairwise sum d_i + d_j (i ≤ j) of ascending-sorted d. */
export function kthWalshSum(sorted: readonly number[], k: number): number {
  const n = sorted.length;
  const m = (n * (n + 1)) / 2;
  if (!(k >= 1 && k <= m)) throw new RangeError(`kthWalshSum: k must lie in 1..${m}, got ${k}`);
  const count = (v: number): number => {
    let c = 0;
    let j = n - 1;
    for (let i = 0; i < n; i++) {
      while (j >= i && sorted[i] + sorted[j] > v) j--;
      if (j < i) break;
      c += j - i + 1;
    }
    return c;
  };
  const largestAtMost = (v: number): number => {
    let best = -Infinity;
    let j = n - 1;
    for (let i = 0; i < n; i++) {
      while (j >= i && sorted[i] + sorted[j] > v) j--;
      if (j < i) break;
      best = Math.max(best, sorted[i] + sorted[j]);
    }
    return best;
  };
  const lo = 2 * sorted[0] - 1 - Math.abs(sorted[0]);
  return kthByCounting(k, lo, 2 * sorted[n - 1], count, largestAtMost);
}

/** The k-th smallest (1-based) difference y_j − x_i over all pairs, of ascending-sorted x and y. */
export function kthDifference(x: readonly number[], y: readonly number[], k: number): number {
  const n1 = x.length;
  const n2 = y.length;
  if (!(k >= 1 && k <= n1 * n2)) throw new RangeError(`kthDifference: k must lie in 1..${n1 * n2}, got ${k}`);
  // For each y_j (ascending), the x_i with y_j − x_i ≤ v are those with x_i ≥ y_j − v: a suffix of x that
  // shrinks as y_j rises, so one pointer i (the first x_i ≥ y_j − v) only moves forward.
  const count = (v: number): number => {
    let c = 0;
    let i = 0;
    for (let j = 0; j < n2; j++) {
      while (i < n1 && y[j] - x[i] > v) i++;
      c += n1 - i;
    }
    return c;
  };
  const largestAtMost = (v: number): number => {
    let best = -Infinity;
    let i = 0;
    for (let j = 0; j < n2; j++) {
      while (i < n1 && y[j] - x[i] > v) i++;
      if (i < n1) best = Math.max(best, y[j] - x[i]);
    }
    return best;
  };
  const lo = y[0] - x[n1 - 1];
  return kthByCounting(k, lo - 1 - Math.abs(lo), y[n2 - 1] - x[0], count, largestAtMost);
}

/** The median of the values whose k-th smallest kth(k) gives, out of m. */
function medianOf(m: number, kth: (k: number) => number): number {
  return m % 2 === 1 ? kth((m + 1) / 2) : (kth(m / 2) + kth(m / 2 + 1)) / 2;
}

/** Two-sided Wilcoxon signed-rank p of d against 0 (zeros dropped; exact without ties up to EXACT_MAX_PAIRS, else normal with tie and continuity corrections). */
export function signedRankP(d: readonly number[]): number {
  const nz = d.filter((x) => x !== 0);
  const n = nz.length;
  if (n === 0) return 1;
  const abs = nz.map(Math.abs);
  const order = abs.map((_, i) => i).sort((a, b) => abs[a] - abs[b]);
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && abs[order[j + 1]] === abs[order[i]]) j++;
    for (let t = i; t <= j; t++) ranks[order[t]] = (i + j + 2) / 2;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  let tPlus = 0;
  for (let i = 0; i < n; i++) if (nz[i] > 0) tPlus += ranks[i];
  const m = (n * (n + 1)) / 2;
  if (tieTerm === 0 && n <= EXACT_MAX_PAIRS) {
    const cdf = tCdf(n);
    const t = Math.round(tPlus);
    const tail = t <= m / 2 ? cdf[t] : 1 - (t >= 1 ? cdf[t - 1] : 0);
    return Math.min(1, 2 * tail);
  }
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  if (!(variance > 0)) return 1;
  const dev = tPlus - m / 2;
  const z = (dev - 0.5 * Math.sign(dev)) / Math.sqrt(variance);
  return Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
}

/** k of the Mann–Whitney interval for sample sizes n1 and n2 (exact below EXACT_MAX_PAIRS, else normal); 0: no interval. */
function unpairedK(n1: number, n2: number, alpha: number): { k: number; confidence: number } {
  return n1 < EXACT_MAX_PAIRS && n2 < EXACT_MAX_PAIRS
    ? exactK(uCdf(n1, n2), alpha)
    : normalK(n1 * n2, Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12), alpha);
}

/** Whether samples of n1 and n2 values admit an unpaired interval at level 1 − α (4 against 4 is the smallest balanced case at 95 %). */
export function hasUnpairedInterval(n1: number, n2: number, alpha = 0.05): boolean {
  return n1 > 0 && n2 > 0 && unpairedK(n1, n2, alpha).k >= 1;
}

/** Paired: the Hodges–Lehmann estimate of the differences d with the signed-rank interval at level 1 − α. */
export function pairedShift(d: readonly number[], alpha = 0.05): RankEstimate | null {
  const n = d.length;
  if (n === 0 || !d.every(Number.isFinite)) return null;
  const sorted = [...d].sort((a, b) => a - b);
  const m = (n * (n + 1)) / 2;
  const kth = (k: number) => kthWalshSum(sorted, k) / 2;
  const estimate = medianOf(m, kth);
  const { k, confidence } =
    n <= EXACT_MAX_PAIRS ? exactK(tCdf(n), alpha) : normalK(m, Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24), alpha);
  const ci: [number, number] | null = k >= 1 ? [kth(k), kth(m - k + 1)] : null;
  return { estimate, ci, p: signedRankP(d), confidence: ci ? confidence : null };
}

/** Unpaired: the Hodges–Lehmann shift of y against x with the Mann–Whitney interval at level 1 − α. */
export function unpairedShift(x: readonly number[], y: readonly number[], alpha = 0.05): RankEstimate | null {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0 || !x.every(Number.isFinite) || !y.every(Number.isFinite)) return null;
  const xs = [...x].sort((a, b) => a - b);
  const ys = [...y].sort((a, b) => a - b);
  const m = n1 * n2;
  const kth = (k: number) => kthDifference(xs, ys, k);
  const estimate = medianOf(m, kth);
  const { k, confidence } = unpairedK(n1, n2, alpha);
  const ci: [number, number] | null = k >= 1 ? [kth(k), kth(m - k + 1)] : null;
  const p = mannWhitneyU(ys, xs)?.p ?? 1;
  return { estimate, ci, p, confidence: ci ? confidence : null };
}
