// Another tab: a connection of this code closes when a newer version wants the database, and this
// code, upgrading past a tab that holds an older version open, is told it is blocked and waits.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openWorkbenchDb } from '../../src/storage/db';
import { addRun, listRuns } from '../../src/storage/runs-repo';
import type { RunRecord } from '../../src/core/run-record';
import { runRecord } from '../core/backup/fixtures';

let n = 0;
const fresh = () => `tabs-${process.pid}-${++n}`;
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('another tab', () => {
  it('a newer version opening: this connection closes itself, says so, and the upgrade proceeds', async () => {
    const name = fresh();
    const onVersionChange = vi.fn();
    const db = await openWorkbenchDb(name, { onVersionChange });
    await addRun(db, { createdAt: 1, modelId: 'm' } as unknown as RunRecord);
    const newerBlocked = vi.fn();
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (d) => void d.createObjectStore('next'),
      blocked: newerBlocked,
    });
    expect(onVersionChange).toHaveBeenCalledExactlyOnceWith('upgraded');
    expect(newerBlocked).not.toHaveBeenCalled();
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.count('runs')).toBe(1);
    expect(() => db.transaction('runs')).toThrow(); // closed: this page must reload
    newer.close();
  });

  it('another tab deleting the database: this connection closes itself and says it was deleted; the delete proceeds', async () => {
    const name = fresh();
    const onVersionChange = vi.fn();
    const db = await openWorkbenchDb(name, { onVersionChange });
    await addRun(db, runRecord());
    const deleted = await new Promise<boolean>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve(true);
      req.onblocked = () => resolve(false);
    });
    expect(deleted).toBe(true);
    expect(onVersionChange).toHaveBeenCalledExactlyOnceWith('deleted');
    expect(() => db.transaction('runs')).toThrow(); // closed: this page must reload
    const again = await openWorkbenchDb(name);
    expect(await again.count('runs')).toBe(0); // the data is gone
    again.close();
  });

  it('a tab holding an older version open: the upgrade is reported blocked, waits, and proceeds once it closes', async () => {
    const name = fresh();
    const old = await openDB(name, 3, {
      upgrade(d) {
        d.createObjectStore('runs', { keyPath: 'id', autoIncrement: true }).createIndex('by-createdAt', 'createdAt');
      },
    }); // old code: no versionchange handler, so it stays open
    const { id: _id, ...kept } = runRecord({ createdAt: 2, modelId: 'kept' });
    await old.add('runs', kept);
    const onBlocked = vi.fn();
    let opened = false;
    const opening = openWorkbenchDb(name, { onBlocked }).then((db) => ((opened = true), db));
    await tick();
    expect(onBlocked).toHaveBeenCalledWith({ oldVersion: 3, newVersion: DB_VERSION });
    expect(opened).toBe(false); // still waiting, not failed
    old.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
    expect(await listRuns(db)).toMatchObject([{ createdAt: 2, modelId: 'kept' }]);
    db.close();
  });

  it('the old signature (a bare onBlocked function) still works', async () => {
    const name = fresh();
    const old = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore('runs') });
    const onBlocked = vi.fn();
    const opening = openWorkbenchDb(name, onBlocked);
    await tick();
    expect(onBlocked).toHaveBeenCalledOnce();
    old.close();
    expect((await opening).version).toBe(DB_VERSION);
    (await opening).close();
  });
});
