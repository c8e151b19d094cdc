import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_AUTO_ID, parseBackup, serializeBackup, type Backup } from '../../src/core/backup';
import { exportAll, restoreAll, RESTORE_CHUNK } from '../../src/storage/backup-repo';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { addRun } from '../../src/storage/runs-repo';
import { APP, everyStore, runRecord, SHA } from '../core/backup/fixtures';

let n = 0;
const fresh = (prefix: string) => openWorkbenchDb(`${prefix}-${process.pid}-${++n}`);
const CHANNELS = {
  key: 'alerts.channels',
  value: { webhookUrl: 'https://hooks.example/secret', notificationsEnabled: true },
};

/** One record in every store (as the app writes them), and the alert channels with their webhook URL. */
async function seed(db: Db): Promise<void> {
  const stores = everyStore();
  const tx = db.transaction(Object.keys(stores) as (keyof typeof stores)[], 'readwrite');
  for (const [store, records] of Object.entries(stores))
    for (const r of records) void tx.objectStore(store as keyof typeof stores).put(r as never);
  void tx.objectStore('appSettings').put(CHANNELS);
  await tx.done;
}

/** Through the file and back, as a user's backup goes. */
function throughFile(b: Backup): Backup {
  const parsed = parseBackup(serializeBackup(b));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.backup;
}

const all = async (db: Db) =>
  Object.fromEntries(await Promise.all([...db.objectStoreNames].map(async (s) => [s, await db.getAll(s)])));

function backupWith(stores: Backup['stores'], version: Backup['version'] = 2): Backup {
  return { schema: 'highs-workbench/backup', version, createdAt: 'now', app: APP, stores };
}

