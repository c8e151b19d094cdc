// Backup and restore of the whole workspace: every store read in one transaction, and a restore that
// replaces what the backup holds in ONE transaction (all or nothing: a failure, a quota error included,
// leaves every store as it was). The restore queues its writes in chunks, awaiting only its own last
// request between chunks: the transaction stays active, and no main-thread task queues more than one chunk.
import {
  BACKUP_SCHEMA,
  BACKUP_STORES,
  BACKUP_VERSION,
  backupStoresOf,
  recordProblems,
  SETTINGS_NOT_BACKED_UP,
  type Backup,
  type BackupRecord,
  type BackupStoreName,
} from '../core/backup';
import type { Db } from './db';
import { guardQuota } from './quota';
import { forEachInChunks, queueInChunks, WRITE_CHUNK } from './tx';

/** How many records a restore queues in one task. */
export const RESTORE_CHUNK = WRITE_CHUNK;

/** What a backup holds besides the stores it always holds. */
export interface ExportOptions {
  /** Include the metric points (they can be large); default false. */
  metrics?: boolean;
  /** The backup's time (default now). */
  now?: Date;
}

/** A backup made here, with what was left out of it because the app cannot read it (damaged records). */
export interface ExportedBackup extends Backup {
  /** Damaged records left out, per store (a backup always restores, so it holds none). */
  leftOut: Partial<Record<BackupStoreName, number>>;
}

/**
 * Reads every store (metrics only when asked) in one (consistent) read-only transaction. Settings that
 * stay in their browser (the webhook URL) and records the app cannot read are left out (counted in `leftOut`).
 */
export async function exportAll(db: Db, app: Backup['app'], opts: ExportOptions | Date = {}): Promise<ExportedBackup> {
  const { metrics = false, now = new Date() } = opts instanceof Date ? { now: opts } : opts;
  const stores = BACKUP_STORES.filter((s) => metrics || s !== 'metrics');
  const tx = db.transaction([...stores], 'readonly');
  const read = await Promise.all(stores.map((s) => tx.objectStore(s).getAll()));
  await tx.done;
  const leftOut: ExportedBackup['leftOut'] = {};
  const kept: [BackupStoreName, BackupRecord[]][] = [];
  for (const [i, store] of stores.entries()) {
    const records = read[i] as unknown as BackupRecord[];
    const readable: BackupRecord[] = [];
    let damaged = 0;
    // Checked a chunk per task (outside the transaction, which is done).
    await forEachInChunks(records, (r) => {
      if (store === 'appSettings' && SETTINGS_NOT_BACKED_UP.has(r.key as string)) return;
      if (recordProblems(store, r).length === 0) readable.push(r);
      else damaged++;
    });
    if (damaged > 0) leftOut[store] = damaged;
    kept.push([store, readable]);
  }
  return {
    schema: BACKUP_SCHEMA,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    app,
    stores: Object.fromEntries(kept) as Backup['stores'],
    leftOut,
  };
}

/** Test seam: called after each chunk is queued; a throw aborts the restore. */
export interface RestoreOptions {
  onChunk?: (store: string, queued: number) => void;
}

/**
 * Replaces the stores the backup holds by its records, in one transaction with strict durability; a store
 * it does not hold (metrics left out, or what a version-1 backup never had) is left as it is, and so are
 * the settings backups never hold. Resolves once it is on disk; on any failure the transaction is aborted
 * and rejects (a full quota as StorageFull), and nothing stored before changed.
 */
export async function restoreAll(db: Db, backup: Backup, opts: RestoreOptions = {}): Promise<void> {
  const stores = backupStoresOf(backup);
  if (stores.length === 0) return;
  const tx = db.transaction([...stores], 'readwrite', { durability: 'strict' });
  tx.done.catch(() => {}); // observed below
  const total = stores.reduce((n, s) => n + (backup.stores[s]?.length ?? 0), 0);
  const write = async (): Promise<void> => {
    for (const store of stores) {
      if (store !== 'appSettings') {
        tx.objectStore(store)
          .clear()
          .catch(() => {}); // reported by tx.done
        continue;
      }
      const settings = tx.objectStore('appSettings');
      for (const key of await settings.getAllKeys())
        if (!SETTINGS_NOT_BACKED_UP.has(key)) settings.delete(key).catch(() => {});
    }
    for (const store of stores) {
      const os = tx.objectStore(store);
      const records = (backup.stores[store] ?? []).filter(
        (r) => store !== 'appSettings' || !SETTINGS_NOT_BACKED_UP.has(r.key as string),
      );
      await queueInChunks(
        records,
        (r) => os.put(r as never),
        (queued) => opts.onChunk?.(store, queued),
        RESTORE_CHUNK,
      );
    }
  };
  try {
    await write();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    await tx.done.catch(() => {});
    throw e;
  }
  await guardQuota(`the restored backup (${total} records)`, () => tx.done, tx);
}
