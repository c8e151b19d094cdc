import { describe, expect, it } from 'vitest';
import type { SolvePoint, SystemPoint } from '../../../src/core/metrics/types';
import type { Recommendation } from '../../../src/core/health/types';
import { recommend, type RecommendationInput } from '../../../src/core/health/recommendations';
import { NOW, sample, solve } from './fixtures';

const MiB = 2 ** 20;
const T0 = NOW - 3_600_000;

/** Input with nothing to recommend (isolated, little storage used) plus the given points. */
function input(over: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    system: [],
    solves: [],
    crossOriginIsolated: true,
    now: NOW,
    storage: { usage: 10 * MiB, quota: 100 * MiB },
    ...over,
  };
}

/** Loaded samples (queue non-empty) of a worker count with the given throughputs, from time t on. */
function loaded(workers: number, throughputs: number[], t: number): SystemPoint[] {
  return throughputs.map((throughput, i) =>
    sample(t + i * 1000, { workers, running: workers, queueDepth: 3, poolUtilization: 1, throughput }),
  );
}

/** System samples that see one worker at a time, with the given peaks (MiB) for worker ids 1, 2, 3… */
function recycled(peaksMiB: number[]): SystemPoint[] {
  return peaksMiB.flatMap((peak, i) => [
    sample(T0 + i * 10_000, { workerMemory: [{ slot: 0, workerId: i + 1, wasmMemoryBytes: (peak / 2) * MiB }] }),
    sample(T0 + i * 10_000 + 5000, { workerMemory: [{ slot: 0, workerId: i + 1, wasmMemoryBytes: peak * MiB }] }),
  ]);
}

/** Solves of a template in time order with an error at the given indices. */
function withErrors(template: string, n: number, errorAt: (i: number) => boolean, t = T0): SolvePoint[] {
  return Array.from({ length: n }, (_, i) =>
    solve(t + i * 1000, { template, outcome: errorAt(i) ? 'error' : 'ok', status: errorAt(i) ? 'error' : 'optimal' }),
  );
}

/** Solves of a template in time order with the given times (and models, cycling). */
function timed(template: string, times: number[], models: string[] = ['m1']): SolvePoint[] {
  return times.map((timeMs, i) => solve(T0 + i * 1000, { template, timeMs, model: models[i % models.length] }));
}

const ids = (recs: Recommendation[]) => recs.map((r) => r.id);

describe('recommend: fires on crafted data with its evidence', () => {
  it('recommends the worker count with the best median throughput under load', () => {
    const system = [
      ...loaded(2, [1, 1.2, 1.1], T0),
      ...loaded(4, [2, 2.2, 2.1, 2.4], T0 + 10_000),
      ...loaded(8, [3, 3], T0 + 20_000), // too few samples to compare
      sample(T0 + 30_000, { workers: 2 }), // the pool now runs 2 (idle: not a load sample)
    ];
    const recs = recommend(input({ system }));
    expect(ids(recs)).toEqual(['worker-count']);
    expect(recs[0].title).toBe('Use 4 workers');
    expect(recs[0].severity).toBe('info');
    expect(recs[0].evidence).toEqual([
      '2 workers: median throughput 1.10 jobs/s over 3 samples',
      '4 workers: median throughput 2.15 jobs/s over 4 samples',
      '8 workers: median throughput 3.00 jobs/s over 2 samples (too few to compare)',
      'workers in use now: 2',
    ]);
  });

  it('counts a sample with every worker running as loaded even with an empty queue', () => {
    const system = [
      ...loaded(2, [1, 1, 1], T0).map((s) => ({ ...s, queueDepth: 0 })),
      ...loaded(3, [2, 2, 2], T0 + 10_000).map((s) => ({ ...s, queueDepth: 0 })),
      sample(T0 + 20_000, { workers: 2 }),
    ];
    expect(recommend(input({ system }))[0]?.title).toBe('Use 3 workers');
  });

  it('warns when peak WASM memory grows across recycled workers, with the peaks in MiB', () => {
    const recs = recommend(input({ system: recycled([300, 100, 120, 160, 200]) }));
    expect(ids(recs)).toEqual(['memory-growth']);
    expect(recs[0].severity).toBe('warning');
    expect(recs[0].text).toMatch(/last 4 workers \(×2\.00\).*memory budget.*disposed/);
    expect(recs[0].evidence).toEqual([
      'worker 2: peak 100.0 MiB',
      'worker 3: peak 120.0 MiB',
      'worker 4: peak 160.0 MiB',
      'worker 5: peak 200.0 MiB',
    ]);
  });

  it('warns about a template whose error rate rose, with both rates and counts', () => {
    const solves = [
      ...withErrors('knapsack', 24, (i) => i === 3 || i === 14 || i === 17 || i === 20 || i === 23),
      ...withErrors('steady', 24, (i) => i % 12 === 0),
    ];
    const recs = recommend(input({ solves }));
    expect(ids(recs)).toEqual(['error-rate-rose:knapsack']);
    expect(recs[0].severity).toBe('warning');
    expect(recs[0].evidence).toEqual([
      'earlier: 1 of 12 solves failed (8.3 %)',
      'later: 4 of 12 solves failed (33.3 %)',
    ]);
  });

  it('notes a template getting slower relative to its (model, option set) peers, with the ratio', () => {
    const solves = timed('sched', [100, 1000, 100, 1000, 100, 1000, 200, 2000, 200, 2000, 200, 2000], ['m1', 'm2']);
    const recs = recommend(input({ solves }));
    expect(ids(recs)).toEqual(['slower:sched']);
    expect(recs[0].severity).toBe('info');
    expect(recs[0].text).toMatch(/×2\.00/);
    expect(recs[0].evidence).toEqual([
      'median relative time: earlier 0.67 (6 solves), later 1.33 (6 solves)',
      'ratio ×2.00 over 12 compared solves',
    ]);
  });

  it('notes the missing cross-origin isolation with the headers, and warns about storage over 80 %', () => {
    const recs = recommend(input({ crossOriginIsolated: false, storage: { usage: 85 * MiB, quota: 100 * MiB } }));
    expect(ids(recs)).toEqual(['cross-origin-isolation', 'storage']);
    expect(recs[0].severity).toBe('info');
    expect(recs[0].evidence).toEqual([
      'crossOriginIsolated: false',
      'Cross-Origin-Opener-Policy: same-origin',
      'Cross-Origin-Embedder-Policy: require-corp',
    ]);
    expect(recs[1].severity).toBe('warning');
    expect(recs[1].evidence).toEqual(['85.0 MiB of 100.0 MiB used (85.0 %)']);
  });
});

