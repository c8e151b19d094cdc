// The stored shape of one run: what a solve produced (or why it failed), where the model came
// from and the verdict on the answer. Plain data: it goes to IndexedDB and, later, into reports.
// The mapping from a solve's outcome to a record lives here too, so every view stores runs alike.
import type { ModelFormat } from './model-input';
import type { RunStatus } from './model-status';
import type { OptionValues } from './options-schema';
import { checkResult, type Verdict, type ResultFlag } from './result-check';

/** Effort counters; deterministic for a fixed random_seed. */
export interface WorkCounters {
  simplexIterations: number;
  ipmIterations: number;
  crossoverIterations: number;
  qpIterations: number;
  pdlpIterations: number;
  mipNodes: number;
  /** LP iterations inside the MIP solve (HiGHS's mip_total_lp_iterations). */
  mipLpIterations: number;
}

/** Every work counter a run records, in WorkCounters' order (a type check keeps the list complete). */
export const WORK_COUNTER_NAMES = [
  'simplexIterations',
  'ipmIterations',
  'crossoverIterations',
  'qpIterations',
  'pdlpIterations',
  'mipNodes',
  'mipLpIterations',
] as const satisfies readonly (keyof WorkCounters)[];

// Fails to compile when WorkCounters gains a counter that the list above misses.
const _allCounters: [Exclude<keyof WorkCounters, (typeof WORK_COUNTER_NAMES)[number]>] extends [never] ? true : never =
  true;

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

/** One sample of a MIP's bounds over time (for the gap chart and later the primal-dual integral). */
export interface MipPoint {
  /** Seconds since the solve started (HiGHS running time). */
  t: number;
  primal: number | null;
  dual: number | null;
  /** Relative gap as a fraction (0.01 = 1 %), null while unknown. */
  gap: number | null;
  nodes: number;
}

/** Model dimensions as read by HiGHS. */
export interface ModelSize {
  rows: number;
  cols: number;
  nnz: number;
  integers: number;
}

/** Where a model came from. */
export type ModelOrigin = 'library' | 'file' | 'paste' | 'generated';

/** Why a run has no answer: the typed error name (Timeout, WorkerCrashed, InvalidModel, ...) and its message. */
export interface RunError {
  name: string;
  message: string;
}

/** HiGHS's own return status of run(): an error means the answer cannot be used. */
export type HighsRunStatus = 'ok' | 'warning' | 'error';

