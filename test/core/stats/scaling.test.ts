// The log–log scaling fit against hand-computed slopes and R², and its grouping by template and size.
import { describe, expect, it } from 'vitest';
import { indexProblems } from '../../../src/core/stats/problems';
import { fitPowerLaw, scalingFits } from '../../../src/core/stats/scaling';
import { model, run } from './fixtures';

describe('fitPowerLaw (least squares of ln time on ln size)', () => {
  it('finds an exact power law: 1, 4, 16 ms at sizes 10, 20, 40 is size^2 with R² 1', () => {
    const fit = fitPowerLaw([
      { size: 20, timeMs: 4 },
      { size: 10, timeMs: 1 },
      { size: 40, timeMs: 16 },
    ])!;
    expect(fit.exponent).toBeCloseTo(2, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.sizes).toEqual([10, 20, 40]);
  });

  it('fits a noisy one by hand', () => {
    // In units of ln 2: x = [0, 1, 2], y = [0, 1, 3]. x̄ = 1, ȳ = 4/3; Sxy = (−1)(−4/3) + 0 + (1)(5/3) = 3,
    // Sxx = 2 → slope 3/2. Fitted ȳ + 1.5(x − 1) = [−1/6, 4/3, 17/6]; residuals [1/6, −1/3, 1/6] →
    // SSres = 6/36 = 1/6; SStot = 16/9 + 1/9 + 25/9 = 14/3; R² = 1 − (1/6)/(14/3) = 27/28.
    const fit = fitPowerLaw([
      { size: 1, timeMs: 1 },
      { size: 2, timeMs: 2 },
      { size: 4, timeMs: 8 },
    ])!;
    expect(fit.exponent).toBeCloseTo(1.5, 12);
    expect(fit.r2).toBeCloseTo(27 / 28, 12);
  });

  it('gives exponent 0 and R² 1 for constant times', () => {
    expect(
      fitPowerLaw([
        { size: 5, timeMs: 3 },
        { size: 50, timeMs: 3 },
      ]),
    ).toEqual({ exponent: 0, r2: 1, sizes: [5, 50] });
  });

  it.each([
    ['one size', [{ size: 10, timeMs: 1 }]],
    ['no points', []],
    [
      'only one size with a logarithm (size 0, time 0 are left out)',
      [
        { size: 0, timeMs: 1 },
        { size: 10, timeMs: 2 },
        { size: 20, timeMs: 0 },
      ],
    ],
  ])('is null with %s', (_label, points) => {
    expect(fitPowerLaw(points)).toBeNull();
  });
});

describe('scalingFits', () => {
  it('fits each generator template on the SGM over its seeds at each size; no fit for named models or one size', () => {
    const models = [
      model('g10', { template: 'gen', size: 10 }),
      model('g20', { template: 'gen', size: 20 }),
      model('g20b', { template: 'gen', size: 20 }),
      model('h', { template: 'hand', size: null }),
      model('one', { template: 'single', size: 5 }),
    ];
    // shift 1. Size 10: seeds 1, 7 → (2·8)^(1/2) − 1 = 3. Size 20: two models × seeds → 3, 15 | 15, 3 →
    // (4·16·16·4)^(1/4) − 1 = 7. Exponent ln(7/3)/ln 2; two points fit exactly.
    const runs = [
      run({ modelId: 'g10', seed: 1, timeMs: 1 }),
      run({ modelId: 'g10', seed: 2, timeMs: 7 }),
      run({ modelId: 'g20', seed: 1, timeMs: 3 }),
      run({ modelId: 'g20', seed: 2, timeMs: 15 }),
      run({ modelId: 'g20b', seed: 1, timeMs: 15 }),
      run({ modelId: 'g20b', seed: 2, timeMs: 3 }),
      run({ modelId: 'h', timeMs: 3 }),
      run({ modelId: 'one', timeMs: 3 }),
    ];
    const index = indexProblems(runs, new Set(models.map((m) => m.id)), ['s'], 1000).get('s')!;
    const fits = scalingFits(models, index, 1);
    expect(fits).toHaveLength(1);
    expect(fits[0].template).toBe('gen');
    expect(fits[0].exponent).toBeCloseTo(Math.log(7 / 3) / Math.log(2), 12);
    expect(fits[0].r2).toBeCloseTo(1, 12);
    expect(fits[0].sizes).toEqual([10, 20]);
  });
});
