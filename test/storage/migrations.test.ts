// Each schema step, tested by seeding a database the way an older version of the app left it (its
// schema written out here, not taken from the current code) and opening it with the current code;
// and the failures of an open: a failed upgrade, a newer stored version, no IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, openWorkbenchDb } from '../../src/storage/db';
import { StorageTooNew, StorageUnavailable, StorageUpgradeFailed } from '../../src/storage/errors';
import { listRuns } from '../../src/storage/runs-repo';
import {
  getModelFile,
  listBenchmarkConfigs,
  listBenchmarkRuns,
  listBenchmarks,
} from '../../src/storage/benchmarks-repo';
import { listBaselines } from '../../src/storage/baselines-repo';
import { history, listBlessed } from '../../src/storage/parameters-repo';
import { getTemplateSettings, listRegressionChecks } from '../../src/storage/regression-checks-repo';
import { listTuningRuns, readTuningRuns } from '../../src/storage/tuner-repo';
import { ALL_STORES } from './stores';
import { benchmarkRun, runRecord, storedBenchmark } from '../core/backup/fixtures';

const V3_STORES = ['benchmarkConfigs', 'benchmarkRuns', 'benchmarks', 'modelFiles', 'runs'];

let n = 0;
const fresh = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

/** The schema as version 1 of the app created it. */
function v1Schema(db: IDBPDatabase) {
  const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
  runs.createIndex('by-createdAt', 'createdAt');
  runs.createIndex('by-model', 'modelId');
}

/** The schema as version 3 of the app created it (v2 changed records only). */
function v3Schema(db: IDBPDatabase) {
  v1Schema(db);
  db.createObjectStore('benchmarks', { keyPath: 'id' }).createIndex('by-createdAt', 'createdAt');
  db.createObjectStore('benchmarkRuns', { keyPath: 'id', autoIncrement: true }).createIndex(
    'by-benchmark',
    'benchmarkId',
  );
  db.createObjectStore('modelFiles', { keyPath: 'id' });
  db.createObjectStore('benchmarkConfigs', { keyPath: 'name' });
}

// Complete records as those versions wrote them (the readers check every record they read).
const { id: _id, runStatus: _s, error: _e, ...v1Run } = runRecord({ createdAt: 5, objective: 42 });
const oldRun = { ...v1Run, runStatus: 'ok', error: null };
const oldBenchmark = storedBenchmark({ id: 'b1', name: 'old bench', createdAt: 7 });
const oldBenchmarkRun = { ...benchmarkRun({ timeMs: 3 }), benchmarkId: 'b1' };
const oldFile = { id: 'sha', name: 'x.lp', bytes: new Uint8Array([1, 2, 3]), addedAt: 1 };
const oldConfig = { name: 'mine', savedAt: 2, definition: { name: 'mine' } };

/** A version-3 database with a record in every store. */
async function seedV3(name: string) {
  const v3 = await openDB(name, 3, { upgrade: v3Schema });
  await v3.add('runs', oldRun);
  await v3.put('benchmarks', oldBenchmark);
  await v3.add('benchmarkRuns', oldBenchmarkRun);
  await v3.put('modelFiles', oldFile);
  await v3.put('benchmarkConfigs', oldConfig);
  v3.close();
}

const oldSet = { id: 's1', template: 't', options: { presolve: 'off' }, active: true, promotedAt: '2026-01-01' };
const oldEvent = { template: 't', kind: 'promoted', setId: 's1', at: '2026-01-01T00:00:00.000Z', by: 'me' };
const oldBaseline = { id: 'bl', template: 't', optionSetName: 'defaults', createdAt: 9, runs: [] };

/** A version-4 database with a record in every store. */
async function seedV4(name: string) {
  await seedV3(name);
  const v4 = await openDB(name, 4, {
    upgrade(db) {
      db.createObjectStore('blessedSets', { keyPath: 'id' }).createIndex('by-template', 'template');
      db.createObjectStore('blessedEvents', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-template',
        'template',
      );
      db.createObjectStore('baselines', { keyPath: 'id' }).createIndex('by-template', 'template');
    },
  });
  await v4.put('blessedSets', oldSet);
  await v4.add('blessedEvents', oldEvent);
  await v4.put('baselines', oldBaseline);
  v4.close();
}

