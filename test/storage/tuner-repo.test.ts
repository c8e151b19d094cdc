// The tuner's repository over IndexedDB, what only it does: records written straight into the object store past
// every check with keys the app never writes (a number), the repository's functions agreeing with each other, a
// refused delete that deletes nothing, a failed open. (What every tuner store does, IndexedDB, memory and files
// alike, damaged records included, is test/contracts/tuner-store.contract.ts.)
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TuningRecord } from '../../src/core/tuner';
import { deleteDamaged as deleteBenchmarkDamaged } from '../../src/storage/benchmarks-repo';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { StorageUnavailable } from '../../src/storage/errors';
import {
  deleteDamagedTuningRun,
  getTuningRun,
  listTuningRuns,
  readTuningRuns,
  tunerStoreOf,
} from '../../src/storage/tuner-repo';
import { tuningRecord } from './tuning-record';

let n = 0;
const freshDb = () => openWorkbenchDb(`tuner-repo-${process.pid}-${++n}`);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 10, minute)).toISOString();
const run = (id: string, minute: number, patch: Partial<TuningRecord> = {}) =>
  tuningRecord({ id, name: `run ${id}`, createdAt: at(minute), ...patch });

/** Writes values straight into tunerRuns, past every check (as a hand edit or a crafted record would). */
async function raw(db: Db, ...values: object[]): Promise<void> {
  const tx = db.transaction('tunerRuns', 'readwrite');
  for (const v of values) void tx.store.put(v as never);
  await tx.done;
}

describe('damaged tuning runs in IndexedDB', () => {
  const crafted: [string, object, string | number, RegExp][] = [
    ['a number as its id', { id: 42, createdAt: 'yesterday' }, 42, /./],
  ];

  it.each(crafted)(
    '%s: reported as damaged with its key, not listed, not got; deleteDamaged removes it',
    async (_, value, key, problem) => {
      const db = await freshDb();
      const store = tunerStoreOf(Promise.resolve(db));
      await store.put(run('good', 1));
      await raw(db, value);

      const { records, damaged } = await store.read();
      expect(records.map((r) => r.id)).toEqual(['good']);
      expect(damaged).toHaveLength(1);
      expect(damaged[0].store).toBe('tunerRuns');
      expect(damaged[0].key).toEqual(key);
      expect(damaged[0].problems.length).toBeGreaterThan(0);
      expect(
        damaged[0].problems.some((p) => problem.test(p)),
        damaged[0].problems.join('; '),
      ).toBe(true);
      expect((await store.list()).map((r) => r.id)).toEqual(['good']);
      if (typeof key === 'string') expect(await store.get(key)).toBeUndefined();

      await store.deleteDamaged(damaged[0]);
      expect(await store.read()).toEqual({ records: [run('good', 1)], damaged: [] });
      expect(await db.getAllKeys('tunerRuns')).toEqual(['good']);
      db.close();
    },
  );

  it('many damaged among readable runs: the readable ones stay listed newest first, and the repo functions agree', async () => {
    const db = await freshDb();
    await raw(db, run('a', 1), { id: 'b', createdAt: at(2) }, run('c', 3), { ...run('d', 4), version: 0 });
    expect((await listTuningRuns(db)).map((r) => r.id)).toEqual(['c', 'a']);
    expect((await readTuningRuns(db)).damaged.map((d) => d.key)).toEqual(['b', 'd']);
    expect(await getTuningRun(db, 'b')).toBeUndefined();
    expect(await getTuningRun(db, 'c')).toEqual(run('c', 3));
    db.close();
  });

  it('deleteDamaged refuses a damaged record of another store, and deletes nothing', async () => {
    const db = await freshDb();
    await raw(db, { id: 'bad' });
    await expect(deleteDamagedTuningRun(db, { store: 'benchmarks', key: 'bad' })).rejects.toThrow(
      /a damaged record of benchmarks is not deleted here/,
    );
    expect(await db.getAllKeys('tunerRuns')).toEqual(['bad']);
    db.close();
  });

  it("the benchmark store's deleteDamaged refuses a damaged tuning run (it is the tuner store's), and deletes nothing", async () => {
    const db = await freshDb();
    await raw(db, { id: 'bad' });
    await expect(deleteBenchmarkDamaged(db, { store: 'tunerRuns', key: 'bad' })).rejects.toThrow(
      /a damaged record of tunerRuns is not deleted here/,
    );
    expect(await db.getAllKeys('tunerRuns')).toEqual(['bad']);
    db.close();
  });

  it('a database that failed to open rejects every call with its reason', async () => {
    const store = tunerStoreOf(Promise.reject(new StorageUnavailable()));
    await expect(store.list()).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(store.put(run('a', 1))).rejects.toBeInstanceOf(StorageUnavailable);
  });
});
