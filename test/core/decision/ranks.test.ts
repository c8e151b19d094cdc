import { describe, expect, it } from 'vitest';
import {
  kthDifference,
  kthWalshSum,
  normalQuantile,
  pairedShift,
  signedRankCounts,
  signedRankP,
  unpairedShift,
} from '../../../src/core/decision';
import { mulberry32 } from '../../../src/core/warmup-model';

const walshSorted = (d: number[]) => {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) out.push(d[i] + d[j]);
  return out.sort((a, b) => a - b);
};
const diffsSorted = (x: number[], y: number[]) => x.flatMap((a) => y.map((b) => b - a)).sort((a, b) => a - b);
const sample = (seed: number, n: number, scale = 1) => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => Math.round((r() - 0.3) * 1000 * scale) / 1000);
};

// SciPy 1.17.1 on this machine: scipy.stats.wilcoxon(d, method='exact' | 'approx', correction=True).pvalue.
const SIGNED_RANK_P = [
  { d: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], p: 0.03125 },
  { d: [0.3, -0.1, 0.25, 0.4, 0.05, 0.5, -0.2, 0.35], p: 0.078125 },
  { d: [1.2, -0.4, 0.8, 0.3, -0.9, 0.5, 0.7, 1.1, -0.2, 0.6, 0.45, 0.05], p: 0.0771484375 },
];
// numpy.random.default_rng(5): round(normal(0.2, 0.5, 70), 4); 70 > 50 pairs, so the normal approximation.
const LARGE_D = [
  -0.201, -0.4622, 0.0758, 0.4102, 0.768, 0.2549, -0.0763, -0.1924, 0.5744, 1.0174, 0.3364, -0.4167, -0.2791, 1.0,
  0.3014, -0.6661, 0.1582, -0.3816, -0.1146, -0.044, -0.1567, 0.4767, 0.1685, -0.0947, 0.4048, 0.6149, -0.6215, 0.0716,
  -0.2904, 0.1134, -0.4447, 0.2103, 0.1811, 0.0478, -0.324, 0.0019, -0.3457, -0.4776, 0.3124, -0.3547, 0.7851, 0.5583,
  -0.7989, 0.3361, -0.3509, 0.2165, 0.2218, -0.7942, 0.0833, 0.0721, 0.681, -0.3907, 0.569, -0.3495, 0.0344, -0.2202,
  0.9244, 0.4841, 1.4159, 0.521, 0.6225, 0.6203, -0.1033, 0.165, 0.8752, 0.0017, 0.2944, 0.1894, 0.5046, 0.0175,
];

describe('signed-rank test', () => {
  it.each(SIGNED_RANK_P)('p of $d is SciPy’s exact $p', ({ d, p }) => {
    expect(signedRankP(d)).toBeCloseTo(p, 12);
  });
  it('uses the normal approximation above 50 pairs, as SciPy', () => {
    expect(signedRankP(LARGE_D)).toBeCloseTo(0.04926011559357151, 6);
  });
  it('null distribution counts sum to 2^n and are symmetric', () => {
    const c = signedRankCounts(10);
    expect(c.reduce((a, b) => a + b, 0)).toBe(1024);
    for (let t = 0; t < c.length; t++) expect(c[t]).toBe(c[c.length - 1 - t]);
  });
  it('no nonzero difference: p = 1', () => expect(signedRankP([0, 0, 0])).toBe(1));
});

describe('order statistics by counting', () => {
  it.each([3, 7, 20, 41])('kthWalshSum equals the sorted list of all sums (n = %i)', (n) => {
    const d = [...sample(n, n)].sort((a, b) => a - b);
    const all = walshSorted(d);
    for (const k of [1, 2, Math.ceil(all.length / 2), all.length - 1, all.length])
      expect(kthWalshSum(d, k)).toBe(all[k - 1]);
  });
  it.each([
    [1, 1],
    [4, 9],
    [13, 6],
    [30, 31],
  ])('kthDifference equals the sorted list of all differences (%i × %i)', (n1, n2) => {
    const x = sample(n1 + 100, n1).sort((a, b) => a - b);
    const y = sample(n2 + 200, n2).sort((a, b) => a - b);
    const all = diffsSorted(x, y);
    for (const k of [1, Math.ceil(all.length / 3), all.length]) expect(kthDifference(x, y, k)).toBe(all[k - 1]);
  });
  it('rejects k outside the range', () => {
    expect(() => kthWalshSum([1, 2], 4)).toThrow(RangeError);
    expect(() => kthDifference([1], [2], 0)).toThrow(RangeError);
  });
  it('normalQuantile inverts the normal at the usual levels', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});

describe('Hodges–Lehmann estimates with rank intervals', () => {
  it('paired, 6 pairs of one sign: the interval is [min, max] at 1 − 2/64 confidence, p = 1/32', () => {
    const r = pairedShift([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])!;
    expect(r.ci).toEqual([0.1, 0.6]);
    expect(r.estimate).toBeCloseTo(0.35, 12);
    expect(r.confidence).toBeCloseTo(1 - 2 / 64, 12);
    expect(r.p).toBeCloseTo(0.03125, 12);
  });
  it('paired, 5 pairs: no 95 % interval (2 · 2^-5 > 0.05)', () => {
    expect(pairedShift([0.1, 0.2, 0.3, 0.4, 0.5])!.ci).toBeNull();
  });
  it('paired interval is [W_(k), W_(M−k+1)] with k from the exact distribution (n = 12: k = 14, R’s qsignrank(0.025, 12))', () => {
    const d = SIGNED_RANK_P[2].d;
    const w = walshSorted([...d].sort((a, b) => a - b)).map((x) => x / 2);
    const r = pairedShift(d)!;
    expect(r.ci![0]).toBeCloseTo(w[13], 12);
    expect(r.ci![1]).toBeCloseTo(w[w.length - 14], 12);
    expect(r.estimate).toBeCloseTo((w[38] + w[39]) / 2, 12);
  });
  it('unpaired, 4 against 4: the interval is [min, max] of the 16 differences', () => {
    const x = [1, 2, 3, 4];
    const y = [2.5, 3.5, 6, 7];
    const r = unpairedShift(x, y)!;
    const all = diffsSorted(x, y);
    expect(r.ci).toEqual([all[0], all[15]]);
    expect(r.estimate).toBeCloseTo((all[7] + all[8]) / 2, 12);
  });
  it('unpaired, 3 against 3: no 95 % interval', () => expect(unpairedShift([1, 2, 3], [4, 5, 6])!.ci).toBeNull());
  it('unpaired large samples use the normal approximation and cover the planted shift', () => {
    const r = mulberry32(9);
    const x = Array.from({ length: 80 }, () => r());
    const y = Array.from({ length: 90 }, () => r() + 0.5);
    const est = unpairedShift(x, y)!;
    expect(est.ci![0]).toBeLessThan(0.5);
    expect(est.ci![1]).toBeGreaterThan(0.5);
    expect(est.p).toBeLessThan(1e-10);
  });
  it('non-finite input gives null', () => {
    expect(pairedShift([1, Number.NaN])).toBeNull();
    expect(unpairedShift([1], [Infinity])).toBeNull();
  });
});
