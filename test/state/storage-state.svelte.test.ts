// @vitest-environment svelte-runes
// The storage panel's state against real parts: backups of a fake-indexeddb database through the real
// repository and codec, the connection states the bootstrap reports, the in-memory fallback stores,
// and a full quota (StorageFull) reaching the run view's and benchmark editor's error displays intact.
import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { SummaryClient } from '../../src/solver/summary-client';
import { backupCodecOf } from '../../src/state/summarizer';
import { createSummaryApi } from '../../workers/summary-api';
import { PortWorker } from '../solver/fake-workers';
import { describe, expect, it } from 'vitest';
import { memoryBenchmarkStore, memoryRunStore, withMemoryFallback } from '../../src/app/memory-stores';
import { backupStoreOf, failWhenClosed, followOpen, storageInfo } from '../../src/app/storage-info';
import { runStoreOf } from '../../src/app/run-store';
import { StorageState, type BackupFileInput } from '../../src/state/storage-state.svelte';
import { HistoryState } from '../../src/state/history-state.svelte';
import { BenchmarkEditor } from '../../src/state/benchmark-editor.svelte';
import type { BackupStore, BenchmarkStore, RunStore } from '../../src/state/ports';
import { openWorkbenchDb } from '../../src/storage/db';
import { StorageFull, StorageUnavailable } from '../../src/storage/errors';
import type { RunRecord } from '../../src/core/run-record';
import { runRecord, storedBenchmark } from '../core/backup/fixtures';
import { solve } from '../core/metrics/fixtures';

const APP = { name: 'HiGHS Workbench', version: 'test' };
let n = 0;
const freshDb = () => openWorkbenchDb(`storage-state-${process.pid}-${++n}`);
const file = (name: string, text: string): BackupFileInput => ({ name, size: text.length, text: async () => text });
const run = (i: number): RunRecord => {
  const { id: _id, ...r } = runRecord({ createdAt: i, modelName: `m${i}` });
  return r;
};

/** A fake navigator.storage. */
function manager(granted: boolean) {
  let persisted = false;
  return {
    estimate: async () => ({ usage: 1234, quota: 10_000_000 }),
    persisted: async () => persisted,
    persist: async () => (persisted = granted),
  };
}

describe('StorageState: status and persistence', () => {
  it.each([
    [true, true],
    [false, false],
  ])('reads usage and quota and asks for persistence (granted %s)', async (granted, expected) => {
    const state = new StorageState({ storage: storageInfo(manager(granted)) });
    await state.refresh();
    expect(state.status).toEqual({ usage: 1234, quota: 10_000_000, persisted: false });
    await state.persist();
    expect(state.persistAnswer).toBe(expected);
    expect(state.status?.persisted).toBe(expected);
  });
});

describe('StorageState: the connection', () => {
  it('shows blocked, then ready; a connection closed by another tab stays closed until reload', () => {
    const info = storageInfo(manager(true));
    const state = new StorageState({ storage: info });
    expect(state.connection.kind).toBe('opening');
    info.set({ kind: 'blocked' });
    expect(state.connection.kind).toBe('blocked');
    info.set({ kind: 'ready' });
    expect(state.canBackup).toBe(false); // no backup store in these services
    info.set({ kind: 'closed', reason: 'upgraded' });
    info.set({ kind: 'ready' });
    expect(state.connection).toEqual({ kind: 'closed', reason: 'upgraded' });
    state.dispose();
  });

  it('falls back to memory with the reason when the open fails', async () => {
    const info = storageInfo(manager(true));
    const db = Promise.reject(new StorageUnavailable());
    followOpen(db, info);
    const state = new StorageState({ storage: info });
    await db.catch(() => {});
    await Promise.resolve();
    expect(state.inMemory).toBe(true);
    expect(state.connection).toMatchObject({ kind: 'memory', error: { name: 'StorageUnavailable' } });
  });
});

