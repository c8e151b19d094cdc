// The runs store: add (one or a batch in one short transaction), list newest first, clear. Every record
// read is checked with the schema the app reads runs with: a damaged one (an older version's bug, a hand
// edit) is listed apart, with its key, so a view shows it as damaged and can delete it.
import { damagedRecord, recordProblems, type DamagedRecord, type RecordKey } from '../core/backup';
import type { RunRecord } from '../core/run-record';
import type { Db } from './db';
import { guardQuota } from './quota';

/** At most this many damaged runs are listed (each can be deleted; the next read lists more). */
export const MAX_DAMAGED_LISTED = 100;

/** Stores one run and returns it with its id (a full quota rejects with StorageFull, however the browser reports it). */
export async function addRun(db: Db, run: RunRecord): Promise<RunRecord> {
  const { id: _ignored, ...rest } = run;
  return { ...rest, id: (await addRuns(db, [rest as RunRecord], 'the run'))[0] };
}

/**
 * Stores many runs in one transaction (benchmarks write in batches). Default durability (a batch is
 * cheap to redo); the requests are queued synchronously and the only await inside the transaction
 * is tx.done. A full quota rejects with StorageFull and writes none of the batch.
 */
export async function addRuns(
  db: Db,
  runs: readonly RunRecord[],
  what = `${runs.length} run${runs.length === 1 ? '' : 's'}`,
): Promise<number[]> {
  const tx = db.transaction('runs', 'readwrite');
  const requests: Promise<number>[] = [];
  try {
    for (const r of runs) {
      const { id: _ignored, ...rest } = r;
      const p = tx.store.add(rest as RunRecord);
      p.catch(() => {}); // observed below through Promise.all / tx.done
      requests.push(p);
    }
  } catch (e) {
    // A record that cannot be cloned throws synchronously without aborting the transaction:
    // abort it ourselves so a batch is all or nothing.
    tx.abort();
    await tx.done.catch(() => {});
    throw e;
  }
  await guardQuota(what, () => tx.done, tx);
  return Promise.all(requests); // all settled once the transaction completed
}

/** The newest runs the app can read, and the damaged ones met on the way. */
export interface RunListing {
  runs: RunRecord[];
  damaged: DamagedRecord[];
}

/** Whether a value can be an index key (a record without one is left out of the by-createdAt index). */
const isIndexable = (x: unknown) => (typeof x === 'number' && !Number.isNaN(x)) || typeof x === 'string';

/**
 * The newest `limit` readable runs first, and the damaged runs: those met among them, and those the
 * by-createdAt index leaves out (no usable createdAt), found by a scan only when the store holds more
 * records than the index.
 */
export async function readRuns(db: Db, limit = 500): Promise<RunListing> {
  const runs: RunRecord[] = [];
  const damaged: DamagedRecord[] = [];
  const noted = new Set<RecordKey>(); // a run's key is a number: compared by value
  const note = (key: RecordKey, value: unknown): boolean => {
    const problems = recordProblems('runs', value);
    if (problems.length === 0) return true;
    if (damaged.length < MAX_DAMAGED_LISTED && !noted.has(key))
      damaged.push(damagedRecord('runs', key, value, problems));
    noted.add(key);
    return false;
  };
  const tx = db.transaction('runs');
  const index = tx.store.index('by-createdAt');
  for (let c = await index.openCursor(null, 'prev'); c && runs.length < limit; c = await c.continue())
    if (note(c.primaryKey, c.value)) runs.push(c.value);
  const [all, indexed] = await Promise.all([tx.store.count(), index.count()]);
  if (all > indexed)
    for (let c = await tx.store.openCursor(); c && damaged.length < MAX_DAMAGED_LISTED; c = await c.continue())
      if (!isIndexable((c.value as { createdAt?: unknown }).createdAt)) note(c.primaryKey, c.value);
  await tx.done;
  return { runs, damaged };
}

/** The newest readable runs first, at most `limit` (damaged ones left out: see readRuns). */
export async function listRuns(db: Db, limit = 500): Promise<RunRecord[]> {
  return (await readRuns(db, limit)).runs;
}

/** Deletes one run by its key (a damaged one, shown as such). */
export async function deleteRun(db: Db, key: RecordKey): Promise<void> {
  await db.delete('runs', key as number);
}

/** Number of stored runs. */
export function countRuns(db: Db): Promise<number> {
  return db.count('runs');
}

/** Deletes every run. */
export function clearRuns(db: Db): Promise<void> {
  return db.clear('runs');
}
