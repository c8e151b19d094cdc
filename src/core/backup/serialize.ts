// Writing a backup as JSON text: one record at a time, so a value JSON cannot carry is named by its
// store, index and key. Non-finite numbers are encoded (encoding.ts), a model file's bytes become base64.
import { bytesToBase64, encodeNumber } from './encoding';
import { BACKUP_STORES, BACKUP_VERSION, type Backup } from './types';

/** A backup could not be written: names the record and the value. */
export class BackupExportError extends Error {
  override name = 'BackupExportError';
}

/** The replacer of one record: encodes what JSON cannot hold, refuses what it cannot carry at all. */
function replacer(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : encodeNumber(value);
    case 'bigint':
      throw new BackupExportError(`"${key}" is a BigInt (${value}n), which a backup cannot hold`);
    case 'function':
    case 'symbol':
      throw new BackupExportError(`"${key}" is a ${typeof value}, which a backup cannot hold`);
  }
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

/**
 * The backup's JSON text, always in the current version (BACKUP_VERSION), with the stores the backup holds.
 * Every number finite or encoded as {"$number": ...}; model files' bytes as base64; throws BackupExportError
 * naming `stores.<store>[i]` for a record that cannot be written.
 */
export function serializeBackup(backup: Backup): string {
  const { stores, schema, createdAt, app } = backup;
  const head = JSON.stringify({ schema, version: BACKUP_VERSION, createdAt, app });
  const parts: string[] = [];
  for (const store of BACKUP_STORES) {
    const records = stores[store];
    if (!records) continue; // not held (metrics left out, or a version-1 backup's missing stores)
    const lines = records.map((r, i) => {
      try {
        return JSON.stringify(r, replacer);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new BackupExportError(`stores.${store}[${i}]: ${why}`, { cause: e });
      }
    });
    parts.push(`${JSON.stringify(store)}:[\n${lines.join(',\n')}\n]`);
  }
  return `${head.slice(0, -1)},"stores":{\n${parts.join(',\n')}}}\n`;
}