const oldCheck = { id: 'c1', template: 't', checkedAt: '2026-02-01T00:00:00.000Z', verdict: 'unchanged' };
const oldSettings = { template: 't', thresholdPct: 30 };

/** A version-5 database with a record in every store. */
async function seedV5(name: string) {
  await seedV4(name);
  const v5 = await openDB(name, 5, {
    upgrade(db) {
      db.createObjectStore('regressionChecks', { keyPath: 'id' }).createIndex('by-template', 'template');
      db.createObjectStore('templateSettings', { keyPath: 'template' });
    },
  });
  await v5.put('regressionChecks', oldCheck);
  await v5.put('templateSettings', oldSettings);
  v5.close();
}

const oldPoint = { t: 100, seq: 0, kind: 'solve', ms: 12 };
const oldHealthRun = { id: 'h1', at: 50, checks: [] };
const oldRule = { id: 'r1', expression: 'p95 > 100' };
const oldAlert = { id: 'a1', ruleId: 'r1', raisedAt: 60, state: 'active' };
const oldAppSetting = { key: 'retention', value: { days: 30 } };

/** A version-6 database with a record in every store. */
async function seedV6(name: string) {
  await seedV5(name);
  const v6 = await openDB(name, 6, {
    upgrade(db) {
      db.createObjectStore('metrics', { keyPath: ['t', 'seq'] }).createIndex('by-kind-t', ['kind', 't']);
      db.createObjectStore('healthRuns', { keyPath: 'id' }).createIndex('by-at', 'at');
      db.createObjectStore('alertRules', { keyPath: 'id' });
      db.createObjectStore('alerts', { keyPath: 'id' }).createIndex('by-raisedAt', 'raisedAt');
      db.createObjectStore('appSettings', { keyPath: 'key' });
    },
  });
  await v6.put('metrics', oldPoint);
  await v6.put('healthRuns', oldHealthRun);
  await v6.put('alertRules', oldRule);
  await v6.put('alerts', oldAlert);
  await v6.put('appSettings', oldAppSetting);
  v6.close();
}

/** Everything a version-3 database holds, read without the current code. */
async function rawContents(name: string) {
  const db = await openDB(name);
  const out = {
    version: db.version,
    stores: [...db.objectStoreNames].sort(),
    data: Object.fromEntries(await Promise.all([...db.objectStoreNames].map(async (s) => [s, await db.getAll(s)]))),
  };
  db.close();
  return out;
}

