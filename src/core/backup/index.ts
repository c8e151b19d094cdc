// The workspace backup file: its format, the schema of every stored record, its writer and its reader.
export {
  BACKUP_SCHEMA,
  BACKUP_STORES,
  BACKUP_V1_STORES,
  BACKUP_VERSION,
  MAX_AUTO_ID,
  OPTIONAL_BACKUP_STORES,
  SETTINGS_NOT_BACKED_UP,
  backupCounts,
  backupFileName,
  backupStoresOf,
} from './types';
export type { Backup, BackupParseResult, BackupRecord, BackupStoreName, BackupVersion } from './types';
export { BackupExportError, serializeBackup } from './serialize';
export { DEFAULT_MAX_BACKUP_BYTES, parseBackup } from './parse';
export type { ParseBackupOptions } from './parse';
export { BackupFileV2Schema } from './schema';
export { BackupFileV1Schema } from './read-v1';
export {
  RECORD_KEYS,
  RECORD_SCHEMAS,
  RunRecordSchema,
  StoredBenchmarkSchema,
  damagedRecord,
  recordProblems,
} from './records';
export type { BenchmarkAsRead, DamagedRecord, ListedStore, RecordKey } from './records';
