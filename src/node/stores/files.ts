// The file operations every Node store is built from, each durable when it resolves: a record is written whole
// or not at all (a temp file in the same directory, fsync, rename over the old one, fsync of the directory), an
// exclusive create never replaces a file, lines are appended with one fsync per batch (after a newline that ends
// a torn last line, so a batch never joins it), and lines are read back one at a time. Writes to one path are
// serialized within the process; a root is meant to have one writing process.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { platform } from 'node:process';
import { createInterface } from 'node:readline';

/** Whether an error is a file system error with this code (ENOENT, EEXIST...). */
export function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

/**
 * Flushes a directory's entries (a rename, a new or deleted file) to disk. Windows cannot open a directory for
 * it (and its renames are durable by themselves): there it does nothing.
 */
export async function syncDir(dir: string): Promise<void> {
  if (platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Creates a directory (and its parents) when missing, each new one's entry flushed to its parent. */
export async function ensureDir(dir: string): Promise<void> {
  const made = await mkdir(dir, { recursive: true }); // the first directory it made, or undefined
  if (made === undefined) return;
  const parents: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    parents.push(dirname(d));
    if (d === made || dirname(d) === d) break;
  }
  for (const parent of parents.reverse()) await syncDir(parent);
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same key has settled (writes to one file, in order). */
export function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => {},
    () => {},
  );
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return run;
}

/** A temp file's path beside `path` (a dot file: listings skip it). */
function tempOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
}

/** What a file is written from: its whole text or bytes, or its text in pieces (many lines, never all at once). */
export type FileData = string | Uint8Array | (() => Iterable<string> | AsyncIterable<string>);

/** Writes `data` to a new temp file beside `path` and flushes it; returns the temp file's path. */
async function writeTemp(path: string, data: FileData): Promise<string> {
  const tmp = tempOf(path);
  const fh = await open(tmp, 'wx');
  try {
    if (typeof data === 'function') for await (const piece of data()) await fh.writeFile(piece);
    else await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  return tmp;
}

/** Replaces (or creates) a file whole: temp file, fsync, rename, fsync of the directory. */
export async function writeAtomic(path: string, data: FileData): Promise<void> {
  await ensureDir(dirname(path));
  const tmp = await writeTemp(path, data);
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await syncDir(dirname(path));
}

/**
 * Creates a file whole that must not exist yet: false (and nothing written) when it does. A hard link of the
 * flushed temp file, which fails when the name is taken, even by another process.
 */
export async function createExclusive(path: string, data: string | Uint8Array): Promise<boolean> {
  await ensureDir(dirname(path));
  const tmp = await writeTemp(path, data);
  try {
    await link(tmp, path);
  } catch (e) {
    if (isCode(e, 'EEXIST')) return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  await syncDir(dirname(path));
  return true;
}

/**
 * Writes many new files, all or none: every temp file written and flushed first, then the renames, then one fsync
 * per directory. A failure during the renames deletes the files renamed so far (they were new: nothing else
 * changed); a kill during the renames can leave some of them.
 */
export async function writeAllAtomic(files: readonly { path: string; data: FileData }[]): Promise<void> {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      await ensureDir(dirname(f.path));
      temps.push({ tmp: await writeTemp(f.path, f.data), path: f.path });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => unlink(t.tmp).catch(() => {})));
    throw e;
  }
  const done: string[] = [];
  try {
    for (const t of temps) {
      await rename(t.tmp, t.path);
      done.push(t.path);
    }
  } catch (e) {
    await Promise.all([...done, ...temps.map((t) => t.tmp)].map((p) => unlink(p).catch(() => {})));
    throw e;
  }
  for (const dir of new Set(temps.map((t) => dirname(t.path)))) await syncDir(dir);
}

/**
 * Appends text (whole lines, ending in a newline) to a file with one fsync. When the file ends without a newline
 * (a write cut short by a kill), a newline comes first, so the torn line stays one damaged line of its own.
 */
export async function appendLines(path: string, text: string): Promise<void> {
  await ensureDir(dirname(path));
  const fh = await open(path, 'a+');
  let created: boolean;
  try {
    const { size } = await fh.stat();
    created = size === 0;
    let prefix = '';
    if (size > 0) {
      const last = new Uint8Array(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await fh.appendFile(prefix + text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (created) await syncDir(dirname(path));
}

/** One line of a file: its 1-based number and its text (the last one may be torn: cut short by a kill). */
export interface FileLine {
  n: number;
  text: string;
}

/**
 * A file's lines, one at a time (never the whole file in memory), up to `size` bytes when given (what was whole
 * when the read began); none when the file does not exist.
 */
export async function* readLines(path: string, size?: number): AsyncGenerator<FileLine> {
  if (size === 0) return;
  const input = createReadStream(path, { encoding: 'utf8', end: size === undefined ? undefined : size - 1 });
  const opened = new Promise<boolean>((resolve, reject) => {
    input.once('open', () => resolve(true));
    input.once('error', (e) => (isCode(e, 'ENOENT') ? resolve(false) : reject(e)));
  });
  if (!(await opened)) return;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) yield { n: ++n, text };
  } finally {
    lines.close();
    input.destroy();
  }
}

/** A file's size in bytes (0 when it does not exist). */
export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if (isCode(e, 'ENOENT')) return 0;
    throw e;
  }
}

/** Whether a file exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (isCode(e, 'ENOENT')) return false;
    throw e;
  }
}

/** A file's text, or undefined when it does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (isCode(e, 'ENOENT')) return undefined;
    throw e;
  }
}

/** The names in a directory, dot files (temp files) left out, sorted; none when it does not exist. */
export async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  } catch (e) {
    if (isCode(e, 'ENOENT')) return [];
    throw e;
  }
}

/** Deletes files (missing ones are no error), then flushes their directory once. */
export async function removeFiles(dir: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  for (const name of names)
    await unlink(join(dir, name)).catch((e: unknown) => {
      if (!isCode(e, 'ENOENT')) throw e;
    });
  await syncDir(dir).catch((e: unknown) => {
    if (!isCode(e, 'ENOENT')) throw e;
  });
}

/** Empties a directory at once: it is renamed away (one atomic step), a new empty one made, the old one removed. */
export async function clearDir(dir: string): Promise<void> {
  const away = join(dirname(dir), `.${basename(dir)}.cleared-${randomUUID()}`);
  try {
    await rename(dir, away);
  } catch (e) {
    if (isCode(e, 'ENOENT')) return;
    throw e;
  }
  await ensureDir(dir);
  await syncDir(dirname(dir));
  await rm(away, { recursive: true, force: true });
}
