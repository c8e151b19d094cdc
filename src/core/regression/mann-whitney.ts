// The two-sided Mann–Whitney U (Wilcoxon rank-sum) test, as R's wilcox.test(x, y) computes it: the exact
// p-value from the U distribution when both samples are small and have no ties, else the normal
// approximation with continuity correction and the tie-corrected variance. A rank test says whether one
// side's wall times tend to be larger without assuming they are normal (solve times are skewed).

/** How the p-value was computed. */
export type MannWhitneyMethod = 'exact' | 'normal';

/** The outcome of a Mann–Whitney U test of two samples x and y. */
export interface MannWhitneyResult {
  /** U of x: the number of pairs (x_i, y_j) with x_i > y_j, ties counting ½ (R's W statistic). */
  u: number;
  /** Two-sided p-value. */
  p: number;
  n1: number;
  n2: number;
  method: MannWhitneyMethod;
}

// R's rule: exact when both samples have fewer than 50 values and there are no ties. The distribution is
// counted by a rank-sum knapsack of at most 50 × 2,500 cells per rank (≈ 10⁷ additions at 49 + 49),
// in doubles whose relative rounding is far below what a p-value needs.
/** The largest sample size (each side) for which the exact distribution is used when there are no ties. */
export const EXACT_MAX_SAMPLE = 49;

// Numerical Recipes' erfc (Chebyshev fit), fractional error below 1.2e-7 everywhere: ample for a p-value.
/** The complementary error function erfc(x). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// counts[u] = how many of the C(n1 + n2, n1) ways to give n1 of the ranks 1..n1+n2 to x have U = u, where
// U = (sum of x's ranks) − n1(n1 + 1)/2. A knapsack over the ranks: ways[j][s] = ways to pick j of the ranks
// seen so far with rank sum s; only additions, so no cancellation.
/** The exact null distribution of U for sample sizes n1 and n2, as counts indexed by U (0..n1·n2). */
export function exactUCounts(n1: number, n2: number): Float64Array {
  const n = n1 + n2;
  const minSum = (n1 * (n1 + 1)) / 2;
  const maxSum = minSum + n1 * n2;
  const ways: Float64Array[] = [];
  for (let j = 0; j <= n1; j++) ways.push(new Float64Array(maxSum + 1));
  ways[0][0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let j = Math.min(n1, rank); j >= 1; j--) {
      const to = ways[j];
      const from = ways[j - 1];
      for (let s = maxSum; s >= rank; s--) to[s] += from[s - rank];
    }
  }
  return ways[n1].slice(minSum, maxSum + 1);
}

/** Midranks (1-based, ties get the mean of their ranks) of the values and the tie term Σ(t³ − t) over tie groups. */
function midranks(values: readonly number[]): { ranks: Float64Array; tieTerm: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

// Two-sided p-values, as R's wilcox.test (exact = NULL, correct = TRUE):
// - exact: p = min(1, 2·P(U ≤ u)) when u ≤ n1·n2/2, else min(1, 2·P(U ≥ u));
// - normal: z = (u − n1·n2/2 − ½·sign(u − n1·n2/2)) / σ with
//   σ² = n1·n2/12 · ((n + 1) − Σ(t³ − t) / (n(n − 1))), p = 2·min(Φ(z), 1 − Φ(z)); p = 1 when σ = 0 (all
//   values equal).
/** Two-sided Mann–Whitney U test of x against y; null when either sample is empty or holds a non-finite value. */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult | null {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return null;
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) return null;
  const { ranks, tieTerm } = midranks([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i];
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const mid = (n1 * n2) / 2;
  if (tieTerm === 0 && n1 <= EXACT_MAX_SAMPLE && n2 <= EXACT_MAX_SAMPLE) {
    const counts = exactUCounts(n1, n2);
    let total = 0;
    for (const c of counts) total += c;
    let tail = 0;
    if (u <= mid) for (let k = 0; k <= u; k++) tail += counts[k];
    else for (let k = u; k < counts.length; k++) tail += counts[k];
    return { u, p: Math.min(1, (2 * tail) / total), n1, n2, method: 'exact' };
  }
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, p: 1, n1, n2, method: 'normal' };
  const d = u - mid;
  const z = (d - 0.5 * Math.sign(d)) / Math.sqrt(variance);
  const p = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  return { u, p, n1, n2, method: 'normal' };
}
