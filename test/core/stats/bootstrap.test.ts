// The paired model bootstrap of the speedup: hand-computed interval, determinism, degenerate cases.
import { describe, expect, it } from 'vitest';
import { bootstrapSpeedup, pairedTerms } from '../../../src/core/stats/bootstrap';

// Shift 1 throughout. Model A: reference times [3, 3], set [1, 1]; model B: reference [8, 8], set [7, 7].
// Full sample: ref SGM = (4·4·9·9)^(1/4) − 1 = 6 − 1 = 5; set SGM = (2·2·8·8)^(1/4) − 1 = 4 − 1 = 3 → 5/3.
// A resample of two models is {A, A} (ratio 3/1 = 3), {B, B} (8/7) or {A, B} (5/3), with chances 1/4, 1/4,
// 1/2; with 1000 resamples the 2.5 % and 97.5 % quantiles (type 7: between the 25th/26th and 975th/976th
// sorted values) lie inside the ~250 {B, B} and ~250 {A, A} values: the interval is exactly [8/7, 3].
const A = pairedTerms([3, 3], [1, 1], 1);
const B = pairedTerms([8, 8], [7, 7], 1);

describe('bootstrapSpeedup (resampling models, paired)', () => {
  it('has the ratio of the shifted geometric means and the hand-computed interval', () => {
    const s = bootstrapSpeedup([A, B], 1, { seed: 1, resamples: 1000 })!;
    expect(s.ratio).toBeCloseTo(5 / 3, 12);
    expect(s.ci95[0]).toBeCloseTo(8 / 7, 12);
    expect(s.ci95[1]).toBeCloseTo(3, 12);
    expect(s.ci95[0]).toBeLessThanOrEqual(s.ratio);
    expect(s.ci95[1]).toBeGreaterThanOrEqual(s.ratio);
  });

  it('is deterministic for a fixed seed', () => {
    const models = [A, B, pairedTerms([20], [30], 1), pairedTerms([2, 4, 6], [1, 5, 3], 1)];
    const one = bootstrapSpeedup(models, 1, { seed: 7, resamples: 200 });
    const two = bootstrapSpeedup(models, 1, { seed: 7, resamples: 200 });
    expect(two).toEqual(one);
    const other = bootstrapSpeedup(models, 1, { seed: 8, resamples: 200 })!;
    expect(other.ratio).toBe(one!.ratio);
    expect(other.ci95).not.toEqual(one!.ci95);
    expect(one!.ci95[0]).toBeLessThanOrEqual(one!.ratio);
    expect(one!.ci95[1]).toBeGreaterThanOrEqual(one!.ratio);
  });

  it('pairs the two sets: equal times give exactly 1 in every resample', () => {
    const same = [pairedTerms([1, 50], [1, 50], 10), pairedTerms([900], [900], 10), pairedTerms([3], [3], 10)];
    expect(bootstrapSpeedup(same, 10)).toEqual({ ratio: 1, ci95: [1, 1] });
  });

  it.each([
    // one model: every resample is that model → [ratio, ratio]; ref (4·16)^(1/2) − 1 = 7, set (2·8)^(1/2) − 1 = 3
    ['one model', [pairedTerms([3, 15], [1, 7], 1)], { ratio: 7 / 3, ci95: [7 / 3, 7 / 3] }],
    // one problem: 15/3 = 5
    ['one problem', [pairedTerms([15], [3], 1)], { ratio: 5, ci95: [5, 5] }],
  ])('%s: a degenerate interval', (_label, models, expected) => {
    const s = bootstrapSpeedup(models, 1)!;
    expect(s.ratio).toBeCloseTo(expected.ratio, 12);
    expect(s.ci95[0]).toBeCloseTo(expected.ci95[0], 12);
    expect(s.ci95[1]).toBeCloseTo(expected.ci95[1], 12);
  });

  it.each([
    ['no common problems', [], 1],
    ['the set’s SGM is 0 and the reference’s is not (shift 0)', [pairedTerms([5], [0], 0)], 0],
  ])('is null for %s', (_label, models, shift) => {
    expect(bootstrapSpeedup(models, shift)).toBeNull();
  });

  it('is 1 when both SGMs are 0', () => {
    expect(bootstrapSpeedup([pairedTerms([0], [0], 0)], 0)).toEqual({ ratio: 1, ci95: [1, 1] });
  });
});
