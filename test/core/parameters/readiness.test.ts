// The readiness rule of template validation, case by case on constructed runs.
import { describe, expect, it } from 'vitest';
import type { BenchmarkData, BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import { DEFAULT_SLOW_FACTOR, productionReadiness } from '../../../src/core/parameters/readiness';
import { model, run, timeout } from '../stats/fixtures';

const models = (n: number): BenchmarkModel[] => Array.from({ length: n }, (_, i) => model(`m${i + 1}`));

/** A benchmark of template 't' with option sets 'blessed' and 'other'. */
function bench(runs: BenchmarkRun[], ms: BenchmarkModel[] = models(3)): BenchmarkData {
  return {
    id: 'b',
    name: 'validate',
    config: { timeLimitMs: 10_000, seeds: [1], repetitions: 1, warmup: true },
    referenceOptionSetId: 'blessed',
    models: ms,
    optionSets: [
      { id: 'blessed', name: 'blessed', options: {} },
      { id: 'other', name: 'other', options: {} },
    ],
    runs,
  };
}

/** One run of each of m1..mN, set 'blessed', with these times. */
const timed = (times: number[], over: Parameters<typeof run>[0] = {}): BenchmarkRun[] =>
  times.map((timeMs, i) => run({ modelId: `m${i + 1}`, optionSetId: 'blessed', timeMs, ...over }));

describe('productionReadiness', () => {
  const cases: {
    name: string;
    runs: BenchmarkRun[];
    models?: BenchmarkModel[];
    targetMs?: number;
    slowFactor?: number;
    ready: boolean;
    reason?: RegExp;
  }[] = [
    { name: 'all solved, fast, right and feasible', runs: timed([10, 12, 11]), ready: true },
    {
      name: 'a run that hit the time limit',
      runs: [...timed([10, 12]), timeout({ modelId: 'm3', optionSetId: 'blessed', timeMs: 20 })],
      ready: false,
      reason: /m3 \(seed 1\): not solved \(time-limit\)/,
    },
    {
      name: 'a run above the time target',
      runs: timed([10, 12, 150]),
      targetMs: 100,
      slowFactor: 50,
      ready: false,
      reason: /m3: 1 of 1 runs above the time target 100 ms/,
    },
    {
      name: 'a wrong objective',
      runs: [...timed([10, 12]), run({ modelId: 'm3', optionSetId: 'blessed', timeMs: 11, verdict: 'wrong' })],
      ready: false,
      reason: /m3 \(seed 1\): wrong answer/,
    },
    {
      name: 'an infeasible solution',
      runs: [...timed([10, 12]), run({ modelId: 'm3', optionSetId: 'blessed', timeMs: 11, maxRowViolation: 1e-4 })],
      ready: false,
      reason: /m3: infeasible solution/,
    },
    {
      name: 'a violation at the tolerance is feasible',
      runs: [...timed([10, 12]), run({ modelId: 'm3', optionSetId: 'blessed', timeMs: 11, maxBoundViolation: 1e-6 })],
      ready: true,
    },
    {
      name: 'an instance far slower than the rest',
      runs: timed([10, 12, 11, 70]),
      models: models(4),
      ready: false,
      reason: /m4: far slower than the rest .*6\.1× the median/,
    },
    {
      name: 'slower, but within the slow factor',
      runs: timed([10, 12, 11, 50]),
      models: models(4),
      ready: true,
    },
    {
      name: 'two instances: no outlier judged',
      runs: timed([10, 1000]),
      models: models(2),
      ready: true,
    },
    {
      name: 'no runs of the option set',
      runs: timed([10, 12, 11], { optionSetId: 'other' }),
      ready: false,
      reason: /no runs of option set "blessed"/,
    },
    {
      name: "other option sets' runs are ignored",
      runs: [...timed([10, 12, 11]), timeout({ modelId: 'm1', optionSetId: 'other' })],
      ready: true,
    },
  ];

  it.each(cases)('$name', (c) => {
    const r = productionReadiness(bench(c.runs, c.models), 'blessed', {
      targetMs: c.targetMs ?? 1000,
      slowFactor: c.slowFactor,
    });
    expect(r.ready).toBe(c.ready);
    if (c.ready) expect(r.reasons).toEqual([]);
    else expect(r.reasons.join('\n')).toMatch(c.reason!);
  });

  it('compares instances with those of their size only', () => {
    const sized = [
      ...[10, 20, 30].map((n) => model(`s${n}a`, { size: 10 })),
      ...[10, 20, 30].map((n) => model(`s${n}b`, { size: 100 })),
    ];
    const runs = [
      ...[10, 11, 12].map((t, i) => run({ modelId: sized[i].id, optionSetId: 'blessed', timeMs: t })),
      ...[200, 210, 220].map((t, i) => run({ modelId: sized[i + 3].id, optionSetId: 'blessed', timeMs: t })),
    ];
    expect(productionReadiness(bench(runs, sized), 'blessed', { targetMs: 1000 }).ready).toBe(true);
    runs[5] = run({ modelId: sized[5].id, optionSetId: 'blessed', timeMs: 1200 });
    const r = productionReadiness(bench(runs, sized), 'blessed', { targetMs: 5000 });
    expect(r.ready).toBe(false);
    expect(r.reasons).toEqual([expect.stringMatching(/^s30b: far slower than the rest/)]);
  });

  it('summarises each instance: runs, solved, median time, slow ratio', () => {
    const runs = [
      ...timed([10, 20, 30]),
      run({ modelId: 'm1', optionSetId: 'blessed', seed: 2, timeMs: 30 }),
      timeout({ modelId: 'm2', optionSetId: 'blessed', seed: 2, timeMs: 40 }),
    ];
    const r = productionReadiness(bench(runs), 'blessed', { targetMs: 1000 });
    expect(r.slowFactor).toBe(DEFAULT_SLOW_FACTOR);
    expect(r.perModel.map((p) => [p.modelId, p.runs, p.solved, p.medianTimeMs])).toEqual([
      ['m1', 2, 2, 20],
      ['m2', 2, 1, 30],
      ['m3', 1, 1, 30],
    ]);
    expect(r.medianTimeMs).toBe(30);
    expect(r.perModel[0].slowRatio).toBeCloseTo(20 / 30);
    expect(r.perModel.map((p) => p.ok)).toEqual([true, false, true]);
  });

  it.each([
    { targetMs: 0, slowFactor: 5 },
    { targetMs: Number.NaN, slowFactor: 5 },
    { targetMs: 100, slowFactor: 1 },
  ])('refuses bad thresholds %o', (p) => {
    expect(() => productionReadiness(bench(timed([1, 2, 3])), 'blessed', p)).toThrow(RangeError);
  });
});
