// The workspace backup file: its format, writer and reader.
export { BACKUP_SCHEMA, BACKUP_STORES, BACKUP_VERSION, backupCounts, backupFileName } from './types';
export type { Backup, BackupParseResult, BackupRecord, BackupStoreName } from './types';
export { BackupExportError, serializeBackup } from './serialize';
export { DEFAULT_MAX_BACKUP_BYTES, parseBackup } from './parse';
export type { ParseBackupOptions } from './parse';
export { BackupFileV1Schema } from './schema';
