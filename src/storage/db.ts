// The IndexedDB schema of the workbench and every migration, in one place.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from '../core/run-record';

/** The database name; tests pass their own to stay isolated. */
export const DB_NAME = 'highs-workbench';
/** Bump with one `if (oldVersion < n)` step below per version. */
export const DB_VERSION = 1;

/** Typed schema (see the idb README). */
export interface WorkbenchDB extends DBSchema {
  runs: {
    key: number;
    value: RunRecord;
    indexes: { 'by-createdAt': number; 'by-model': string };
  };
}

/** An open database handle. */
export type Db = IDBPDatabase<WorkbenchDB>;

/** Opens (and migrates) the database. `onBlocked` tells the user another tab holds an old version. */
export function openWorkbenchDb(name = DB_NAME, onBlocked?: () => void): Promise<Db> {
  return openDB<WorkbenchDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('by-createdAt', 'createdAt');
        runs.createIndex('by-model', 'modelId');
      }
    },
    blocked: onBlocked,
    blocking() {
      // Another tab wants a newer schema: let it, this tab reloads into the new version.
      // https://github.com/jakearchibald/idb#opendb
    },
  });
}