describe('backup repository', () => {
  let db: Db;
  beforeEach(async () => {
    db = await fresh('backup');
  });

  it('exports every store but metrics (unless asked) and the secret settings, and restores it through the file', async () => {
    await seed(db);
    const { leftOut, ...backup } = await exportAll(db, APP, { now: new Date(0) });
    expect(leftOut).toEqual({});
    expect(backup.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(backup.stores.metrics).toBeUndefined();
    expect(backup.stores.appSettings).toEqual([{ key: 'metrics.retentionDays', value: 7 }]);
    expect(serializeBackup(backup)).not.toContain('hooks.example');
    for (const s of ['alertRules', 'alerts', 'healthRuns', 'runs', 'benchmarkRuns'] as const)
      expect(backup.stores[s], s).toEqual(everyStore()[s]);
    const other = await fresh('backup-other');
    await restoreAll(other, throughFile(backup));
    const { leftOut: _l, ...again } = await exportAll(other, APP, { now: new Date(0) });
    expect(again).toEqual(backup);
    // The key generators continue after the restored ids.
    expect((await addRun(other, runRecord())).id).toBe(5);
  });

  it('with metrics: exports and restores the metric points too', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP, { metrics: true });
    expect(backup.stores.metrics).toHaveLength(2);
    const other = await fresh('backup-metrics');
    await restoreAll(other, throughFile(backup));
    expect(await other.getAll('metrics')).toEqual(await db.getAll('metrics'));
  });

  it('a backup without metrics leaves the metrics stored here as they are; one with metrics replaces them', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP);
    const other = await fresh('backup-keep-metrics');
    const mine = { ...everyStore().metrics[0], t: 555 };
    await other.put('metrics', mine as never);
    await restoreAll(other, throughFile(backup));
    expect(await other.getAll('metrics')).toEqual([mine]);
    await restoreAll(other, backupWith({ ...backup.stores, metrics: [] }));
    expect(await other.count('metrics')).toBe(0);
  });

  it('exports the tuning runs and restores them through the file, ±Infinity option values included', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP);
    expect(backup.stores.tunerRuns).toEqual(everyStore().tunerRuns);
    const other = await fresh('backup-tuning');
    await other.put('tunerRuns', { ...everyStore().tunerRuns[0], id: 'only-here' } as never);
    await restoreAll(other, throughFile(backup));
    const restored = await other.getAll('tunerRuns');
    expect(restored).toEqual(everyStore().tunerRuns); // replaced: 'only-here' is gone
    expect(restored[0]).toMatchObject({ settings: { baseline: { options: { time_limit: Infinity } } } });
  });

  it('a version-2 backup from before the tuner leaves the tuning runs stored here as they are', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP);
    const file = JSON.parse(serializeBackup(backup)) as { stores: Record<string, unknown> };
    delete file.stores.tunerRuns;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const other = await fresh('backup-before-tuner');
    const mine = { ...everyStore().tunerRuns[0], id: 'mine' };
    await other.put('tunerRuns', mine as never);
    await restoreAll(other, parsed.backup);
    expect(await other.getAll('tunerRuns')).toEqual([mine]);
    expect(await other.getAll('runs')).toEqual(everyStore().runs);
  });

  it('leaves a damaged tuning run out of a backup, counted', async () => {
    await seed(db);
    const damaged = structuredClone(everyStore().tunerRuns[0]) as Record<string, unknown> & {
      race: { iteration: { members: string[] } };
    };
    damaged.id = 'damaged';
    damaged.race.iteration.members.push('c999');
    await db.put('tunerRuns', damaged as never);
    const { leftOut, ...backup } = await exportAll(db, APP);
    expect(leftOut).toEqual({ tunerRuns: 1 });
    expect(backup.stores.tunerRuns?.map((r) => r.id)).toEqual(['tune-sim']);
    expect(parseBackup(serializeBackup(backup)).ok).toBe(true);
  });

  it("a restore keeps this browser's alert channels (the webhook URL) and replaces the other settings", async () => {
    const other = await fresh('backup-channels');
    const mine = { ...CHANNELS, value: { webhookUrl: 'https://mine.example/', notificationsEnabled: false } };
    await other.put('appSettings', mine);
    await other.put('appSettings', { key: 'metrics.retentionDays', value: 30 });
    await other.put('appSettings', { key: 'obsolete', value: 1 });
    await restoreAll(other, backupWith({ appSettings: [{ key: 'metrics.retentionDays', value: 7 }] }));
    expect(await other.getAll('appSettings')).toEqual([mine, { key: 'metrics.retentionDays', value: 7 }]);
  });

  it('a version-1 backup leaves alert rules, alerts, settings, health runs, metrics and tuning runs as they are', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP);
    const file = JSON.parse(serializeBackup(backup)) as { version: number; stores: Record<string, unknown> };
    file.version = 1;
    for (const s of ['alertRules', 'alerts', 'appSettings', 'healthRuns', 'tunerRuns']) delete file.stores[s];
    delete file.stores.regressionChecks; // made before the regression history, too
    delete file.stores.templateSettings;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const other = await fresh('backup-v1');
    await seed(other);
    await other.put('runs', { ...runRecord(), id: 99 });
    const before = await all(other);
    await restoreAll(other, parsed.backup);
    const after = await all(other);
    for (const s of ['alertRules', 'alerts', 'appSettings', 'healthRuns', 'metrics', 'tunerRuns'])
      expect(after[s], s).toEqual(before[s]);
    expect(after.regressionChecks).toEqual([]);
    expect(after.templateSettings).toEqual([]);
    expect(after.runs).toEqual(everyStore().runs); // replaced: run 99 is gone
  });

  it('leaves damaged records out of a backup, counted, so the backup always restores', async () => {
    await seed(db);
    await db.put('runs', { id: 50, createdAt: 1, modelId: SHA } as never);
    await db.put('benchmarks', { id: 'broken', name: 'x', createdAt: 1, state: 'finished' } as never);
    const { leftOut, ...backup } = await exportAll(db, APP);
    expect(leftOut).toEqual({ runs: 1, benchmarks: 1 });
    expect(backup.stores.runs?.map((r) => r.id)).toEqual([3, 4]);
    expect(parseBackup(serializeBackup(backup)).ok).toBe(true);
  });

  it('replaces what the backup holds (records not in it are gone)', async () => {
    await seed(db);
    const { leftOut: _l, ...backup } = await exportAll(db, APP);
    await restoreAll(db, backupWith({ ...backup.stores, benchmarks: [], benchmarkRuns: [], runs: [] }));
    expect(await db.count('benchmarks')).toBe(0);
    expect(await db.count('runs')).toBe(0);
    expect(await db.count('modelFiles')).toBe(1);
  });

  it('restores many records in chunks within one transaction', async () => {
    const runs = Array.from({ length: RESTORE_CHUNK * 2 + 7 }, (_, i) => ({ ...runRecord(), id: i + 1, createdAt: i }));
    const chunks: number[] = [];
    await restoreAll(db, backupWith({ runs }), { onChunk: (s, k) => s === 'runs' && chunks.push(k) });
    expect(chunks).toEqual([RESTORE_CHUNK, RESTORE_CHUNK * 2, RESTORE_CHUNK * 2 + 7]);
    expect(await db.count('runs')).toBe(runs.length);
  });

  it('changes nothing when a record fails late in the restore', async () => {
    await seed(db);
    const before = await all(db);
    const bad = backupWith({
      runs: [{ ...runRecord(), id: 1 }],
      benchmarks: [],
      baselines: [{ template: 't', runs: [] }], // no key: the put throws DataError
    });
    await expect(restoreAll(db, bad)).rejects.toThrow();
    expect(await all(db)).toEqual(before);
  });

  it('changes nothing when the restore is interrupted between chunks', async () => {
    await seed(db);
    const before = await all(db);
    const runs = Array.from({ length: RESTORE_CHUNK + 1 }, (_, i) => ({ ...runRecord(), id: i + 1 }));
    const stop = () => {
      throw new Error('stopped');
    };
    await expect(restoreAll(db, backupWith({ runs }), { onChunk: stop })).rejects.toThrow('stopped');
    expect(await all(db)).toEqual(before);
  });
});

describe('auto-increment ids and the key generator', () => {
  // Why a backup's ids are capped: IndexedDB's generator continues after the largest key put and is spent
  // for good at 2^53; the parse refuses 1e300 (test/core/backup), these show what it would do and that the cap is safe.
  it.each([
    ['the largest id a backup may hold (MAX_AUTO_ID)', MAX_AUTO_ID, true],
    ['an id of 1e300 (refused by every backup since)', 1e300, false],
  ])('after restoring %s, a new run can be stored: %s', async (_name, id, storable) => {
    const db = await fresh('keygen');
    await restoreAll(db, backupWith({ runs: [{ ...runRecord(), id }] }));
    const next = addRun(db, runRecord());
    if (storable) expect((await next).id).toBe(MAX_AUTO_ID + 1);
    else await expect(next).rejects.toThrow();
  });
});
