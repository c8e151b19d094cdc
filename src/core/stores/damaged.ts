// Damaged records (stored records the app cannot read) are listed apart by each store that can hold them, and
// deleted by the store they belong to: a rule every implementation shares, so a key of one store never deletes a
// record of another (a damaged benchmark run's key 5 is not the history's run 5).
import type { DamagedRecord, ListedStore } from '../backup';

/** Throws unless a damaged record is of one of `stores` (the stores whose damaged records the caller deletes). */
export function checkOwnDamaged(record: Pick<DamagedRecord, 'store'>, ...stores: ListedStore[]): void {
  if (!stores.includes(record.store)) throw new Error(`a damaged record of ${record.store} is not deleted here`);
}
