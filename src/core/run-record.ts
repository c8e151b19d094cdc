// The stored shape of one run: what a solve produced, plus where the model came from and the
// verdict on the answer. Plain data: it goes to IndexedDB and, later, into reports.
import type { RunStatus } from './model-status';
import type { OptionValues } from './options-schema';
import type { Verdict, ResultFlag } from './result-check';

/** Effort counters; deterministic for a fixed random_seed. */
export interface WorkCounters {
  simplexIterations: number;
  ipmIterations: number;
  crossoverIterations: number;
  qpIterations: number;
  pdlpIterations: number;
  mipNodes: number;
  mipLpIterations: number;
}

/** Times of one run, milliseconds. */
export interface RunTimes {
  /** Reading and parsing the model text into HiGHS. */
  readMs: number;
  /** Wall time of the solve call, measured in the worker. */
  solveMs: number;
  /** HiGHS's own run time. */
  highsRunMs: number;
  /** Input validation (and decompression) before HiGHS saw the model. */
  validateMs: number;
}

/** Where a model came from. */
export type ModelOrigin = 'library' | 'file' | 'paste';

/** One stored run. */
export interface RunRecord {
  /** Assigned by storage. */
  id?: number;
  createdAt: number;
  modelId: string;
  modelName: string;
  origin: ModelOrigin;
  format: 'lp' | 'mps';
  size: { rows: number; cols: number; nnz: number; integers: number };
  /** Options that differ from HiGHS's defaults. */
  options: OptionValues;
  seed: number;
  status: RunStatus;
  objective: number | null;
  knownObjective: number | null;
  verdict: Verdict;
  flags: ResultFlag[];
  mipGap: number | null;
  mipDualBound: number | null;
  times: RunTimes;
  counters: WorkCounters;
  wasmMemoryBytes: number;
  warm: boolean;
  cancelMode: 'graceful' | 'terminated' | null;
  highsVersion: string;
}

/** Hex SHA-256 of a model's bytes: the model's identity everywhere in the app. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
