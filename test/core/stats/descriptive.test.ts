// Table tests of the descriptive statistics (median, type-7 quantiles, sample std, CV) against hand values.
import { describe, expect, it } from 'vitest';
import {
  coefficientOfVariation,
  mean,
  median,
  quantile,
  sampleStd,
  sortedCopy,
} from '../../../src/core/stats/descriptive';

describe('median', () => {
  it.each([
    ['odd count: the middle value', [5, 1, 3], 3],
    ['even count: mean of the two middle values', [4, 1, 3, 2], 2.5],
    ['one value', [7], 7],
    ['ties', [2, 2, 9, 2], 2],
    ['no values', [], null],
  ])('%s', (_label, values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('quantile (type 7: h = (n − 1)p, linear between neighbours)', () => {
  // [1, 2, 3, 10]: h(0.25) = 0.75 → 1 + 0.75·1 = 1.75; h(0.75) = 2.25 → 3 + 0.25·7 = 4.75.
  it.each([
    [[10, 3, 1, 2], 0.25, 1.75],
    [[10, 3, 1, 2], 0.75, 4.75],
    [[10, 3, 1, 2], 0, 1],
    [[10, 3, 1, 2], 1, 10],
    // [1..5]: h(0.1) = 0.4 → 1.4
    [[1, 2, 3, 4, 5], 0.1, 1.4],
    [[4], 0.9, 4],
    [[], 0.5, null],
  ])('%j at p = %d is %d', (values, p, expected) => {
    const q = quantile(values, p);
    if (expected === null) expect(q).toBeNull();
    else expect(q).toBeCloseTo(expected, 12);
  });

  it('does not sort its input in place', () => {
    const values = [3, 1, 2];
    sortedCopy(values);
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('mean, sample std, coefficient of variation', () => {
  // [1, 2, 3, 10]: mean 4; squared deviations 9 + 4 + 1 + 36 = 50; sample variance 50/3; cv = √(50/3)/4.
  it.each([
    ['spread', [1, 2, 3, 10], 4, Math.sqrt(50 / 3), Math.sqrt(50 / 3) / 4],
    ['identical values: no spread', [3, 3], 3, 0, 0],
    ['one value: no sample std', [3], 3, null, null],
    ['mean 0: no cv', [0, 0], 0, 0, null],
    ['nothing', [], null, null, null],
  ])('%s', (_label, values, m, s, cv) => {
    expect(mean(values)).toBe(m);
    if (s === null) expect(sampleStd(values)).toBeNull();
    else expect(sampleStd(values)).toBeCloseTo(s, 12);
    if (cv === null) expect(coefficientOfVariation(values)).toBeNull();
    else expect(coefficientOfVariation(values)).toBeCloseTo(cv, 12);
  });
});
