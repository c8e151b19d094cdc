// The backup of the whole workspace: every IndexedDB store as its records, in one JSON file. Core
// knows the stores only by name and by the few fields a restore needs (keys, indexes); the records
// themselves are the storage layer's plain data, kept as they are.

/** The `schema` field of every backup file. */
export const BACKUP_SCHEMA = 'highs-workbench/backup';

/** The backup format this app writes and reads. */
export const BACKUP_VERSION = 1;

/**
 * The stores a backup holds, in the order they are written and restored. The last two came with the
 * regression history: a file written before has neither, and restores them as empty.
 */
export const BACKUP_STORES = [
  'runs',
  'benchmarks',
  'benchmarkRuns',
  'modelFiles',
  'benchmarkConfigs',
  'blessedSets',
  'blessedEvents',
  'baselines',
  'regressionChecks',
  'templateSettings',
] as const;

/** The name of one backed-up store. */
export type BackupStoreName = (typeof BACKUP_STORES)[number];

/** One stored record: plain, structured-clone data (a model file's bytes are a Uint8Array). */
export type BackupRecord = Record<string, unknown>;

/** A backup in memory: what the storage layer read (or will write), store by store. */
export interface Backup {
  schema: typeof BACKUP_SCHEMA;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the backup. */
  createdAt: string;
  app: { name: string; version: string };
  stores: Record<BackupStoreName, BackupRecord[]>;
}

/** The outcome of reading a backup file: the backup, or every reason it was refused. */
export type BackupParseResult = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** How many records a backup holds, per store (for the confirm step and messages). */
export function backupCounts(backup: Pick<Backup, 'stores'>): Record<BackupStoreName, number> {
  return Object.fromEntries(BACKUP_STORES.map((s) => [s, backup.stores[s]?.length ?? 0])) as Record<
    BackupStoreName,
    number
  >;
}

/** The name a backup made at `nowMs` is downloaded as (sortable, no characters file systems refuse). */
export function backupFileName(nowMs: number): string {
  return `highs-workbench-backup-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}.json`;
}
