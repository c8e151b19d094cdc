import { describe, expect, it } from 'vitest';
import type { TimedRun } from '../../../src/core/decision';
import { counterDelta, gapDelta, memoryDelta, objectiveDelta, timeDelta } from '../../../src/core/tuning/noise';

const C = { simplexIterations: 10, ipmIterations: 0, mipNodes: 0 };
const timed = (times: number[], seeds?: number[], counters: Record<string, number> = C): TimedRun[] =>
  times.map((timeMs, i) => ({ timeMs, model: 'm', seed: seeds ? seeds[i] : i + 1, counters }));
const differ = { sameOptions: false, sameSolver: true };

describe('timeDelta: the one rule (core/decision) on the run view', () => {
  it.each([
    {
      what: 'a rerun with the same options and identical work is noise (issue 17: ×0.16 was "real")',
      ref: timed([350], [0]),
      cand: timed([56], [0]),
      ctx: { sameOptions: true, sameSolver: true },
      real: false,
      value: 56 / 350,
      why: /machine noise/,
    },
    {
      what: 'one run against one run with other options is undetermined (issue 17: ×0.49 was "real")',
      ref: timed([350], [0]),
      cand: timed([171], [0], { ...C, simplexIterations: 7 }),
      ctx: differ,
      real: null,
      value: 171 / 350,
      why: /one run against one run decides nothing/,
    },
    {
      what: 'the outlier case, 8 against 8: real (issue 17: "within noise" from a min–max band)',
      ref: timed([80, 82, 85, 88, 90, 93, 94, 163]),
      cand: timed([104, 105, 110, 115, 118, 121, 123, 125]),
      ctx: differ,
      real: true,
      value: null,
      why: /95 % CI .* p = /,
    },
  ])('$what', ({ ref, cand, ctx, real, value, why }) => {
    const d = timeDelta(ref, cand, ctx);
    expect(d.name).toBe('time');
    expect(d.real).toBe(real);
    if (value !== null) expect(d.value).toBeCloseTo(value, 12);
    expect(d.why).toMatch(why);
    expect(d.decision?.real).toBe(real);
  });

  it('no value when a side has no time', () => {
    expect(timeDelta([], timed([1]), differ)).toMatchObject({ value: null, real: null });
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

  it('across other random_seed values a changed counter is undetermined, not real', () => {
    const d = counterDelta('simplexIterations', [10], [12], false);
    expect(d.real).toBeNull();
    expect(d.why).toMatch(/other random_seed values/);
    expect(counterDelta('simplexIterations', [10], [10], false).real).toBe(false);
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
