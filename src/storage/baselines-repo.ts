// Performance baselines: one record per baseline (its runs inside it), written with strict
// durability so a baseline the user established survives a crash; earlier baselines are kept. The listing's
// order is core's (src/core/stores/baseline-store.ts).
import { baselinesOldestFirst, type StoredBaseline } from '../core/stores';
import type { Db } from './db';
import { guardQuota } from './quota';
import { queueWrites } from './tx';

/** Stores (or replaces, by id) a baseline in one strict transaction. */
export async function putBaseline(db: Db, baseline: StoredBaseline): Promise<void> {
  const tx = db.transaction('baselines', 'readwrite', { durability: 'strict' });
  await guardQuota(
    `the baseline of ${baseline.template} (${baseline.optionSetName})`,
    async () => {
      await queueWrites(tx, () => void tx.store.put(baseline).catch(() => {})); // failures surface in tx.done
    },
    tx,
  );
}

/** One baseline by id, or undefined. */
export function getBaseline(db: Db, id: string): Promise<StoredBaseline | undefined> {
  return db.get('baselines', id);
}

/** Baselines (of one template, or all), oldest first. */
export async function listBaselines(db: Db, template?: string): Promise<StoredBaseline[]> {
  const all =
    template === undefined
      ? await db.getAll('baselines')
      : await db.getAllFromIndex('baselines', 'by-template', template);
  return all.sort(baselinesOldestFirst);
}

/** Deletes a baseline by id (an unknown id changes nothing). */
export async function deleteBaseline(db: Db, id: string): Promise<void> {
  await db.delete('baselines', id);
}
