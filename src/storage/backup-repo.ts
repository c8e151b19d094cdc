// Backup and restore of the whole workspace: every store read in one transaction, and a restore that
// replaces everything in ONE transaction (all or nothing: a failure, a quota error included, leaves
// every store as it was). The restore queues its writes in chunks, awaiting only its own last request
// between chunks: the transaction stays active, and no main-thread task queues more than one chunk.
import { BACKUP_SCHEMA, BACKUP_STORES, BACKUP_VERSION, type Backup, type BackupRecord } from '../core/backup';
import type { Db } from './db';
import { guardQuota } from './quota';

/** How many records a restore queues in one task. */
export const RESTORE_CHUNK = 500;

/** Reads every store in one (consistent) read-only transaction. */
export async function exportAll(db: Db, app: Backup['app'], now: Date = new Date()): Promise<Backup> {
  const tx = db.transaction([...BACKUP_STORES], 'readonly');
  const read = await Promise.all(BACKUP_STORES.map((s) => tx.objectStore(s).getAll()));
  await tx.done;
  const stores = Object.fromEntries(BACKUP_STORES.map((s, i) => [s, read[i] as unknown as BackupRecord[]]));
  return {
    schema: BACKUP_SCHEMA,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    app,
    stores: stores as Backup['stores'],
  };
}

/** Test seam: called after each chunk is queued; a throw aborts the restore. */
export interface RestoreOptions {
  onChunk?: (store: string, queued: number) => void;
}

/**
 * Replaces everything stored by the backup's records, in one transaction with strict durability.
 * Resolves once it is on disk; on any failure the transaction is aborted and rejects (a full quota
 * as StorageFull), and nothing stored before changed.
 */
export async function restoreAll(db: Db, backup: Backup, opts: RestoreOptions = {}): Promise<void> {
  const tx = db.transaction([...BACKUP_STORES], 'readwrite', { durability: 'strict' });
  tx.done.catch(() => {}); // observed below
  const total = BACKUP_STORES.reduce((n, s) => n + (backup.stores[s]?.length ?? 0), 0);
  const write = async (): Promise<void> => {
    for (const store of BACKUP_STORES)
      tx.objectStore(store)
        .clear()
        .catch(() => {}); // reported by tx.done
    for (const store of BACKUP_STORES) {
      const os = tx.objectStore(store);
      const records = backup.stores[store] ?? []; // a store newer than the backup: restored empty
      for (let start = 0; start < records.length; start += RESTORE_CHUNK) {
        let last: Promise<unknown> = Promise.resolve();
        for (const r of records.slice(start, start + RESTORE_CHUNK)) {
          last = os.put(r as never);
          last.catch(() => {}); // a failed request aborts the transaction: reported by tx.done
        }
        opts.onChunk?.(store, Math.min(start + RESTORE_CHUNK, records.length));
        await last; // our own request: the transaction stays active across it
      }
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
