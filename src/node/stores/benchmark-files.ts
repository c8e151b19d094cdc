// The benchmark stores on disk, under one root: `benchmarks/<id>.json` (a benchmark's description and state,
// replaced whole), `benchmark-runs/<id>.jsonl` (its runs, one JSON line each, appended a batch at a time with one
// fsync, read back line by line: the store never holds a benchmark's runs), `model-files/<sha>.json` and
// `benchmark-configs/<name>.json`. Every record read is checked with core's record schemas: a damaged benchmark or
// run (a hand edit; a last line torn by a kill) is listed apart with its key, never a crash. Core's rules: the
// listing's order, runs in the order stored, an import never replaces a stored benchmark.
import { basename, join } from 'node:path';
import { damagedRecord, recordProblems, type DamagedRecord, type RecordKey } from '../../core/backup';
import type { BenchmarkRun } from '../../core/benchmark';
import {
  benchmarksNewestFirst,
  checkOwnDamaged,
  configsByName,
  importProblem,
  type BenchmarkImport,
  type BenchmarkStore,
  type StoredBenchmark,
  type StoredBenchmarkConfig,
  type StoredModelFile,
} from '../../core/stores';
import {
  appendLines,
  exists,
  readLines,
  removeFiles,
  serialized,
  sizeOf,
  writeAllAtomic,
  writeAtomic,
  type FileData,
} from './files';
import { readableRecord, readableRecords, recordDir } from './record-dir';
import { decodeRecord, encodeRecord, isObject } from './record-json';

/** One line of a benchmark's runs as read: a run, or a damaged one with its key ([benchmark id, line]). */
export type RunLine = { run: BenchmarkRun } | { damaged: DamagedRecord };

/** The benchmark store on disk, with what only files offer: a benchmark's runs one at a time. */
export interface FileBenchmarkStore extends Required<BenchmarkStore> {
  /** A benchmark's runs in the order stored, one line at a time (damaged lines as such): memory stays flat. */
  eachRun(benchmarkId: string): AsyncGenerator<RunLine>;
}

/** How many runs of an import are encoded into one piece of its file. */
const LINES_PER_PIECE = 1000;

/** A run as a line: without the storage fields (its benchmark is the file's, its key the line's). */
function runLine(run: BenchmarkRun): string {
  const { benchmarkId: _b, id: _id, ...rest } = run as BenchmarkRun & { benchmarkId?: unknown; id?: unknown };
  return `${encodeRecord(rest)}\n`;
}

