// withMemoryFallback as the bootstrap wires it: over a database that opened, every call goes to the database and
// the memory store stays empty. (What every store does, in memory, in IndexedDB and behind a failed open, is
// test/contracts/'s: one contract per store run against each implementation.)
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { baselineStoreOf } from '../../src/app/baseline-store';
import { memoryBaselineStore, memoryParameterStore, withMemoryFallback } from '../../src/app/memory-stores';
import { parameterStoreOf } from '../../src/app/parameter-store';
import type { BenchmarkRun } from '../../src/core/benchmark';
import type { Baseline } from '../../src/core/regression';
import { NO_COUNTERS } from '../../src/core/run-record';
import { openWorkbenchDb } from '../../src/storage/db';
import type { StoredBlessedEvent, StoredBlessedSet } from '../../src/storage/parameter-types';

let n = 0;
const freshDb = () => openWorkbenchDb(`memory-stores-${process.pid}-${++n}`);
const iso = (ms: number) => new Date(ms).toISOString();

const blessed = (id: string, template = 'knapsack', patch: Partial<StoredBlessedSet> = {}): StoredBlessedSet => ({
  id,
  template,
  name: `set ${id}`,
  options: { presolve: 'on', mip_rel_gap: 1e-4, time_limit: Infinity },
  approvedBy: 'ada',
  validatedAt: iso(10),
  promotedAt: iso(20),
  solverVersion: '1.15.3',
  speedup: { ratio: 1.4, ci95: [1.2, 1.6] },
  estimatedSolveMs: 120,
  evidenceBenchmarkId: 'bench-1',
  baseline: { sgmTimeMs: 95, solved: 3, problems: 3 },
  active: true,
  ...patch,
});
const promoted = (s: StoredBlessedSet): StoredBlessedEvent => ({
  template: s.template,
  kind: 'promoted',
  at: s.promotedAt,
  by: s.approvedBy,
  setId: s.id,
});

const run = (seed: number): BenchmarkRun => ({
  modelId: 'm',
  optionSetId: 'baseline',
  seed,
  repetition: 0,
  status: 'optimal',
  objective: 10,
  mipDualBound: null,
  timeMs: 5 + seed,
  counters: { ...NO_COUNTERS, simplexIterations: 12 },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
});
const baseline = (id: string, template = 'knapsack', createdAtMs = 1): Baseline => ({
  id,
  template,
  optionSet: { name: 'blessed', options: { presolve: 'off', time_limit: Infinity } },
  createdAt: iso(createdAtMs),
  benchmarkId: 'bench-1',
  benchmarkName: 'nightly',
  solver: { name: 'highs', version: '1.15.3' },
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  models: [{ id: 'm', name: 'm.lp', template, size: 10, rows: 3, cols: 4, nnz: 7, integers: 4, knownObjective: 10 }],
  runs: [run(1), run(2)],
  thresholdPct: 20,
});

describe('withMemoryFallback for parameters and baselines', () => {
  it('writes to the database when it opened, leaving the memory store empty', async () => {
    const db = freshDb();
    const memParams = memoryParameterStore();
    const memBaselines = memoryBaselineStore();
    const params = withMemoryFallback(db, parameterStoreOf(db), memParams);
    const baselines = withMemoryFallback(db, baselineStoreOf(db), memBaselines);
    await params.putBlessed(blessed('a'), promoted(blessed('a')));
    await baselines.put(baseline('b1'));
    expect(await (await db).count('blessedSets')).toBe(1);
    expect(await (await db).count('baselines')).toBe(1);
    expect(await memParams.listBlessed()).toEqual([]);
    expect(await memBaselines.list()).toEqual([]);
  });
});
