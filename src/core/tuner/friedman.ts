// The race's statistics: the Friedman test on ranks within blocks and Conover's post-hoc test of each
// candidate against the best, Holm-corrected — the F-Race recipe. Ranks only: a run stopped on the race's
// cap ranks last on its block (value +Infinity, tied with any other capped run) and never gets a made-up
// time. Within a block, ties get mid-ranks; the Friedman statistic carries SciPy's tie correction and its p
// comes from the chi-square distribution (the regularized upper incomplete gamma function); Conover's test
// (Practical Nonparametric Statistics, 3rd ed., p. 371) compares rank sums with Student's t on (b − 1)(k − 1)
// degrees of freedom (the regularized incomplete beta function).
import { logGamma } from '../decision/sequential';

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** Mid-ranks (1-based, ascending) of values; equal values (+Infinity too) share the mean of their ranks. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    for (let t = i; t <= j; t++) ranks[order[t]] = (i + j + 2) / 2;
    i = j + 1;
  }
  return ranks;
}

// Numerical Recipes' series (x < a + 1) and Lentz continued fraction (x ≥ a + 1) for the incomplete gamma.
/** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`regularizedGammaQ needs a > 0 and x ≥ 0, got a = ${a}, x = ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * front);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, front * h);
}

/** The chi-square survival function P(X > x) with df degrees of freedom: a Friedman p-value. */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square needs df > 0, got ${df}`);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

// Numerical Recipes' continued fraction for the incomplete beta (modified Lentz).
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1))
    throw new RangeError(`regularizedBeta needs a, b > 0 and 0 ≤ x ≤ 1, got x = ${x}, a = ${a}, b = ${b}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Student's t survival function P(T > t) with df degrees of freedom: a post-hoc p-value. */
export function studentTSf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0, got ${df}`);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** The Friedman test of k candidates over n blocks, with what the post-hoc test needs. */
export interface FriedmanResult {
  blocks: number;
  candidates: number;
  /** Rank sums per candidate (rank 1 = fastest on a block). */
  rankSums: number[];
  meanRanks: number[];
  /** Σ of every squared rank (Conover's A1). */
  sumSquaredRanks: number;
  /** The tie-corrected chi-square statistic (0 when every block is one big tie). */
  statistic: number;
  df: number;
  p: number;
}

/** The Friedman test: rows are blocks, columns candidates, values lower-is-better (+Infinity: capped, ranks last). */
export function friedman(matrix: readonly (readonly number[])[]): FriedmanResult {
  const n = matrix.length;
  const k = n > 0 ? matrix[0].length : 0;
  if (n < 1 || k < 2) throw new RangeError(`the Friedman test needs ≥ 1 block and ≥ 2 candidates, got ${n} × ${k}`);
  const rankSums = new Array<number>(k).fill(0);
  let sumSquaredRanks = 0;
  let ties = 0;
  for (const row of matrix) {
    if (row.length !== k) throw new RangeError('every block must rank the same candidates');
    if (row.some((v) => Number.isNaN(v))) throw new RangeError('a block holds NaN');
    const r = midRanks(row);
    for (let j = 0; j < k; j++) {
      rankSums[j] += r[j];
      sumSquaredRanks += r[j] * r[j];
    }
    const counts = new Map<number, number>();
    for (const v of row) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const t of counts.values()) ties += t * (t * t - 1);
  }
  const correction = 1 - ties / (k * (k * k - 1) * n);
  const ss = rankSums.reduce((s, r) => s + r * r, 0);
  const raw = (12 / (k * n * (k + 1))) * ss - 3 * n * (k + 1);
  const statistic = correction > 1e-12 ? Math.max(0, raw / correction) : 0;
  return {
    blocks: n,
    candidates: k,
    rankSums,
    meanRanks: rankSums.map((r) => r / n),
    sumSquaredRanks,
    statistic,
    df: k - 1,
    p: correction > 1e-12 ? chiSquareSf(statistic, k - 1) : 1,
  };
}

/** Holm's step-down adjusted p-values, in the order given (reject where adjusted ≤ α). */
export function holm(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b] || a - b);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * ps[i]));
    out[i] = running;
  });
  return out;
}

/** One candidate against the best by Conover's test. */
export interface PostHocComparison {
  /** The candidate's column. */
  index: number;
  /** Its mean rank minus the best's (> 0: worse). */
  meanRankGap: number;
  t: number;
  /** Two-sided p, unadjusted. */
  p: number;
  /** Holm-adjusted over the comparisons with the best. */
  pHolm: number;
  /** Worse than the best at level α after Holm. */
  worse: boolean;
}

/** Conover's post-hoc test of every candidate against the best (lowest rank sum; the first on a tie), Holm-corrected. */
export function conoverVsBest(f: FriedmanResult, alpha = 0.05): { best: number; comparisons: PostHocComparison[] } {
  const { blocks: n, candidates: k, rankSums } = f;
  let best = 0;
  for (let j = 1; j < k; j++) if (rankSums[j] < rankSums[best]) best = j;
  const df = (n - 1) * (k - 1);
  const ssR = rankSums.reduce((s, r) => s + r * r, 0);
  const variance = (2 * (n * f.sumSquaredRanks - ssR)) / df;
  const se = df > 0 && variance > 1e-9 ? Math.sqrt(variance) : 0;
  const others = rankSums.map((_, j) => j).filter((j) => j !== best);
  const raw = others.map((j) => {
    const gap = rankSums[j] - rankSums[best];
    if (df <= 0) return { j, gap, t: 0, p: 1 };
    if (se === 0) return { j, gap, t: gap === 0 ? 0 : Infinity, p: gap === 0 ? 1 : 0 };
    const t = gap / se;
    return { j, gap, t, p: Math.min(1, 2 * studentTSf(Math.abs(t), df)) };
  });
  const adjusted = holm(raw.map((r) => r.p));
  return {
    best,
    comparisons: raw.map((r, i) => ({
      index: r.j,
      meanRankGap: r.gap / n,
      t: r.t,
      p: r.p,
      pHolm: adjusted[i],
      worse: r.gap > 0 && adjusted[i] <= alpha,
    })),
  };
}