describe('migrations', () => {
  it('v6 → v7: every old record is intact; the tuner runs store exists, empty, keyed by id with its createdAt index', async () => {
    const name = fresh('m6');
    await seedV6(name);
    const before = await rawContents(name);
    expect(before.version).toBe(6);
    expect(before.stores).toEqual(ALL_STORES.filter((s) => s !== 'tunerRuns'));
    for (const [store, records] of Object.entries(before.data)) expect(records, store).toHaveLength(1);
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(7);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    const store = db.transaction('tunerRuns').store;
    expect(store.keyPath).toBe('id');
    expect(store.autoIncrement).toBe(false);
    expect([...store.indexNames]).toEqual(['by-createdAt']);
    expect(store.index('by-createdAt').keyPath).toBe('createdAt');
    expect(await db.count('tunerRuns')).toBe(0);
    expect(await readTuningRuns(db)).toEqual({ records: [], damaged: [] });
    db.close();
    const after = await rawContents(name);
    for (const s of before.stores) expect(after.data[s], s).toEqual(before.data[s]);
    expect(after.data.tunerRuns).toEqual([]);
  });

  it('v5 → v7: every old record is intact; the metrics, health, alert and settings stores exist, empty, with their keys', async () => {
    const name = fresh('m5');
    await seedV5(name);
    const before = await rawContents(name);
    expect(before.version).toBe(5);
    for (const [store, records] of Object.entries(before.data)) expect(records, store).toHaveLength(1);
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    const tx = db.transaction(['metrics', 'healthRuns', 'alertRules', 'alerts', 'appSettings']);
    expect(tx.objectStore('metrics').keyPath).toEqual(['t', 'seq']);
    expect([...tx.objectStore('metrics').indexNames]).toEqual(['by-kind-t']);
    expect(tx.objectStore('metrics').index('by-kind-t').keyPath).toEqual(['kind', 't']);
    expect([...tx.objectStore('healthRuns').indexNames]).toEqual(['by-at']);
    expect(tx.objectStore('alertRules').keyPath).toBe('id');
    expect([...tx.objectStore('alerts').indexNames]).toEqual(['by-raisedAt']);
    expect(tx.objectStore('appSettings').keyPath).toBe('key');
    for (const s of ['metrics', 'healthRuns', 'alertRules', 'alerts', 'appSettings'] as const)
      expect(await db.count(s), s).toBe(0);
    db.close();
    const after = await rawContents(name);
    for (const store of before.stores) expect(after.data[store], store).toEqual(before.data[store]);
  });

  it('v4 → v7: every old record is intact; the check history and template settings exist, empty', async () => {
    const name = fresh('m4');
    await seedV4(name);
    const before = await rawContents(name);
    expect(before.version).toBe(4);
    for (const [store, records] of Object.entries(before.data)) expect(records, store).toHaveLength(1);
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    db.close();
    const after = await rawContents(name);
    for (const store of before.stores) expect(after.data[store], store).toEqual(before.data[store]);
    const again = await openWorkbenchDb(name);
    expect(await listBlessed(again)).toEqual([oldSet]);
    expect(await history(again, 't')).toEqual([{ ...oldEvent, id: 1 }]);
    expect(await listBaselines(again)).toEqual([oldBaseline]);
    expect(await listRegressionChecks(again)).toEqual([]);
    expect(await getTemplateSettings(again, 't')).toBeUndefined();
    const tx = again.transaction(['regressionChecks', 'templateSettings']);
    expect([...tx.objectStore('regressionChecks').indexNames]).toEqual(['by-template']);
    expect(tx.objectStore('regressionChecks').keyPath).toBe('id');
    expect(tx.objectStore('templateSettings').keyPath).toBe('template');
    again.close();
  });

  it('v3 → v7: every old record is intact and the parameter and baseline stores exist, empty, with their indexes', async () => {
    const name = fresh('m3');
    await seedV3(name);
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await listRuns(db)).toEqual([{ ...oldRun, id: 1 }]);
    expect(await listBenchmarks(db)).toEqual([oldBenchmark]);
    expect(await listBenchmarkRuns(db, 'b1')).toEqual([benchmarkRun({ timeMs: 3 })]);
    expect(await getModelFile(db, 'sha')).toEqual(oldFile);
    expect(await listBenchmarkConfigs(db)).toEqual([oldConfig]);
    expect(await listBlessed(db)).toEqual([]);
    expect(await history(db, 't')).toEqual([]);
    expect(await listBaselines(db)).toEqual([]);
    expect(await listTuningRuns(db)).toEqual([]);
    const tx = db.transaction(['blessedSets', 'blessedEvents', 'baselines']);
    for (const s of ['blessedSets', 'blessedEvents', 'baselines'] as const)
      expect([...tx.objectStore(s).indexNames]).toEqual(['by-template']);
    expect(tx.objectStore('blessedEvents').autoIncrement).toBe(true);
    db.close();
  });

  it('v1 → v7: runs gain runStatus/error and every later store is created', async () => {
    const name = fresh('m1');
    const v1 = await openDB(name, 1, { upgrade: v1Schema });
    await v1.add('runs', v1Run);
    v1.close();
    const db = await openWorkbenchDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await listRuns(db)).toEqual([{ ...v1Run, id: 1, runStatus: 'ok', error: null }]);
    db.close();
  });

  it('v2 → v7 keeps the runs as they are', async () => {
    const name = fresh('m2');
    const v2 = await openDB(name, 2, { upgrade: v1Schema });
    const failed = { ...oldRun, runStatus: 'error', error: { name: 'SolverError', message: 'x' } };
    await v2.add('runs', failed);
    v2.close();
    const db = await openWorkbenchDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await listRuns(db)).toEqual([{ ...failed, id: 1 }]);
    db.close();
  });

  it('a new database gets every store at the current version', async () => {
    const db = await openWorkbenchDb(fresh('new'));
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    db.close();
  });
});

