// The tuner's runs (#/tune): one whole TuningRecord per run, by id, rewritten as the run goes (the caller
// throttles) so a reload resumes it. Every record read is checked with core/tuner's readTuningRecord: a damaged
// one (an older version's bug, a hand edit, a crafted record) is listed apart with its key, so a view shows it
// as damaged and can delete it, and it never reaches the race or a view as if it were whole.
import { damagedRecord, type DamagedRecord, type RecordKey } from '../core/backup';
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

/** The tuning runs the app can read, newest first, and the damaged ones. */
export interface TuningRunListing {
  records: TuningRecord[];
  damaged: DamagedRecord[];
}

/** An ISO 8601 time as ms, or NaN. */
const timeOf = (iso: string) => Date.parse(iso);
const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first by createdAt (as a time; as text where it does not parse), then by id: the memory store sorts alike. */
export function newestFirst(a: TuningRecord, b: TuningRecord): number {
  return timeOf(b.createdAt) - timeOf(a.createdAt) || textOrder(b.createdAt, a.createdAt) || textOrder(b.id, a.id);
}

/** The damaged record of a tuning run, labelled with its name (or key) and its createdAt when that is a time. */
function damagedTuningRun(key: RecordKey, value: unknown, problems: string[]): DamagedRecord {
  const d = damagedRecord('tunerRuns', key, value, problems.length > 0 ? problems : ['refused']);
  const createdAt = typeof value === 'object' && value !== null ? (value as { createdAt?: unknown }).createdAt : null;
  const at = typeof createdAt === 'string' ? new Date(createdAt) : null;
  return at && !isNaN(at.getTime()) ? { ...d, label: `${d.label}, ${at.toISOString()}` } : d;
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
  records.sort(newestFirst);
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
  if (record.store !== 'tunerRuns') throw new Error(`not a tuning run: a damaged record of ${record.store}`);
  await deleteTuningRun(db, record.key);
}

/**
 * The app's tuner store (state/ports' TunerStore, which storage may not import: it fits by shape) over a
 * database that may still be opening; a failed open rejects every call.
 */
export function tunerStoreOf(db: Promise<Db>) {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    put: async (record: TuningRecord) => putTuningRun(await db, record),
    get: async (id: string) => getTuningRun(await db, id),
    list: async () => listTuningRuns(await db),
    delete: async (id: string) => deleteTuningRun(await db, id),
    read: async () => readTuningRuns(await db),
    deleteDamaged: async (record: DamagedRecord) => deleteDamagedTuningRun(await db, record),
  };
}
