import { describe, expect, it } from 'vitest';
import { erfc, exactUCounts, mannWhitneyU, normalCdf } from '../../../src/core/regression/mann-whitney';

// Reference values from SciPy 1.17.1 on this machine, which computes what R's wilcox.test(x, y) does:
//   scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='exact')             (no ties, small n)
//   scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='asymptotic', use_continuity=True)
// u is the statistic for x (R's W). Hand checks: [1,2,3] vs [4,5,6]: U = 0, P(U ≤ 0) = 1/C(6,3) = 1/20, two-sided
// 0.1; [1,3,5] vs [2,4,6]: U = 3, the counts of U = 0..3 for 3 + 3 are 1, 1, 2, 3, so 2·7/20 = 0.7. The third row
// is R's ?wilcox.test example (Hollander & Wolfe), whose one-sided p R prints as 0.1272: two-sided 0.2544.
const LARGE_X = [
  120.409, 74.443, 104.181, 94.322, 95.474, 97.844, 79.8, 97.681, 91.348, 133.23, 102.258, 96.474, 97.187, 93.32,
  89.448, 96.092, 104.819, 97.614, 109.578, 98.002, 100.243, 115.458, 105.451, 94.948, 98.172, 105.405, 119.351, 97.304,
  97.564, 110.023, 91.135, 97.083, 108.825, 105.804, 100.915, 106.701, 71.718, 110.213, 90.404, 83.314, 102.764,
  107.005, 95.552, 89.236, 100.261, 99.473, 114.056, 107.474, 101.938, 111.116, 97.945, 90.741, 105.841, 105.825,
  97.852, 92.172, 102.292, 75.061, 106.901, 104.914,
];
// numpy.random.default_rng(3): round(normal(100, 10, 60), 3) and round(normal(106, 10, 55), 3); y has two ties.
const LARGE_Y = [
  89.611, 106.614, 96.359, 113.572, 85.658, 96.855, 113.096, 117.564, 84.42, 101.02, 109.28, 99.908, 121.906, 94.088,
  109.545, 95.516, 120.06, 105.783, 102.277, 88.818, 122.818, 113.528, 113.536, 117.379, 109.492, 99.608, 97.998,
  97.998, 119.701, 91.396, 100.036, 102.788, 108.246, 111.753, 93.509, 88.7, 105.956, 118.136, 113.571, 108.157,
  102.828, 108.932, 103.567, 114.172, 98.056, 107.342, 104.892, 111.434, 108.246, 131.5, 120.987, 120.967, 85.605,
  102.597, 99.914,
];

describe('mannWhitneyU against SciPy / R references', () => {
  it.each([
    { x: [1, 2, 3], y: [4, 5, 6], u: 0, p: 0.1, method: 'exact' },
    { x: [1, 3, 5], y: [2, 4, 6], u: 3, p: 0.7, method: 'exact' },
    { x: [4, 5, 6], y: [1, 2, 3], u: 9, p: 0.1, method: 'exact' },
    {
      x: [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
      y: [1.15, 0.88, 0.9, 0.74, 1.21],
      u: 35,
      p: 0.2544122544122544,
      method: 'exact',
    },
    {
      x: [10.1, 12.3, 11.8, 13.0, 10.9, 12.2],
      y: [14.2, 13.5, 15.1, 12.9, 14.8, 13.9, 15.5],
      u: 1,
      p: 0.002331002331002331,
      method: 'exact',
    },
    // Ties: normal approximation with continuity and tie correction.
    { x: [1, 2, 2, 3], y: [2, 3, 4, 4, 5], u: 2.5, p: 0.07854585095119067, method: 'normal' },
    { x: [5, 5, 5, 6, 7], y: [5, 6, 6, 8, 9, 9], u: 6.5, p: 0.1302576767340204, method: 'normal' },
    { x: [1, 1, 1, 1], y: [1, 1, 1, 2], u: 6, p: 0.4532547047537364, method: 'normal' },
    { x: LARGE_X, y: LARGE_Y, u: 1147, p: 0.004900981150353647, method: 'normal' },
    { x: LARGE_Y, y: LARGE_X, u: 2153, p: 0.004900981150353647, method: 'normal' },
  ] as const)('u=$u p=$p ($method)', ({ x, y, u, p, method }) => {
    const r = mannWhitneyU(x, y)!;
    expect(r.u).toBe(u);
    expect(r.method).toBe(method);
    expect(r.n1).toBe(x.length);
    expect(r.n2).toBe(y.length);
    // Exact p-values are ratios of whole counts; the normal ones go through an erfc good to ~1e-7.
    expect(r.p).toBeCloseTo(p, method === 'exact' ? 12 : 6);
  });

  it('uses the normal approximation without ties once a sample has 50 values (R’s rule)', () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    const y = Array.from({ length: 5 }, (_, i) => 100 + i);
    expect(mannWhitneyU(x, y)!.method).toBe('normal');
    expect(mannWhitneyU(x.slice(0, 49), y)!.method).toBe('exact');
  });

  it('gives p = 1 when every value is equal, and null for an empty or non-finite sample', () => {
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toEqual({ u: 3, p: 1, n1: 3, n2: 2, method: 'normal' });
    expect(mannWhitneyU([], [1])).toBeNull();
    expect(mannWhitneyU([1], [])).toBeNull();
    expect(mannWhitneyU([1, NaN], [2, 3])).toBeNull();
    expect(mannWhitneyU([1, 2], [Infinity, 3])).toBeNull();
  });
});

/** Counts of U by enumerating every subset of ranks given to x: the definition, for small sizes. */
function bruteCounts(n1: number, n2: number): number[] {
  const n = n1 + n2;
  const counts = new Array<number>(n1 * n2 + 1).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    let rankSum = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        bits++;
        rankSum += i + 1;
      }
    }
    if (bits === n1) counts[rankSum - (n1 * (n1 + 1)) / 2]++;
  }
  return counts;
}

describe('exactUCounts', () => {
  it.each([
    [1, 1],
    [1, 4],
    [3, 3],
    [2, 5],
    [4, 6],
    [5, 5],
    [7, 3],
  ])('matches enumeration for n1=%i, n2=%i', (n1, n2) => {
    expect(Array.from(exactUCounts(n1, n2))).toEqual(bruteCounts(n1, n2));
  });

  it('sums to C(n1+n2, n1) and is symmetric, also at the largest exact size', () => {
    const c = exactUCounts(10, 12);
    expect(c.reduce((a, b) => a + b, 0)).toBe(646646); // C(22, 10)
    for (let u = 0; u < c.length; u++) expect(c[u]).toBe(c[c.length - 1 - u]);
    const big = exactUCounts(49, 49);
    expect(big.length).toBe(49 * 49 + 1);
    expect(big[0]).toBe(1);
    expect(big[1]).toBe(1);
    expect(big[2]).toBe(2);
  });
});

describe('normalCdf and erfc', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.959963984540054, 0.025],
    [1, 0.8413447460685429],
    [-3, 0.0013498980316300946],
  ])('Φ(%f) = %f', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 7);
  });

  it('erfc(0) = 1 and erfc(−x) = 2 − erfc(x)', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(-0.7)).toBeCloseTo(2 - erfc(0.7), 12);
  });
});
