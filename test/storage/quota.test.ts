// Quota: a write that hits the site's storage quota rejects with StorageFull and changes nothing
// stored (forced in fake-indexeddb by making the record store fail the way a browser does: the
// request errors with QuotaExceededError and the transaction aborts); and what navigator.storage says.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { StorageFull } from '../../src/storage/errors';
import {
  guardQuota,
  isQuotaError,
  requestPersistence,
  storageStatus,
  type StorageManagerLike,
} from '../../src/storage/quota';
import { history, listBlessed, putBlessedSet } from '../../src/storage/parameters-repo';
import { getBaseline, putBaseline } from '../../src/storage/baselines-repo';
import { addBenchmarkRuns, getModelFile, listBenchmarkRuns, putModelFile } from '../../src/storage/benchmarks-repo';
import { addRun, addRuns, countRuns } from '../../src/storage/runs-repo';
import type { StoredBaseline, StoredBlessedSet } from '../../src/storage/parameter-types';
import type { BenchmarkRun } from '../../src/core/benchmark';
import { NO_COUNTERS, type RunRecord } from '../../src/core/run-record';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each<[string, unknown, { error: DOMException | null } | undefined, boolean]>([
    ['a QuotaExceededError', quota(), undefined, true],
    ["Firefox's legacy name", new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'), undefined, true],
    ['a plain object named so (idb rethrows request.error)', { name: 'QuotaExceededError' }, undefined, true],
    [
      'one in the cause chain',
      new Error('save failed', { cause: new Error('x', { cause: quota() }) }),
      undefined,
      true,
    ],
    [
      "a request's AbortError whose transaction hit the quota",
      new DOMException('', 'AbortError'),
      { error: quota() },
      true,
    ],
    [
      'an AbortError of a transaction aborted for another reason',
      new DOMException('', 'AbortError'),
      { error: null },
      false,
    ],
    ['an AbortError, no transaction given', new DOMException('', 'AbortError'), undefined, false],
    ['a DataCloneError', new DOMException('no', 'DataCloneError'), undefined, false],
    [
      'a ConstraintError',
      new DOMException('key', 'ConstraintError'),
      { error: new DOMException('', 'ConstraintError') },
      false,
    ],
    ['a string', 'QuotaExceededError', undefined, false],
    ['undefined', undefined, undefined, false],
  ])('%s → %s', (_what, e, tx, expected) => expect(isQuotaError(e, tx)).toBe(expected));
});

describe('guardQuota', () => {
  it('turns a quota failure into StorageFull naming what could not be saved, keeping the cause', async () => {
    const cause = quota();
    const err = await guardQuota('the thing', () => Promise.reject(cause)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFull);
    expect((err as StorageFull).message).toBe(
      "The browser's storage for this site is full: the thing could not be saved, and nothing already stored was changed. " +
        'Delete old benchmarks or runs (export a backup first) to make room.',
    );
    expect((err as StorageFull).cause).toBe(cause);
  });

  it('passes other failures and results through unchanged', async () => {
    const other = new DOMException('dup', 'ConstraintError');
    await expect(guardQuota('x', () => Promise.reject(other))).rejects.toBe(other);
    await expect(guardQuota('x', () => Promise.resolve(7))).resolves.toBe(7);
  });
});

/** Makes storing a record fail with QuotaExceededError (from the `after`-th write on), as a full disk does. */
function fillDisk(db: Db, after = 0) {
  const raw = unwrap(db).transaction('runs').objectStore('runs') as unknown as { _rawObjectStore: object };
  const proto = Object.getPrototypeOf(raw._rawObjectStore) as { storeRecord: (...a: unknown[]) => unknown };
  const original = proto.storeRecord;
  let writes = 0;
  return vi.spyOn(proto, 'storeRecord').mockImplementation(function (this: unknown, ...args: unknown[]) {
    if (writes++ >= after) throw quota();
    return original.apply(this, args);
  });
}

const blessed = (id: string): StoredBlessedSet => ({
  id,
  template: 't',
  name: id,
  options: { presolve: 'off' },
  approvedBy: 'ada',
  validatedAt: '1970-01-01T00:00:00.001Z',
  promotedAt: '1970-01-01T00:00:00.002Z',
  solverVersion: '1.15.3',
  speedup: null,
  estimatedSolveMs: null,
  evidenceBenchmarkId: 'b',
  baseline: { sgmTimeMs: null, solved: 0, problems: 0 },
  active: true,
});
const run = (seed: number): BenchmarkRun => ({
  modelId: 'm',
  optionSetId: 'A',
  seed,
  repetition: 0,
  status: 'optimal',
  objective: 1,
  mipDualBound: null,
  timeMs: 1,
  counters: { ...NO_COUNTERS },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
});
const baseline = (id: string): StoredBaseline => ({
  id,
  template: 't',
  optionSetName: 'defaults',
  options: {},
  createdAt: 1,
  benchmarkId: 'b',
  benchmarkName: 'b',
  solver: { name: 'highs', version: '1.15.3' },
  environment: { userAgent: 'u', hardwareConcurrency: 1, crossOriginIsolated: false },
  config: { timeLimitMs: 1000, seeds: [1], repetitions: 1, warmup: false },
  models: [],
  runs: [run(1)],
  thresholdPct: 20,
});