/** The benchmark stores under `root`. */
export function fileBenchmarkStore(root: string): FileBenchmarkStore {
  const benchmarks = recordDir(join(root, 'benchmarks'));
  const runsDir = join(root, 'benchmark-runs');
  const files = recordDir(join(root, 'model-files'));
  const configs = recordDir(join(root, 'benchmark-configs'));
  /** A benchmark's runs file, by its description's file name. */
  const runsOfName = (name: string) => join(runsDir, `${name.slice(0, -'.json'.length)}.jsonl`);
  const runsPath = (id: string) => runsOfName(benchmarks.nameOf(id));

  async function* eachRun(benchmarkId: string): AsyncGenerator<RunLine> {
    const path = runsPath(benchmarkId);
    // Only what was whole when the read began: appends wait for this (one batch at a time), then go on.
    const size = await serialized(path, () => sizeOf(path));
    for await (const { n, text } of readLines(path, size)) {
      if (text.trim() === '') continue;
      const key: RecordKey = [benchmarkId, n];
      const decoded = decodeRecord(text);
      if (!decoded.ok) {
        yield { damaged: damagedRecord('benchmarkRuns', key, {}, [`line ${n}: ${decoded.problem}`]) };
        continue;
      }
      const value = decoded.value;
      const run = isObject(value) ? (({ benchmarkId: _b, id: _id, ...r }) => r)(value) : value;
      const problems = recordProblems('benchmarkRuns', isObject(run) ? { ...run, benchmarkId } : run);
      if (problems.length === 0) yield { run: run as unknown as BenchmarkRun };
      else yield { damaged: damagedRecord('benchmarkRuns', key, value, problems) };
    }
  }

  async function readRuns(benchmarkId: string) {
    const runs: BenchmarkRun[] = [];
    const damaged: DamagedRecord[] = [];
    for await (const line of eachRun(benchmarkId)) {
      if ('run' in line) runs.push(line.run);
      else damaged.push(line.damaged);
    }
    return { runs, damaged };
  }

  async function readBenchmarks() {
    const listed: StoredBenchmark[] = [];
    const damaged: DamagedRecord[] = [];
    for await (const { key, decoded } of benchmarks.files()) {
      if (!decoded.ok) {
        damaged.push(damagedRecord('benchmarks', key, {}, [decoded.problem]));
        continue;
      }
      const problems = recordProblems('benchmarks', decoded.value);
      if (problems.length === 0) listed.push(decoded.value as StoredBenchmark);
      else damaged.push(damagedRecord('benchmarks', key, decoded.value, problems));
    }
    return { benchmarks: listed.sort(benchmarksNewestFirst), damaged };
  }

  /** Deletes a benchmark's description, then its runs (a benchmark never lists without them). */
  async function deleteByName(name: string): Promise<void> {
    await benchmarks.remove(name);
    const path = runsOfName(name);
    await serialized(path, () => removeFiles(runsDir, [basename(path)]));
  }

  /** Rewrites a benchmark's runs without one line (a damaged run deleted), whole. */
  async function deleteLine(benchmarkId: string, line: number): Promise<void> {
    const path = runsPath(benchmarkId);
    await serialized(path, () =>
      // The other lines, one at a time, into the file's new version.
      writeAtomic(path, async function* () {
        for await (const { n, text } of readLines(path)) if (n !== line && text.trim() !== '') yield `${text}\n`;
      }),
    );
  }

  async function importBenchmarks(items: readonly BenchmarkImport[]): Promise<void> {
    const stored = new Set<string>();
    for (const { benchmark } of items)
      if (await exists(join(benchmarks.dir, benchmarks.nameOf(benchmark.id)))) stored.add(benchmark.id);
    const refused = importProblem(items, (id) => stored.has(id));
    if (refused) throw refused;
    const pieces = (runs: readonly BenchmarkRun[]): (() => Iterable<string>) =>
      function* () {
        for (let i = 0; i < runs.length; i += LINES_PER_PIECE)
          yield runs
            .slice(i, i + LINES_PER_PIECE)
            .map(runLine)
            .join('');
      };
    // Runs first, descriptions last: a benchmark is listed only once its runs are all there. A run that cannot be
    // stored fails its file's write, and every file written so far is deleted: nothing changed.
    const writes: { path: string; data: FileData }[] = [
      ...items.map(({ benchmark, runs }) => ({ path: runsPath(benchmark.id), data: pieces(runs) })),
      ...items.map(({ benchmark }) => ({
        path: join(benchmarks.dir, benchmarks.nameOf(benchmark.id)),
        data: encodeRecord(benchmark),
      })),
    ];
    await writeAllAtomic(writes);
  }

  return {
    putBenchmark: async (b) => benchmarks.put(b.id, b),
    getBenchmark: async (id) => readableRecord<StoredBenchmark>(benchmarks, 'benchmarks', id),
    listBenchmarks: async () => (await readBenchmarks()).benchmarks,
    readBenchmarks,
    readRuns,
    async deleteDamaged(record) {
      checkOwnDamaged(record, 'benchmarks', 'benchmarkRuns');
      if (record.store === 'benchmarks') {
        const name = benchmarks.nameOfKey(record.key);
        if (name === undefined) throw new Error(`no benchmark has the key ${JSON.stringify(record.key)}`);
        await deleteByName(name);
      } else if (record.store === 'benchmarkRuns') {
        const [id, line] = Array.isArray(record.key) ? record.key : [];
        if (typeof id !== 'string' || typeof line !== 'number')
          throw new Error(`no benchmark run has the key ${JSON.stringify(record.key)}`);
        await deleteLine(id, line);
      }
    },
    async addRuns(benchmarkId, runs) {
      if (runs.length === 0) return;
      const text = runs.map(runLine).join(''); // encoded whole before anything is written: all or none
      const path = runsPath(benchmarkId);
      await serialized(path, () => appendLines(path, text));
    },
    listRuns: async (id) => (await readRuns(id)).runs,
    eachRun,
    getModelFile: async (id) => readableRecord<StoredModelFile>(files, 'modelFiles', id),
    putModelFile: async (file) => files.put(file.id, file),
    deleteBenchmark: async (id) => deleteByName(benchmarks.nameOf(id)),
    importBenchmarks,
    saveConfig: async (config) => configs.put(config.name, config),
    listConfigs: async () =>
      (await readableRecords<StoredBenchmarkConfig>(configs, 'benchmarkConfigs')).sort(configsByName),
    deleteConfig: async (name) => configs.remove(configs.nameOf(name)),
  };
}
