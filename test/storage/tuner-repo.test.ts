// The tuner's store of tuning runs: one table of cases run against the IndexedDB store (a fresh fake-indexeddb
// database each), the in-memory store, and both as the bootstrap wires them (behind withMemoryFallback, over a
// database that opened or failed to open); then, against IndexedDB only, records written straight into the
// object store past every check (a hand edit, a crafted record): listed apart as damaged, never returned whole.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryTunerStore, withMemoryFallback } from '../../src/app/memory-stores';
import type { TuningRecord } from '../../src/core/tuner';
import type { TunerStore } from '../../src/state/ports';
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

/** Behind withMemoryFallback, as the bootstrap wires it. */
function wired(db: Promise<Db>): TunerStore {
  db.catch(() => {});
  return withMemoryFallback<TunerStore>(db, tunerStoreOf(db), memoryTunerStore());
}

const stores: [string, () => TunerStore][] = [
  ['in IndexedDB', () => tunerStoreOf(freshDb())],
  ['in memory', memoryTunerStore],
  ['in IndexedDB behind withMemoryFallback', () => wired(freshDb())],
  ['in memory behind a failed open', () => wired(Promise.reject(new StorageUnavailable()))],
];

describe.each(stores)('the tuner store %s', (_, make) => {
  it('stores a run and gives it back whole; an unknown id is undefined', async () => {
    const store = make();
    const r = run('a', 1);
    await store.put(r);
    expect(await store.get('a')).toEqual(r);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('copies in and out: a later change by the caller or by a reader changes nothing stored', async () => {
    const store = make();
    const r = run('a', 1);
    await store.put(r);
    r.name = 'changed by the writer';
    r.race.candidates[0].status = 'retired';
    const got = (await store.get('a'))!;
    expect(got).toEqual(run('a', 1));
    got.name = 'changed by the reader';
    expect((await store.list())[0].name).toBe('run a');
  });

  it('lists newest first by createdAt, whatever order they were put in', async () => {
    const store = make();
    await store.put(run('mid', 30));
    await store.put(run('old', 5));
    await store.put(run('new', 59));
    await store.put(tuningRecord({ id: 'next-day', createdAt: '2026-11-03T00:00:00.000Z' }));
    expect((await store.list()).map((r) => r.id)).toEqual(['next-day', 'new', 'mid', 'old']);
    expect(await store.list()).toEqual(await Promise.all(['next-day', 'new', 'mid', 'old'].map((id) => store.get(id))));
  });

  it('replaces a run by id (its state written as it goes), keeping one record', async () => {
    const store = make();
    await store.put(run('a', 1));
    await store.put(run('b', 2));
    const finished = run('a', 1, { state: 'finished', phase: 'done', updatedAt: at(50), elapsedMs: 99_000 });
    await store.put(finished);
    expect(await store.get('a')).toEqual(finished);
    expect((await store.list()).map((r) => [r.id, r.state])).toEqual([
      ['b', 'running'],
      ['a', 'finished'],
    ]);
  });

  it('deletes one run by id; deleting an unknown id is no failure', async () => {
    const store = make();
    await store.put(run('a', 1));
    await store.put(run('b', 2));
    await store.delete('a');
    await store.delete('nope');
    expect(await store.get('a')).toBeUndefined();
    expect((await store.list()).map((r) => r.id)).toEqual(['b']);
  });

  it('read() gives the readable runs newest first, and no damaged one when none is stored', async () => {
    const store = make();
    expect(await store.read!()).toEqual({ records: [], damaged: [] });
    await store.put(run('a', 1));
    await store.put(run('b', 2));
    const { records, damaged } = await store.read!();
    expect(records.map((r) => r.id)).toEqual(['b', 'a']);
    expect(damaged).toEqual([]);
  });
});

/** Writes values straight into tunerRuns, past every check (as a hand edit or a crafted record would). */
async function raw(db: Db, ...values: object[]): Promise<void> {
  const tx = db.transaction('tunerRuns', 'readwrite');
  for (const v of values) void tx.store.put(v as never);
  await tx.done;
}

describe('damaged tuning runs in IndexedDB', () => {
  const crafted: [string, object, string | number, RegExp][] = [
    ['another format', { ...run('fmt', 3), format: 'evil/format' }, 'fmt', /^format: /],
    ['a newer version', { ...run('v2', 4), version: 2 }, 'v2', /^version: /],
    ['only an id and a name', { id: 'bare', name: 'crafted' }, 'bare', /./],
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

  it('labels a damaged run with what it still has: its name and its createdAt when that is a time', async () => {
    const db = await freshDb();
    await raw(db, { ...run('x', 7), format: 'evil' }, { id: 'y', createdAt: 'not a time' });
    const { damaged } = await readTuningRuns(db);
    expect(damaged.map((d) => [d.key, d.label])).toEqual([
      ['x', `run x, ${at(7)}`],
      ['y', 'key "y"'],
    ]);
    db.close();
  });

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
      /not a tuning run: a damaged record of benchmarks/,
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
