// Table tests of the shifted geometric mean against hand-computed values, and its defaults.
import { describe, expect, it } from 'vitest';
import { COUNTER_NAMES } from '../../../src/core/benchmark';
import {
  DEFAULT_COUNTER_SHIFTS,
  DEFAULT_SHIFT_MS,
  sgmFromLogSum,
  shiftedGeometricMean,
  shiftedLogSum,
} from '../../../src/core/stats/sgm';

describe('shiftedGeometricMean = exp(mean(ln(t + s))) − s', () => {
  it.each([
    // √(1·4) = 2
    ['shift 0 is the geometric mean', [1, 4], 0, 2],
    // √(1·9) − 1 = 2
    ['shift 1', [0, 8], 1, 2],
    // (4·16·16·4)^(1/4) − 1 = 8 − 1
    ['four values', [3, 15, 15, 3], 1, 7],
    // ∛(20·20·20) − 10
    ['equal values give that value', [10, 10, 10], 10, 10],
    ['one value is itself', [42], 10, 42],
    // (10·10)^(1/2) − 10 = 0
    ['zeros give 0', [0, 0], 10, 0],
    // exp(−∞) − 0 = 0: no NaN
    ['a zero with shift 0 gives 0', [0, 5], 0, 0],
    // √(11·1010) − 10 = 95.40…: a large value counts far less than in the arithmetic mean (500.5)
    ['a large value weighs far less than in the arithmetic mean', [1, 1000], 10, Math.sqrt(11 * 1010) - 10],
  ])('%s', (_label, values, shift, expected) => {
    expect(shiftedGeometricMean(values, shift)).toBeCloseTo(expected, 10);
  });

  it('is null over no values', () => {
    expect(shiftedGeometricMean([], 10)).toBeNull();
    expect(sgmFromLogSum(0, 0, 10)).toBeNull();
  });

  it('adds up from log sums (what the bootstrap reuses)', () => {
    const sum = shiftedLogSum([3, 15], 1) + shiftedLogSum([15, 3], 1);
    expect(sgmFromLogSum(sum, 4, 1)).toBeCloseTo(7, 12);
  });
});

describe('defaults', () => {
  it('time shift is 10 ms; every summarised counter has a positive shift', () => {
    expect(DEFAULT_SHIFT_MS).toBe(10);
    for (const name of COUNTER_NAMES) expect(DEFAULT_COUNTER_SHIFTS[name]).toBeGreaterThan(0);
    expect(DEFAULT_COUNTER_SHIFTS).toEqual({
      simplexIterations: 10,
      ipmIterations: 1,
      mipNodes: 10,
      mipLpIterations: 10,
    });
  });
});