describe('the database deleted or closed under an open page', () => {
  /** Deletes a database as another tab would, once no connection holds it. */
  const deleteDatabase = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });

  it('another tab deletes it: the connection says deleted, and the next store says so instead of "connection is closing"', async () => {
    const name = `storage-state-deleted-${process.pid}-${++n}`;
    const info = storageInfo(manager(true));
    const db = openWorkbenchDb(name, { onVersionChange: (why) => info.set({ kind: 'closed', reason: why }) });
    followOpen(db, info);
    await db;
    const state = new StorageState({ storage: info });
    const raw = runStoreOf(db);
    const history = new HistoryState(failWhenClosed(raw, info));
    expect(await history.store(run(1))).not.toBeNull();

    await deleteDatabase(name);
    expect(state.connection).toEqual({ kind: 'closed', reason: 'deleted' });
    expect(await history.store(run(2))).toBeNull();
    expect(history.error).toMatch(
      /the run could not be stored: Nothing can be stored or read: another tab deleted this site's stored data \(the database\)\. Reload the page to continue\./,
    );
    // What a store said before: IndexedDB's own words about a closed connection (Chromium: "The database
    // connection is closing."; fake-indexeddb: InvalidStateError's generic text).
    await expect(raw.add(run(3))).rejects.toMatchObject({ name: 'InvalidStateError' });
  });

  it.each([
    ['upgraded', /another tab upgraded this tab's stored data/],
    ['browser', /the browser closed this tab's connection/],
  ] as const)('closed (%s): every store call rejects with StorageClosed saying why', async (reason, words) => {
    const info = storageInfo(manager(true));
    const calls: string[] = [];
    const store = failWhenClosed({ list: async () => (calls.push('list'), [1]) }, info);
    expect(await store.list()).toEqual([1]);
    info.set({ kind: 'closed', reason });
    await expect(store.list()).rejects.toMatchObject({ name: 'StorageClosed', message: expect.stringMatching(words) });
    expect(calls).toEqual(['list']); // not even tried once closed
  });
});

describe('in-memory stores', () => {
  it('serve runs and benchmarks when the database cannot be opened', async () => {
    const db = Promise.reject(new StorageUnavailable());
    const runs: RunStore = withMemoryFallback(db, runStoreOf(db), memoryRunStore());
    const benchmarks: BenchmarkStore = withMemoryFallback(db, { ...memoryBenchmarkStore() }, memoryBenchmarkStore());
    const a = await runs.add(run(1));
    await runs.add(run(2));
    expect(a.id).toBe(1);
    expect((await runs.list()).map((r) => r.createdAt)).toEqual([2, 1]);
    await benchmarks.putModelFile({ id: 'x', name: 'f.lp', bytes: new Uint8Array([1]), addedAt: 1 });
    expect((await benchmarks.getModelFile('x'))?.bytes).toEqual(new Uint8Array([1]));
    await runs.clear();
    expect(await runs.list()).toEqual([]);
  });

  it('use the database when it opened', async () => {
    const db = freshDb();
    const memory = memoryRunStore();
    const runs = withMemoryFallback(db, runStoreOf(db), memory);
    await runs.add(run(1));
    expect(await (await db).count('runs')).toBe(1);
    expect(await memory.list()).toEqual([]);
  });
});

