// What the benchmark stores hold: a benchmark's description and state (its runs are stored apart,
// in batches), the user's model files by SHA-256, and named benchmark configurations.
import type { BenchmarkAsRead } from '../backup';
import type { BenchmarkConfig, BenchmarkDefinition, BenchmarkModel, BenchmarkPurpose, OptionSet } from '../benchmark';

/** Where a stored benchmark is in its life: `interrupted` when the page went away mid-run (resume runs what is missing). */
export type BenchmarkState = 'running' | 'interrupted' | 'cancelled' | 'finished' | 'imported';

/** A benchmark as stored, without its runs. */
export interface StoredBenchmark {
  id: string;
  name: string;
  createdAt: number;
  state: BenchmarkState;
  config: BenchmarkConfig;
  referenceOptionSetId: string;
  models: BenchmarkModel[];
  optionSets: OptionSet[];
  /** The environment it ran in (for an imported one, the report's), so figures are read in context. */
  environment: { userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean };
  solver: { name: string; version: string };
  /** What was run (templates, option sets, config), so an interrupted benchmark can be resumed; absent for imports. */
  definition?: BenchmarkDefinition;
  /** For an imported benchmark: the report file it came from, its createdAt, and the benchmark's id in it. */
  importedFrom?: { file: string; createdAt: string; benchmarkId?: string };
  // The two fields below were added within the store's schema (no version bump): records without them read as before.
  /** What it was run for; absent: an ordinary benchmark (or one stored before the field existed). */
  purpose?: BenchmarkPurpose;
  /** For an imported benchmark: when it started where it ran (ISO 8601), when its report says; createdAt is the import. */
  startedAt?: string;
}

/** A model file the user added, kept by the SHA-256 of its bytes. */
export interface StoredModelFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  addedAt: number;
}

/** A named benchmark configuration that can be run again. */
export interface StoredBenchmarkConfig {
  name: string;
  savedAt: number;
  definition: BenchmarkDefinition;
}

// The schema the app reads a benchmark with (core/backup/records.ts) reads every field of StoredBenchmark
// with its type: a field added here without it there fails to compile.
type BenchmarkFields = {
  [K in keyof StoredBenchmark]-?: [BenchmarkAsRead[K]] extends [StoredBenchmark[K]] ? true : false;
};
/** Compile-time proof that StoredBenchmarkSchema reads every StoredBenchmark field with its type. */
export type _StoredBenchmarkChecks = BenchmarkFields[keyof BenchmarkFields] extends true ? true : never;
const _storedBenchmarkChecked: _StoredBenchmarkChecks = true;
