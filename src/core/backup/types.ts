// The backup of the whole workspace: every IndexedDB store as its records, in one JSON file. Core
// knows the stores by name, the schema each record is read with (records.ts) and which stores a file of
// each version holds; the records themselves are the storage layer's plain data, kept as they are.

/** The `schema` field of every backup file. */
export const BACKUP_SCHEMA = 'highs-workbench/backup';

/**
 * The backup format this app writes. Version 2 added the monitoring stores (alert rules, alerts, app
 * settings, health runs and, when asked for, metrics), and within version 2 the tuner's runs; version 1
 * files are still read (read-v1 in parse.ts).
 */
export const BACKUP_VERSION = 2;

/** Every version this app reads. */
export type BackupVersion = 1 | 2;

/**
 * The stores of a version-1 backup, in the order they are written and restored. The last two came with
 * the regression history within version 1: a file written before has neither, and restores them as empty.
 */
export const BACKUP_V1_STORES = [
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

/**
 * Every store a backup can hold (version 2: every store of the database), in the order written and restored:
 * the workspace (version 1's stores, then the tuner's runs), then the monitoring stores, metrics last.
 */
export const BACKUP_STORES = [
  ...BACKUP_V1_STORES,
  'tunerRuns',
  'alertRules',
  'alerts',
  'appSettings',
  'healthRuns',
  'metrics',
] as const;

/** The name of one backed-up store. */
export type BackupStoreName = (typeof BACKUP_STORES)[number];

/**
 * Stores a version-2 file may leave out, and a restore then leaves as they are: metrics can be large, so a
 * backup holds them only when asked to; the tuner's runs came within version 2, so a file written before has
 * none (its restore keeps the tuning runs stored here).
 */
export const OPTIONAL_BACKUP_STORES: ReadonlySet<BackupStoreName> = new Set(['metrics', 'tunerRuns']);

/**
 * App settings a backup never holds, and a restore leaves as this browser has them: the alert channels
 * (they hold the webhook URL, a secret) and the storage health check's probe (a scratch value).
 */
export const SETTINGS_NOT_BACKED_UP: ReadonlySet<string> = new Set(['alerts.channels', 'health.probe']);

/**
 * The largest id a backup may give a record of an auto-increment store (runs, benchmark runs, blessed
 * events). IndexedDB's key generator continues after the largest key stored and stops for good at 2^53:
 * one record with id 1e300 would leave the store unable to take another run. 10^15 leaves room for
 * 9 × 10^15 more records after any restore.
 */
export const MAX_AUTO_ID = 1e15;

/** One stored record: plain, structured-clone data (a model file's bytes are a Uint8Array). */
export type BackupRecord = Record<string, unknown>;

/** A backup in memory: what the storage layer read (or will write), store by store; a store left out is absent. */
export interface Backup {
  schema: typeof BACKUP_SCHEMA;
  /** The format of the file it was read from (1 or 2), or BACKUP_VERSION for one made here. */
  version: BackupVersion;
  /** ISO 8601 time of the backup. */
  createdAt: string;
  app: { name: string; version: string };
  /** The records of each store it holds; a store it does not hold is left as it is by a restore. */
  stores: Partial<Record<BackupStoreName, BackupRecord[]>>;
}

/** The outcome of reading a backup file: the backup, or every reason it was refused. */
export type BackupParseResult = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** How many records a backup holds, per store (0 for a store it does not hold; for the confirm step and messages). */
export function backupCounts(backup: Pick<Backup, 'stores'>): Record<BackupStoreName, number> {
  return Object.fromEntries(BACKUP_STORES.map((s) => [s, backup.stores[s]?.length ?? 0])) as Record<
    BackupStoreName,
    number
  >;
}

/** The stores a backup holds, in restore order. */
export function backupStoresOf(backup: Pick<Backup, 'stores'>): BackupStoreName[] {
  return BACKUP_STORES.filter((s) => backup.stores[s] !== undefined);
}

/** The name a backup made at `nowMs` is downloaded as (sortable, no characters file systems refuse). */
export function backupFileName(nowMs: number): string {
  return `highs-workbench-backup-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}.json`;
}
