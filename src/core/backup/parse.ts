// Reading a backup file: size cap before parsing, JSON.parse with the error's line and column, the
// report's safety walk (prototype keys refused, 1e999 and absurd nesting reported), the envelope of its
// version (2, or 1 through read-v1.ts), then, once encoded numbers and model bytes are decoded, every record
// of every store checked with the schema the app reads it with (records.ts), and keys unique per store.
// Each error names the store, the record's index and the field; a refused file changes nothing anywhere.
import * as v from 'valibot';
import { capErrors, formatPath, MAX_ERRORS, preview, readJsonText } from '../report/json-safety';
import { base64ToBytes, decodedNumber, isBase64 } from './encoding';
import { BackupFileV1Schema, storesOfV1 } from './read-v1';
import { describeIssue, RECORD_KEYS, recordProblems } from './records';
import { BackupFileV2Schema } from './schema';
import {
  BACKUP_SCHEMA,
  BACKUP_STORES,
  BACKUP_VERSION,
  type Backup,
  type BackupParseResult,
  type BackupRecord,
  type BackupStoreName,
} from './types';

/** The largest backup read by default: 256 MiB (model files make backups larger than reports). */
export const DEFAULT_MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** How much parseBackup reads at most. */
export interface ParseBackupOptions {
  /** The largest input read, in UTF-8 bytes; a larger one is refused before parsing. */
  maxBytes?: number;
}

/** Record checks stop once this many errors are found (only MAX_ERRORS are listed anyway). */
const ERROR_BUDGET = MAX_ERRORS * 4;

const fail = (...errors: string[]): BackupParseResult => ({ ok: false, errors });

/** Replaces every {"$number": ...} in a freshly parsed value by its number (in place; the value is ours). */
function decodeNumbers(root: unknown): unknown {
  const stack: object[] = [];
  const visit = (holder: Record<string | number, unknown>, key: string | number): void => {
    const value = holder[key];
    if (typeof value !== 'object' || value === null) return;
    const n = Array.isArray(value) ? undefined : decodedNumber(value);
    if (n === undefined) stack.push(value);
    else holder[key] = n;
  };
  const box = { root };
  visit(box, 'root');
  while (stack.length > 0) {
    const value = stack.pop() as Record<string | number, unknown>;
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visit(value, i);
    else for (const k of Object.keys(value)) visit(value, k);
  }
  return box.root;
}

/** Checks the envelope's kind and version first, so another kind of file gets one clear message instead of many. */
function envelopeError(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'not a HiGHS Workbench backup: expected a JSON object at the top level';
  }
  const { schema, version } = data as { schema?: unknown; version?: unknown };
  if (schema !== BACKUP_SCHEMA) {
    const got = schema === undefined ? '"schema" is missing' : `schema is ${preview(JSON.stringify(schema))}`;
    return `not a HiGHS Workbench backup: ${got} (expected "${BACKUP_SCHEMA}")`;
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return `backup version ${version} is newer than this app reads (${BACKUP_VERSION})`;
  }
  if (version !== 1 && version !== 2) {
    return `version: expected 1 or 2, got ${preview(JSON.stringify(version) ?? String(version))}`;
  }
  return null;
}

/** A model file's bytes from base64 (in place); an error when they are not valid base64. */
function decodeBytes(records: unknown[], errors: string[]): void {
  records.forEach((r, i) => {
    if (typeof r !== 'object' || r === null) return; // the record check says what it is
    const file = r as { bytes?: unknown };
    if (typeof file.bytes !== 'string') return;
    if (isBase64(file.bytes)) file.bytes = base64ToBytes(file.bytes);
    else errors.push(`${formatPath(['stores', 'modelFiles', i, 'bytes'])}: not valid base64`);
  });
}

/** The key of a record as a comparable text (a metric point's is [t, seq]); undefined without one. */
function keyText(store: BackupStoreName, r: BackupRecord): string | undefined {
  const field = RECORD_KEYS[store];
  if (typeof field === 'string') return r[field] === undefined ? undefined : JSON.stringify(r[field]);
  return JSON.stringify(field.map((f) => r[f]));
}

/** Every record of every store checked with its schema, and keys unique within each store; stops at ERROR_BUDGET. */
function checkRecords(stores: Backup['stores'], errors: string[]): void {
  for (const store of BACKUP_STORES) {
    const records = stores[store];
    if (!records) continue;
    const seen = new Map<string, number>();
    for (let i = 0; i < records.length && errors.length < ERROR_BUDGET; i++) {
      const problems = recordProblems(store, records[i], ['stores', store, i]);
      errors.push(...problems);
      if (problems.length > 0) continue;
      const k = keyText(store, records[i]);
      if (k === undefined) continue;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else {
        const field = RECORD_KEYS[store];
        const where = typeof field === 'string' ? ['stores', store, i, field] : ['stores', store, i];
        errors.push(`${formatPath(where)}: ${preview(k)} is used twice (also ${store}[${first}])`);
      }
    }
  }
}

/**
 * Reads a backup from its JSON text, refusing with every reason (capped): too large (without parsing),
 * invalid JSON (line and column), prototype keys, numbers JSON.parse made infinite, another kind of file or
 * a newer version, a missing or unknown store, any record the app could not read (by path, e.g.
 * `stores.runs[3].createdAt: expected a finite number, got "x"`; an auto-increment id beyond MAX_AUTO_ID), a
 * key used twice in a store, a setting backups never hold. A refused file changes nothing anywhere.
 */
export function parseBackup(text: string, opts: ParseBackupOptions = {}): BackupParseResult {
  const read = readJsonText(text, opts.maxBytes ?? DEFAULT_MAX_BACKUP_BYTES, 'backup');
  if (!read.ok) return fail(...read.errors);
  const { data, problems } = read;
  const envelope = envelopeError(data);
  if (envelope) return fail(envelope);
  const v1 = (data as { version: number }).version === 1;
  const head = v1 ? v.safeParse(BackupFileV1Schema, data) : v.safeParse(BackupFileV2Schema, data);
  if (!head.success) return fail(...capErrors([...problems, ...head.issues.map((i) => describeIssue(i))]));
  const file = head.output;
  const stores = (v1 ? storesOfV1(head.output as v.InferOutput<typeof BackupFileV1Schema>) : file.stores) as Record<
    string,
    unknown[] | undefined
  >;
  const errors = [...problems];
  decodeNumbers(stores);
  decodeBytes(stores.modelFiles ?? [], errors);
  checkRecords(stores as Backup['stores'], errors);
  if (errors.length >= ERROR_BUDGET)
    return fail(...capErrors(errors), `(the records were checked until ${ERROR_BUDGET} errors were found)`);
  if (errors.length > 0) return fail(...capErrors(errors));
  const kept = Object.fromEntries(BACKUP_STORES.filter((s) => stores[s]).map((s) => [s, stores[s]]));
  return {
    ok: true,
    backup: {
      schema: BACKUP_SCHEMA,
      version: v1 ? 1 : 2,
      createdAt: file.createdAt,
      app: { name: file.app.name, version: file.app.version },
      stores: kept as Backup['stores'],
    },
  };
}