describe('StorageState: backup and restore', () => {
  async function setup() {
    const db = freshDb();
    const info = storageInfo(manager(true));
    followOpen(db, info);
    await db;
    const backup = backupStoreOf(db, APP);
    const state = new StorageState({ storage: info, backup }, { now: () => 0 });
    return { db: await db, state, backup };
  }

  it('backs up, then restores after a confirm step, replacing what was stored', async () => {
    const { db, state } = await setup();
    await db.add('runs', run(1));
    await db.put('benchmarks', storedBenchmark({ id: 'b1', name: 'kept' }));
    const out = await state.backup();
    expect(out?.name).toBe('highs-workbench-backup-1970-01-01T00-00-00-000Z.json');
    await db.delete('benchmarks', 'b1');
    await db.add('runs', run(2));
    expect(await state.choose(file('b.json', out!.text))).toBe(true);
    expect(state.pending?.counts).toMatchObject({ runs: 1, benchmarks: 1 });
    expect(await db.count('runs')).toBe(2); // nothing changed before the confirm
    expect(await state.confirm()).toBe(true);
    expect(await db.getAllKeys('benchmarks')).toEqual(['b1']);
    expect(await db.count('runs')).toBe(1);
    expect(state.notice).toMatch(/Restored "b.json": 1 runs, 1 benchmarks, 0 benchmark runs,/);
    expect(state.notice).toMatch(/0 alert rules, 0 alerts, 0 settings, 0 health runs\. Reload/);
  });

  it('refuses an invalid file with its reasons and changes nothing', async () => {
    const { db, state } = await setup();
    await db.add('runs', run(1));
    expect(await state.choose(file('x.json', '{"schema":"highs-workbench/backup","version":1}'))).toBe(false);
    expect(state.error?.name).toBe('InvalidBackup');
    expect(state.error?.message).toMatch(/"x.json" is not a backup.*nothing was changed\.\ncreatedAt: missing/);
    expect(state.pending).toBeNull();
    expect(await db.count('runs')).toBe(1);
    expect(await state.choose({ ...file('big.json', '{}'), size: 10 ** 12 })).toBe(false);
    expect(state.error?.message).toMatch(/more than this app reads/);
  });

  it('backs up metrics only when asked to, and says so', async () => {
    const { db, state } = await setup();
    await db.put('metrics', { ...solve({ t: 1, seq: 0.5 }) });
    const without = JSON.parse((await state.backup())!.text) as { version: number; stores: Record<string, unknown[]> };
    expect(without.version).toBe(2);
    expect(without.stores).not.toHaveProperty('metrics');
    expect(without.stores.alertRules).toEqual([]);
    expect(state.notice).toMatch(/\(metrics not included\)/);
    state.includeMetrics = true;
    const withMetrics = JSON.parse((await state.backup())!.text) as { stores: Record<string, unknown[]> };
    expect(withMetrics.stores.metrics).toHaveLength(1);
    expect(state.notice).toMatch(/1 metric points\.$/);
  });

  it('refuses a crafted backup (a run id of 1e300) naming the store, record and field; nothing changes', async () => {
    const { db, state } = await setup();
    await db.add('runs', run(1));
    const text = (await state.backup())!.text.replace(/"id":1([,}])/, '"id":1e300$1');
    expect(await state.choose(file('crafted.json', text))).toBe(false);
    expect(state.error?.name).toBe('InvalidBackup');
    expect(state.error?.message).toMatch(/stores\.runs\[0\]\.id: expected a whole number from 1 to 1000000000000000/);
    expect(state.pending).toBeNull();
    expect(await db.getAllKeys('runs')).toEqual([1]);
    expect((await db.add('runs', run(2))) as number).toBe(2); // the key generator is untouched
  });

  it('says clearly when the restore fails (a full quota), nothing changed', async () => {
    const { db, state, backup } = await setup();
    const out = await state.backup();
    const failing: BackupStore = {
      exportBackup: () => backup.exportBackup(),
      restoreBackup: async () => {
        throw new StorageFull('the restored backup');
      },
    };
    const s2 = new StorageState({ storage: storageInfo(), backup: failing });
    (s2 as { connection: unknown }).connection = { kind: 'ready' };
    await s2.choose(file('b.json', out!.text));
    expect(await s2.confirm()).toBe(false);
    expect(s2.error?.name).toBe('StorageFull');
    expect(s2.error?.message).toMatch(
      /could not be restored; nothing stored was changed\. StorageFull: .*storage for this site is full/,
    );
    expect(s2.pending).not.toBeNull(); // still there to retry after making room
    expect(await db.count('runs')).toBe(0);
  });
});

describe('a full quota on save', () => {
  const full = () => Promise.reject(new StorageFull('the run'));

  it("reaches the run view's history error with its message", async () => {
    const history = new HistoryState({ add: full, list: async () => [], clear: async () => {} });
    expect(await history.store(run(1))).toBeNull();
    expect(history.error).toMatch(
      /the run could not be stored: The browser's storage for this site is full: the run could not be saved, and nothing already stored was changed/,
    );
  });

  it("reaches the benchmark editor's file error with its name", async () => {
    const store = { ...memoryBenchmarkStore(), putModelFile: () => Promise.reject(new StorageFull('the model file')) };
    const editor = new BenchmarkEditor(store);
    const lp = new TextEncoder().encode('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n');
    await editor.addModelFiles([{ name: 'a.lp', size: lp.length, arrayBuffer: async () => lp.buffer }]);
    expect(editor.fileError).toEqual({
      name: 'StorageFull',
      message: expect.stringMatching(/storage for this site is full: the model file/),
    });
  });
});

describe('backup files through the summary worker', () => {
  it('are written and read by the worker client, bytes and non-finite numbers intact', async () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(createSummaryApi(), port1 as unknown as Comlink.Endpoint);
    const client = new SummaryClient(() => new PortWorker(port2, port1));
    const codec = backupCodecOf({ summarizer: client });
    const db = await freshDb();
    await db.put('modelFiles', { id: 'c'.repeat(64), name: 'm.lp', bytes: new Uint8Array([9, 8]), addedAt: 1 });
    await db.add('runs', { ...run(1), objective: -Infinity });
    const { leftOut, ...backup } = await backupStoreOf(Promise.resolve(db), APP).exportBackup();
    expect(leftOut).toEqual({});
    const text = await codec.serializeBackup(backup);
    const parsed = await codec.parseBackup(text);
    client.dispose();
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.backup.stores.modelFiles?.[0].bytes).toEqual(new Uint8Array([9, 8]));
    expect(parsed.backup.stores.runs?.[0].objective).toBe(-Infinity);
    expect(parsed.backup).toEqual(backup);
  });
});