/** One stored run. */
export interface RunRecord {
  /** Assigned by storage. */
  id?: number;
  createdAt: number;
  modelId: string;
  modelName: string;
  origin: ModelOrigin;
  /** Null when the run failed before the model was read. */
  format: ModelFormat | null;
  size: ModelSize | null;
  /** Options that differ from HiGHS's defaults. */
  options: OptionValues;
  seed: number;
  /** HiGHS's model status; null when the run failed without one (then `error` says why). */
  status: RunStatus | null;
  /** HiGHS's run() status; null when the run failed before HiGHS ran. */
  runStatus: HighsRunStatus | null;
  /** Set when the run failed (no usable answer): the error name and message. */
  error: RunError | null;
  objective: number | null;
  knownObjective: number | null;
  verdict: Verdict;
  flags: ResultFlag[];
  mipGap: number | null;
  mipDualBound: number | null;
  /** For a failed run: zeros, except solveMs, the wall time until the failure as the page saw it. */
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

/** What is known about a run before it is solved: the model, its source and the options. */
export interface RunContext {
  createdAt: number;
  modelId: string;
  modelName: string;
  origin: ModelOrigin;
  options: OptionValues;
  knownObjective: number | null;
  expectedStatus: string | null;
  highsVersion: string;
}

/** The facts of a solve's result that a run record keeps (the solver's SolveResult extends it). */
export interface SolveFacts {
  /** HiGHS's model status (after an error in run() this is what HiGHS reports, often not-set or solve-error). */
  status: RunStatus;
  /** HiGHS's run() status: 'error' (-1) means the answer cannot be used; runError says why. */
  runStatus: HighsRunStatus;
  /** For runStatus 'error': a message that names the file, the model status and HiGHS's ERROR lines. */
  runError: string | null;
  /** null when HiGHS has none or it is not finite (see objectiveNotFinite). */
  objective: number | null;
  /** The raw objective was NaN or infinite. */
  objectiveNotFinite: boolean;
  mipGap: number | null;
  mipDualBound: number | null;
  size: ModelSize;
  format: ModelFormat;
  counters: WorkCounters;
  times: RunTimes;
  /** WASM heap size after the solve. */
  wasmMemoryBytes: number;
  /** Was the runtime warmed up before this solve? */
  warm: boolean;
  warnings: readonly string[];
  /** Lines HiGHS read but ignored (core/model-input's MpsReading.misread); absent: none. */
  misread?: readonly string[];
  cancelMode?: 'graceful' | 'terminated';
}

/** Zero counters, for failed runs. */
export const NO_COUNTERS: Readonly<WorkCounters> = Object.freeze({
  simplexIterations: 0,
  ipmIterations: 0,
  crossoverIterations: 0,
  qpIterations: 0,
  pdlpIterations: 0,
  mipNodes: 0,
  mipLpIterations: 0,
});

/** The seed a run used: HiGHS's random_seed option (default 0). */
function seedOf(options: OptionValues): number {
  return typeof options.random_seed === 'number' ? options.random_seed : 0;
}

/** Checks a solve's answer against what is known about the model. */
export function judgeSolve(
  ctx: Pick<RunContext, 'knownObjective' | 'expectedStatus'>,
  r: SolveFacts,
): { verdict: Verdict; flags: ResultFlag[] } {
  return checkResult({
    status: r.status,
    objective: r.objective,
    objectiveNotFinite: r.objectiveNotFinite,
    rows: r.size.rows,
    cols: r.size.cols,
    knownObjective: ctx.knownObjective,
    expectedStatus: ctx.expectedStatus,
    warnings: r.warnings,
    misread: r.misread,
    isMip: r.size.integers > 0,
    mipDualBound: r.mipDualBound,
    runError: r.runError,
  });
}

/** The record of a solve that returned a result (which may still be a solver error, see runStatus). */
export function solvedRunRecord(ctx: RunContext, r: SolveFacts, check = judgeSolve(ctx, r)): RunRecord {
  return {
    createdAt: ctx.createdAt,
    modelId: ctx.modelId,
    modelName: ctx.modelName,
    origin: ctx.origin,
    format: r.format,
    size: { rows: r.size.rows, cols: r.size.cols, nnz: r.size.nnz, integers: r.size.integers },
    options: { ...ctx.options },
    seed: seedOf(ctx.options),
    status: r.status,
    runStatus: r.runStatus,
    error: r.runError ? { name: 'SolverError', message: r.runError } : null,
    objective: r.objective,
    knownObjective: ctx.knownObjective,
    verdict: check.verdict,
    flags: check.flags,
    mipGap: r.mipGap,
    mipDualBound: r.mipDualBound,
    times: { ...r.times },
    counters: { ...r.counters },
    wasmMemoryBytes: r.wasmMemoryBytes,
    warm: r.warm,
    cancelMode: r.cancelMode ?? null,
    highsVersion: ctx.highsVersion,
  };
}

/** The record of a solve that failed without a result (timeout, crash, abort, cancel, bad model), so error rates can be computed. */
export function failedRunRecord(
  ctx: RunContext,
  error: RunError,
  elapsedMs: number,
  cancelMode: 'graceful' | 'terminated' | null = null,
): RunRecord {
  return {
    createdAt: ctx.createdAt,
    modelId: ctx.modelId,
    modelName: ctx.modelName,
    origin: ctx.origin,
    format: null,
    size: null,
    options: { ...ctx.options },
    seed: seedOf(ctx.options),
    status: null,
    runStatus: null,
    error: { name: error.name, message: error.message },
    objective: null,
    knownObjective: ctx.knownObjective,
    verdict: 'failed',
    flags: [{ code: 'solver-failed', severity: 'error', message: `${error.name}: ${error.message}` }],
    mipGap: null,
    mipDualBound: null,
    times: { readMs: 0, solveMs: Math.max(0, elapsedMs), highsRunMs: 0, validateMs: 0 },
    counters: { ...NO_COUNTERS },
    wasmMemoryBytes: 0,
    warm: false,
    cancelMode,
    highsVersion: ctx.highsVersion,
  };
}
