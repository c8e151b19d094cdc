import { describe, expect, it } from 'vitest';
import { primalDualGap, primalDualIntegral } from '../../../src/core/tuning/integral';

describe('primalDualGap', () => {
  it.each([
    { primal: null, dual: 1, gamma: 1 }, // no primal bound yet
    { primal: 1, dual: null, gamma: 1 }, // no dual bound yet
    { primal: Infinity, dual: 3, gamma: 1 }, // an infinite bound is no bound
    { primal: 0, dual: 0, gamma: 0 },
    { primal: -5, dual: 5, gamma: 1 }, // opposite signs
    { primal: 10, dual: 5, gamma: 0.5 }, // |10 − 5| / 10
    { primal: -10, dual: -8, gamma: 0.2 }, // |−10 + 8| / 10
    { primal: 4, dual: 0, gamma: 1 }, // |4 − 0| / 4
    { primal: 8, dual: 8, gamma: 0 },
  ])('γ($primal, $dual) = $gamma', ({ primal, dual, gamma }) => {
    expect(primalDualGap(primal, dual)).toBe(gamma);
  });
});

describe('primalDualIntegral', () => {
  it.each([
    {
      // γ = 1 over [0, 2000] ms → 2000 ms = 2 s.
      what: 'no points: γ = 1 throughout',
      points: [],
      endMs: 2000,
      integralS: 2,
      gapFunction: [{ tMs: 0, gamma: 1 }],
    },
    {
      // [0, 1000) γ = 1 → 1000; [1000, 3000) γ = |10 − 5|/10 = 0.5 → 1000; [3000, 4000] γ = 0 → 0.
      // Σ = 2000 ms = 2 s.
      what: 'a bound pair that closes',
      points: [
        { tMs: 1000, primal: 10, dual: 5 },
        { tMs: 3000, primal: 8, dual: 8 },
      ],
      endMs: 4000,
      integralS: 2,
      gapFunction: [
        { tMs: 0, gamma: 1 },
        { tMs: 1000, gamma: 0.5 },
        { tMs: 3000, gamma: 0 },
      ],
    },
    {
      // [0, 500) no primal → 1 → 500; [500, 1500) opposite signs → 1 → 1000; [1500, 2000] both 0 → 0.
      // Σ = 1500 ms = 1.5 s.
      what: 'a first point at 0, opposite signs, both zero',
      points: [
        { tMs: 0, primal: null, dual: 5 },
        { tMs: 500, primal: 100, dual: -100 },
        { tMs: 1500, primal: 0, dual: 0 },
      ],
      endMs: 2000,
      integralS: 1.5,
      gapFunction: [
        { tMs: 0, gamma: 1 },
        { tMs: 500, gamma: 1 },
        { tMs: 1500, gamma: 0 },
      ],
    },
    {
      // Sorted: 1000 (γ = |100 − 90|/100 = 0.1), 5000 is after the end and ignored.
      // [0, 1000) 1 → 1000; [1000, 3000] 0.1 → 200. Σ = 1200 ms = 1.2 s.
      what: 'points out of order and after the end',
      points: [
        { tMs: 5000, primal: 90, dual: 90 },
        { tMs: 1000, primal: 100, dual: 90 },
      ],
      endMs: 3000,
      integralS: 1.2,
      gapFunction: [
        { tMs: 0, gamma: 1 },
        { tMs: 1000, gamma: 0.1 },
      ],
    },
    {
      // Two points at 1000: the later one (γ = |4 − 3|/4 = 0.25) holds. [0, 1000) 1 → 1000;
      // [1000, 2000] 0.25 → 250. Σ = 1250 ms = 1.25 s.
      what: 'two points at the same moment: the later wins',
      points: [
        { tMs: 1000, primal: 10, dual: 5 },
        { tMs: 1000, primal: 4, dual: 3 },
      ],
      endMs: 2000,
      integralS: 1.25,
      gapFunction: [
        { tMs: 0, gamma: 1 },
        { tMs: 1000, gamma: 0.25 },
      ],
    },
    {
      // Solved at once: γ = 0 from 0 → 0 s.
      what: 'optimal from the start',
      points: [{ tMs: 0, primal: 7, dual: 7 }],
      endMs: 900,
      integralS: 0,
      gapFunction: [{ tMs: 0, gamma: 0 }],
    },
  ])('$what', ({ points, endMs, integralS, gapFunction }) => {
    const r = primalDualIntegral(points, endMs);
    expect(r.integralS).toBeCloseTo(integralS, 12);
    expect(r.gapFunction).toEqual(gapFunction.map((s) => ({ tMs: s.tMs, gamma: expect.closeTo(s.gamma, 12) })));
  });
});
