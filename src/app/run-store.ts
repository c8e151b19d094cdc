// The run store of the app over the workbench database (IndexedDB through src/storage).
import type { Db } from '../storage/db';
import { addRun, clearRuns, deleteRun, listRuns, readRuns } from '../storage/runs-repo';
import { checkOwnDamaged, type RunStore } from '../core/stores';

/** A RunStore over a database that may still be opening; a failed open rejects every call. */
export function runStoreOf(db: Promise<Db>): RunStore {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    add: async (run) => addRun(await db, run),
    list: async () => listRuns(await db),
    clear: async () => clearRuns(await db),
    read: async () => readRuns(await db),
    deleteDamaged: async (record) => {
      checkOwnDamaged(record, 'runs');
      await deleteRun(await db, record.key);
    },
  };
}
