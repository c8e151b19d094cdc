// The tuner's runs (#/tune): one whole TuningRecord per run, by id, rewritten as the run goes (the caller
// throttles) so a reload resumes it. Every record read is checked with core/tuner's readTuningRecord: a damaged
// one (an older version's bug, a hand edit, a crafted record) is listed apart with its key, so a view shows it
// as damaged and can delete it, and it never reaches the race or a view as if it were whole. The listing's order
// and the damaged record's label are core's (src/core/stores/tuner-store.ts).
import type { DamagedRecord, RecordKey } from '../core/backup';
import {
  checkOwnDamaged,
  damagedTuningRun,
  tuningRunsNewestFirst,
  type TunerStore,
  type TuningRunListing,
} from '../core/stores';
import type { TuningRecord } from '../core/tuner/record';
import { readTuningRecord } from '../core/tuner/record-schema';
import type { Db } from './db';
import { guardQuota } from './quota';
import { queueWrites } from './tx';

/**
 * Stores a tuning run, replacing the one with its id, in its own transaction. While it runs, durability is
 * 'relaxed' (a write lost in a crash only makes the resumed run redo its last jobs); the write that ends it
 * (finished, cancelled, failed) is 'strict', so an ending the user saw survives a crash. A full quota rejects
 * with StorageFull.
 */
export async function putTuningRun(db: Db, record: TuningRecord): Promise<void> {
  const durability = record.state === 'running' ? 'relaxed' : 'strict';
  const tx = db.transaction('tunerRuns', 'readwrite', { durability });
  await guardQuota(
    `the tuning run "${record.name}"`,
    () =>
      queueWrites(tx, () => {
        tx.store.put(record).catch(() => {}); // a failure surfaces in tx.done
      }),
    tx,
  );
}

/** One tuning run, or undefined (also when it is damaged: readTuningRuns lists it as such). */
export async function getTuningRun(db: Db, id: string): Promise<TuningRecord | undefined> {
  const value: unknown = await db.get('tunerRuns', id);
  if (value === undefined) return undefined;
  const read = readTuningRecord(value);
  return read.ok ? read.record : undefined;
}

/** Every stored tuning run: the readable ones newest first, the damaged ones by key. */
export async function readTuningRuns(db: Db): Promise<TuningRunListing> {
  // By key, not through the createdAt index: a damaged record may have no createdAt the index takes.
  const tx = db.transaction('tunerRuns');
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  await tx.done;
  const records: TuningRecord[] = [];
  const damaged: DamagedRecord[] = [];
  values.forEach((value: unknown, i) => {
    const read = readTuningRecord(value);
    if (read.ok) records.push(read.record);
    else damaged.push(damagedTuningRun(keys[i], value, read.errors));
  });
  records.sort(tuningRunsNewestFirst);
  return { records, damaged };
}

/** Every readable tuning run, newest first (damaged ones left out: see readTuningRuns). */
export async function listTuningRuns(db: Db): Promise<TuningRecord[]> {
  return (await readTuningRuns(db)).records;
}

/** Deletes a tuning run by its key (any key: a damaged record's may not be text). */
export async function deleteTuningRun(db: Db, id: string | RecordKey): Promise<void> {
  await db.delete('tunerRuns', id as string);
}

/** Deletes one damaged tuning run by its key; a damaged record of another store is refused, not deleted here. */
export async function deleteDamagedTuningRun(db: Db, record: Pick<DamagedRecord, 'store' | 'key'>): Promise<void> {
  checkOwnDamaged(record, 'tunerRuns');
  await deleteTuningRun(db, record.key);
}

/** A TunerStore (core's interface) over a database that may still be opening; a failed open rejects every call. */
export function tunerStoreOf(db: Promise<Db>): Required<TunerStore> {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    put: async (record) => putTuningRun(await db, record),
    get: async (id) => getTuningRun(await db, id),
    list: async () => listTuningRuns(await db),
    delete: async (id) => deleteTuningRun(await db, id),
    read: async () => readTuningRuns(await db),
    deleteDamaged: async (record) => deleteDamagedTuningRun(await db, record),
  };
}
