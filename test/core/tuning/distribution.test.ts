import { describe, expect, it } from 'vitest';
import { distributionOf, variabilityNote } from '../../../src/core/tuning/distribution';

describe('distributionOf', () => {
  it.each([
    {
      // Sorted 1 2 3 4. Type-7 quartiles: h = 3·0.25 = 0.75 → 1.75; median 2.5; h = 2.25 → 3.25.
      // Mean 2.5; sample sd = √((1.5² + 0.5² + 0.5² + 1.5²)/3) = √(5/3) = 1.290994; cv = 0.516398.
      values: [4, 1, 3, 2],
      want: { n: 4, values: [1, 2, 3, 4], min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 },
      cv: Math.sqrt(5 / 3) / 2.5,
    },
    {
      values: [5],
      want: { n: 1, values: [5], min: 5, q1: 5, median: 5, q3: 5, max: 5, mean: 5 },
      cv: 0,
    },
    {
      values: [2, 2, 2],
      want: { n: 3, values: [2, 2, 2], min: 2, q1: 2, median: 2, q3: 2, max: 2, mean: 2 },
      cv: 0,
    },
    {
      // Sorted 10 20 60: q1 h = 0.5 → 15; q3 h = 1.5 → 40; mean 30; sd = √((400 + 100 + 900)/2) = √700.
      values: [60, 10, 20],
      want: { n: 3, values: [10, 20, 60], min: 10, q1: 15, median: 20, q3: 40, max: 60, mean: 30 },
      cv: Math.sqrt(700) / 30,
    },
  ])('$values', ({ values, want, cv }) => {
    const d = distributionOf(values);
    expect(d).toMatchObject(want);
    expect(d.cv).toBeCloseTo(cv, 12);
  });

  it('does not sort its input in place', () => {
    const v = [3, 1, 2];
    distributionOf(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it.each([[[]], [[1, NaN]]])('throws RangeError for %j', (values) => {
    expect(() => distributionOf(values)).toThrow(RangeError);
  });
});

describe('variabilityNote', () => {
  it.each([
    {
      values: [4, 1, 3, 2],
      kind: 'LP' as const,
      note: /^times vary by 52% across seeds: compare distributions, not single solves$/,
    },
    { values: [4, 1, 3, 2], kind: 'MIP' as const, note: /^times vary by 52% across seeds/ },
    { values: [10], kind: 'MIP' as const, note: /^one solve of a MIP is not the whole story: / },
    { values: [10], kind: 'LP' as const, note: null },
    { values: [100, 101, 102], kind: 'MIP' as const, note: null }, // cv = 1/101 ≈ 1 %
  ])('$values as $kind', ({ values, kind, note }) => {
    const got = variabilityNote(distributionOf(values), kind);
    if (note === null) expect(got).toBeNull();
    else expect(got).toMatch(note);
  });

  it('a cv of exactly 10 % is not called variable', () => {
    const d = { ...distributionOf([1, 2]), cv: 0.1 };
    expect(variabilityNote(d, 'LP')).toBeNull();
  });
});
