// The metrics JSON export: filtered by window and template like the Prometheus one, summaries included,
// every number finite.
import { describe, expect, it } from 'vitest';
import { metricsExport } from '../../../src/core/metrics/export-json';
import { allFinite } from '../stats/fixtures';
import { sample, solve } from './fixtures';

const window = { from: 1_700_000_000_000, to: 1_700_000_100_000 };
const now = 1_700_000_200_000;
const solves = [
  solve({ template: 'a', t: window.from, timeMs: 10 }),
  solve({ template: 'a', t: window.from + 1, timeMs: 30, objective: NaN }),
  solve({ template: 'b', t: window.from + 2, timeMs: 5, objective: -Infinity }),
  solve({ template: 'a', t: window.to, timeMs: 99 }), // to is exclusive
  solve({ template: 'a', t: window.from - 1, timeMs: 99 }),
];
const system = [
  sample({ t: window.from - 1 }),
  sample({
    t: window.from + 5,
    throughput: NaN,
    jsHeapBytes: Infinity,
    workerMemory: [{ slot: 0, workerId: 1, wasmMemoryBytes: NaN }],
  }),
  sample({ t: window.to }),
];

describe('metricsExport', () => {
  it.each([
    [null, 3, ['a', 'b']],
    ['a', 2, ['a']],
    ['b', 1, ['b']],
    ['zzz', 0, ['zzz']],
  ])('template %s: %d solves, summaries %j', (template, n, summaries) => {
    const e = metricsExport({ solves, system, window, template, appVersion: '2.0.0', now });
    expect(e.schema).toBe('highs-workbench/metrics');
    expect(e.version).toBe(1);
    expect(e.createdAt).toBe('2023-11-14T22:16:40.000Z');
    expect(e.app).toEqual({ version: '2.0.0' });
    expect(e.filter).toEqual({ template, from: '2023-11-14T22:13:20.000Z', to: '2023-11-14T22:15:00.000Z' });
    expect(e.solves).toHaveLength(n);
    expect(e.summaries.map((s) => s.template)).toEqual(summaries);
    expect(e.system.map((p) => p.t)).toEqual([window.from + 5]);
    expect(allFinite(e)).toBe(true);
    // survives a JSON round trip unchanged (no NaN turned into null behind the reader's back)
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('turns non-finite numbers into null (nullable) or 0', () => {
    const e = metricsExport({ solves, system, window, template: null, appVersion: 'x', now });
    expect(e.solves.map((s) => s.objective)).toEqual([1, null, null]);
    expect(e.system[0].throughput).toBe(0);
    expect(e.system[0].jsHeapBytes).toBeNull();
    expect(e.system[0].workerMemory).toEqual([{ slot: 0, workerId: 1, wasmMemoryBytes: 0 }]);
    // a: 10 and 30 ms → p50 20 (type 7), max 30
    expect(e.summaries[0]).toMatchObject({ template: 'a', count: 2, p50Ms: 20, maxMs: 30 });
  });

  it('does not share objects with its input', () => {
    const e = metricsExport({ solves, system, window, template: null, appVersion: 'x', now });
    expect(e.solves[0]).not.toBe(solves[0]);
    expect(e.system[0]).not.toBe(system[1]);
  });

  it('writes an open window without throwing', () => {
    const e = metricsExport({
      solves: [],
      system: [],
      window: { from: -Infinity, to: Infinity },
      template: null,
      appVersion: 'x',
      now: 0,
    });
    expect(e.filter.from).toBe('-271821-04-20T00:00:00.000Z');
    expect(e.filter.to).toBe('+275760-09-13T00:00:00.000Z');
    expect(e.summaries).toEqual([]);
  });
});
