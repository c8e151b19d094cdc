// The browser's storage as the app shows it (src/state/ports.ts StorageInfo): navigator.storage's
// estimate and persistence, and the state of the one database connection, which the bootstrap feeds
// from openWorkbenchDb's callbacks and outcome.
import type { Backup } from '../core/backup';
import type { BackupStore, StorageConnection, StorageInfo } from '../state/ports';
import { shownError } from '../state/shown-error';
import { exportAll, restoreAll } from '../storage/backup-repo';
import type { Db } from '../storage/db';
import { StorageClosed } from '../storage/errors';
import { requestPersistence, storageStatus, type StorageManagerLike } from '../storage/quota';

/** A StorageInfo with the setter the bootstrap calls as the connection changes. */
export interface StorageInfoSource extends StorageInfo {
  /** Records the connection's new state and tells every watcher. */
  set(c: StorageConnection): void;
  /** The connection's state now. */
  current(): StorageConnection;
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
      // Once the connection closed under the page, this tab stays in that state until it reloads.
      if (current.kind === 'closed') return;
      current = c;
      for (const fn of watchers) fn(c);
    },
    current: () => current,
  };
}

/**
 * A store whose every call, once the connection closed under the page, rejects with StorageClosed saying
 * what happened (instead of IndexedDB's raw "The database connection is closing"); a call that fails
 * because the connection closed meanwhile says so too. Every method of `store` is wrapped this way.
 */
export function failWhenClosed<T extends object>(store: T, info: Pick<StorageInfoSource, 'current'>): T {
  const closed = (cause?: unknown): StorageClosed | null => {
    const c = info.current();
    return c.kind === 'closed' ? new StorageClosed(c.reason, cause) : null;
  };
  const out = {} as Record<string, unknown>;
  for (const [key, fn] of Object.entries(store as Record<string, unknown>)) {
    if (typeof fn !== 'function') continue;
    out[key] = async (...args: unknown[]) => {
      const before = closed();
      if (before) throw before;
      try {
        return await (fn as (...a: unknown[]) => unknown).apply(store, args);
      } catch (e) {
        throw closed(e) ?? e;
      }
    };
  }
  return out as T;
}

/** The BackupStore over the database (rejects like every store when the open failed). */
export function backupStoreOf(db: Promise<Db>, app: Backup['app']): BackupStore {
  return {
    exportBackup: async (opts) => exportAll(await db, app, { metrics: opts?.metrics ?? false }),
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
