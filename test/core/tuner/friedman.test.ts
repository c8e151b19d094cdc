import { describe, expect, it } from 'vitest';
import {
  chiSquareSf,
  conoverVsBest,
  friedman,
  holm,
  midRanks,
  regularizedBeta,
  regularizedGammaQ,
  studentTSf,
} from '../../../src/core/tuner';

// References: SciPy 1.17.1 on this machine. friedmanchisquare(*columns) for the statistic and p; the Conover
// p-values are the book's formula (Conover 1999, p. 371) evaluated with numpy and scipy.stats.t.sf:
//   se = sqrt(2 (n·ΣΣr² − ΣR_j²) / ((n − 1)(k − 1))), p = 2·t.sf(|R_j − R_best| / se, (n − 1)(k − 1)).
const FRIEDMAN = [
  {
    name: 'no ties',
    rows: [
      [1.2, 2.3, 3.1],
      [0.9, 2.0, 2.8],
      [1.5, 1.4, 3.3],
      [1.1, 2.2, 2.9],
      [1.0, 2.5, 2.4],
    ],
    statistic: 6.400000000000006,
    p: 0.04076220397836611,
    meanRanks: [1.2, 2.0, 2.8],
    conover: [0.09607159363991236, 0.005455999999999991],
  },
  {
    name: 'ties within blocks (mid-ranks, tie-corrected)',
    rows: [
      [1, 2, 2, 3],
      [2, 2, 2, 1],
      [1, 3, 2, 4],
      [1, 1, 3, 2],
      [2, 1, 3, 3],
      [1, 2, 3, 4],
    ],
    statistic: 7.188679245283029,
    p: 0.06612098560193239,
    meanRanks: [1.5833333333333333, 2.1666666666666665, 3.0, 3.25],
    conover: [0.3422290792332211, 0.030889830623842717, 0.01339491033092569],
  },
  {
    name: 'capped runs (+Infinity) tie for last',
    rows: [
      [100, 250, Infinity, Infinity],
      [120, 110, 300, Infinity],
      [90, 200, 210, Infinity],
      [95, 180, Infinity, 400],
      [130, 260, 240, Infinity],
    ],
    statistic: 11.448979591836734,
    p: 0.009530064890297474,
    meanRanks: [1.2, 2.0, 3.1, 3.7],
    conover: [0.09386826863341365, 0.0009940792731046105, 0.00010138701148707238],
  },
  {
    name: '12 blocks × 6, rounded (ties)',
    rows: [
      [0.0, 0.6, 0.3, 0.0, 0.7, -0.9],
      [0.1, 1.6, 0.1, 0.3, 1.7, 0.5],
      [0.1, -0.6, 0.6, 1.6, -0.1, -0.4],
      [-1.9, -1.0, -1.2, 0.7, -0.1, 0.4],
      [0.2, 0.1, -1.9, 0.4, 1.2, 0.2],
      [-1.5, -0.2, -0.4, 0.1, 2.3, -0.7],
      [-0.0, 1.2, 0.0, 0.8, 1.3, 0.2],
      [-1.2, 0.4, 2.0, -0.6, 2.1, 0.2],
      [-0.6, 2.3, 1.4, -0.3, 1.3, 0.7],
      [-0.2, 1.0, 0.5, 1.6, 2.6, -0.6],
      [0.2, -0.2, 0.7, -0.3, 0.6, -0.1],
      [0.9, 1.4, -0.7, 0.1, 1.8, -1.9],
    ],
    statistic: 20.444711538461537,
    p: 0.0010309434959655279,
    meanRanks: [2.25, 3.8333333333333335, 3.25, 3.7083333333333335, 5.333333333333333, 2.625],
    conover: [0.01722560965050857, 0.1265630880022688, 0.02764860980472146, 1.3333132435109624e-5, 0.5631178388002671],
  },
];

