// The log–log scaling fit against hand-computed slopes and R², and its grouping by template and size.
import { describe, expect, it } from 'vitest';
import { indexProblems } from '../../../src/core/stats/problems';
import { POOR_FIT_R2, fitPowerLaw, fitQuality, scalingFits, scalingPoints } from '../../../src/core/stats/scaling';
import { model, run, timeout } from './fixtures';

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

describe('censored sizes: a size with an unsolved problem is left out of the fit and counted', () => {
  // Template 'gen', sizes 10, 20, 40, 80, seeds 1 and 2, shift 0 (so a size's mean is the geometric mean).
  // Solved times follow 0.01·size² exactly: 1, 4, 16, 64 ms. The time limit is 100 ms.
  const models = [10, 20, 40, 80].map((n) => model(`g${n}`, { template: 'gen', size: n }));
  const solvedAt = (n: number) => 0.01 * n * n;
  const fitOf = (unsolved: [number, number][]) => {
    const runs = models.flatMap((m) =>
      [1, 2].map((seed) =>
        unsolved.some(([n, s]) => m.size === n && s === seed)
          ? timeout({ modelId: m.id, seed, timeMs: 100.5 })
          : run({ modelId: m.id, seed, timeMs: solvedAt(m.size!) }),
      ),
    );
    const index = indexProblems(runs, new Set(models.map((m) => m.id)), ['s'], 100).get('s')!;
    return { points: scalingPoints(models, index, 0).get('gen')!, fits: scalingFits(models, index, 0) };
  };

  it.each([
    // unsolved (size, seed), fitted sizes, censored sizes, censored problems
    { what: 'nothing unsolved', unsolved: [], sizes: [10, 20, 40, 80], censored: [], problems: 0 },
    {
      what: 'size 80 timed out on both seeds',
      unsolved: [
        [80, 1],
        [80, 2],
      ],
      sizes: [10, 20, 40],
      censored: [80],
      problems: 2,
    },
    {
      what: 'one seed of size 40 and one of 80',
      unsolved: [
        [40, 2],
        [80, 1],
      ],
      sizes: [10, 20],
      censored: [40, 80],
      problems: 2,
    },
  ] as { what: string; unsolved: [number, number][]; sizes: number[]; censored: number[]; problems: number }[])(
    '$what: fits $sizes, leaves out $censored',
    ({ unsolved, sizes, censored, problems }) => {
      const { points, fits } = fitOf(unsolved);
      expect(points.filter((p) => p.unsolved > 0).map((p) => p.size)).toEqual(censored);
      expect(fits).toHaveLength(1);
      // The solved sizes follow size² exactly: the fit is not flattened by the limit.
      expect(fits[0].exponent).toBeCloseTo(2, 12);
      expect(fits[0].r2).toBeCloseTo(1, 12);
      expect(fits[0].sizes).toEqual(sizes);
      expect(fits[0].censoredSizes).toEqual(censored);
      expect(fits[0].censoredProblems).toBe(problems);
    },
  );

  it('fitting a censored size would flatten the exponent (what the fit used to report)', () => {
    // Size 80 needs 64 ms but the limit is 20 ms: charged 20, the naive fit bends down to ≈ 1.5.
    const runs = models.flatMap((m) =>
      [1, 2].map((seed) =>
        m.size === 80
          ? timeout({ modelId: m.id, seed, timeMs: 20.5 })
          : run({ modelId: m.id, seed, timeMs: solvedAt(m.size!) }),
      ),
    );
    const index = indexProblems(runs, new Set(models.map((m) => m.id)), ['s'], 20).get('s')!;
    const naive = fitPowerLaw(scalingPoints(models, index, 0).get('gen')!)!;
    expect(naive.exponent).toBeLessThan(1.6);
    const [fit] = scalingFits(models, index, 0);
    expect(fit.exponent).toBeCloseTo(2, 12);
    expect(fit).toMatchObject({ sizes: [10, 20, 40], censoredSizes: [80], censoredProblems: 2, quality: 'ok' });
  });

  it('has no fit when fewer than 2 sizes were solved throughout', () => {
    const { fits, points } = fitOf([
      [20, 1],
      [40, 2],
      [80, 1],
    ]);
    expect(points.map((p) => [p.size, p.problems, p.unsolved])).toEqual([
      [10, 2, 0],
      [20, 2, 1],
      [40, 2, 1],
      [80, 2, 1],
    ]);
    expect(fits).toEqual([]);
  });
});

describe('fitQuality', () => {
  it.each([
    { r2: 1, sizes: [10, 20], quality: 'two-sizes' },
    { r2: 0.2, sizes: [10, 20], quality: 'two-sizes' },
    { r2: 0.16, sizes: [10, 20, 30], quality: 'poor' },
    { r2: POOR_FIT_R2 - 1e-9, sizes: [10, 20, 30], quality: 'poor' },
    { r2: POOR_FIT_R2, sizes: [10, 20, 30], quality: 'ok' },
    { r2: 0.99, sizes: [10, 20, 40, 80], quality: 'ok' },
  ])('R² $r2 over $sizes.length sizes is $quality', ({ r2, sizes, quality }) => {
    expect(fitQuality({ r2, sizes })).toBe(quality);
  });

  it('flags a noisy three-size fit as poor in the summary’s fits', () => {
    const models = [10, 20, 30].map((n) => model(`g${n}`, { template: 'gen', size: n }));
    // 20, 60, 25 ms: no power law (R² ≈ 0.1).
    const runs = [20, 60, 25].map((t, i) => run({ modelId: models[i].id, timeMs: t }));
    const index = indexProblems(runs, new Set(models.map((m) => m.id)), ['s'], 1000).get('s')!;
    const [fit] = scalingFits(models, index, 0);
    expect(fit.r2).toBeLessThan(POOR_FIT_R2);
    expect(fit.quality).toBe('poor');
  });
});
