// The parameter store of the app over the workbench database (IndexedDB through src/storage).
import type { Db } from '../storage/db';
import { history, listBlessed, putBlessedSet, setActive } from '../storage/parameters-repo';
import type { ParameterStore } from '../core/stores';

/** A ParameterStore over a database that may still be opening; a failed open rejects every call. */
export function parameterStoreOf(db: Promise<Db>): ParameterStore {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    putBlessed: async (set, event) => putBlessedSet(await db, set, event),
    listBlessed: async (template) => listBlessed(await db, template),
    history: async (template) => history(await db, template),
    setActive: async (template, id, event) => setActive(await db, template, id, event),
  };
}
