// Reading a backup file: size cap before parsing, JSON.parse with the error's line and column, the
// report's safety walk (prototype keys refused, 1e999 and absurd nesting reported), the schema with
// each error named by its path, keys unique per store; then the decoding of encoded numbers and bytes.
import * as v from 'valibot';
import { capErrors, formatPath, preview, readJsonText } from '../report/json-safety';
import { base64ToBytes, decodedNumber, isBase64 } from './encoding';
import { BackupFileV1Schema, type BackupFileV1 } from './schema';
import { BACKUP_SCHEMA, BACKUP_STORES, BACKUP_VERSION, type Backup, type BackupParseResult } from './types';

/** The largest backup read by default: 256 MiB (model files make backups larger than reports). */
export const DEFAULT_MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** How much parseBackup reads at most. */
export interface ParseBackupOptions {
  /** The largest input read, in UTF-8 bytes; a larger one is refused before parsing. */
  maxBytes?: number;
}

const fail = (...errors: string[]): BackupParseResult => ({ ok: false, errors });

/** One valibot issue as `path: message, got value`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = formatPath((issue.path ?? []).map((item) => item.key as string | number));
  const last = issue.path?.[issue.path.length - 1];
  if (last?.origin === 'key' && issue.input === undefined && issue.expected !== 'never') return `${path}: missing`;
  return `${path}: ${issue.message}, got ${preview(issue.received)}`;
}

/** The key field of each store (the auto-increment ones may be absent). */
const KEYS: Record<(typeof BACKUP_STORES)[number], string> = {
  runs: 'id',
  benchmarks: 'id',
  benchmarkRuns: 'id',
  modelFiles: 'id',
  benchmarkConfigs: 'name',
  blessedSets: 'id',
  blessedEvents: 'id',
  baselines: 'id',
  regressionChecks: 'id',
  templateSettings: 'template',
};

/** What the schema cannot say: keys unique within a store, base64 well-formed. */
function crossCheck(file: BackupFileV1): string[] {
  const errors: string[] = [];
  for (const store of BACKUP_STORES) {
    const seen = new Map<unknown, number>();
    const field = KEYS[store];
    (file.stores[store] as Record<string, unknown>[]).forEach((r, i) => {
      const k = r[field];
      if (k === undefined) return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        errors.push(
          `${formatPath(['stores', store, i, field])}: ${preview(JSON.stringify(k))} is used twice (also ${store}[${first}])`,
        );
    });
  }
  file.stores.modelFiles.forEach((f, i) => {
    if (!isBase64(f.bytes)) errors.push(`${formatPath(['stores', 'modelFiles', i, 'bytes'])}: not valid base64`);
  });
  return errors;
}

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

/** Checks the envelope first, so another kind of file gets one clear message instead of many. */
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
  return null;
}

/**
 * Reads a backup from its JSON text, refusing with every reason: too large (without parsing), invalid
 * JSON (line and column), prototype keys, numbers JSON.parse made infinite, another kind of file or a
 * newer version, any field a restore relies on (by path, e.g. `stores.runs[3].createdAt: expected a
 * finite number, got "x"`), a key used twice in a store. A refused file changes nothing anywhere.
 */
export function parseBackup(text: string, opts: ParseBackupOptions = {}): BackupParseResult {
  const read = readJsonText(text, opts.maxBytes ?? DEFAULT_MAX_BACKUP_BYTES, 'backup');
  if (!read.ok) return fail(...read.errors);
  const { data, problems } = read;
  const envelope = envelopeError(data);
  if (envelope) return fail(envelope);
  const result = v.safeParse(BackupFileV1Schema, data);
  const errors = [...problems, ...(result.success ? crossCheck(result.output) : result.issues.map(describeIssue))];
  if (!result.success || errors.length > 0) return fail(...capErrors(errors));
  const file = decodeNumbers(result.output) as BackupFileV1;
  const stores = file.stores as unknown as Backup['stores'];
  for (const f of stores.modelFiles) f.bytes = base64ToBytes(f.bytes as string);
  return {
    ok: true,
    backup: { schema: BACKUP_SCHEMA, version: BACKUP_VERSION, createdAt: file.createdAt, app: file.app, stores },
  };
}
