// The browser's storage as the app shows it (src/state/ports.ts StorageInfo): navigator.storage's
// estimate and persistence, and the state of the one database connection, which the bootstrap feeds
// from openWorkbenchDb's callbacks and outcome.
import type { Backup } from '../core/backup';
import type { BackupStore, StorageConnection, StorageInfo } from '../state/ports';
import { shownError } from '../state/shown-error';
import { exportAll, restoreAll } from '../storage/backup-repo';
import type { Db } from '../storage/db';
import { requestPersistence, storageStatus, type StorageManagerLike } from '../storage/quota';

/** A StorageInfo with the setter the bootstrap calls as the connection changes. */
export interface StorageInfoSource extends StorageInfo {
  /** Records the connection's new state and tells every watcher. */
  set(c: StorageConnection): void;
}

/** StorageInfo over navigator.storage (tests pass a fake manager). */
export function storageInfo(manager?: StorageManagerLike): StorageInfoSource {
  let current: StorageConnection = { kind: 'opening' };
  const watchers = new Set<(c: StorageConnection) => void>();
  return {
    status: () => storageStatus(manager),
    persist: async () => (await requestPersistence(manager)).persisted,
    watch(fn) {
      watchers.add(fn);
      fn(current);
      return () => watchers.delete(fn);
    },
    set(c) {
      // Once another tab upgraded the database, this tab stays in that state until it reloads.
      if (current.kind === 'upgraded-elsewhere') return;
      current = c;
      for (const fn of watchers) fn(c);
    },
  };
}

/** The BackupStore over the database (rejects like every store when the open failed). */
export function backupStoreOf(db: Promise<Db>, app: Backup['app']): BackupStore {
  return {
    exportBackup: async () => exportAll(await db, app),
    restoreBackup: async (backup) => restoreAll(await db, backup),
  };
}

/** Feeds a StorageInfoSource from the open's outcome: ready, or in memory with the reason. */
export function followOpen(db: Promise<Db>, info: StorageInfoSource): void {
  db.then(
    () => info.set({ kind: 'ready' }),
    (e: unknown) => info.set({ kind: 'memory', error: shownError(e) }),
  );
}