describe('recommend: stays quiet on flat or thin data', () => {
  it.each<[string, Partial<RecommendationInput>]>([
    ['nothing measured', {}],
    [
      'the best worker count is the one in use',
      { system: [...loaded(2, [1, 1, 1], T0), ...loaded(4, [2, 2, 2], T0 + 10_000)] },
    ],
    [
      'only one worker count under load',
      { system: [...loaded(4, [2, 2, 2], T0), sample(T0 + 10_000, { workers: 2 })] },
    ],
    [
      'a second count with fewer than 3 samples',
      { system: [...loaded(2, [1, 1, 1], T0), ...loaded(4, [5, 5], T0 + 10_000), sample(T0 + 20_000, { workers: 2 })] },
    ],
    [
      'idle samples only (no load)',
      {
        system: [...loaded(2, [1, 1, 1], T0), ...loaded(4, [5, 5, 5], T0 + 10_000)]
          .map((s) => ({ ...s, queueDepth: 0, running: 0 }))
          .concat(sample(T0 + 20_000, { workers: 2 })),
      },
    ],
    ['flat memory across recycles', { system: recycled([100, 100, 100, 100]) }],
    ['memory growing but by less than 1.5×', { system: recycled([100, 110, 120, 130]) }],
    ['memory growing over only 2 workers', { system: recycled([300, 100, 200]) }],
    ['a steady error rate', { solves: withErrors('knapsack', 24, (i) => i % 6 === 0) }],
    ['an error rise with fewer than 10 solves a half', { solves: withErrors('knapsack', 18, (i) => i >= 9) }],
    ['a falling error rate', { solves: withErrors('knapsack', 24, (i) => i < 6) }],
    [
      'flat times of two models with very different sizes',
      { solves: timed('sched', [100, 1000, 100, 1000, 100, 1000, 100, 1000, 100, 1000], ['m1', 'm2']) },
    ],
    ['slower but fewer than 8 compared solves', { solves: timed('sched', [100, 100, 100, 200, 200, 200, 200]) }],
    ['slower only by 1.2×', { solves: timed('sched', [100, 100, 100, 100, 120, 120, 120, 120]) }],
    ['storage at 80 % exactly', { storage: { usage: 80, quota: 100 } }],
    ['no storage estimate', { storage: null }],
  ])('%s', (_, over) => expect(recommend(input(over))).toEqual([]));

  it('ignores points after now', () => {
    const solves = withErrors('knapsack', 24, (i) => i >= 12, NOW + 1000);
    expect(recommend(input({ solves }))).toEqual([]);
  });
});