describe('a failed upgrade', () => {
  it('v3 → v7 failing (at step 4) rejects with StorageUpgradeFailed naming both versions; v3 and its data are intact', async () => {
    const name = fresh('fail3');
    await seedV3(name);
    const before = await rawContents(name);
    const open = openWorkbenchDb(name, {
      onUpgradeStep: (v) => {
        if (v === 4) throw new Error('disk on fire');
      },
    });
    await expect(open).rejects.toBeInstanceOf(StorageUpgradeFailed);
    const err = (await open.catch((e: unknown) => e)) as StorageUpgradeFailed;
    expect(err.fromVersion).toBe(3);
    expect(err.toVersion).toBe(DB_VERSION);
    expect(err.message).toMatch(
      /from version 3 to version 7 \(Error: disk on fire\).*data stored at version 3 is intact/,
    );
    const after = await rawContents(name);
    expect(after).toEqual(before);
    expect(after.version).toBe(3);
    expect(after.stores).toEqual(V3_STORES);
    // a later open without the fault upgrades normally
    const db = await openWorkbenchDb(name);
    expect(await listBenchmarks(db)).toEqual([oldBenchmark]);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('v4 → v7 failing (at step 5) leaves version 4 and every record of it intact', async () => {
    const name = fresh('fail4');
    await seedV4(name);
    const before = await rawContents(name);
    const open = openWorkbenchDb(name, {
      onUpgradeStep: (v) => {
        if (v === 5) throw new Error('no room');
      },
    });
    await expect(open).rejects.toThrow(/from version 4 to version 7 \(Error: no room\)/);
    expect(await rawContents(name)).toEqual(before);
  });

  it('v5 → v7 failing (at step 6) leaves version 5 and every record of it intact', async () => {
    const name = fresh('fail5');
    await seedV5(name);
    const before = await rawContents(name);
    const open = openWorkbenchDb(name, {
      onUpgradeStep: (v) => {
        if (v === 6) throw new Error('quota');
      },
    });
    await expect(open).rejects.toThrow(/from version 5 to version 7 \(Error: quota\)/);
    expect(await rawContents(name)).toEqual(before);
  });

  it('v6 → v7 failing leaves version 6 and every record of it intact; a later open adds the store', async () => {
    const name = fresh('fail6');
    await seedV6(name);
    const before = await rawContents(name);
    const open = openWorkbenchDb(name, {
      onUpgradeStep: (v) => {
        if (v === 7) throw new Error('full');
      },
    });
    await expect(open).rejects.toThrow(/from version 6 to version 7 \(Error: full\)/);
    const after = await rawContents(name);
    expect(after).toEqual(before);
    expect(after.stores).not.toContain('tunerRuns');
    const db = await openWorkbenchDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    db.close();
  });

  it('a failure after the v2 rewrite of the runs rolls the rewrite back too', async () => {
    const name = fresh('fail1');
    const v1 = await openDB(name, 1, { upgrade: v1Schema });
    await v1.add('runs', { createdAt: 5, modelId: 'x' });
    v1.close();
    const open = openWorkbenchDb(name, {
      onUpgradeStep: async (v) => {
        if (v === 3) throw new Error('step 3 broke');
      },
    });
    await expect(open).rejects.toThrow(/from version 1 to version 7 \(Error: step 3 broke\)/);
    const after = await rawContents(name);
    expect(after.version).toBe(1);
    expect(after.stores).toEqual(['runs']);
    expect(after.data.runs).toEqual([{ id: 1, createdAt: 5, modelId: 'x' }]); // no runStatus: v2's rewrite undone
  });
});

describe('opening fails clearly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('data from a newer version of the app: StorageTooNew, nothing changed', async () => {
    const name = fresh('newer');
    const future = await openDB(name, DB_VERSION + 1, { upgrade: (d) => void d.createObjectStore('future') });
    future.close();
    await expect(openWorkbenchDb(name)).rejects.toBeInstanceOf(StorageTooNew);
    expect((await rawContents(name)).version).toBe(DB_VERSION + 1);
  });

  it('no IndexedDB at all: StorageUnavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const open = openWorkbenchDb(fresh('none'));
    await expect(open).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(open).rejects.toThrow(/IndexedDB\) is not available: nothing can be kept/);
  });

  it('IndexedDB that refuses to open (a sandboxed page): StorageUnavailable with the reason', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('access denied', 'SecurityError');
      },
    });
    await expect(openWorkbenchDb(fresh('denied'))).rejects.toThrow(
      /not available \(SecurityError: access denied\): nothing can be kept/,
    );
  });
});
