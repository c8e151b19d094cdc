// The command line's files and streams: reports read with the app's own reader (size-capped before they are
// read, every error named with the file and the field), baselines from a report or a backup, and files written
// atomically (a temporary file in the same directory, then a rename), so a report on disk is whole or absent.
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { parseBackup } from '../../core/backup';
import { HeadlessInputError, baselinesFromReport, type BaselinePick } from '../../core/headless';
import { DEFAULT_MAX_REPORT_BYTES, parseReport, type Report } from '../../core/report';
import type { Baseline } from '../../core/regression';

/** Where a command writes and what it knows of its process (tests pass their own). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: long commands stop cleanly and keep what finished. */
  signal: AbortSignal;
}

/** A file's text, refused (HeadlessInputError naming it) when it is missing, a directory, or over `maxBytes`. */
export async function readText(path: string, maxBytes: number, what = 'file'): Promise<string> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new HeadlessInputError(`${path}: not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof HeadlessInputError) throw e;
    throw new HeadlessInputError(
      `${path}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  if (size > maxBytes)
    throw new HeadlessInputError(
      `${path}: the ${what} is ${(size / 2 ** 20).toFixed(1)} MiB, larger than the ${maxBytes / 2 ** 20} MiB this reads`,
    );
  return readFile(path, 'utf8');
}

/** A report file read and validated by core's parseReport; throws HeadlessInputError with every error, naming the file. */
export async function readReport(path: string): Promise<Report> {
  const text = await readText(path, DEFAULT_MAX_REPORT_BYTES, 'report');
  const parsed = parseReport(text, { maxBytes: DEFAULT_MAX_REPORT_BYTES });
  if (!parsed.ok) throw new HeadlessInputError(`${path}: not a valid report:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.report;
}

/**
 * The baselines of a file: a report (its benchmarks' runs of the chosen option set, per template) or a backup of
 * the app (its stored baselines, filtered by template and option set name).
 */
export async function readBaselines(path: string, pick: BaselinePick): Promise<Baseline[]> {
  const text = await readText(path, DEFAULT_MAX_REPORT_BYTES, 'baseline');
  let schema: unknown;
  try {
    schema = (JSON.parse(text) as { schema?: unknown } | null)?.schema;
  } catch (e) {
    throw new HeadlessInputError(`${path}: not JSON (${(e as Error).message})`);
  }
  if (schema === 'highs-workbench/backup') {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new HeadlessInputError(`${path}: not a valid backup:\n  ${parsed.errors.join('\n  ')}`);
    const all = (parsed.backup.stores.baselines ?? []) as unknown as Baseline[];
    const chosen = all.filter(
      (b) =>
        (pick.template === undefined || b.template === pick.template) &&
        (pick.optionSet === undefined || b.optionSet.name === pick.optionSet),
    );
    if (chosen.length === 0)
      throw new HeadlessInputError(
        `${path}: the backup has no baseline${pick.template ? ` of template "${pick.template}"` : ''}${pick.optionSet ? ` with option set "${pick.optionSet}"` : ''} (it has ${all.map((b) => `${b.template}/${b.optionSet.name}`).join(', ') || 'none'})`,
      );
    // The newest baseline of each template and option set, as #/regressions checks against.
    const newest = new Map<string, Baseline>();
    for (const b of chosen) {
      const key = `${b.template}\n${b.optionSet.name}`;
      const had = newest.get(key);
      if (!had || had.createdAt < b.createdAt) newest.set(key, b);
    }
    return [...newest.values()].map((b) =>
      pick.thresholdPct === undefined ? b : { ...b, thresholdPct: pick.thresholdPct },
    );
  }
  if (schema !== 'highs-workbench/report')
    throw new HeadlessInputError(
      `${path}: neither a report nor a backup of HiGHS Workbench ("schema" is ${JSON.stringify(schema)})`,
    );
  return baselinesFromReport(await readReport(path), path, pick);
}

/** Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over the target. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}
