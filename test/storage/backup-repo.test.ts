import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, type Backup } from '../../src/core/backup';
import { exportAll, restoreAll, RESTORE_CHUNK } from '../../src/storage/backup-repo';
import { openWorkbenchDb, type Db } from '../../src/storage/db';

const SHA = 'b'.repeat(64);
const APP = { name: 'HiGHS Workbench', version: 'test' };

async function seed(db: Db): Promise<void> {
  await db.add('runs', { createdAt: 1, modelId: SHA, objective: Infinity } as never);
  await db.put('benchmarks', { id: 'b1', name: 'one', createdAt: 2, state: 'finished' } as never);
  await db.add('benchmarkRuns', { benchmarkId: 'b1', modelId: SHA } as never);
  await db.put('modelFiles', { id: SHA, name: 'm.lp', bytes: new Uint8Array([1, 2, 3]), addedAt: 3 });
  await db.put('benchmarkConfigs', { name: 'c', savedAt: 4, definition: {} } as never);
  await db.put('blessedSets', { id: 's', template: 't', options: {}, active: true } as never);
  await db.add('blessedEvents', {
    template: 't',
    kind: 'promoted',
    setId: 's',
    at: '1970-01-01T00:00:05.000Z',
    by: 'x',
  });
  await db.put('baselines', { id: 'bl', template: 't', runs: [] } as never);
  await db.put('regressionChecks', { id: 'c1', template: 't', checkedAt: '1970-01-01T00:00:06.000Z' } as never);
  await db.put('templateSettings', { template: 't', thresholdPct: 30 });
}

function backupWith(stores: Partial<Backup['stores']>): Backup {
  const empty = {
    runs: [],
    benchmarks: [],
    benchmarkRuns: [],
    modelFiles: [],
    benchmarkConfigs: [],
    blessedSets: [],
    blessedEvents: [],
    baselines: [],
    regressionChecks: [],
    templateSettings: [],
  };
  return { schema: 'highs-workbench/backup', version: 1, createdAt: 'now', app: APP, stores: { ...empty, ...stores } };
}

describe('backup repository', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`backup-${Math.random()}`);
  });

  it('exports every store and restores it into an empty database through the file', async () => {
    await seed(db);
    const backup = await exportAll(db, APP, new Date(0));
    expect(backup.createdAt).toBe('1970-01-01T00:00:00.000Z');
    const parsed = parseBackup(serializeBackup(backup));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const other = await openWorkbenchDb(`backup-other-${Math.random()}`);
    await restoreAll(other, parsed.backup);
    expect(await exportAll(other, APP, new Date(0))).toEqual(backup);
    // The key generators continue after the restored ids.
    expect(await other.add('runs', { createdAt: 9, modelId: SHA } as never)).toBe(2);
  });

  it('every store is in the backup, the regression history and settings included', async () => {
    await seed(db);
    const backup = await exportAll(db, APP, new Date(0));
    for (const [store, records] of Object.entries(backup.stores)) expect(records, store).toHaveLength(1);
    expect(backup.stores.templateSettings).toEqual([{ template: 't', thresholdPct: 30 }]);
  });

  it('restores a backup file made before the regression history (no such stores): they end up empty', async () => {
    await seed(db);
    const file = JSON.parse(serializeBackup(await exportAll(db, APP, new Date(0)))) as {
      stores: Record<string, unknown>;
    };
    delete file.stores.regressionChecks;
    delete file.stores.templateSettings;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const other = await openWorkbenchDb(`backup-old-${Math.random()}`);
    await other.put('templateSettings', { template: 'x', thresholdPct: 40 });
    await restoreAll(other, parsed.backup);
    expect(await other.count('regressionChecks')).toBe(0);
    expect(await other.getAll('templateSettings')).toEqual([]);
    expect(await other.getAllKeys('baselines')).toEqual(['bl']);
    expect(await other.count('runs')).toBe(1);
    // A Backup object without the new stores at all (as an older in-memory caller might pass) restores too.
    const { regressionChecks: _c, templateSettings: _t, ...older } = parsed.backup.stores;
    await restoreAll(other, { ...parsed.backup, stores: older as Backup['stores'] });
    expect(await other.getAllKeys('blessedSets')).toEqual(['s']);
  });

  it('replaces what was stored (records not in the backup are gone)', async () => {
    await seed(db);
    await restoreAll(db, backupWith({ benchmarks: [{ id: 'b2', name: 'two', createdAt: 1, state: 'imported' }] }));
    expect(await db.getAllKeys('benchmarks')).toEqual(['b2']);
    expect(await db.count('runs')).toBe(0);
    expect(await db.count('modelFiles')).toBe(0);
  });

  it('restores many records in chunks within one transaction', async () => {
    const runs = Array.from({ length: RESTORE_CHUNK * 2 + 7 }, (_, i) => ({ id: i + 1, createdAt: i, modelId: SHA }));
    const chunks: number[] = [];
    await restoreAll(db, backupWith({ runs }), { onChunk: (s, n) => s === 'runs' && chunks.push(n) });
    expect(chunks).toEqual([RESTORE_CHUNK, RESTORE_CHUNK * 2, RESTORE_CHUNK * 2 + 7]);
    expect(await db.count('runs')).toBe(runs.length);
  });

  it('changes nothing when a record fails late in the restore', async () => {
    await seed(db);
    const before = await exportAll(db, APP, new Date(0));
    const bad = backupWith({
      runs: [{ id: 1, createdAt: 1, modelId: 'new' }],
      benchmarks: [{ id: 'b9', name: 'n', createdAt: 1, state: 'finished' }],
      baselines: [{ template: 't', runs: [] }], // no key: the put throws DataError
    });
    await expect(restoreAll(db, bad)).rejects.toThrow();
    expect(await exportAll(db, APP, new Date(0))).toEqual(before);
  });

  it('changes nothing when the restore is interrupted between chunks', async () => {
    await seed(db);
    const before = await exportAll(db, APP, new Date(0));
    const runs = Array.from({ length: RESTORE_CHUNK + 1 }, (_, i) => ({ id: i + 1, createdAt: i, modelId: SHA }));
    const stop = () => {
      throw new Error('stopped');
    };
    await expect(restoreAll(db, backupWith({ runs }), { onChunk: stop })).rejects.toThrow('stopped');
    expect(await exportAll(db, APP, new Date(0))).toEqual(before);
  });
});
