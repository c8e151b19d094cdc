// The runs store: add (one or a batch in one short transaction), list newest first, clear.
import type { RunRecord } from '../core/run-record';
import type { Db } from './db';
import { guardQuota } from './quota';

/** Stores one run and returns it with its id. */
export async function addRun(db: Db, run: RunRecord): Promise<RunRecord> {
  const { id: _ignored, ...rest } = run;
  const id = await guardQuota('the run', () => db.add('runs', rest as RunRecord));
  return { ...rest, id };
}

/**
 * Stores many runs in one transaction (benchmarks write in batches). Default durability (a batch is
 * cheap to redo); the requests are queued synchronously and the only await inside the transaction
 * is tx.done. A full quota rejects with StorageFull and writes none of the batch.
 */
export async function addRuns(db: Db, runs: readonly RunRecord[]): Promise<number[]> {
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
  await guardQuota(`${runs.length} run${runs.length === 1 ? '' : 's'}`, () => tx.done, tx);
  return Promise.all(requests); // all settled once the transaction completed
}

/** The newest runs first, at most `limit`. */
export async function listRuns(db: Db, limit = 500): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  let cursor = await db.transaction('runs').store.index('by-createdAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Number of stored runs. */
export function countRuns(db: Db): Promise<number> {
  return db.count('runs');
}

/** Deletes every run. */
export function clearRuns(db: Db): Promise<void> {
  return db.clear('runs');
}
