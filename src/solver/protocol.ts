// The contract between the solver client (main thread) and the solver worker.
// Only plain structured-clone data crosses it: no class instances, no BigInt.
import type { SolveProfile } from '../core/tuning/types';
import type { ModelFormat } from '../core/model-input';
import type { SolutionCheck } from '../core/solution-check';
import type { RunStatus } from '../core/model-status';
import type { OptionValues, OptionDescriptor } from '../core/options-schema';
import type {
  HighsRunStatus,
  MipPoint,
  ModelSize as CoreModelSize,
  RunTimes,
  SolveFacts,
  WorkCounters,
} from '../core/run-record';

export type {
  ModelFormat,
  RunStatus,
  OptionValues,
  OptionDescriptor,
  RunTimes,
  WorkCounters,
  MipPoint,
  HighsRunStatus,
};

/** One model handed to the worker: raw bytes (maybe gzip), the file name for messages. */
export interface ModelPayload {
  name: string;
  bytes: Uint8Array;
  /** Forced format; otherwise detected from the name and the content. */
  format?: ModelFormat;
}

/** Everything the worker needs for one solve. */
export interface SolveRequest {
  jobId: string;
  model: ModelPayload;
  options: OptionValues;
  /**
   * Shared Int32Array[1]: the client stores CANCEL_REQUESTED to ask the solve to stop; the next
   * interrupt callback stores CANCEL_ACKNOWLEDGED and stops HiGHS (which keeps its best solution).
   */
  cancelFlag?: Int32Array;
  /**
   * Where the cancel flag is checked in simplex iterations: HiGHS calls the simplex interrupt callback
   * every iteration, which costs ~5 µs each (≈6 % of a simplex-bound LP's time), so by default only
   * MIPs (whose LP relaxations are where their time goes) pay it. IPM and MIP callbacks always check.
   */
  simplexInterrupt?: 'always' | 'mip' | 'never';
  /** Minimum time between progress messages, ms (default 100: at most ~10 updates a second). */
  progressIntervalMs?: number;
  /** Include the primal solution (column values and names) in the result. */
  includeSolution?: boolean;
  /**
   * Check the returned solution against the model's data in core (bounds, rows, integrality), after
   * the timed solve, independently of HiGHS's own feasibility report.
   */
  checkSolution?: boolean;
  /** Capture HiGHS's log (default true); batch jobs may skip it to save the logging work. */
  captureLog?: boolean;
  /**
   * Tuning: profile the solve — the model's row groups, WASM memory before and after reading and after the
   * solve, and the log lines with their arrival times (SolveResult.profile).
   */
  profile?: boolean;
  /** Tuning (the ablation): delete every row of this group (core's rowGroupPrefix) after reading, before solving. */
  dropRowGroup?: string;
}

/** Cancel flag values (see SolveRequest.cancelFlag). */
export const CANCEL_REQUESTED = 1;
export const CANCEL_ACKNOWLEDGED = 2;

/** A batch of progress sent at most every progressIntervalMs. */
export interface ProgressUpdate {
  jobId: string;
  /**
   * 'reading' until HiGHS has read the model, then 'solving'. The first update in 'solving' is sent
   * at once (not batched): the pool's watchdog deadline (time limit + grace) starts from it.
   */
  phase: 'reading' | 'solving';
  log: string[];
  points: MipPoint[];
  /** Latest counters seen in callbacks. */
  simplexIterations: number;
  ipmIterations: number;
  mipNodes: number;
  mipLpIterations: number;
  /** Bumped by every solver callback: the worker is alive and making progress. */
  heartbeat: number;
}

/** Model dimensions as read by HiGHS, with the Hessian's nonzeros for QPs. */
export interface ModelSize extends CoreModelSize {
  hessianNnz: number;
}

/** The outcome of one solve, as it leaves the worker: the facts a run record keeps (core's SolveFacts) and more. */
export interface SolveResult extends Omit<SolveFacts, 'cancelMode' | 'size'> {
  jobId: string;
  /** HiGHS's numeric model status, behind `status`. */
  statusCode: number;
  primalSolutionStatus: 'none' | 'infeasible' | 'feasible';
  size: ModelSize;
  inputBytes: number;
  /** Number of timed solves this runtime did before this one. */
  solvesBefore: number;
  /** A cancel request reached the solver through the interrupt callbacks. */
  interruptedByUser: boolean;
  /** Validation warnings (e.g. a stripped BOM). */
  warnings: string[];
  /** The solve's log lines (kept short: the tail when long). */
  logTail: string[];
  points: MipPoint[];
  solution?: { names: string[]; values: Float64Array };
  /** The solution checked in core against the model (with `checkSolution`, when there is a solution). */
  solutionCheck: SolutionCheck | null;
  /** HiGHS's own largest primal infeasibility of its solution (info max_primal_infeasibility), beside solutionCheck. */
  highsMaxPrimalInfeasibility: number | null;
  /** With `profile`: the solve's profile. */
  profile?: SolveProfile;
  /** With `dropRowGroup`: how many rows were deleted before the solve. */
  droppedRows?: number;
}

/** What the worker knows about its runtime. */
export interface RuntimeInfo {
  highsVersion: string;
  warm: boolean;
  warmupMs: number;
  wasmMemoryBytes: number;
  timedSolves: number;
  aborted: boolean;
}

/** The API the worker exposes through Comlink (and the one tests call in-thread). */
export interface SolverApi {
  /** Load (or no-op) and warm up the runtime; returns what it knows. */
  init(opts?: { warmup?: boolean }): Promise<RuntimeInfo>;
  info(): RuntimeInfo;
  describeOptions(): OptionDescriptor[];
  solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void): Promise<SolveResult>;
}

/** Faults a worker can inject on every solve, so chaos mode and tests can exercise the pool's recovery. */
export const WORKER_FAULTS = [
  'throw-on-solve', // an uncaught error outside the call
  'exit-on-solve', // the worker ends itself mid-call
  'hang-on-solve', // the call never answers (and sends no progress)
  'crash-on-solve', // the host reports a crash (by default the same uncaught error)
] as const;

/** One injected fault (see WORKER_FAULTS). */
export type WorkerFault = (typeof WORKER_FAULTS)[number];

/** Reads a fault from untrusted text (a worker name, workerData), so unknown values mean no fault. */
export function parseFault(text: unknown): WorkerFault | undefined {
  return (WORKER_FAULTS as readonly unknown[]).includes(text) ? (text as WorkerFault) : undefined;
}

/** Makes an Error whose name says why a job failed (only name and message cross the worker boundary). */
export function solverError(name: SolverErrorName | 'NotReady' | 'Recycled', message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Error names that cross the worker boundary (Error.name). */
export type SolverErrorName =
  'InvalidModel' | 'InvalidOption' | 'SolverAborted' | 'WorkerCrashed' | 'Timeout' | 'Cancelled' | 'CircuitOpen';
