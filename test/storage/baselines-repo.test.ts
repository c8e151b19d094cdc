// The baselines repository over IndexedDB, what only it does: strict durability. (What every baseline store does,
// IndexedDB, memory and files alike, is test/contracts/baseline-store.contract.ts.)
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { putBaseline } from '../../src/storage/baselines-repo';
import type { StoredBaseline } from '../../src/storage/parameter-types';
import type { BenchmarkRun } from '../../src/core/benchmark';
import { NO_COUNTERS } from '../../src/core/run-record';

const run = (seed: number): BenchmarkRun => ({
  modelId: 'm',
  optionSetId: 'A',
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
const baseline = (id: string, template = 'knapsack', createdAt = 1): StoredBaseline => ({
  id,
  template,
  optionSetName: 'blessed',
  options: { presolve: 'off', time_limit: Infinity },
  createdAt,
  benchmarkId: 'bench-1',
  benchmarkName: 'nightly',
  solver: { name: 'highs', version: '1.15.3' },
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  models: [{ id: 'm', name: 'm.lp', template, size: 10, rows: 3, cols: 4, nnz: 7, integers: 4, knownObjective: 10 }],
  runs: [run(1), run(2)],
  thresholdPct: 20,
});

describe('baselines', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`baselines-${Math.random()}`);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('is written with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction'); // fake-indexeddb/auto's class
    await putBaseline(db, baseline('a'));
    expect(spy.mock.calls.filter(([, mode]) => mode === 'readwrite')).toEqual([
      ['baselines', 'readwrite', { durability: 'strict' }],
    ]);
  });
});