describe('a full disk on save', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`quota-${Math.random()}`);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('a blessed set: StorageFull; the stored set and history are intact, the new one and its event not written', async () => {
    await putBlessedSet(db, blessed('a'), {
      template: 't',
      kind: 'promoted',
      at: '1970-01-01T00:00:00.001Z',
      by: 'ada',
      setId: 'a',
    });
    fillDisk(db, 1); // the new set is stored, then its event fails: the whole transaction rolls back
    const saving = putBlessedSet(db, blessed('b'), {
      template: 't',
      kind: 'promoted',
      at: '1970-01-01T00:00:00.002Z',
      by: 'ada',
      setId: 'b',
    });
    await expect(saving).rejects.toBeInstanceOf(StorageFull);
    await expect(saving).rejects.toThrow(
      /full: the blessed set "b" could not be saved, and nothing already stored was changed/,
    );
    vi.restoreAllMocks();
    expect((await listBlessed(db)).map((s) => [s.id, s.active])).toEqual([['a', true]]);
    expect((await history(db, 't')).map((e) => e.setId)).toEqual(['a']);
  });

  it('a baseline: StorageFull, the earlier version of it intact', async () => {
    await putBaseline(db, baseline('x'));
    fillDisk(db);
    await expect(putBaseline(db, { ...baseline('x'), thresholdPct: 5 })).rejects.toThrow(
      /full: the baseline of t \(defaults\) could not be saved/,
    );
    vi.restoreAllMocks();
    expect((await getBaseline(db, 'x'))!.thresholdPct).toBe(20);
  });

  it('a batch of benchmark runs: StorageFull, none of the batch written, earlier batches intact', async () => {
    await addBenchmarkRuns(db, 'b', [run(1)]);
    fillDisk(db, 2); // the third run of the batch fails
    await expect(addBenchmarkRuns(db, 'b', [run(2), run(3), run(4)])).rejects.toThrow(
      /full: 3 benchmark runs could not be saved/,
    );
    vi.restoreAllMocks();
    expect(await listBenchmarkRuns(db, 'b')).toEqual([run(1)]);
  });

  it('runs (one or a batch) and model files: StorageFull, nothing changed', async () => {
    const record = { createdAt: 1, modelId: 'm' } as unknown as RunRecord;
    await addRun(db, record);
    fillDisk(db, 1);
    await expect(addRuns(db, [record, record])).rejects.toBeInstanceOf(StorageFull);
    await expect(addRun(db, record)).rejects.toBeInstanceOf(StorageFull);
    await expect(putModelFile(db, { id: 'f', name: 'big.mps', bytes: new Uint8Array(8), addedAt: 1 })).rejects.toThrow(
      /full: the model file "big.mps" could not be saved/,
    );
    vi.restoreAllMocks();
    expect(await countRuns(db)).toBe(1);
    expect(await getModelFile(db, 'f')).toBeUndefined();
  });
});

describe('storage status', () => {
  const manager = (over: Partial<Record<keyof StorageManagerLike, unknown>> = {}): StorageManagerLike =>
    ({
      estimate: async () => ({ usage: 1200, quota: 50_000 }),
      persisted: async () => false,
      persist: async () => true,
      ...over,
    }) as StorageManagerLike;

  it('reads usage, quota and persistence', async () => {
    expect(await storageStatus(manager())).toEqual({ usage: 1200, quota: 50_000, persisted: false });
  });

  it('is all nulls where navigator.storage is missing (Node, old browsers)', async () => {
    expect(await storageStatus(undefined)).toEqual({ usage: null, quota: null, persisted: null });
    expect(await storageStatus()).toEqual({ usage: null, quota: null, persisted: null });
    expect(await requestPersistence(undefined)).toEqual({ usage: null, quota: null, persisted: null });
  });

  it('a part that is missing or fails is null, the rest still read', async () => {
    expect(await storageStatus(manager({ persisted: undefined }))).toEqual({
      usage: 1200,
      quota: 50_000,
      persisted: null,
    });
    expect(
      await storageStatus(manager({ estimate: () => Promise.reject(new Error('no')), persisted: async () => true })),
    ).toEqual({ usage: null, quota: null, persisted: true });
    expect(await storageStatus(manager({ estimate: async () => ({ usage: 5 }) }))).toEqual({
      usage: 5,
      quota: null,
      persisted: false,
    });
  });

  it('asks for persistence and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence(manager({ persist }))).toEqual({ usage: 1200, quota: 50_000, persisted: true });
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistence(manager({ persist: async () => false }))).toMatchObject({ persisted: false });
    expect(await requestPersistence(manager({ persist: undefined, persisted: async () => true }))).toMatchObject({
      persisted: true,
    });
  });
});
