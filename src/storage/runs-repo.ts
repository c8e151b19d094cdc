// The runs store: add (one or a batch in one short transaction), list newest first, clear. Every record
// read is checked with the schema the app reads runs with: a damaged one (an older version's bug, a hand
// edit) is listed apart, with its key, so a view shows it as damaged and can delete it. The history's rules
// (its limit, its order, the damaged runs listed per read) are core's (src/core/stores/run-store.ts).
import { damagedRecord, recordProblems, type DamagedRecord, type RecordKey } from '../core/backup';
import type { RunRecord } from '../core/run-record';
import { MAX_DAMAGED_LISTED, RUN_HISTORY_LIMIT, withoutRunId, type RunListing } from '../core/stores';
import type { Db } from './db';
import { guardQuota } from './quota';

/** Stores one run and returns it with its id (a full quota rejects with StorageFull, however the browser reports it). */
export async function addRun(db: Db, run: RunRecord): Promise<RunRecord> {
  const rest = withoutRunId(run);
  return { ...rest, id: (await addRuns(db, [rest], 'the run'))[0] };
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
      const p = tx.store.add(withoutRunId(r));
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

/** Whether a value can be an index key (a record without one is left out of the by-createdAt index). */
const isIndexable = (x: unknown) => (typeof x === 'number' && !Number.isNaN(x)) || typeof x === 'string';

/**
 * The newest `limit` readable runs first (the by-createdAt index read backwards: core's runsNewestFirst), and
 * the damaged runs: those met among them, and those the by-createdAt index leaves out (no usable createdAt),
 * found by a scan only when the store holds more records than the index.
 */
export async function readRuns(db: Db, limit = RUN_HISTORY_LIMIT): Promise<RunListing> {
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
export async function listRuns(db: Db, limit = RUN_HISTORY_LIMIT): Promise<RunRecord[]> {
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