describe('Friedman test against SciPy', () => {
  it.each(FRIEDMAN)('$name', ({ rows, statistic, p, meanRanks, conover }) => {
    const f = friedman(rows);
    expect(f.statistic).toBeCloseTo(statistic, 10);
    expect(f.p / p).toBeCloseTo(1, 9);
    expect(f.df).toBe(rows[0].length - 1);
    f.meanRanks.forEach((r, j) => expect(r).toBeCloseTo(meanRanks[j], 12));
    const post = conoverVsBest(f);
    expect(post.best).toBe(0);
    post.comparisons.forEach((c, i) => expect(c.p / conover[i]).toBeCloseTo(1, 8));
    const adjusted = holm(conover);
    post.comparisons.forEach((c, i) => {
      expect(c.pHolm).toBeCloseTo(adjusted[i], 10);
      expect(c.worse).toBe(c.meanRankGap > 0 && adjusted[i] <= 0.05);
    });
  });

  it('every block one big tie: no evidence (p = 1), no one worse', () => {
    const f = friedman([
      [1, 1, 1],
      [Infinity, Infinity, Infinity],
    ]);
    expect(f.statistic).toBe(0);
    expect(f.p).toBe(1);
    expect(conoverVsBest(f).comparisons.every((c) => !c.worse)).toBe(true);
  });

  it('one block decides nothing in the post-hoc test (no degrees of freedom)', () => {
    const post = conoverVsBest(friedman([[1, 2, 3]]));
    expect(post.comparisons.map((c) => c.p)).toEqual([1, 1]);
  });

  it('refuses NaN, ragged blocks and fewer than two candidates', () => {
    expect(() => friedman([[1, NaN]])).toThrow(RangeError);
    expect(() => friedman([[1, 2], [1]])).toThrow(RangeError);
    expect(() => friedman([[1]])).toThrow(RangeError);
    expect(() => friedman([])).toThrow(RangeError);
  });
});

describe('mid-ranks', () => {
  it.each([
    { values: [3, 1, 2], ranks: [3, 1, 2] },
    { values: [2, 2, 1], ranks: [2.5, 2.5, 1] },
    { values: [5, Infinity, 1, Infinity], ranks: [2, 3.5, 1, 3.5] },
    { values: [7, 7, 7, 7], ranks: [2.5, 2.5, 2.5, 2.5] },
    { values: [0, -0, 1], ranks: [1.5, 1.5, 3] },
  ])('$values → $ranks', ({ values, ranks }) => expect(midRanks(values)).toEqual(ranks));
});

// SciPy 1.17.1: scipy.stats.chi2.sf, scipy.stats.t.sf, scipy.special.gammaincc and betainc.
describe('distributions against SciPy', () => {
  it.each([
    [0.5, 1, 0.47950012218695337],
    [3.84, 1, 0.05004352124870519],
    [7.2, 2, 0.027323722447292555],
    [20, 5, 0.0012497305630313773],
    [100, 3, 1.5541594313896026e-21],
    [0.01, 10, 0.999999999999974],
    [45.5, 30, 0.03465725212201821],
    [150, 40, 1.2397921541617078e-14],
  ])('chi-square sf(%f, df %i) = %f', (x, df, p) => expect(chiSquareSf(x, df) / p).toBeCloseTo(1, 9));

  it.each([
    [0.5, 1, 0.35241638234956674],
    [2.0, 4, 0.05805826175840778],
    [2.7, 76, 0.004271547413315997],
    [4.1, 30, 0.00014494291656459162],
    [10, 8, 4.2440907638142445e-6],
    [0.1, 200, 0.4602222462521605],
    [-1.5, 12, 0.9202712482433966],
  ])('Student t sf(%f, df %i) = %f', (t, df, p) => expect(studentTSf(t, df) / p).toBeCloseTo(1, 9));

  it.each([
    [0.5, 0.1, 0.6547208460185768],
    [2.5, 1, 0.8491450360846096],
    [10, 15, 0.06985366069940986],
    [1, 1e-8, 0.9999999900000001],
    [50, 30, 0.999481108537452],
  ])('Q(%f, %f) = %f', (a, x, q) => expect(regularizedGammaQ(a, x) / q).toBeCloseTo(1, 10));

  it.each([
    [0.3, 2, 3, 0.34829999999999994],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.05, 10, 0.5, 1.761178743259099e-14],
    [0.999, 38, 0.5, 0.783435744398112],
  ])('I_%f(%f, %f) = %f', (x, a, b, v) => expect(regularizedBeta(x, a, b) / v).toBeCloseTo(1, 9));

  it('edges and bad arguments', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(studentTSf(Infinity, 5)).toBe(0);
    expect(studentTSf(0, 5)).toBeCloseTo(0.5, 12);
    expect(() => chiSquareSf(1, 0)).toThrow(RangeError);
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow(RangeError);
  });
});

// R: p.adjust(p, "holm").
describe('Holm correction', () => {
  it.each([
    { p: [0.01, 0.04, 0.03, 0.005], adjusted: [0.03, 0.06, 0.06, 0.02] },
    { p: [0.5], adjusted: [0.5] },
    { p: [0.02, 0.02], adjusted: [0.04, 0.04] },
    { p: [0.3, 0.6, 0.001], adjusted: [0.6, 0.6, 0.003] },
    { p: [0.9, 0.8, 0.7], adjusted: [1, 1, 1] },
    { p: [], adjusted: [] },
  ])('$p → $adjusted', ({ p, adjusted }) => {
    holm(p).forEach((a, i) => expect(a).toBeCloseTo(adjusted[i], 12));
    expect(holm(p)).toHaveLength(adjusted.length);
  });
});
