import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_BAND,
  counterDelta,
  gapDelta,
  memoryDelta,
  objectiveDelta,
  timeDelta,
} from '../../../src/core/tuning/noise';

describe('timeDelta: single runs use the ±20 % band', () => {
  it('the band is 20 %', () => {
    expect(DEFAULT_TIME_BAND).toBe(0.2);
  });

  it.each([
    { ref: [100], cand: [125], value: 1.25, real: true },
    { ref: [100], cand: [119], value: 1.19, real: false },
    { ref: [100], cand: [120], value: 1.2, real: false }, // on the edge: inside
    { ref: [100], cand: [80], value: 0.8, real: true }, // below 1/1.2 = 0.8333
    { ref: [100], cand: [85], value: 0.85, real: false },
    { ref: [100, 110], cand: [200], value: 200 / 105, real: true }, // 2 samples: still the single-run band
    { ref: [100, 110, 120], cand: [100, 110], value: 105 / 110, real: false },
  ])('$ref → $cand: ratio $value, real $real', ({ ref, cand, value, real }) => {
    const d = timeDelta(ref, cand);
    expect(d).toMatchObject({ name: 'time', kind: 'ratio', real });
    expect(d.value).toBeCloseTo(value, 12);
    expect(d.why).toMatch(/single-run noise band ±20%/);
  });
});

describe('timeDelta: ≥ 3 runs on both sides use the rank test and the reference spread', () => {
  it.each([
    {
      // Complete separation, 5 vs 5: exact p = 2/C(10,5) = 2/252 = 0.0079 < 0.05; ratio 152/102 = 1.490,
      // outside the reference spread 100/102 .. 104/102 = 0.980 .. 1.020 → real.
      what: 'separated and outside the spread',
      ref: [100, 101, 102, 103, 104],
      cand: [150, 151, 152, 153, 154],
      value: 152 / 102,
      real: true,
      why: /Mann–Whitney p = 0\.007937 < 0\.05 and outside the reference's spread 0\.9804–1\.02/,
    },
    {
      // 3 vs 3 separated: p = 2/C(6,3) = 2/20 = 0.1 ≥ 0.05 → not real although 220/150 = 1.467 is
      // outside the single-run band.
      what: 'too few runs for the rank test to be sure',
      ref: [100, 150, 200],
      cand: [210, 220, 230],
      value: 220 / 150,
      real: false,
      why: /p = 0\.1 ≥ 0\.05/,
    },
    {
      // 7 vs 7, every candidate above 6 of the 7 reference runs: U = 42 of 49, lower tail U' = 7;
      // #{U' ≤ 7} = 1+1+2+3+5+7+11+15 = 45 of C(14,7) = 3432, p = 90/3432 = 0.0262 < 0.05, but the ratio
      // 133/100 = 1.33 lies inside the reference's own spread 50/100 .. 250/100 → not real.
      what: 'significant but inside the reference spread',
      ref: [50, 98, 99, 100, 101, 102, 250],
      cand: [130, 131, 132, 133, 134, 135, 136],
      value: 1.33,
      real: false,
      why: /inside the reference's spread 0\.5–2\.5/,
    },
  ])('$what', ({ ref, cand, value, real, why }) => {
    const d = timeDelta(ref, cand);
    expect(d.real).toBe(real);
    expect(d.value).toBeCloseTo(value, 12);
    expect(d.why).toMatch(why);
  });

  it('no value when a side is empty or the reference time is 0', () => {
    expect(timeDelta([], [1])).toMatchObject({ value: null, real: false });
    expect(timeDelta([0], [1])).toMatchObject({ value: null, real: false });
  });
});

describe('counterDelta: any change is real', () => {
  it.each([
    { ref: [10], cand: [10], kind: 'ratio', value: 1, real: false },
    { ref: [10], cand: [12], kind: 'ratio', value: 1.2, real: true },
    { ref: [10], cand: [9], kind: 'ratio', value: 0.9, real: true }, // 10 % less work is real, unlike time
    { ref: [0], cand: [5], kind: 'difference', value: 5, real: true },
    { ref: [0], cand: [0], kind: 'difference', value: 0, real: false },
    { ref: [10, 10, 10], cand: [10, 11, 10], kind: 'ratio', value: 1, real: false }, // medians 10 and 10
    { ref: [], cand: [3], kind: 'ratio', value: null, real: false },
  ])('$ref → $cand: $kind $value, real $real', ({ ref, cand, kind, value, real }) => {
    const d = counterDelta('simplexIterations', ref, cand);
    expect(d).toMatchObject({ name: 'simplexIterations', kind, value, real });
    if (value !== null) expect(d.why).toMatch(/deterministic for a fixed seed/);
  });
});

describe('objectiveDelta, gapDelta, memoryDelta', () => {
  it.each([
    { ref: [100], cand: [100.00005], real: false }, // 5e-5 ≤ 1e-6 · 100 = 1e-4
    { ref: [100], cand: [100.001], real: true }, // 1e-3 > 1e-4
    { ref: [0], cand: [5e-7], real: false }, // tolerance 1e-6 · max(1, 0) = 1e-6
    { ref: [0], cand: [2e-6], real: true },
    { ref: [-1e6], cand: [-1e6 + 0.5], real: false }, // tolerance 1
    { ref: [-1e6], cand: [-1e6 + 2], real: true },
  ])('objective $ref → $cand real $real', ({ ref, cand, real }) => {
    const d = objectiveDelta(ref, cand);
    expect(d).toMatchObject({ name: 'objective', kind: 'difference', real });
    expect(d.value).toBeCloseTo(cand[0] - ref[0], 12);
  });

  it.each([
    { ref: [0.01], cand: [0.01], value: 0, real: false },
    { ref: [0], cand: [0.02], value: 0.02, real: true },
    { ref: [0.001], cand: [0.001 + 5e-10], value: 5e-10, real: false },
    { ref: [0.001], cand: [0.001 + 2e-9], value: 2e-9, real: true },
    { ref: [], cand: [0], value: null, real: false },
  ])('mipGap $ref → $cand real $real', ({ ref, cand, value, real }) => {
    const d = gapDelta(ref, cand);
    expect(d).toMatchObject({ name: 'mipGap', kind: 'difference', real });
    if (value === null) expect(d.value).toBeNull();
    else expect(d.value).toBeCloseTo(value, 15);
  });

  it.each([
    { ref: [100], cand: [105], value: 1.05, real: false },
    { ref: [100], cand: [106], value: 1.06, real: true },
    { ref: [100], cand: [96], value: 0.96, real: false },
    { ref: [100], cand: [94], value: 0.94, real: true },
    { ref: [0], cand: [94], value: null, real: false },
  ])('memory $ref → $cand: $value real $real', ({ ref, cand, value, real }) => {
    expect(memoryDelta(ref, cand)).toMatchObject({ name: 'memory', kind: 'ratio', value, real });
  });
});
