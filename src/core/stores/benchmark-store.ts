// Benchmarks, their runs, the user's model files and saved configurations: the interface every implementation
// (IndexedDB, memory, files) fits, and its rules, written once: benchmarks list newest first (ties: the larger
// id first), a benchmark's runs come back in the order they were stored, and an import never replaces a stored
// benchmark (one id already stored, or given twice, refuses the whole import).
import type { DamagedRecord } from '../backup';
import type { BenchmarkRun } from '../benchmark';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from './benchmark-records';

/** The benchmark stores as state uses them: benchmarks, their runs (added in batches) and the user's model files. */
export interface BenchmarkStore {
  /** Creates or updates a benchmark's description and state (not its runs). */
  putBenchmark(b: StoredBenchmark): Promise<void>;
  /** One benchmark, or undefined (also when it is damaged: readBenchmarks lists it as such). */
  getBenchmark(id: string): Promise<StoredBenchmark | undefined>;
  /** Every stored benchmark the app can read, newest first. */
  listBenchmarks(): Promise<StoredBenchmark[]>;
  /** Every stored benchmark: the readable ones newest first, and the damaged ones (absent: none can be). */
  readBenchmarks?(): Promise<BenchmarkListing>;
  /** A benchmark's readable runs in the order they were stored, and its damaged ones. */
  readRuns?(benchmarkId: string): Promise<BenchmarkRunListing>;
  /** Deletes one damaged record: a benchmark (with its runs) or one benchmark run. */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
  /** Stores finished runs of a benchmark as one batch (all or none). */
  addRuns(benchmarkId: string, runs: readonly BenchmarkRun[]): Promise<void>;
  /** A benchmark's readable runs in the order they were stored. */
  listRuns(benchmarkId: string): Promise<BenchmarkRun[]>;
  /** A model file the user added, by the SHA-256 of its bytes, or undefined. */
  getModelFile(id: string): Promise<StoredModelFile | undefined>;
  /** Keeps a model file by the SHA-256 of its bytes. */
  putModelFile(file: StoredModelFile): Promise<void>;
  /** Deletes a benchmark and its runs. */
  deleteBenchmark(id: string): Promise<void>;
  /** Stores whole benchmarks with their runs (an imported report): all, or nothing changed (see importProblem). */
  importBenchmarks(items: readonly BenchmarkImport[]): Promise<void>;
  /** Saves (or replaces, by name) a named benchmark configuration. */
  saveConfig(config: StoredBenchmarkConfig): Promise<void>;
  /** The saved benchmark configurations. */
  listConfigs(): Promise<StoredBenchmarkConfig[]>;
  /** Deletes a saved configuration by name. */
  deleteConfig(name: string): Promise<void>;
}

/** One benchmark of an import, with its runs. */
export interface BenchmarkImport {
  benchmark: StoredBenchmark;
  runs: readonly BenchmarkRun[];
}

/** The benchmarks the app can read, newest first, and the damaged ones. */
export interface BenchmarkListing {
  benchmarks: StoredBenchmark[];
  damaged: DamagedRecord[];
}

/** A benchmark's readable runs, in the order they were stored, and its damaged ones. */
export interface BenchmarkRunListing {
  runs: BenchmarkRun[];
  damaged: DamagedRecord[];
}

/** The listing's order: newest createdAt first, then the larger id first (as text). */
export function benchmarksNewestFirst(a: StoredBenchmark, b: StoredBenchmark): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Saved configurations in the listing's order: by name (as IndexedDB's keys order them). */
export function configsByName(a: StoredBenchmarkConfig, b: StoredBenchmarkConfig): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** An import refused because a benchmark's id is already stored or given twice: nothing was stored. */
export class BenchmarkExists extends Error {
  // IndexedDB's own refusal of the same import is a ConstraintError: one name for either.
  override name = 'ConstraintError';
  constructor(readonly id: string) {
    super(`a benchmark with the id "${id}" is already stored (or imported twice): nothing was imported`);
  }
}

/** Why an import must be refused (an id already stored, or given twice), or null; `stored` says whether an id is stored. */
export function importProblem(
  items: readonly BenchmarkImport[],
  stored: (id: string) => boolean,
): BenchmarkExists | null {
  const seen = new Set<string>();
  for (const { benchmark } of items) {
    if (seen.has(benchmark.id) || stored(benchmark.id)) return new BenchmarkExists(benchmark.id);
    seen.add(benchmark.id);
  }
  return null;
}
