import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { deleteBaseline, getBaseline, listBaselines, putBaseline } from '../../src/storage/baselines-repo';
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

  it('stores a baseline with its runs and reads it back whole', async () => {
    await putBaseline(db, baseline('b1'));
    expect(await getBaseline(db, 'b1')).toEqual(baseline('b1'));
    expect((await getBaseline(db, 'b1'))!.options.time_limit).toBe(Infinity);
  });

  it('keeps earlier baselines; lists per template, oldest first', async () => {
    await putBaseline(db, baseline('new', 'knapsack', 5));
    await putBaseline(db, baseline('old', 'knapsack', 1));
    await putBaseline(db, baseline('f', 'facility', 3));
    expect((await listBaselines(db, 'knapsack')).map((b) => b.id)).toEqual(['old', 'new']);
    expect((await listBaselines(db)).map((b) => b.id)).toEqual(['old', 'f', 'new']);
    expect(await listBaselines(db, 'none')).toEqual([]);
  });

  it('deletes one baseline only', async () => {
    await putBaseline(db, baseline('a'));
    await putBaseline(db, baseline('b'));
    await deleteBaseline(db, 'a');
    await deleteBaseline(db, 'missing');
    expect((await listBaselines(db)).map((b) => b.id)).toEqual(['b']);
  });

  it('a baseline that cannot be stored changes nothing', async () => {
    await putBaseline(db, baseline('a'));
    const bad = { ...baseline('a'), runs: [{ ...run(1), timeMs: Symbol('x') }] } as unknown as StoredBaseline;
    await expect(putBaseline(db, bad)).rejects.toThrow();
    expect(await getBaseline(db, 'a')).toEqual(baseline('a'));
  });

  it('is written with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction'); // fake-indexeddb/auto's class
    await putBaseline(db, baseline('a'));
    expect(spy.mock.calls.filter(([, mode]) => mode === 'readwrite')).toEqual([
      ['baselines', 'readwrite', { durability: 'strict' }],
    ]);
  });
});
