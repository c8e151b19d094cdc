// The benchmarks repository over IndexedDB, what only it does: a batch of runs as one relaxed transaction, an
// import queued in chunks (all, or none with IndexedDB's reason), the migration from v2. (What every benchmark
// store does, IndexedDB, memory and files alike, is test/contracts/benchmark-store.contract.ts.)
import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach, vi } from 'vitest';
import { openDB } from 'idb';
import { openWorkbenchDb, DB_VERSION, type Db } from '../../src/storage/db';
import { ALL_STORES } from './stores';
import {
  addBenchmarkRuns,
  listBenchmarkRuns,
  putBenchmark,
  putBenchmarksWithRuns,
} from '../../src/storage/benchmarks-repo';
import { addRun, listRuns } from '../../src/storage/runs-repo';
import type { StoredBenchmark } from '../../src/storage/benchmark-types';
import type { BenchmarkRun } from '../../src/core/benchmark';
import { NO_COUNTERS } from '../../src/core/run-record';
import { runRecord } from '../core/backup/fixtures';

const bench = (id: string, createdAt = 1): StoredBenchmark => ({
  id,
  name: `bench ${id}`,
  createdAt,
  state: 'running',
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  referenceOptionSetId: 'A',
  models: [],
  optionSets: [{ id: 'A', name: 'defaults', options: { time_limit: Infinity } }],
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  solver: { name: 'highs', version: '1.15.1' },
});
const run = (seed: number, patch: Partial<BenchmarkRun> = {}): BenchmarkRun => ({
  modelId: 'm',
  optionSetId: 'A',
  seed,
  repetition: 0,
  status: 'optimal',
  objective: seed,
  mipDualBound: null,
  timeMs: 5,
  counters: { ...NO_COUNTERS },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
  ...patch,
});

describe('benchmark stores', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`bench-${Math.random()}`);
  });

  it('a batch is one short relaxed-durability transaction (a lost batch is re-run on resume)', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction'); // fake-indexeddb/auto's class
    try {
      await addBenchmarkRuns(db, 'b1', [run(1), run(2), run(3)]);
      expect(spy.mock.calls).toEqual([['benchmarkRuns', 'readwrite', { durability: 'relaxed' }]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('imports many runs in chunks: all of them, or (an id that exists) none, with the reason', async () => {
    await putBenchmark(db, bench('b1'));
    const many = Array.from({ length: 1201 }, (_, i) => run(i));
    await expect(
      putBenchmarksWithRuns(db, [
        { benchmark: bench('b2'), runs: many },
        { benchmark: bench('b1'), runs: many },
      ]),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.count('benchmarkRuns')).toBe(0);
    await putBenchmarksWithRuns(db, [{ benchmark: bench('b2'), runs: many }]);
    expect(await listBenchmarkRuns(db, 'b2')).toEqual(many);
  });
});

describe('migration from v2', () => {
  it('a v2 database keeps its runs and gains the benchmark stores (and every later one)', async () => {
    const name = `migrate3-${Math.random()}`;
    const v2 = await openDB(name, 2, {
      upgrade(d) {
        const runs = d.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('by-createdAt', 'createdAt');
        runs.createIndex('by-model', 'modelId');
      },
    });
    const { id: _id, ...v2Run } = runRecord({ createdAt: 5, modelId: 'x' });
    await v2.add('runs', v2Run);
    v2.close();
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await listRuns(db)).toMatchObject([{ createdAt: 5, modelId: 'x', runStatus: 'ok' }]);
    await addRun(db, (await listRuns(db))[0]);
    expect(await listRuns(db)).toHaveLength(2);
    db.close();
  });
});
