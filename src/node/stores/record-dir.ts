// A directory of records, one file each (`<key as a file name>.json`), every write atomic: what the Node stores
// keep by key (benchmarks, baselines, tuning runs, rules...). Reading gives each file's decoded text with the key
// it stands for, so a store checks it with core's record schema and lists a damaged one apart.
import { join } from 'node:path';
import { recordProblems, type BackupStoreName, type RecordKey } from '../../core/backup';
import { keyOfStem, stemOf } from './file-names';
import { listNames, readText, removeFiles, serialized, writeAllAtomic, writeAtomic } from './files';
import { decodeRecord, encodeRecord, type Decoded } from './record-json';

const EXT = '.json';

/** One file of a record directory as read: its name, the key it stands for, and its decoded text. */
export interface RecordFile {
  name: string;
  /** The record's key from the file's name, or ['file', name] for a name that does not give it back (a cut one). */
  key: RecordKey;
  decoded: Decoded;
}

/** The key of a damaged record named by its file, when the name does not give the key back. */
export const fileKey = (name: string): RecordKey => ['file', name];

/** A directory of records by key. */
export interface RecordDir {
  readonly dir: string;
  /** The file of a key. */
  nameOf(key: string): string;
  /** The file a damaged record's key stands for (a key, or ['file', name]), or undefined for another kind of key. */
  nameOfKey(key: RecordKey): string | undefined;
  /** Writes a record under its key, whole (it is encoded before anything is written). */
  put(key: string, value: unknown): Promise<void>;
  /** Writes records as one write: every one encoded first, then all files (see writeAllAtomic). */
  putAll(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  /** One record's decoded text, or undefined when there is no file. */
  get(key: string): Promise<Decoded | undefined>;
  /** Deletes records' files by name (a missing one is no error). */
  remove(...names: string[]): Promise<void>;
  /** Every record file, one at a time, in the order of their names. */
  files(): AsyncGenerator<RecordFile>;
}

/** The record directory at `dir`. */
export function recordDir(dir: string): RecordDir {
  const nameOf = (key: string) => `${stemOf(key)}${EXT}`;
  const path = (name: string) => join(dir, name);
  return {
    dir,
    nameOf,
    nameOfKey(key) {
      if (typeof key === 'string') return key === '' ? undefined : nameOf(key);
      if (Array.isArray(key) && key.length === 2 && key[0] === 'file' && typeof key[1] === 'string') {
        const name = key[1];
        return name.endsWith(EXT) && !name.includes('/') && !name.includes('\\') && !name.startsWith('.')
          ? name
          : undefined;
      }
      return undefined;
    },
    async put(key, value) {
      const text = encodeRecord(value);
      const file = path(nameOf(key));
      await serialized(file, () => writeAtomic(file, text));
    },
    async putAll(entries) {
      const files = entries.map(([key, value]) => ({ path: path(nameOf(key)), data: encodeRecord(value) }));
      await writeAllAtomic(files);
    },
    async get(key) {
      const text = await readText(path(nameOf(key)));
      return text === undefined ? undefined : decodeRecord(text);
    },
    async remove(...names) {
      await removeFiles(dir, names);
    },
    async *files() {
      for (const name of await listNames(dir)) {
        if (!name.endsWith(EXT)) continue;
        const text = await readText(path(name));
        if (text === undefined) continue; // deleted meanwhile
        const key = keyOfStem(name.slice(0, -EXT.length));
        yield { name, key: key ?? fileKey(name), decoded: decodeRecord(text) };
      }
    },
  };
}

/** The readable records of a directory, checked with the schema of `store`. */
export async function readableRecords<T>(records: RecordDir, store: BackupStoreName): Promise<T[]> {
  const out: T[] = [];
  for await (const { decoded } of records.files())
    if (decoded.ok && recordProblems(store, decoded.value).length === 0) out.push(decoded.value as T);
  return out;
}

/** One readable record by key, or undefined (none, or damaged). */
export async function readableRecord<T>(
  records: RecordDir,
  store: BackupStoreName,
  key: string,
): Promise<T | undefined> {
  const decoded = await records.get(key);
  return decoded?.ok && recordProblems(store, decoded.value).length === 0 ? (decoded.value as T) : undefined;
}
