// Reading a version-1 backup: its envelope (the ten stores it has always had, the regression history's two
// optional within version 1) and what it means today. Its records are checked with the same schemas as a
// version-2 file's; the stores version 1 never held (alert rules, alerts, settings, health runs, metrics)
// are absent, so a restore leaves them as they are.
import * as v from 'valibot';
import { headerEntries, storeArray, storesMessage } from './schema';
import { BACKUP_V1_STORES, type Backup } from './types';

/** The two stores added within version 1: a file made before has neither, and restores them as empty. */
const ADDED_IN_V1: ReadonlySet<string> = new Set(['regressionChecks', 'templateSettings']);

const V1_STORES: v.ObjectEntries = Object.fromEntries(
  BACKUP_V1_STORES.map((s) => [s, ADDED_IN_V1.has(s) ? v.optional(storeArray(), []) : storeArray()]),
);

/** Version 1's envelope (records not yet checked). */
export const BackupFileV1Schema = v.looseObject(
  {
    ...headerEntries,
    version: v.literal(1, 'expected 1'),
    stores: v.strictObject(V1_STORES, storesMessage),
  },
  'expected an object',
);

/** The stores of a validated version-1 envelope, as a backup holds them (only the stores version 1 has). */
export function storesOfV1(file: v.InferOutput<typeof BackupFileV1Schema>): Backup['stores'] {
  const stores = file.stores as Record<string, unknown[]>;
  return Object.fromEntries(BACKUP_V1_STORES.map((s) => [s, stores[s]])) as Backup['stores'];
}
